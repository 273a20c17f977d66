import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { isAppError } from '../../platform/errors.js';
import { JobRunner } from '../../platform/jobs/index.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { countMilestones, type MilestoneCounts } from './count-milestones.js';
import { listNotArrived } from './list-not-arrived.js';
import { listReadyNotRequested } from './list-ready-not-requested.js';
import {
  milestoneReportJobHandlers,
  REPORT_MILESTONES,
  reportMilestones,
  requestMilestoneReport,
  scheduleMilestoneReports,
} from './report-milestones.js';

const PO = '71PA';
const VO = '72VA';
const SECOND = '73VB';
const SCHOOL_YEAR = '2025-2026';
const admin = (brins: string[]) => schoolActor(brins, ['gateway:admin']);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  throw new Error('not refused');
}

describeEachDatabase(
  'the counts a gateway reports to the region',
  (db) => {
    let w: ChainWorld;
    let index = 0;
    const surnames: string[] = [];
    const bsns: string[] = [];
    const registrations: Record<string, Record<string, string>> = {};

    /** A leaving pupil of PO with a dossier of the school year. */
    async function pupil(name: string) {
      const xml = dossierXml(PO, { index: index++, seed: 'monitoring' });
      const saved = await importDossier(w.ctx(schoolActor([PO])), {
        schoolBrin: PO,
        xml,
        schooljaar: SCHOOL_YEAR,
      });
      const l = readDossier(xml).huidigeschool.leerling;
      surnames.push(l.achternaam);
      bsns.push(l.bsn as string);
      return {
        name,
        dossierId: saved.dossierId,
        identity: {
          bsn: l.bsn as string,
          achternaam: l.achternaam,
          geboortedatum: l.geboortedatum as string,
        },
      };
    }

    async function register(p: Awaited<ReturnType<typeof pupil>>, school: string, rank: number) {
      const r = await registerPupil(w.ctx(schoolActor([school])), w.chain, {
        schoolBrin: school,
        sourceBrin: PO,
        ...p.identity,
        preferenceRank: rank,
      });
      registrations[p.name] = { ...registrations[p.name], [school]: r.registrationId };
    }

    async function inspectAndSetReady(p: Awaited<ReturnType<typeof pupil>>, destination: string) {
      const po = w.ctx(schoolActor([PO]));
      await putUpForInspection(po, { schoolBrin: PO, dossierId: p.dossierId });
      await recordInspection(w.ctx(schoolActor([PO])), {
        schoolBrin: PO,
        dossierId: p.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(schoolActor([PO])), {
        schoolBrin: PO,
        dossierId: p.dossierId,
        destinationBrin: destination,
      });
    }

    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(SECOND, { sector: 'vo' });

      // Anna registered at two schools (first VO, then SECOND): delivered to VO.
      const anna = await pupil('anna');
      await register(anna, VO, 1);
      await register(anna, SECOND, 2);
      // Bram registered at VO only: set ready for VO, which has not asked yet.
      const bram = await pupil('bram');
      await register(bram, VO, 1);
      await w.runJobs(); // the registration notices reach PO
      await inspectAndSetReady(anna, VO);
      await inspectAndSetReady(bram, VO);
      const got = await requestDossier(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        registrationId: registrations.anna[VO],
      });
      expect(got.result).toBe('OverdrachtGeslaagd');
      // Cas: a dossier only, nothing else yet.
      await pupil('cas');
    }, 120_000);
    afterAll(async () => w?.close());

    it('counts the sending side per pupil: a pupil registered at two schools is known once', async () => {
      const counts = await countMilestones(w.ctx(admin([PO])), { schoolBrin: PO, schoolYear: SCHOOL_YEAR });
      expect(counts).toEqual({
        schoolBrin: PO,
        schoolYear: SCHOOL_YEAR,
        day: '2026-04-01',
        sending: {
          leaving: 3,
          inspected: 2,
          registrationsKnown: 2,
          setReady: 2,
          requested: 1,
          delivered: 1,
          readyNotRequested: 1,
        },
        receiving: {
          registrations: 0,
          firstPreference: 0,
          requested: 0,
          received: 0,
          imported: 0,
          notArrived: 0,
        },
      });
    });

    it('counts the receiving side per registration, the first preference apart', async () => {
      const vo = await countMilestones(w.ctx(admin([VO])), { schoolBrin: VO, schoolYear: SCHOOL_YEAR });
      expect(vo.receiving).toEqual({
        registrations: 2,
        firstPreference: 2,
        requested: 1,
        received: 1,
        imported: 0,
        notArrived: 1,
      });
      const second = await countMilestones(w.ctx(admin([SECOND])), {
        schoolBrin: SECOND,
        schoolYear: SCHOOL_YEAR,
      });
      expect(second.receiving).toMatchObject({ registrations: 1, firstPreference: 0, notArrived: 1 });
      // another school year holds nothing of this one
      const next = await countMilestones(w.ctx(admin([VO])), { schoolBrin: VO, schoolYear: '2026-2027' });
      expect(next.receiving.registrations).toBe(0);
      expect(next.sending.leaving).toBe(0);
    });

    it('needs gateway:admin for the school, and a school this gateway hosts', async () => {
      expect(
        await refusal(countMilestones(w.ctx(admin([VO])), { schoolBrin: PO, schoolYear: SCHOOL_YEAR })),
      ).toBe('FORBIDDEN');
      expect(
        await refusal(countMilestones(w.ctx(schoolActor([PO])), { schoolBrin: PO, schoolYear: SCHOOL_YEAR })),
      ).toBe('FORBIDDEN');
      expect(await refusal(countMilestones(w.ctx(), { schoolBrin: '79ZZ', schoolYear: SCHOOL_YEAR }))).toBe(
        'GW_SCHOOL_NOT_HOSTED',
      );
    });

    it('gives the school’s own staff the pupils behind its counts, and nobody else', async () => {
      const ready = await listReadyNotRequested(w.ctx(schoolActor([PO], ['dossier:read'])), {
        schoolBrin: PO,
        schoolYear: SCHOOL_YEAR,
      });
      expect(ready).toHaveLength(1);
      expect(ready[0]).toMatchObject({
        pupil: { achternaam: surnames[1] },
        destination: { brin: VO, schoolName: `School ${VO}` },
      });
      const notArrived = await listNotArrived(w.ctx(schoolActor([VO], ['received:read'])), {
        schoolBrin: VO,
        schoolYear: SCHOOL_YEAR,
      });
      expect(notArrived.map((r) => [r.registrationId, r.pupil.achternaam])).toEqual([
        [registrations.bram[VO], surnames[1]],
      ]);
      expect(
        await refusal(listReadyNotRequested(w.ctx(admin([PO])), { schoolBrin: PO, schoolYear: SCHOOL_YEAR })),
      ).toBe('FORBIDDEN');
      expect(
        await refusal(
          listNotArrived(w.ctx(schoolActor([PO], ['received:read'])), {
            schoolBrin: VO,
            schoolYear: SCHOOL_YEAR,
          }),
        ),
      ).toBe('FORBIDDEN');
    });

    it('reports every hosted school in one call, with numbers only', async () => {
      const reported: MilestoneCounts[][] = [];
      const report = await reportMilestones(w.ctx(), async (_ctx, snapshots) => {
        reported.push(snapshots);
        return { recorded: snapshots.length };
      });
      expect(report).toEqual({ schoolYear: SCHOOL_YEAR, counted: 3, recorded: 3 });
      expect(reported[0].map((s) => s.schoolBrin)).toEqual([PO, VO, SECOND].sort());
      const text = JSON.stringify(reported);
      for (const s of [...surnames, ...bsns]) expect(text).not.toContain(s);
      for (const s of reported[0]) {
        expect(Object.keys(s).sort()).toEqual(['day', 'receiving', 'schoolBrin', 'schoolYear', 'sending']);
        for (const n of [...Object.values(s.sending), ...Object.values(s.receiving)]) {
          expect(Number.isInteger(n)).toBe(true);
        }
      }
      // a supplier key reports only the schools it administers
      const own = await reportMilestones(w.ctx(admin([VO])), async (_ctx, snapshots) => ({
        recorded: snapshots.length,
      }));
      expect(own.counted).toBe(1);
    });

    it('runs as a durable job: daily, and once per minute on demand', async () => {
      const seen: string[][] = [];
      const runner = new JobRunner(
        db(),
        milestoneReportJobHandlers({
          db: db(),
          keyring: w.keyring,
          now: w.clock.now,
          reporter: async (_ctx, snapshots) => {
            seen.push(snapshots.map((s) => s.schoolBrin));
            return { recorded: snapshots.length };
          },
        }),
        { backoff: { baseMs: 1, maxMs: 1 } },
      );
      const at = await scheduleMilestoneReports(db(), w.clock.now());
      expect(at.toISOString()).toBe('2026-04-02T04:00:00.000Z');
      await scheduleMilestoneReports(db(), w.clock.now()); // the same day's job, once
      const daily = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.jobs WHERE kind = $1 AND key LIKE 'daily:%'`,
        [REPORT_MILESTONES],
      );
      expect(daily.rows[0].n).toBe(1);

      // the daily job, when its time comes, reports every school and schedules the next day's
      w.clock.set('2026-04-02T04:00:05.000Z');
      await runner.runDue(10);
      expect(seen).toEqual([[PO, VO, SECOND].sort()]);
      const next = await db().query<{ key: string }>(
        `SELECT key FROM platform.jobs WHERE kind = $1 AND state = 'pending'`,
        [REPORT_MILESTONES],
      );
      expect(next.rows.map((r) => r.key)).toEqual(['daily:2026-04-03']);

      // on demand: asked twice within a minute, reported once; only for schools the caller administers
      expect(await requestMilestoneReport(w.ctx(admin([PO])), { schoolBrins: [PO] })).toEqual({
        queued: true,
      });
      expect(await requestMilestoneReport(w.ctx(admin([PO])), { schoolBrins: [PO] })).toEqual({
        queued: true,
      });
      expect(await refusal(requestMilestoneReport(w.ctx(admin([PO])), { schoolBrins: [PO, VO] }))).toBe(
        'FORBIDDEN',
      );
      await runner.runDue(10);
      expect(seen.filter((brins) => brins.length === 1)).toEqual([[PO]]);
    });
  },
  { migrations: chainTestMigrations },
);
