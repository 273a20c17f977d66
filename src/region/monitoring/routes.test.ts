import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createApiKey, requireCaller } from '../../platform/auth/index.js';
import {
  type AuthWorld,
  type Browser,
  MovableClock,
  startAuthWorld,
} from '../../platform/auth/test-harness.js';
import { addMemberSchool } from '../add-member-school.js';
import { saveTimeline } from '../save-timeline.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { gatewayMilestoneReports, gatewayPupilLists, trafficCenterOutcomes } from './all-in-one-ports.js';
import { registerMonitoringRoutes } from './routes.js';

const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};

describeEachDatabase(
  'the monitoring’s HTTP API',
  (db) => {
    let w: RegionWorld;
    let web: AuthWorld;
    let region: { id: string; name: string };
    let po: TestSchool;
    let vo: TestSchool;
    let coordinator: Browser;
    let supplierKey: string;

    const report = (schoolBrin: string, extra: Record<string, unknown> = {}) => ({
      schoolBrin,
      schoolYear: '2026-2027',
      day: '2026-11-27',
      sending: {
        leaving: 12,
        inspected: 4,
        registrationsKnown: 2,
        setReady: 1,
        requested: 0,
        delivered: 0,
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
      ...extra,
    });

    beforeAll(async () => {
      w = await regionWorld(db());
      const clock = new MovableClock('2026-11-28T09:00:00.000Z');
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.deps.keyring,
        register: (api, deps) =>
          registerMonitoringRoutes(api, {
            ...w.deps,
            now: clock.now,
            outcomes: trafficCenterOutcomes(db(), w.deps.keyring),
            pupils: gatewayPupilLists(),
            reports: gatewayMilestoneReports(),
            auth: requireCaller(deps.db, { now: clock.now }),
          }),
      });
      region = await w.region({ name: 'Regio Monitoring HTTP' });
      po = await w.school({ name: 'Basisschool De Brug' });
      vo = await w.school({ sector: 'vo', name: 'Het Lyceum' });
      const c = await w.coordinator(region.id);
      for (const s of [po, vo])
        await addMemberSchool(w.ctx(c), w.deps, { regionId: region.id, brin: s.brin });
      await saveTimeline(w.ctx(c), w.deps, { regionId: region.id, schoolYear: '2026-2027', dates: DATES });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: region.id, role: 'regiocoordinator' }),
      );
      supplierKey = (
        await createApiKey(db(), {
          label: 'supplier gateway',
          kind: 'supplier',
          schools: [po.brin],
          permissions: ['gateway:admin'],
        })
      ).key;
    });
    afterAll(async () => web?.close());

    const post = (body: unknown, key = supplierKey) =>
      web.api.inject({
        method: 'POST',
        url: '/api/region/monitoring/snapshots',
        headers: { authorization: `Bearer ${key}` },
        payload: body as object,
      });

    it('takes a federated gateway’s report with its API key, and keeps nothing but counts', async () => {
      const answer = await post({
        snapshots: [report(po.brin, { pupils: [{ achternaam: 'Jansen', bsn: '123456782' }] })],
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({ recorded: 1, skipped: [] });
      const { rows } = await db().query('SELECT * FROM region.milestone_snapshots WHERE brin = $1', [
        po.brin,
      ]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/Jansen|123456782/);
      expect(rows[0]).toMatchObject({
        leaving: 12,
        inspected: 4,
        reported_by: expect.stringMatching(/^apikey:/),
      });
    });

    it('refuses a report for a school the key does not administer, or counts that are not whole numbers', async () => {
      const other = await post({ snapshots: [report(vo.brin)] });
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('FORBIDDEN');
      const wrong = await post({
        snapshots: [report(po.brin, { sending: { ...report(po.brin).sending, leaving: -1 } })],
      });
      expect(wrong.statusCode).toBe(400);
      const nobody = await post({ snapshots: [report(po.brin)] }, 'not-a-key');
      expect(nobody.statusCode).toBe(401);
    });

    it('gives a signed-in coordinator the dashboard, its CSV and a refresh', async () => {
      const dashboard = await coordinator.request('GET', `/api/region/regions/${region.id}/monitoring`);
      expect(dashboard.statusCode).toBe(200);
      const body = dashboard.json();
      expect(body.schools.map((s: { name: string }) => s.name)).toEqual([
        'Basisschool De Brug',
        'Het Lyceum',
      ]);
      expect(body.schools[0].cells.inspected).toEqual({ count: 4, outOf: 12, status: 'on_track' });
      expect(body.milestones[1]).toMatchObject({ key: 'inspected', deadline: '2027-03-05' });
      expect(body.progress).toEqual([expect.objectContaining({ day: '2026-11-27' })]);

      const csv = await coordinator.request(
        'GET',
        `/api/region/regions/${region.id}/monitoring/export.csv?lang=en`,
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="monitoring-${region.id}-2026-2027-2026-11-28.csv"`,
      );
      expect(csv.body).toContain('Leaving pupils');

      const refresh = await coordinator.request(
        'POST',
        `/api/region/regions/${region.id}/monitoring/refresh`,
      );
      expect(refresh.statusCode).toBe(202);
      expect(refresh.json()).toEqual({ queued: true });
      const { rows } = await db().query<{ payload: { schoolBrins: string[] } }>(
        `SELECT payload FROM platform.jobs WHERE kind = 'gw.report-milestones' AND key LIKE 'now:%'`,
      );
      expect(rows.map((r) => r.payload.schoolBrins)).toEqual([[po.brin, vo.brin].sort()]);
      const bad = await coordinator.request(
        'GET',
        `/api/region/regions/${region.id}/monitoring?schoolYear=2026`,
      );
      expect(bad.statusCode).toBe(400);
    });

    it('gives a school’s staff its progress and nobody else’s', async () => {
      const staff = await web.signedIn(
        await web.person({ scope: 'school', brin: po.brin, role: 'administratie' }),
      );
      const own = await staff.request('GET', `/api/region/schools/${po.brin}/progress`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({
        brin: po.brin,
        regions: [{ regionId: region.id, row: { brin: po.brin } }],
        readyNotRequested: [],
        notArrived: [],
      });
      expect((await staff.request('GET', `/api/region/schools/${vo.brin}/progress`)).statusCode).toBe(403);
      expect((await staff.request('GET', `/api/region/regions/${region.id}/monitoring`)).statusCode).toBe(
        403,
      );
    });
  },
  { migrations: regionTestMigrations },
);
