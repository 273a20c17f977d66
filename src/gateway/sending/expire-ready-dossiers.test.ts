import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { dossierXml, schoolActor, TestClock } from '../test-fixtures.js';
import {
  expireReadyDossiers,
  regionSummerSwitch,
  scheduleSummerSwitch,
  setRegionSummerSwitch,
  summerSwitchMoment,
} from './expire-ready-dossiers.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { listDossiers } from './list-dossiers.js';

// The last summer switch that has passed in real time: due for the job runner (which reads the
// database clock), while the next one, which the job schedules, is not.
const now = new Date();
const YEAR =
  now >= summerSwitchMoment(now.getUTCFullYear()) ? now.getUTCFullYear() : now.getUTCFullYear() - 1;

const NORTH = '91PA';
const SOUTH = '92PB';

describeEachDatabase(
  'the summer switch',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db(), { clock: new TestClock(`${YEAR}-05-01T09:00:00.000Z`) });
      await w.school(NORTH, { region: 'Noord' });
      await w.school(SOUTH, { region: 'Zuid' });
    });
    afterAll(async () => w?.close());

    async function ready(brin: string, index: number) {
      const actor = schoolActor([brin]);
      const xml = dossierXml(brin, { index, profile: 'BB', seed: 'summer' });
      const { dossierId } = await importDossier(w.ctx(actor), {
        schoolBrin: brin,
        xml,
        schooljaar: '2024-2025',
      });
      await klaarzetten(w.ctx(actor), { schoolBrin: brin, dossierId, destinationBrin: brin });
      return dossierId;
    }

    it('is 15 July by default', () => {
      expect(summerSwitchMoment(2025).toISOString()).toBe('2025-07-14T22:00:00.000Z');
      expect(summerSwitchMoment(2026, '07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    });

    it('runs as a durable job: ready dossiers of the region expire, others stay, next year is scheduled', async () => {
      const north = await ready(NORTH, 0);
      const south = await ready(SOUTH, 1);
      await scheduleSummerSwitch(db(), { year: YEAR, region: 'Noord' });
      await scheduleSummerSwitch(db(), { year: YEAR, region: 'Noord' }); // idempotent
      w.clock.set(`${YEAR}-07-15T06:00:00.000Z`);
      expect(await w.runJobs()).toBe(1);

      const stateOf = async (brin: string, id: string) =>
        (await listDossiers(w.ctx(schoolActor([brin])), { schoolBrin: brin })).find(
          (d) => d.dossierId === id,
        );
      expect(await stateOf(NORTH, north)).toMatchObject({
        state: 'verlopen',
        destination: { state: 'verlopen' },
      });
      expect(await stateOf(SOUTH, south)).toMatchObject({ state: 'klaargezet' });

      const next = await db().query<{ run_at: Date; state: string }>(
        `SELECT run_at, state FROM platform.jobs WHERE kind = 'gw.summer-switch' ORDER BY run_at`,
      );
      expect(next.rows.map((r) => [r.run_at.toISOString(), r.state])).toEqual([
        [`${YEAR}-07-14T22:00:00.000Z`, 'done'],
        [`${YEAR + 1}-07-14T22:00:00.000Z`, 'pending'],
      ]);

      // Set ready again after the switch: a new readiness, not expired by the same switch run twice.
      await klaarzetten(w.ctx(schoolActor([NORTH])), {
        schoolBrin: NORTH,
        dossierId: north,
        destinationBrin: NORTH,
      });
      expect(await stateOf(NORTH, north)).toMatchObject({ state: 'klaargezet' });
    });

    it('a region with its own date is left alone by the gateway-wide switch and expires on its own date', async () => {
      const EAST = '93PC';
      await w.school(EAST, { region: 'Oost' });
      const admin = w.ctx();
      const set = await setRegionSummerSwitch(admin, { region: 'Oost', monthDay: '06-30' });
      expect(set.monthDay).toBe('06-30');
      expect(await regionSummerSwitch(db(), 'Oost')).toBe('06-30');
      const east = await ready(EAST, 7);
      const west = await ready(SOUTH, 8);
      const stateOf = async (brin: string, id: string) =>
        (await listDossiers(w.ctx(schoolActor([brin])), { schoolBrin: brin })).find(
          (d) => d.dossierId === id,
        );

      const global = await expireReadyDossiers(admin, { asOf: new Date(`${YEAR + 5}-01-01T00:00:00Z`) });
      expect(global.expired).toBeGreaterThanOrEqual(1);
      expect(await stateOf(SOUTH, west)).toMatchObject({ state: 'verlopen' });
      expect(await stateOf(EAST, east)).toMatchObject({ state: 'klaargezet' });

      await expireReadyDossiers(admin, { asOf: new Date(`${YEAR + 5}-01-01T00:00:00Z`), region: 'Oost' });
      expect(await stateOf(EAST, east)).toMatchObject({ state: 'verlopen' });
      await expect(setRegionSummerSwitch(admin, { region: 'Oost', monthDay: '13-01' })).rejects.toMatchObject(
        {
          code: 'VALIDATION_FAILED',
        },
      );
    });
  },
  { migrations: chainTestMigrations },
);
