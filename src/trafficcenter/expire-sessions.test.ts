import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import type { SessionCheckRequest } from '../platform/protocol.js';
import { checkSession } from './check-session.js';
import { closeSession } from './close-session.js';
import { expireSessions, startSessionExpirySweep } from './expire-sessions.js';
import { outcomeStatistics } from './outcome-statistics.js';
import { startSession } from './start-session.js';
import { startRequest, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

type Connected = Awaited<ReturnType<TcWorld['school']>>;
const MINUTE = 60_000;

describeEachDatabase(
  'sessions expire',
  (db, target) => {
    let world: TcWorld;
    let las: Awaited<ReturnType<TcWorld['supplier']>>;

    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier('LAS');
    });

    /** A fresh pair of schools (po → vo), so each test counts its own outcomes. */
    async function pair(): Promise<{ po: Connected; vo: Connected }> {
      return {
        po: await world.school({ supplier: las, sector: 'po' }),
        vo: await world.school({ supplier: las, sector: 'vo' }),
      };
    }

    async function open(schools: { po: Connected; vo: Connected }, chain = las.chain) {
      const request = startRequest(schools.po.school, schools.vo);
      const started = await startSession(chain, request);
      if (started.result !== 'ok') throw new Error(started.result);
      const check: SessionCheckRequest = {
        sourceDeliveryPoint: schools.po.points.OV.routingKey,
        sourceBrin: schools.po.school.brin,
        destinationBrin: schools.vo.school.brin,
        kind: 'overstapdossier',
        commitment: request.commitment,
      };
      return { id: started.sessionId, check };
    }

    const stateOf = async (id: string) =>
      (
        await db().query<{ state: string; expires_at: Date; expired_at: Date | null }>(
          'SELECT state, expires_at, expired_at FROM tc.sessions WHERE id = $1',
          [id],
        )
      ).rows[0];

    const outcomesOf = async (schools: { po: Connected }) =>
      (await outcomeStatistics(world.ctx(), { brin: schools.po.school.brin })).pairs[0]?.results ?? {};

    const later = async (ms: number, fn: () => Promise<void>) => {
      const start = world.clock.now();
      world.clock.set(new Date(start.getTime() + ms));
      try {
        await fn();
      } finally {
        world.clock.set(start);
      }
    };

    it('a session lives 15 minutes: checked after that it is SessieVerlopen, marked expired and counted once', async () => {
      const schools = await pair();
      const { id, check } = await open(schools);
      const started = world.clock.now();
      expect((await stateOf(id)).expires_at).toEqual(new Date(started.getTime() + 15 * MINUTE));
      await later(15 * MINUTE - 1, async () => {
        expect((await checkSession(las.chain, id, check)).result).toBe('ok');
      });
      await later(15 * MINUTE, async () => {
        expect(await checkSession(las.chain, id, check)).toEqual({ result: 'SessieVerlopen' });
        expect(await stateOf(id)).toMatchObject({ state: 'expired', expired_at: world.clock.now() });
        // Asked again, and closed by its starter at last: the same answer, counted once.
        expect(await checkSession(las.chain, id, check)).toEqual({ result: 'SessieVerlopen' });
        expect(await closeSession(las.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
          result: 'SessieVerlopen',
        });
      });
      expect(await outcomesOf(schools)).toEqual({ SessieVerlopen: 1 });
    });

    it('a close after the lifetime is SessieVerlopen and counts the expiry, not the late result', async () => {
      const schools = await pair();
      const { id } = await open(schools);
      await later(20 * MINUTE, async () => {
        expect(await closeSession(las.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
          result: 'SessieVerlopen',
        });
      });
      expect((await stateOf(id)).state).toBe('expired');
      expect(await outcomesOf(schools)).toEqual({ SessieVerlopen: 1 });
      // Another supplier still learns nothing about the session.
      const other = await world.supplier('Other LAS');
      expect(await closeSession(other.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'SessieAfwijkend',
      });
    });

    it('the lifetime is the traffic center’s to set: a one-minute session expires after a minute', async () => {
      const schools = await pair();
      const { id, check } = await open(schools, { ...las.chain, sessionLifetimeMs: MINUTE });
      await later(MINUTE, async () => {
        expect(await checkSession(las.chain, id, check)).toEqual({ result: 'SessieVerlopen' });
      });
    });

    it('the sweep expires every overdue open session once, counted per pair, and leaves the others alone', async () => {
      const a = await pair();
      const b = await pair();
      const overdue = [await open(a), await open(a), await open(b)];
      const closed = await open(a);
      await closeSession(las.chain, closed.id, { bestResult: 'NietKlaargezet' });
      await later(10 * MINUTE, async () => {
        const fresh = await open(b);
        await later(6 * MINUTE, async () => {
          // Two instances sweep at the same moment: each session is expired and counted once.
          const other = { ...world.ctx(), db: await target.openInstance() };
          const swept = await Promise.all([expireSessions(world.ctx()), expireSessions(other)]);
          expect(swept[0] + swept[1]).toBe(3);
          expect(await expireSessions(world.ctx())).toBe(0);
          for (const s of overdue) expect((await stateOf(s.id)).state).toBe('expired');
          expect((await stateOf(closed.id)).state).toBe('closed');
          expect((await stateOf(fresh.id)).state).toBe('open');
          expect((await checkSession(las.chain, fresh.id, fresh.check)).result).toBe('ok');
        });
      });
      expect(await outcomesOf(a)).toEqual({ NietKlaargezet: 1, SessieVerlopen: 2 });
      expect(await outcomesOf(b)).toEqual({ SessieVerlopen: 1 });
    });

    it('the periodic sweep runs at once and then on its interval, and stops cleanly', async () => {
      const schools = await pair();
      const { id } = await open(schools);
      let errors = 0;
      const sweep = startSessionExpirySweep(db(), {
        intervalMs: 20,
        now: () => new Date(world.clock.now().getTime() + 16 * MINUTE),
        onError: () => errors++,
      });
      try {
        for (let i = 0; i < 100 && (await stateOf(id)).state !== 'expired'; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        await sweep.stop();
      }
      expect(errors).toBe(0);
      expect((await stateOf(id)).state).toBe('expired');
      expect(await outcomesOf(schools)).toEqual({ SessieVerlopen: 1 });
    });

    it('the database holds the same rules: no close after the expiry, no expiry before it, expired is final', async () => {
      const schools = await pair();
      const { id } = await open(schools);
      const { expires_at } = await stateOf(id);
      const refused = (sql: string, params: unknown[]) =>
        db()
          .query(sql, params)
          .then(
            () => 'accepted',
            (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint}`,
          );
      const at = (ms: number) => new Date(expires_at.getTime() + ms);
      expect(
        await refused(
          `UPDATE tc.sessions SET state = 'closed', closed_at = $2, best_result = 'OverdrachtGeslaagd' WHERE id = $1`,
          [id, at(0)],
        ),
      ).toBe('23514 sessions_close_before_expiry');
      expect(
        await refused(`UPDATE tc.sessions SET state = 'expired', expired_at = $2 WHERE id = $1`, [
          id,
          at(-1),
        ]),
      ).toBe('23514 sessions_expire_after_lifetime');
      expect(await refused(`UPDATE tc.sessions SET state = 'expired' WHERE id = $1`, [id])).toMatch(
        /^23514 sessions_state_fields$/,
      );
      expect(await refused(`UPDATE tc.sessions SET expires_at = $2 WHERE id = $1`, [id, at(MINUTE)])).toBe(
        '23514 sessions_immutable',
      );
      expect(
        await refused(`UPDATE tc.sessions SET state = 'expired', expired_at = $2 WHERE id = $1`, [id, at(0)]),
      ).toBe('accepted');
      expect(
        await refused(`UPDATE tc.sessions SET state = 'open', expired_at = NULL WHERE id = $1`, [id]),
      ).toBe('23514 sessions_closed_is_final');
    });
  },
  { migrations: testMigrations },
);
