import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Permission } from '../../platform/context.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { exportReceivedDossier } from './export-received-dossier.js';
import { exportReceivedDossierJson } from './export-received-dossier-json.js';
import { rejectReceived } from './mark-imported.js';
import { readRegistration } from './read-registration.js';
import { registerPupil } from './register-pupil.js';
import { requestDossier } from './request-dossier.js';
import { SUPPORT_ELEMENTS } from './support-information.js';
import { viewReceivedDossier } from './view-received-dossier.js';

const PO = '91PA';
const VO = '92VA';
const po = schoolActor([PO]);
/** The roles of the web contract, as the permissions they hold at the vo school. */
const administratie = schoolActor(
  [VO],
  ['registration:write', 'request:send', 'received:read', 'received:write'],
);
const coordinator = schoolActor(
  [VO],
  ['received:read', 'received:support', 'registration:write', 'request:send'],
);
const directie = schoolActor([VO], ['received:read'] satisfies Permission[]);

const DIAGNOSIS = 'Dyslexie vastgesteld door Testbureau Zorgvuldig';
const PLAN = 'Plan voor begrijpend lezen en rust in de klas';

describeEachDatabase(
  'the received dossier for people: support information only for who may see it',
  (db) => {
    let w: ChainWorld;
    let registrationId: string;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      // A pupil with support information: a diagnosis and a handelingsplan.
      const xml = dossierXml(PO, {
        seed: 'support-view',
        change: (d) => {
          d.metadata.categorie_uitlevering = {
            ...(d.metadata.categorie_uitlevering as NonNullable<typeof d.metadata.categorie_uitlevering>),
            cat_onderwijsondersteuning: 'OPTIONEEL',
            cat_handelingsplannen: 'OPTIONEEL',
          };
          d.huidigeschool.leerling.onderwijsondersteuning = {
            diagnose: [{ code: ['F81.0'], naam: DIAGNOSIS, datum: '2022-10-01' }],
            medicijngebruik: false,
            handelingsplan: [{ startdatum: '2023-01-09', isgerichtop: PLAN }],
          };
        },
      });
      const saved = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId: saved.dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: saved.dossierId, destinationBrin: VO });
      const l = readDossier(xml).huidigeschool.leerling;
      const registration = await registerPupil(w.ctx(administratie), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        achternaam: l.achternaam,
        bsn: l.bsn as string,
        geboortedatum: l.geboortedatum as string,
      });
      registrationId = registration.registrationId;
      const result = await requestDossier(w.ctx(administratie), w.chain, { schoolBrin: VO, registrationId });
      expect(result.result).toBe('OverdrachtGeslaagd');
    });
    afterAll(async () => w?.close());

    const input = () => ({ schoolBrin: VO, registrationId });
    const audited = async (action: string) =>
      (
        await db().query<{ actor_id: string; details: Record<string, unknown> }>(
          'SELECT actor_id, details FROM platform.audit_log WHERE action = $1 ORDER BY seq',
          [action],
        )
      ).rows;

    it('the coordinator sees the rendered dossier with its support information', async () => {
      const { html, supportShown } = await viewReceivedDossier(w.ctx(coordinator), input());
      expect(supportShown).toBe(true);
      expect(html).toContain('<!DOCTYPE html>');
      expect(html).toContain(DIAGNOSIS);
      expect(html).toContain(PLAN);
      expect(html).not.toContain('Niet getoond');
    });

    it('without received:support the page leaves support information out and says so, in the chosen language', async () => {
      for (const actor of [administratie, directie]) {
        const { html, supportShown } = await viewReceivedDossier(w.ctx(actor), input());
        expect(supportShown).toBe(false);
        expect(html).not.toContain(DIAGNOSIS);
        expect(html).not.toContain(PLAN);
        expect(html).not.toContain('F81.0');
        expect(html).toContain('Niet getoond: u heeft hier geen toegang toe');
      }
      const english = await viewReceivedDossier(w.ctx(directie), { ...input(), lang: 'en' });
      expect(english.html).toContain('Not shown: you have no access to this');
      expect(english.html).toContain('<html lang="en">');
    });

    it('the JSON export applies the same filter; the complete XML export needs received:write', async () => {
      const full = await exportReceivedDossierJson(w.ctx(coordinator), input());
      expect(full.withheld).toEqual([]);
      expect(full.dossier.huidigeschool.leerling.onderwijsondersteuning?.diagnose?.[0].naam).toBe(DIAGNOSIS);

      const filtered = await exportReceivedDossierJson(w.ctx(directie), input());
      expect(filtered.withheld).toEqual(['cat_onderwijsondersteuning', 'cat_handelingsplannen']);
      expect(filtered.dossier.huidigeschool.leerling.onderwijsondersteuning).toBeUndefined();
      const text = JSON.stringify(filtered);
      for (const hidden of [DIAGNOSIS, PLAN, 'F81.0', ...SUPPORT_ELEMENTS.map((e) => `"${e}"`)]) {
        expect(text).not.toContain(hidden);
      }
      expect(filtered.findings.some((f) => f.path.includes('onderwijsondersteuning'))).toBe(false);
      expect(filtered.dossier.huidigeschool.leerling.achternaam).toBe(
        full.dossier.huidigeschool.leerling.achternaam,
      );

      const xml = await exportReceivedDossier(w.ctx(administratie), input());
      expect(xml.xml.toString('utf8')).toContain(DIAGNOSIS);
      for (const actor of [coordinator, directie]) {
        await expect(exportReceivedDossier(w.ctx(actor), input())).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      }
    });

    it('every view and export is audited, with whether support information was shown, and no personal data', async () => {
      const viewed = await audited('received.viewed');
      expect(viewed.map((v) => [v.actor_id, v.details.supportShown])).toEqual([
        [coordinator.id, true],
        [administratie.id, false],
        [directie.id, false],
        [directie.id, false],
      ]);
      const exported = await audited('received.exported');
      expect(exported.map((e) => [e.details.format, e.details.supportIncluded ?? null])).toEqual([
        ['json', true],
        ['json', false],
        ['xml', null],
      ]);
      const all = JSON.stringify((await db().query('SELECT * FROM platform.audit_log')).rows);
      expect(all).not.toContain(DIAGNOSIS);
    });

    it('the registration with its request history; the number only for who may correct it; the reject reason', async () => {
      const detail = await readRegistration(w.ctx(administratie), input());
      expect(detail).toMatchObject({
        registrationId,
        state: 'ontvangen',
        sourceSchoolName: `School ${PO}`,
        lastResult: 'OverdrachtGeslaagd',
        requestable: true,
        rejectReason: null,
        number: { bsn: expect.stringMatching(/^\d{9}$/) },
      });
      expect(detail.requests).toEqual([
        expect.objectContaining({
          trigger: 'manual',
          result: 'OverdrachtGeslaagd',
          explanation: expect.any(Object),
        }),
      ]);
      expect((await readRegistration(w.ctx(directie), input())).number).toBeNull();

      await rejectReceived(w.ctx(administratie), { ...input(), reason: 'Leerling is niet geplaatst.' });
      const rejected = await readRegistration(w.ctx(coordinator), input());
      expect(rejected).toMatchObject({ state: 'afgewezen', rejectReason: 'Leerling is niet geplaatst.' });
      await expect(readRegistration(w.ctx(schoolActor(['11AA'])), input())).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        readRegistration(w.ctx(administratie), {
          schoolBrin: VO,
          registrationId: '00000000-0000-4000-8000-000000000000',
        }),
      ).rejects.toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    });
  },
  { migrations: chainTestMigrations },
);
