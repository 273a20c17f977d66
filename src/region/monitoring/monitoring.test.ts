import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../platform/context.js';
import { isAppError } from '../../platform/errors.js';
import {
  closeSession,
  grantMandate,
  registerDeliveryPoint,
  registerSupplierSystem,
  startSession,
} from '../../trafficcenter/index.js';
import { pupilCommitment } from '../../trafficcenter/test-fixtures.js';
import { addMemberSchool } from '../add-member-school.js';
import { saveTimeline } from '../save-timeline.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { gatewayPupilLists, trafficCenterOutcomes } from './all-in-one-ports.js';
import type { MonitoringDeps } from './deps.js';
import { exportMonitoringCsv } from './export-monitoring-csv.js';
import { exportMonitoringPdf } from './export-monitoring-pdf.js';
import { getMonitoringDashboard } from './get-monitoring-dashboard.js';
import { getSchoolProgress } from './get-school-progress.js';
import { type ReportedSnapshot, recordMilestoneSnapshots } from './record-milestone-snapshots.js';

const YEAR = '2026-2027';
const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};
const GATEWAY: Actor = {
  kind: 'system',
  id: 'gateway-test',
  permissions: new Set(['gateway:admin']),
  schools: 'all',
};

const SENDING0 = {
  leaving: 0,
  inspected: 0,
  registrationsKnown: 0,
  setReady: 0,
  requested: 0,
  delivered: 0,
  readyNotRequested: 0,
};
const RECEIVING0 = {
  registrations: 0,
  firstPreference: 0,
  requested: 0,
  received: 0,
  imported: 0,
  notArrived: 0,
};

function snapshot(
  schoolBrin: string,
  day: string,
  counts: { sending?: Partial<typeof SENDING0>; receiving?: Partial<typeof RECEIVING0> },
): ReportedSnapshot {
  return {
    schoolBrin,
    schoolYear: YEAR,
    day,
    sending: { ...SENDING0, ...counts.sending },
    receiving: { ...RECEIVING0, ...counts.receiving },
  };
}

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, details: e.details };
    throw e;
  }
  throw new Error('not refused');
}

describeEachDatabase(
  'the region’s monitoring',
  (db) => {
    let w: RegionWorld;
    let deps: MonitoringDeps;
    let region: { id: string; name: string };
    let coordinator: Actor;
    let early: TestSchool;
    let late: TestSchool;
    let lyceum: TestSchool;
    let college: TestSchool;
    let outside: TestSchool;

    beforeAll(async () => {
      w = await regionWorld(db());
      deps = {
        ...w.deps,
        outcomes: trafficCenterOutcomes(db(), w.deps.keyring),
        pupils: gatewayPupilLists(),
      };
      region = await w.region({ name: 'Regio Monitoring' });
      coordinator = await w.coordinator(region.id);
      early = await w.school({ name: 'Basisschool Voorop' });
      late = await w.school({ name: 'Basisschool Achteraan' });
      lyceum = await w.school({ sector: 'vo', name: 'Het Lyceum' });
      college = await w.school({ sector: 'vo', name: '=Het College' });
      outside = await w.school({ name: 'Basisschool Elders' });
      for (const s of [early, late, lyceum, college]) {
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
      }
      await saveTimeline(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: YEAR, dates: DATES });
      w.clock.set('2027-03-10T09:00:00.000Z');
    });

    it('keeps what a gateway reports about member schools as counts only, and nothing about others', async () => {
      const recorded = await recordMilestoneSnapshots(w.ctx(GATEWAY), [
        snapshot(early.brin, '2027-03-01', { sending: { leaving: 20, inspected: 10 } }),
        snapshot(late.brin, '2027-03-01', { sending: { leaving: 10, inspected: 2 } }),
        snapshot(outside.brin, '2027-03-01', { sending: { leaving: 40, inspected: 40 } }),
      ]);
      expect(recorded).toEqual({ recorded: 2, skipped: [outside.brin] });
      const { rows } = await db().query<Record<string, unknown>>(
        'SELECT * FROM region.milestone_snapshots WHERE brin = ANY($1::text[]) ORDER BY brin',
        [[early.brin, late.brin, outside.brin]],
      );
      expect(rows.map((r) => r.brin)).toEqual([early.brin, late.brin].sort());
      const text = new Set(['brin', 'school_year', 'day', 'reported_at', 'reported_by']);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(
          [
            ...text,
            'leaving',
            'inspected',
            'registrations_known',
            'set_ready',
            'requested',
            'delivered',
            'ready_not_requested',
            'registrations',
            'first_preference',
            'dossiers_requested',
            'received',
            'imported',
            'not_arrived',
          ].sort(),
        );
        for (const [column, value] of Object.entries(row)) {
          if (!text.has(column)) expect(Number.isInteger(value)).toBe(true);
        }
        expect(row.reported_by).toBe('gateway-test');
      }
    });

    it('refuses a reporter that does not administer the school, and counts that cannot be', async () => {
      const otherKey: Actor = {
        kind: 'apikey',
        id: 'apikey:other',
        permissions: new Set(['gateway:admin']),
        schools: new Set([lyceum.brin]),
      };
      expect(
        (await refusal(recordMilestoneSnapshots(w.ctx(otherKey), [snapshot(early.brin, '2027-03-02', {})])))
          .code,
      ).toBe('FORBIDDEN');
      expect(
        await refusal(
          recordMilestoneSnapshots(w.ctx(GATEWAY), [
            snapshot(early.brin, '2027-03-02', {}),
            snapshot(late.brin, '2027-03-02', { sending: { leaving: 3, setReady: 4 } }),
          ]),
        ),
      ).toEqual({
        code: 'VALIDATION_FAILED',
        details: { index: 1, field: 'setReady', reason: 'more than leaving' },
      });
      expect(
        (await refusal(recordMilestoneSnapshots(w.ctx(GATEWAY), [snapshot(early.brin, '2027-03-20', {})])))
          .details,
      ).toMatchObject({ field: 'day' });
      const { rows } = await db().query(`SELECT 1 FROM region.milestone_snapshots WHERE day = '2027-03-02'`);
      expect(rows).toEqual([]);
    });

    it('shows per school and milestone the count against the deadline, the totals and progress', async () => {
      await recordMilestoneSnapshots(w.ctx(GATEWAY), [
        snapshot(early.brin, '2027-03-08', {
          sending: {
            leaving: 20,
            inspected: 20,
            registrationsKnown: 12,
            setReady: 5,
            requested: 3,
            delivered: 3,
            readyNotRequested: 2,
          },
        }),
        snapshot(late.brin, '2027-03-08', {
          sending: { leaving: 10, inspected: 6, registrationsKnown: 3, setReady: 1, readyNotRequested: 1 },
        }),
        snapshot(lyceum.brin, '2027-03-08', {
          receiving: {
            registrations: 30,
            firstPreference: 25,
            requested: 4,
            received: 3,
            imported: 1,
            notArrived: 27,
          },
        }),
        snapshot(college.brin, '2027-03-08', {
          receiving: { registrations: 8, firstPreference: 3, notArrived: 8 },
        }),
      ]);
      const d = await getMonitoringDashboard(w.ctx(coordinator), deps, { regionId: region.id });
      expect(d).toMatchObject({ regionName: 'Regio Monitoring', schoolYear: YEAR, today: '2027-03-10' });
      expect(d.timeline).toEqual(DATES);
      expect(d.schools.map((s) => s.name)).toEqual([
        '=Het College',
        'Basisschool Achteraan',
        'Basisschool Voorop',
        'Het Lyceum',
      ]);
      const row = (brin: string) => d.schools.find((s) => s.brin === brin);
      expect(row(early.brin)?.cells.inspected).toEqual({ count: 20, outOf: 20, status: 'done' });
      expect(row(late.brin)?.cells.inspected).toEqual({ count: 6, outOf: 10, status: 'behind' });
      expect(row(late.brin)?.cells.setReady).toEqual({ count: 1, outOf: 10, status: 'on_track' });
      expect(row(late.brin)).toMatchObject({
        behind: 1,
        readyNotRequested: 1,
        notArrived: null,
        reportedOn: '2027-03-08',
      });
      expect(row(lyceum.brin)?.cells.inspected.status).toBe('not_applicable');
      expect(row(lyceum.brin)?.cells.registrations).toEqual({ count: 30, outOf: null, status: 'counted' });
      expect(row(lyceum.brin)?.cells.received).toEqual({ count: 3, outOf: 30, status: 'on_track' });

      const milestone = (key: string) => d.milestones.find((m) => m.key === key);
      expect(milestone('inspected')).toMatchObject({
        deadline: '2027-03-05',
        deadlinePassed: true,
        total: { count: 26, outOf: 30, status: 'behind' },
        schoolsBehind: 1,
        schoolsDone: 1,
        schoolsReporting: 2,
      });
      expect(milestone('setReady')).toMatchObject({
        deadline: '2027-04-09',
        deadlinePassed: false,
        total: { count: 6, outOf: 30, status: 'on_track' },
      });
      // registrations count each pupil once (at the school of first preference)
      expect(milestone('registrations')?.total.count).toBe(28);
      expect(d.totals).toMatchObject({
        registrationsAll: 38,
        readyNotRequested: 3,
        notArrived: 35,
        schools: 4,
        schoolsReporting: 4,
        schoolsBehind: 1,
      });
      expect(d.progress.map((p) => [p.day, p.counts.leaving, p.counts.inspected])).toEqual([
        ['2027-03-01', 30, 12],
        ['2027-03-08', 30, 26],
      ]);
      expect(JSON.stringify(d)).not.toContain(outside.brin);
    });

    it('counts a pupil registered at two schools once in the regional total', async () => {
      const two = await w.region({ name: 'Regio Twee Aanmeldingen' });
      const c = await w.coordinator(two.id);
      const first = await w.school({ sector: 'vo', name: 'Eerste Keus' });
      const second = await w.school({ sector: 'vo', name: 'Tweede Keus' });
      for (const s of [first, second])
        await addMemberSchool(w.ctx(c), w.deps, { regionId: two.id, brin: s.brin });
      await recordMilestoneSnapshots(w.ctx(GATEWAY), [
        snapshot(first.brin, '2027-03-09', {
          receiving: { registrations: 1, firstPreference: 1, notArrived: 1 },
        }),
        snapshot(second.brin, '2027-03-09', {
          receiving: { registrations: 1, firstPreference: 0, notArrived: 1 },
        }),
      ]);
      const d = await getMonitoringDashboard(w.ctx(c), deps, { regionId: two.id });
      expect(d.milestones.find((m) => m.key === 'registrations')?.total.count).toBe(1);
      expect(d.totals.registrationsAll).toBe(2);
      expect(d.schools.map((s) => s.cells.registrations.count)).toEqual([1, 1]);
    });

    it('adds the traffic center’s session outcomes per school', async () => {
      const fingerprint = randomBytes(32).toString('hex');
      const las = await registerSupplierSystem(w.ctx(), {
        name: 'LAS Monitoring',
        certificateFingerprint: fingerprint,
      });
      await grantMandate(w.ctx(), { supplierId: las.id, brin: lyceum.brin });
      const point = await registerDeliveryPoint(w.ctx(), {
        routingKey: `mon-${randomBytes(4).toString('hex')}`,
        brin: lyceum.brin,
        supplierId: las.id,
        url: 'https://gateway.test/chain/v1/delivery-points/monitoring',
        purpose: 'OV',
        publicKey: randomBytes(32).toString('base64url'),
      });
      const chain = { db: db(), requestId: 'monitoring', now: w.clock.now, peerFingerprint: fingerprint };
      for (const bestResult of ['OverdrachtGeslaagd', 'OverdrachtGeslaagd', 'NietKlaargezet'] as const) {
        const started = await startSession(chain, {
          sourceBrin: early.brin,
          destinationBrin: lyceum.brin,
          destinationDeliveryPoint: point.routingKey,
          kind: 'overstapdossier',
          commitment: pupilCommitment().commitment,
        });
        if (started.result !== 'ok') throw new Error(started.result);
        await closeSession(chain, started.sessionId, { bestResult });
      }
      const d = await getMonitoringDashboard(w.ctx(coordinator), deps, { regionId: region.id });
      const row = (brin: string) => d.schools.find((s) => s.brin === brin);
      expect(row(early.brin)?.sessions.asSource).toEqual({
        total: 3,
        delivered: 2,
        notReady: 1,
        notFound: 0,
        other: 0,
      });
      expect(row(lyceum.brin)?.sessions.asDestination).toMatchObject({ total: 3, delivered: 2 });
      expect(row(late.brin)?.sessions.asSource.total).toBe(0);
      expect(d.totals.sessions).toMatchObject({ total: 3, delivered: 2, notReady: 1 });
    });

    it('is for the region’s coordinators only', async () => {
      const staff = await w.schoolPerson(early.brin, 'directie');
      expect((await refusal(getMonitoringDashboard(w.ctx(staff), deps, { regionId: region.id }))).code).toBe(
        'FORBIDDEN',
      );
      const other = await w.region();
      const otherCoordinator = await w.coordinator(other.id);
      expect(
        (await refusal(getMonitoringDashboard(w.ctx(otherCoordinator), deps, { regionId: region.id }))).code,
      ).toBe('FORBIDDEN');
    });

    it('shows a school its own row and the regional totals, and its pupils only to its own staff', async () => {
      const administratie = await w.schoolPerson(late.brin, 'administratie');
      const p = await getSchoolProgress(w.ctx(administratie), deps, { brin: late.brin });
      expect(p).toMatchObject({ brin: late.brin, name: 'Basisschool Achteraan', schoolYear: YEAR });
      expect(p.regions).toHaveLength(1);
      expect(p.regions[0].row).toMatchObject({ brin: late.brin, behind: 1 });
      expect(p.regions[0].milestones.find((m) => m.key === 'inspected')?.total.count).toBe(26);
      expect(JSON.stringify(p)).not.toContain(early.brin);
      // the lists come from the school's gateway (this school has no pupils there)
      expect(p.readyNotRequested).toEqual([]);
      expect(p.notArrived).toEqual([]);

      const leerkracht = await w.schoolPerson(late.brin, 'leerkracht');
      const q = await getSchoolProgress(w.ctx(leerkracht), deps, { brin: late.brin });
      expect(q.readyNotRequested).toEqual([]);
      expect(q.notArrived).toBeNull();

      expect((await refusal(getSchoolProgress(w.ctx(administratie), deps, { brin: early.brin }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await refusal(getSchoolProgress(w.ctx(coordinator), deps, { brin: late.brin }))).code).toBe(
        'FORBIDDEN',
      );
    });

    it('exports the table as CSV and the dashboard as PDF, each audited', async () => {
      const { filename, csv } = await exportMonitoringCsv(w.ctx(coordinator), deps, { regionId: region.id });
      expect(filename).toBe(`monitoring-${region.id}-${YEAR}-2027-03-10.csv`);
      const lines = csv.split('\r\n');
      expect(
        lines[0].startsWith('\uFEFFBRIN;School;Sector;Plaats;Laatst gemeld;Vertrekkende leerlingen;'),
      ).toBe(true);
      expect(lines).toHaveLength(1 + 4 + 1 + 1);
      expect(lines.find((l) => l.startsWith(late.brin))).toContain(';6;10;Achter;');
      // a school name never becomes a spreadsheet formula
      expect(lines.find((l) => l.startsWith(college.brin))).toContain(";'=Het College;");
      expect(lines[5]).toContain(';Regio totaal;');
      const english = await exportMonitoringCsv(w.ctx(coordinator), deps, {
        regionId: region.id,
        lang: 'en',
      });
      expect(english.csv.split('\r\n')[0]).toContain('Leaving pupils');

      const pdf = await exportMonitoringPdf(w.ctx(coordinator), deps, { regionId: region.id });
      expect(pdf.pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { rows } = await db().query<{ details: { format: string } }>(
        `SELECT details FROM platform.audit_log WHERE action = 'region.monitoring.exported' AND subject = $1 ORDER BY seq`,
        [region.id],
      );
      expect(rows.map((r) => r.details.format)).toEqual(['csv', 'csv', 'pdf']);
      expect(
        (
          await refusal(
            exportMonitoringCsv(w.ctx(await w.schoolPerson(late.brin, 'directie')), deps, {
              regionId: region.id,
            }),
          )
        ).code,
      ).toBe('FORBIDDEN');
    }, 60_000);
  },
  { migrations: regionTestMigrations },
);
