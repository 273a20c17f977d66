import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { regionSummerSwitch } from '../gateway/index.js';
import { getTimeline } from './get-timeline.js';
import { saveTimeline } from './save-timeline.js';
import { syncSummerSwitches } from './summer-switch.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from './test-world.js';
import type { TimelineDates } from './timeline-rules.js';

const DATES: TimelineDates = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};

describeEachDatabase(
  'a region’s timeline',
  (db) => {
    let w: RegionWorld;
    beforeAll(async () => {
      w = await regionWorld(db());
    });

    it('is saved with its warnings and gives the gateway the region’s summer switch', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const saved = await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: { ...DATES, readyBy: '2027-04-26', requestedBy: '2027-05-10' },
      });
      expect(saved.summerSwitch).toEqual({ status: 'set', day: '2027-07-17' });
      expect(saved.warnings.map((w) => [w.kind, w.field])).toEqual([['holiday', 'readyBy']]);
      expect(await regionSummerSwitch(db(), region.name)).toBe('07-17');
      const { rows } = await db().query<{ run_at: Date }>(
        `SELECT run_at FROM platform.jobs WHERE kind = 'gw.summer-switch' AND payload->>'region' = $1`,
        [region.name],
      );
      expect(rows.map((r) => r.run_at.toISOString())).toEqual(['2027-07-16T22:00:00.000Z']);

      const view = await getTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
      });
      expect(view.dates?.readyBy).toBe('2027-04-26');
      expect(view.warnings.map((w) => w.kind)).toEqual(['holiday']);
      expect(view.gatewaySummerSwitch).toBe('07-17');

      // saved again unchanged: the gateway already has the date
      const again = await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: DATES,
      });
      expect(again.summerSwitch).toEqual({ status: 'unchanged', day: '2027-07-17' });
      expect(again.warnings).toEqual([]);
      const audit = await db().query<{ action: string; actor_id: string }>(
        `SELECT action, actor_id FROM platform.audit_log WHERE subject = $1 AND action = 'region.timeline.saved'`,
        [region.id],
      );
      expect(audit.rows).toHaveLength(2);
      expect(audit.rows[0].actor_id).toBe(coordinator.id);
    });

    it('refuses a wrong order with an explanation naming both dates, and stores nothing', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const refused = saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: { ...DATES, readyBy: '2027-03-22' },
      });
      await expect(refused).rejects.toMatchObject({
        code: 'TIMELINE_ORDER_INVALID',
        status: 422,
        messages: {
          nl: expect.stringContaining(
            '‘Dossiers klaargezet’ (22 maart 2027) moet na ‘Po-scholen weten waar is aangemeld’ (26 maart 2027)',
          ),
        },
        details: {
          field: 'readyBy',
          otherField: 'destinationKnownBy',
          problems: [expect.objectContaining({ field: 'readyBy' })],
        },
      });
      const view = await getTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
      });
      expect(view.dates).toBeNull();
      expect(await regionSummerSwitch(db(), region.name)).toBeUndefined();
    });

    it('is guarded by the database too: a wrong order written by hand is refused', async () => {
      const region = await w.region();
      await expect(
        db().query(
          `INSERT INTO region.timelines (region_id, school_year, inspected_by, registered_by, destination_known_by,
             ready_by, requested_by, summer_switch, updated_at, updated_by)
           VALUES ($1, '2026-2027', '2027-03-05', '2027-03-19', '2027-03-26', '2027-03-22', '2027-04-16',
             '2027-07-17', now(), 'test')`,
          [region.id],
        ),
      ).rejects.toThrow(/timelines_order/);
    });

    it('leaves the gateway on the next switch when a later school year is saved', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: DATES,
      });
      const later = await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2027-2028',
        dates: {
          inspectedBy: '2028-03-03',
          registeredBy: '2028-03-17',
          destinationKnownBy: '2028-03-24',
          readyBy: '2028-04-07',
          requestedBy: '2028-04-14',
          summerSwitch: '2028-07-08',
        },
      });
      expect(later.summerSwitch).toEqual({ status: 'notNext', nextSchoolYear: '2026-2027' });
      expect(await regionSummerSwitch(db(), region.name)).toBe('07-17');

      // after the 2027 switch, a start of Overstap hands the gateway the 2028 date
      w.clock.set('2027-08-01T09:00:00.000Z');
      try {
        const synced = await syncSummerSwitches(w.ctx(), w.deps);
        expect(synced.set).toContain(region.id);
        expect(await regionSummerSwitch(db(), region.name)).toBe('07-08');
      } finally {
        w.clock.set('2026-11-28T09:00:00.000Z');
      }
    });

    it('may be read by the region’s coordinators only, and changed only by them', async () => {
      const region = await w.region();
      const other = await w.region();
      const stranger = await w.coordinator(other.id);
      const input = { regionId: region.id, schoolYear: '2026-2027' };
      await expect(getTimeline(w.ctx(stranger), w.deps, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(saveTimeline(w.ctx(stranger), w.deps, { ...input, dates: DATES })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const school = await w.school();
      const teacher = await w.schoolPerson(school.brin, 'directie');
      await expect(getTimeline(w.ctx(teacher), w.deps, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: regionTestMigrations },
);
