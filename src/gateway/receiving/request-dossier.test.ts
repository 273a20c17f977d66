import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { defaultTransfersInFlight } from '../../platform/config.js';
import { metricsText } from '../../platform/http/metrics.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { editDossier } from '../sending/edit-dossier.js';
import { expireReadyDossiers } from '../sending/expire-ready-dossiers.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { correctRegistration } from './correct-registration.js';
import { asJson, exportReceivedDossier } from './export-received-dossier.js';
import { listRegistrations } from './list-registrations.js';
import { markImported, rejectReceived } from './mark-imported.js';
import { registerPupil } from './register-pupil.js';
import { requestAllOpen } from './request-all-open.js';
import { requestDossier } from './request-dossier.js';
import { setTransfersInFlight } from './transfer-slots.js';

const PO = '51PA';
const VO = '52VA';
const OTHER_VO = '53VB';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);

describeEachDatabase(
  'requesting a dossier over the chain',
  (db) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(OTHER_VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    /** A pupil of the po school with an inspected dossier; optionally set ready for a school. */
    async function pupil(options: { readyFor?: string } = {}) {
      const i = index++;
      const xml = dossierXml(PO, { index: i, seed: 'request-tests' });
      const saved = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId: saved.dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      if (options.readyFor) {
        await klaarzetten(w.ctx(po), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          destinationBrin: options.readyFor,
        });
      }
      const leerling = (await import('../../standard/index.js')).readDossier(xml).huidigeschool.leerling;
      return {
        dossierId: saved.dossierId,
        bsn: leerling.bsn as string,
        achternaam: leerling.achternaam,
        geboortedatum: leerling.geboortedatum as string,
      };
    }

    async function register(p: { bsn: string; achternaam: string; geboortedatum: string }, school = VO) {
      const registration = await registerPupil(w.ctx(schoolActor([school])), w.chain, {
        schoolBrin: school,
        sourceBrin: PO,
        ...p,
      });
      return registration.registrationId;
    }

    it('OverdrachtGeslaagd: the dossier arrives, and its export equals what was delivered', async () => {
      const p = await pupil({ readyFor: VO });
      const registrationId = await register(p);
      const result = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(result).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });
      expect(result.explanation.nl).toMatch(/ontvangen/);

      const exported = await exportReceivedDossier(w.ctx(vo), { schoolBrin: VO, registrationId });
      const { rows } = await db().query<{ id: string }>(
        'SELECT v.id FROM gw.dossier_versions v JOIN gw.dossiers d ON d.id = v.dossier_id AND v.version = d.current_version WHERE d.id = $1',
        [p.dossierId],
      );
      const sent = w.keyring.decrypt(
        (
          await db().query<{ xml_enc: Uint8Array }>('SELECT xml_enc FROM gw.dossier_versions WHERE id = $1', [
            rows[0].id,
          ])
        ).rows[0].xml_enc,
        `gw.dossier_versions:${rows[0].id}`,
      );
      expect(Buffer.compare(exported.xml, Buffer.from(sent))).toBe(0);
      const model = asJson(exported);
      expect(model.huidigeschool.leerling.bsn).toBe(p.bsn);
      expect(model.inzage).toMatchObject({ inzage: true, inzagedatum: '2026-03-20', akkoord: 'Ja' });

      // Asked again: only if changed since the version we hold → NietGewijzigd, back to ontvangen.
      const again = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(again).toMatchObject({ result: 'NietGewijzigd', state: 'ontvangen' });

      expect(await markImported(w.ctx(vo), { schoolBrin: VO, registrationId })).toEqual({
        registrationId,
        state: 'ingelezen',
      });
      // the received dossier is marked, and the audit entry names it (one statement with the move)
      const imported = await db().query<{ id: string; imported: boolean; audited: unknown }>(
        `SELECT d.id, d.imported_at IS NOT NULL AS imported,
                (SELECT a.details FROM platform.audit_log a
                  WHERE a.action = 'received.imported' AND a.subject = $2) AS audited
           FROM gw.received_dossiers d WHERE d.registration_id = $1`,
        [registrationId, registrationId],
      );
      expect(imported.rows).toEqual([
        { id: imported.rows[0]?.id, imported: true, audited: { receivedDossierId: imported.rows[0]?.id } },
      ]);
      // a second import is refused and changes nothing
      await expect(markImported(w.ctx(vo), { schoolBrin: VO, registrationId })).rejects.toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
      const afterImport = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(afterImport).toMatchObject({ result: 'NietGewijzigd', state: 'ingelezen' });
    });

    it('the summer version: after a change, the re-request on the ready notice delivers the new version', async () => {
      const p = await pupil({ readyFor: VO });
      const registrationId = await register(p);
      expect((await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId })).result).toBe(
        'OverdrachtGeslaagd',
      );
      w.clock.advance(60_000);
      // The po school adds to the dossier (a new version), has it inspected again and sets it ready.
      const { readDossier, writeDossier } = await import('../../standard/index.js');
      const changed = readDossier(dossierXml(PO, { index: index - 1, seed: 'request-tests' }));
      changed.huidigeschool.leerling.roepnaam = 'Zomerversie';
      await editDossier(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId, xml: writeDossier(changed) });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId: p.dossierId,
        inzagedatum: '2026-03-21',
        akkoord: 'Ja',
      });
      w.clock.advance(60_000);
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId, destinationBrin: VO });
      await w.runJobs();
      const exported = await exportReceivedDossier(w.ctx(vo), { schoolBrin: VO, registrationId });
      expect(asJson(exported).huidigeschool.leerling.roepnaam).toBe('Zomerversie');
      const { rows } = await db().query<{ only_if_changed_since: Date | null; result: string }>(
        `SELECT only_if_changed_since, result FROM gw.outgoing_requests WHERE registration_id = $1 AND trigger = 'notice'`,
        [registrationId],
      );
      expect(rows).toEqual([{ only_if_changed_since: expect.any(Date), result: 'OverdrachtGeslaagd' }]);
    });

    it('NietKlaargezet while the dossier is not ready', async () => {
      const registrationId = await register(await pupil());
      const result = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(result).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });
    });

    it('NietKlaargezet when the dossier is ready for another school — never where the pupil went', async () => {
      const registrationId = await register(await pupil({ readyFor: OTHER_VO }));
      const result = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(result).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });
    });

    it('LeerlingNietGevonden for a BSN the source school does not know', async () => {
      const registrationId = await register({
        bsn: '111222333',
        achternaam: 'Onbekend',
        geboortedatum: '2014-01-01',
      });
      const result = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(result).toMatchObject({ result: 'LeerlingNietGevonden', state: 'niet_gevonden' });
      expect(result.explanation.en).toMatch(/Check the number/);
    });

    it('GegevensKomenNietOvereen when the surname or the birth date differ', async () => {
      const p = await pupil({ readyFor: VO });
      const wrongName = await register({ ...p, achternaam: 'Anders' });
      expect(
        await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId: wrongName }),
      ).toMatchObject({
        result: 'GegevensKomenNietOvereen',
        state: 'niet_gevonden',
      });
      const q = await pupil({ readyFor: OTHER_VO });
      const wrongDate = await register({ ...q, geboortedatum: '2013-02-03' }, OTHER_VO);
      expect(
        await requestDossier(w.ctx(schoolActor([OTHER_VO])), w.chain, {
          schoolBrin: OTHER_VO,
          registrationId: wrongDate,
        }),
      ).toMatchObject({ result: 'GegevensKomenNietOvereen' });
    });

    it('after a correction of the registration, the request finds the pupil', async () => {
      const p = await pupil({ readyFor: VO });
      const registrationId = await register({ ...p, achternaam: 'Verkeerd' });
      expect((await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId })).result).toBe(
        'GegevensKomenNietOvereen',
      );
      await expect(
        correctRegistration(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId, bsn: '123456789' }),
      ).rejects.toMatchObject({ code: 'REGISTRATION_INVALID' });
      const corrected = await correctRegistration(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        registrationId,
        achternaam: p.achternaam,
      });
      expect(corrected).toMatchObject({ state: 'niet_gevonden', sourceBrin: PO });
      expect(await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId })).toMatchObject({
        result: 'OverdrachtGeslaagd',
        state: 'ontvangen',
      });
      await expect(
        correctRegistration(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId, achternaam: 'X' }),
      ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    });

    it('DossierVerlopen after the summer switch', async () => {
      const p = await pupil({ readyFor: VO });
      const registrationId = await register(p);
      const { expired } = await expireReadyDossiers(w.ctx(), {
        asOf: new Date(w.clock.now().getTime() + 1000),
      });
      expect(expired).toBeGreaterThanOrEqual(1);
      const result = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(result).toMatchObject({ result: 'DossierVerlopen', state: 'wacht_op_klaarzetten' });
    });

    it('rejects a received dossier with a reason; refuses steps the lifecycle does not allow', async () => {
      const registrationId = await register(await pupil({ readyFor: VO }));
      await expect(
        rejectReceived(w.ctx(vo), { schoolBrin: VO, registrationId, reason: 'x' }),
      ).rejects.toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
      await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(
        await rejectReceived(w.ctx(vo), { schoolBrin: VO, registrationId, reason: 'Verkeerde leerling' }),
      ).toEqual({
        registrationId,
        state: 'afgewezen',
      });
      await expect(markImported(w.ctx(vo), { schoolBrin: VO, registrationId })).rejects.toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
    });

    it('requests all open registrations of a school in bulk and lists them with what to do', async () => {
      const ready = await register(await pupil({ readyFor: OTHER_VO }), OTHER_VO);
      const waiting = await register(await pupil(), OTHER_VO);
      const actor = schoolActor([OTHER_VO]);
      const bulk = await requestAllOpen(w.ctx(actor), w.chain, { schoolBrin: OTHER_VO });
      expect(bulk.results.map((r) => r.registrationId).sort()).toEqual([ready, waiting].sort());
      expect(bulk.byResult).toEqual({ OverdrachtGeslaagd: 1, NietKlaargezet: 1 });
      const list = await listRegistrations(w.ctx(actor), { schoolBrin: OTHER_VO });
      const item = list.find((r) => r.registrationId === ready);
      expect(item).toMatchObject({ state: 'ontvangen', lastResult: 'OverdrachtGeslaagd', sourceBrin: PO });
      expect(item?.received?.receivedDossierId).toBeTruthy();
      expect(list.find((r) => r.registrationId === waiting)?.explanation?.nl).toMatch(/vanzelf/);
    });

    it('with one transfer slot, simultaneous requests take turns and all arrive; none keeps a slot', async () => {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await register(await pupil({ readyFor: VO })));
      setTransfersInFlight(1);
      try {
        // The chain here is mutual TLS on loopback: each request lends its slot while it waits for
        // the traffic center or the source (transfer-slots.ts), and takes one back for its own work.
        const results = await Promise.all(
          ids.map((registrationId) => requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId })),
        );
        expect(results.map((r) => r.result)).toEqual(Array(3).fill('OverdrachtGeslaagd'));
        const metrics = await metricsText();
        expect(metrics).toMatch(/^overstap_transfers_in_flight 0$/m);
        expect(metrics).toMatch(/^overstap_transfers_waiting 0$/m);
      } finally {
        setTransfersInFlight(defaultTransfersInFlight());
      }
    });

    it('a school cannot request for another school', async () => {
      const registrationId = await register(await pupil());
      await expect(
        requestDossier(w.ctx(schoolActor([OTHER_VO])), w.chain, { schoolBrin: VO, registrationId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        requestDossier(w.ctx(schoolActor([OTHER_VO])), w.chain, { schoolBrin: OTHER_VO, registrationId }),
      ).rejects.toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    });
  },
  { migrations: chainTestMigrations },
);
