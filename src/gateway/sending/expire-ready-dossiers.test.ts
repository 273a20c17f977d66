import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { dossierXml, schoolActor, TestClock } from '../test-fixtures.js';
import { scheduleSummerSwitch, summerSwitchMoment } from './expire-ready-dossiers.js';
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
  },
  { migrations: chainTestMigrations },
);
