import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { closeSession } from './close-session.js';
import { outcomeStatistics } from './outcome-statistics.js';
import { startSession } from './start-session.js';
import { actorFor, startRequest, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'outcome statistics',
  (db) => {
    let world: TcWorld;
    let schools: Awaited<ReturnType<TcWorld['school']>>[];
    let las: Awaited<ReturnType<TcWorld['supplier']>>;

    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier();
      schools = [];
      for (const sector of ['po', 'po', 'vo'] as const)
        schools.push(await world.school({ supplier: las, sector }));
      const [poA, poB, vo] = schools;
      const exchange = async (
        at: string,
        source: typeof poA,
        result: 'OverdrachtGeslaagd' | 'NietKlaargezet',
      ) => {
        world.clock.set(at);
        const started = await startSession(las.chain, startRequest(source.school, vo));
        if (started.result !== 'ok') throw new Error(started.result);
        await closeSession(las.chain, started.sessionId, { bestResult: result });
      };
      await exchange('2026-03-10T10:00:00Z', poA, 'OverdrachtGeslaagd');
      await exchange('2026-03-10T11:00:00Z', poA, 'NietKlaargezet');
      await exchange('2026-04-15T10:00:00Z', poA, 'OverdrachtGeslaagd');
      await exchange('2026-04-15T10:00:00Z', poB, 'OverdrachtGeslaagd');
      // an open session is not an outcome yet
      await startSession(las.chain, startRequest(poB.school, vo));
      world.clock.set('2026-04-01T09:00:00.000Z');
    });

    it('counts closed sessions per pair of schools and best result', async () => {
      const [poA, poB, vo] = schools;
      expect(await outcomeStatistics(world.ctx(), {})).toEqual({
        from: null,
        to: null,
        pairs: [
          {
            sourceBrin: poA.school.brin,
            destinationBrin: vo.school.brin,
            total: 3,
            results: { NietKlaargezet: 1, OverdrachtGeslaagd: 2 },
          },
          {
            sourceBrin: poB.school.brin,
            destinationBrin: vo.school.brin,
            total: 1,
            results: { OverdrachtGeslaagd: 1 },
          },
        ],
      });
    });

    it('narrows to a period and to one school (either side of the pair)', async () => {
      const [poA, poB, vo] = schools;
      const march = await outcomeStatistics(world.ctx(), { from: '2026-03-01', to: '2026-03-31' });
      expect(march.pairs).toEqual([
        {
          sourceBrin: poA.school.brin,
          destinationBrin: vo.school.brin,
          total: 2,
          results: { NietKlaargezet: 1, OverdrachtGeslaagd: 1 },
        },
      ]);
      expect((await outcomeStatistics(world.ctx(), { brin: poB.school.brin })).pairs).toHaveLength(1);
      expect((await outcomeStatistics(world.ctx(), { brin: vo.school.brin })).pairs).toHaveLength(2);
      await expect(
        outcomeStatistics(world.ctx(), { from: '2026-04-01', to: '2026-03-01' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });

    it('a reader for some schools sees only pairs with one of them, and must name it', async () => {
      const [poA, poB] = schools;
      const reader = world.ctx(actorFor([poA.school.brin], ['tc:read']));
      expect((await outcomeStatistics(reader, { brin: poA.school.brin })).pairs).toHaveLength(1);
      await expect(outcomeStatistics(reader, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(outcomeStatistics(reader, { brin: poB.school.brin })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        outcomeStatistics(world.ctx(actorFor([poA.school.brin], ['dossier:read'])), {
          brin: poA.school.brin,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
