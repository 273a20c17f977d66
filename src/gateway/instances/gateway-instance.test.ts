import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { testKeyring, testMigrations } from '../test-fixtures.js';
import { heartbeat, newInstanceId, startGatewayInstance } from './gateway-instance.js';

describeEachDatabase(
  'a gateway instance on its database',
  (db) => {
    const lastSeen = async (id: string) =>
      (await db().query<{ last_seen: Date }>('SELECT last_seen FROM gw.instances WHERE id = $1', [id]))
        .rows[0]?.last_seen;

    it('keeps a heartbeat row fresh while it runs and removes it when it stops', async () => {
      const instance = await startGatewayInstance(db(), {
        keyring: testKeyring(),
        heartbeatMs: 30,
        staleAfterMs: 200,
      });
      try {
        expect(instance.id).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
        const first = await lastSeen(instance.id);
        expect(first).toBeInstanceOf(Date);
        let later = first;
        for (let i = 0; i < 100 && later?.getTime() === first?.getTime(); i++) {
          await new Promise((r) => setTimeout(r, 20));
          later = await lastSeen(instance.id);
        }
        expect(later?.getTime()).toBeGreaterThan(first?.getTime() ?? 0);
      } finally {
        await instance.stop();
      }
      expect(await lastSeen(instance.id)).toBeUndefined();
    });

    it('releases, on its own timer, the requests of an instance that fell silent — within the stale time', async () => {
      // A registration held in flight by an instance that was killed after its last heartbeat.
      await db().query(
        `INSERT INTO gw.schools (brin, vestiging, name, sector) VALUES ('93VA', '01', 'School 93VA', 'vo')`,
      );
      const registration = crypto.randomUUID();
      await db().query(
        `INSERT INTO gw.registrations (id, school_brin, source_brin, pupil_key, identity_enc, state, requested_at,
                                       created_by, requested_by)
         VALUES ($1, '93VA', '94PA', 'key', '\\x00', 'aanmelding', now(), 'test', NULL)`,
        [registration],
      );
      const killed = newInstanceId();
      const lastBeat = Date.now();
      await heartbeat(db(), killed);
      await db().query(`UPDATE gw.registrations SET state = 'aangevraagd', requested_by = $2 WHERE id = $1`, [
        registration,
        killed,
      ]);
      const survivor = await startGatewayInstance(db(), {
        keyring: testKeyring(),
        heartbeatMs: 50,
        staleAfterMs: 400,
      });
      const started = Date.now();
      try {
        let state = 'aangevraagd';
        while (state === 'aangevraagd' && Date.now() - started < 5_000) {
          await new Promise((r) => setTimeout(r, 25));
          state = (
            await db().query<{ state: string }>('SELECT state FROM gw.registrations WHERE id = $1', [
              registration,
            ])
          ).rows[0].state;
        }
        expect(state).toBe('fout');
        // Not before the killed instance's heartbeat was 400 ms old, and soon after.
        expect(Date.now() - lastBeat).toBeGreaterThanOrEqual(380);
        expect(Date.now() - started).toBeLessThan(2_000);
        const { rows } = await db().query<{ details: Record<string, unknown> }>(
          `SELECT details FROM platform.audit_log WHERE action = 'registration.request-abandoned' AND subject = $1`,
          [registration],
        );
        expect(rows).toEqual([
          { details: { result: 'TechnischeFout', reason: 'instance-stopped', instance: killed } },
        ]);
      } finally {
        await survivor.stop();
      }
    });
  },
  { migrations: testMigrations },
);
