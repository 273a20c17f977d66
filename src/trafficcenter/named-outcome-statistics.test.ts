import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { closeSession } from './close-session.js';
import { namedOutcomeStatistics } from './named-outcome-statistics.js';
import { outcomeStatistics } from './outcome-statistics.js';
import { startSession } from './start-session.js';
import { actorFor, startRequest, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'outcome statistics with the schools’ names',
  (db) => {
    let world: TcWorld;
    let schools: Awaited<ReturnType<TcWorld['school']>>[];

    beforeAll(async () => {
      world = tcWorld(db());
      const las = await world.supplier();
      schools = [
        await world.school({ supplier: las, name: 'Basisschool De Regenboog' }),
        await world.school({ supplier: las, name: 'Het Amersfoorts Lyceum', sector: 'vo' }),
      ];
      const [po, vo] = schools;
      for (const [at, result] of [
        ['2026-03-10T10:00:00Z', 'OverdrachtGeslaagd'],
        ['2026-03-11T10:00:00Z', 'NietKlaargezet'],
        ['2026-04-15T10:00:00Z', 'OverdrachtGeslaagd'],
      ] as const) {
        world.clock.set(at);
        const started = await startSession(las.chain, startRequest(po.school, vo));
        if (started.result !== 'ok') throw new Error(started.result);
        await closeSession(las.chain, started.sessionId, { bestResult: result });
      }
      world.clock.set('2026-04-01T09:00:00.000Z');
    });

    it('gives the same pairs and counts as the outcome statistics, with both schools’ names', async () => {
      const [po, vo] = schools;
      const plain = await outcomeStatistics(world.ctx(), { from: '2026-03-01', to: '2026-03-31' });
      const named = await namedOutcomeStatistics(world.ctx(), { from: '2026-03-01', to: '2026-03-31' });
      expect(named).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        pairs: [
          {
            sourceBrin: po.school.brin,
            sourceName: 'Basisschool De Regenboog',
            destinationBrin: vo.school.brin,
            destinationName: 'Het Amersfoorts Lyceum',
            total: 2,
            results: { NietKlaargezet: 1, OverdrachtGeslaagd: 1 },
          },
        ],
      });
      expect(named.pairs.map(({ sourceName, destinationName, ...pair }) => pair)).toEqual(plain.pairs);
      expect((await namedOutcomeStatistics(world.ctx(), { brin: vo.school.brin })).pairs[0].total).toBe(3);
      expect((await namedOutcomeStatistics(world.ctx(), { from: '2027-01-01' })).pairs).toEqual([]);
    });

    it('follows the same rules: a reader of some schools must name one of them', async () => {
      const [po] = schools;
      const reader = world.ctx(actorFor([po.school.brin], ['tc:read']));
      await expect(namedOutcomeStatistics(reader, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await namedOutcomeStatistics(reader, { brin: po.school.brin })).pairs).toHaveLength(1);
      await expect(namedOutcomeStatistics(reader, { brin: '01AA' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: testMigrations },
);
