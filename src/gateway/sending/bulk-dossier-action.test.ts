import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { bulkDossierAction } from './bulk-dossier-action.js';
import { importDossier } from './import-dossier.js';
import { listDossiers } from './list-dossiers.js';
import { recordInspection } from './record-inspection.js';

const PO = '51PA';
const VO = '52VA';
const SECOND = '53VB';
const admin = schoolActor([PO]);
const leerkracht = schoolActor([PO], ['dossier:read', 'dossier:write']);

describeEachDatabase(
  'bulk actions for a groep 8',
  (db) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(SECOND, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    /** A pupil's dossier, registered at the given schools (in this order of preference, or unranked). */
    async function pupil(registrations: Array<[string, number | undefined]> = []) {
      const xml = dossierXml(PO, { index: index++, seed: 'bulk' });
      const { dossierId } = await importDossier(w.ctx(admin), { schoolBrin: PO, xml });
      const l = readDossier(xml).huidigeschool.leerling;
      for (const [school, rank] of registrations) {
        await registerPupil(w.ctx(schoolActor([school])), w.chain, {
          schoolBrin: school,
          sourceBrin: PO,
          bsn: l.bsn as string,
          achternaam: l.achternaam,
          geboortedatum: l.geboortedatum as string,
          ...(rank !== undefined ? { preferenceRank: rank } : {}),
        });
      }
      return dossierId;
    }
    const inspect = (dossierId: string) =>
      recordInspection(w.ctx(admin), { schoolBrin: PO, dossierId, inzagedatum: '2026-03-20', akkoord: 'Ja' });

    it('puts a whole group up for inspection and says per dossier what happened', async () => {
      const ids = [await pupil(), await pupil(), await pupil()];
      const first = await bulkDossierAction(w.ctx(admin), {
        schoolBrin: PO,
        action: 'ter_inzage',
        dossierIds: ids.slice(0, 1),
      });
      expect(first).toMatchObject({ ok: 1, unchanged: 0, refused: 0 });
      const all = await bulkDossierAction(w.ctx(admin), {
        schoolBrin: PO,
        action: 'ter_inzage',
        dossierIds: ids,
      });
      expect(all).toMatchObject({ action: 'ter_inzage', ok: 2, unchanged: 1, refused: 0 });
      expect(all.outcomes.map((o) => o.result)).toEqual(['unchanged', 'ok', 'ok']);
      const states = (await listDossiers(w.ctx(admin), { schoolBrin: PO })).filter((d) =>
        ids.includes(d.dossierId),
      );
      expect(states.every((d) => d.state === 'ter_inzage' && d.frozenAt !== null)).toBe(true);
    });

    it('sets each ready for the school of its first preference; refusals carry the code and message', async () => {
      const ranked = await pupil([
        [SECOND, 2],
        [VO, 1],
      ]);
      const single = await pupil([[SECOND, undefined]]);
      const unregistered = await pupil();
      const ambiguous = await pupil([
        [VO, undefined],
        [SECOND, undefined],
      ]);
      const notInspected = await pupil([[VO, 1]]);
      await w.runJobs();
      const ids = [ranked, single, unregistered, ambiguous, notInspected];
      await bulkDossierAction(w.ctx(admin), {
        schoolBrin: PO,
        action: 'ter_inzage',
        dossierIds: ids.slice(0, 4),
      });
      for (const id of ids.slice(0, 4)) await inspect(id);

      const result = await bulkDossierAction(w.ctx(admin), {
        schoolBrin: PO,
        action: 'klaarzetten',
        dossierIds: ids,
      });
      expect(result).toMatchObject({ ok: 2, unchanged: 0, refused: 3 });
      expect(result.outcomes).toEqual([
        { dossierId: ranked, result: 'ok', state: 'klaargezet', destinationBrin: VO },
        { dossierId: single, result: 'ok', state: 'klaargezet', destinationBrin: SECOND },
        expect.objectContaining({ dossierId: unregistered, result: 'refused', code: 'NO_REGISTRATION' }),
        expect.objectContaining({ dossierId: ambiguous, result: 'refused', code: 'REGISTRATION_AMBIGUOUS' }),
        expect.objectContaining({ dossierId: notInspected, result: 'refused', code: 'INSPECTION_REQUIRED' }),
      ]);
      const refusal = result.outcomes[2];
      expect(refusal.result === 'refused' && refusal.message.nl).toMatch(/aanmelding/);

      // Nothing half-done: a refused dossier kept its state; again, the ready ones are unchanged.
      const list = await listDossiers(w.ctx(admin), { schoolBrin: PO });
      expect(list.find((d) => d.dossierId === notInspected)?.state).toBe('concept');
      expect(list.find((d) => d.dossierId === unregistered)).toMatchObject({
        state: 'ingezien',
        destination: null,
      });
      const again = await bulkDossierAction(w.ctx(admin), {
        schoolBrin: PO,
        action: 'klaarzetten',
        dossierIds: [ranked, single],
      });
      expect(again).toMatchObject({ ok: 0, unchanged: 2, refused: 0 });
    });

    it('needs the permission of the action: a leerkracht may not, and another school’s dossier is refused per dossier', async () => {
      const id = await pupil();
      await expect(
        bulkDossierAction(w.ctx(leerkracht), { schoolBrin: PO, action: 'klaarzetten', dossierIds: [id] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        bulkDossierAction(w.ctx(leerkracht), { schoolBrin: PO, action: 'ter_inzage', dossierIds: [id] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const other = await bulkDossierAction(w.ctx(schoolActor([VO])), {
        schoolBrin: VO,
        action: 'ter_inzage',
        dossierIds: [id],
      });
      expect(other.outcomes).toEqual([
        expect.objectContaining({ result: 'refused', code: 'DOSSIER_NOT_FOUND' }),
      ]);
      await expect(
        bulkDossierAction(w.ctx(admin), { schoolBrin: PO, action: 'ter_inzage', dossierIds: [] }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  },
  { migrations: chainTestMigrations },
);
