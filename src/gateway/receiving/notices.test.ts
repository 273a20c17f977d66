import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { listRegistrations } from './list-registrations.js';
import { registerPupil } from './register-pupil.js';
import { requestDossier } from './request-dossier.js';

const PO = '71PA';
const VO = '72VA';
const SECOND_CHOICE = '73VB';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);

describeEachDatabase(
  'notices between gateways',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(SECOND_CHOICE, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    async function inspectedDossier(index: number) {
      const xml = dossierXml(PO, { index, seed: 'notice-tests' });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      const l = readDossier(xml).huidigeschool.leerling;
      return {
        dossierId,
        bsn: l.bsn as string,
        achternaam: l.achternaam,
        geboortedatum: l.geboortedatum as string,
      };
    }

    it('a notice after a premature request makes the receiving gateway request again by itself', async () => {
      const p = await inspectedDossier(0);
      const { registrationId } = await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: p.bsn,
        achternaam: p.achternaam,
        geboortedatum: p.geboortedatum,
      });
      const premature = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(premature).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });

      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId, destinationBrin: VO });
      // The ready notice job, then the re-request job the notice enqueued at the receiving side.
      expect(await w.runJobs()).toBeGreaterThanOrEqual(2);

      const [registration] = (await listRegistrations(w.ctx(vo), { schoolBrin: VO })).filter(
        (r) => r.registrationId === registrationId,
      );
      expect(registration).toMatchObject({ state: 'ontvangen', lastResult: 'OverdrachtGeslaagd' });
      const { rows } = await db().query<{ trigger: string; result: string }>(
        'SELECT trigger, result FROM gw.outgoing_requests WHERE registration_id = $1 ORDER BY requested_at, answered_at',
        [registrationId],
      );
      expect(rows.map((r) => `${r.trigger}:${r.result}`).sort()).toEqual([
        'manual:NietKlaargezet',
        'notice:OverdrachtGeslaagd',
      ]);
      const jobs = await db().query<{ kind: string; state: string }>(
        `SELECT kind, state FROM platform.jobs WHERE kind IN ('gw.send-ready-notice', 'gw.request-dossier')`,
      );
      expect(jobs.rows.every((j) => j.state === 'done')).toBe(true);
    });

    it('no notice for a school that never asked', async () => {
      const p = await inspectedDossier(1);
      const before = await db().query('SELECT 1 FROM platform.jobs WHERE kind = $1', [
        'gw.send-ready-notice',
      ]);
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId, destinationBrin: VO });
      const after = await db().query('SELECT 1 FROM platform.jobs WHERE kind = $1', ['gw.send-ready-notice']);
      expect(after.rows.length).toBe(before.rows.length);
    });

    it('a registration notice tells the source school where the pupil registered, in order of preference', async () => {
      const p = await inspectedDossier(2);
      for (const [school, rank] of [
        [VO, 1],
        [SECOND_CHOICE, 2],
      ] as const) {
        await registerPupil(w.ctx(schoolActor([school])), w.chain, {
          schoolBrin: school,
          sourceBrin: PO,
          bsn: p.bsn,
          achternaam: p.achternaam,
          geboortedatum: p.geboortedatum,
          preferenceRank: rank,
        });
      }
      await w.runJobs();
      const list = await listDossiers(w.ctx(po), { schoolBrin: PO });
      expect(list.find((d) => d.dossierId === p.dossierId)?.registeredAt).toEqual([
        { brin: VO, schoolName: `School ${VO}`, preferenceRank: 1 },
        { brin: SECOND_CHOICE, schoolName: `School ${SECOND_CHOICE}`, preferenceRank: 2 },
      ]);
      const stored = await db().query('SELECT * FROM gw.registration_notices');
      expect(JSON.stringify(stored.rows)).not.toContain(p.bsn);
    });
  },
  { migrations: chainTestMigrations },
);
