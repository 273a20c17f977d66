import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { isAppError } from '../platform/errors.js';
import { closeSession } from './close-session.js';
import { outcomeStatistics } from './outcome-statistics.js';
import { startSession } from './start-session.js';
import { startRequest, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

type ConnectedSchool = Awaited<ReturnType<TcWorld['school']>>;

describeEachDatabase(
  'closing a session',
  (db) => {
    let world: TcWorld;
    let las: Awaited<ReturnType<TcWorld['supplier']>>;
    let po: ConnectedSchool;
    let vo: ConnectedSchool;

    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier('LAS');
      po = await world.school({ supplier: las, sector: 'po' });
      vo = await world.school({ supplier: las, sector: 'vo' });
    });

    async function open(): Promise<string> {
      const started = await startSession(las.chain, startRequest(po.school, vo));
      if (started.result !== 'ok') throw new Error(started.result);
      return started.sessionId;
    }

    it('the starter closes a session with its best result, which is counted for the pair of schools', async () => {
      const first = await open();
      const second = await open();
      const third = await open();
      expect(await closeSession(las.chain, first, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'ok',
      });
      expect(await closeSession(las.chain, second, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'ok',
      });
      expect(await closeSession(las.chain, third, { bestResult: 'NietKlaargezet' })).toEqual({
        result: 'ok',
      });
      const { rows } = await db().query<{ state: string; best_result: string; closed_at: Date }>(
        'SELECT state, best_result, closed_at FROM tc.sessions WHERE id = $1',
        [first],
      );
      expect(rows[0]).toMatchObject({ state: 'closed', best_result: 'OverdrachtGeslaagd' });
      expect(rows[0].closed_at).toEqual(world.clock.now());
      const outcomes = await db().query(
        'SELECT source_brin, destination_brin, day, result, count FROM tc.outcomes ORDER BY result',
      );
      expect(outcomes.rows).toEqual([
        {
          source_brin: po.school.brin,
          destination_brin: vo.school.brin,
          day: '2026-04-01',
          result: 'NietKlaargezet',
          count: 1,
        },
        {
          source_brin: po.school.brin,
          destination_brin: vo.school.brin,
          day: '2026-04-01',
          result: 'OverdrachtGeslaagd',
          count: 2,
        },
      ]);
      expect(await outcomeStatistics(world.ctx(), { brin: vo.school.brin })).toEqual({
        from: null,
        to: null,
        pairs: [
          {
            sourceBrin: po.school.brin,
            destinationBrin: vo.school.brin,
            total: 3,
            results: { NietKlaargezet: 1, OverdrachtGeslaagd: 2 },
          },
        ],
      });
    });

    it('a closed session cannot be closed again: SessieReedsAfgemeld, and it is counted once', async () => {
      const id = await open();
      await closeSession(las.chain, id, { bestResult: 'LeerlingNietGevonden' });
      expect(await closeSession(las.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'SessieReedsAfgemeld',
      });
      const { rows } = await db().query<{ best_result: string }>(
        'SELECT best_result FROM tc.sessions WHERE id = $1',
        [id],
      );
      expect(rows[0].best_result).toBe('LeerlingNietGevonden');
      const counted = await db().query<{ count: number }>(
        `SELECT count FROM tc.outcomes WHERE result = 'LeerlingNietGevonden' AND source_brin = $1`,
        [po.school.brin],
      );
      expect(counted.rows[0].count).toBe(1);
    });

    it('only the supplier that started a session may close it; others get SessieAfwijkend', async () => {
      const id = await open();
      const other = await world.supplier('Other LAS');
      expect(await closeSession(other.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'SessieAfwijkend',
      });
      expect(await closeSession(world.chain(undefined), id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'VerstrekkerNietBekend',
      });
      expect(
        await closeSession(las.chain, crypto.randomUUID(), { bestResult: 'OverdrachtGeslaagd' }),
      ).toEqual({
        result: 'SessieAfwijkend',
      });
      expect(await closeSession(las.chain, 'forged', { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'SessieAfwijkend',
      });
      expect(await closeSession(las.chain, id, { bestResult: 'Geweldig' as 'OverdrachtGeslaagd' })).toEqual({
        result: 'OngeldigVerzoek',
      });
      const { rows } = await db().query<{ state: string }>('SELECT state FROM tc.sessions WHERE id = $1', [
        id,
      ]);
      expect(rows[0].state).toBe('open');
    });

    /** The SQLSTATE of what the database says to `sql`, or 'ok'. */
    async function refusal(sql: string, params: unknown[]): Promise<string> {
      try {
        await db().query(sql, params);
        return 'ok';
      } catch (e) {
        if (isAppError(e)) throw e;
        return (e as { code?: string }).code ?? String(e);
      }
    }

    it('the database itself keeps a closed session closed, whatever the SQL', async () => {
      const id = await open();
      await closeSession(las.chain, id, { bestResult: 'OverdrachtGeslaagd' });
      expect(
        await refusal(
          `UPDATE tc.sessions SET state = 'open', closed_at = NULL, best_result = NULL WHERE id = $1`,
          [id],
        ),
      ).toBe('23514');
      expect(await refusal(`UPDATE tc.sessions SET best_result = 'NietKlaargezet' WHERE id = $1`, [id])).toBe(
        '23514',
      );
      expect(await refusal('UPDATE tc.sessions SET check_count = 7 WHERE id = $1', [id])).toBe('23514');
      const { rows } = await db().query<{ state: string }>('SELECT state FROM tc.sessions WHERE id = $1', [
        id,
      ]);
      expect(rows[0].state).toBe('closed');
    });

    it('the database refuses a closed state without result or time, and a change of what a session is about', async () => {
      const id = await open();
      expect(await refusal(`UPDATE tc.sessions SET state = 'closed' WHERE id = $1`, [id])).toBe('23514');
      expect(
        await refusal(`UPDATE tc.sessions SET best_result = 'OverdrachtGeslaagd' WHERE id = $1`, [id]),
      ).toBe('23514');
      expect(
        await refusal(
          `UPDATE tc.sessions SET state = 'gesloten', closed_at = now(), best_result = 'NietKlaargezet' WHERE id = $1`,
          [id],
        ),
      ).toBe('23514');
      expect(
        await refusal(`UPDATE tc.sessions SET commitment = $2 WHERE id = $1`, [id, 'A'.repeat(43)]),
      ).toBe('23514');
      expect(
        await refusal(`UPDATE tc.sessions SET source_brin = $2 WHERE id = $1`, [id, vo.school.brin]),
      ).toBe('23514');
      expect(
        await refusal(
          `UPDATE tc.sessions SET state = 'closed', closed_at = now(), best_result = 'Prima' WHERE id = $1`,
          [id],
        ),
      ).toBe('23514');
      // and the session can still be closed properly
      expect(await closeSession(las.chain, id, { bestResult: 'NietGewijzigd' })).toEqual({ result: 'ok' });
    });
  },
  { migrations: testMigrations },
);
