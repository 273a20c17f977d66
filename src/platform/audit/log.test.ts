import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../context.js';
import type { Db, Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import {
  AUDIT_APPEND_MIGRATION,
  AUDIT_MIGRATION,
  canonicalJson,
  GENESIS_HASH,
  recordAudit,
  verifyAuditChain,
} from './index.js';

const actor: Actor = { kind: 'apikey', id: 'key-po-1', permissions: 'all', schools: 'all' };

async function append(db: Db, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actor,
        requestId: `req-${i}`,
        action: i % 2 ? 'dossier.read' : 'dossier.klaargezet',
        schoolBrin: '00YY',
        subject: `dossier-${i}`,
        details: { destinationBrin: '01AB', version: i, when: new Date(Date.UTC(2025, 3, 1, 0, 0, i)) },
      }),
    );
  }
}

/** Runs SQL on the audit log the way a superuser could: with its trigger switched off. */
async function tamper(db: Db, sql: string): Promise<void> {
  await db.transaction(async (tx: Queryable) => {
    await tx.query('ALTER TABLE platform.audit_log DISABLE TRIGGER USER');
    await tx.query(sql);
    await tx.query('ALTER TABLE platform.audit_log ENABLE TRIGGER USER');
  });
}

async function error(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describeEachDatabase(
  'audit log',
  (db, target) => {
    beforeEach(async () => {
      await tamper(db(), 'DELETE FROM platform.audit_log');
    });

    it('appends entries that form one valid chain, starting from the genesis hash', async () => {
      await append(db(), 5);
      const { rows } = await db().query<{ seq: number; prev_hash: string; hash: string; details: object }>(
        'SELECT seq, prev_hash, hash, details FROM platform.audit_log ORDER BY seq',
      );
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      expect(rows[0].details).toEqual({
        destinationBrin: '01AB',
        version: 0,
        when: '2025-04-01T00:00:00.000Z',
      });
      const verdict = await verifyAuditChain(db());
      expect(verdict).toEqual({ ok: true, checked: 5, head: { seq: 5, hash: rows[4].hash } });
    });

    it('hashes in the database exactly as the check does, whatever the entry holds', async () => {
      // The hash is computed by platform.audit_append around the seq it assigns: details that hold a
      // key "seq" themselves, quotes, non-ASCII text, nulls and no school or subject at all.
      const details = [
        { seq: 0, note: '"seq":0,', nested: { b: [1, 'ü', null], a: 'é' } },
        {},
        { 'zz-last': true, aa: 'tab\t, newline\n, quote" and backslash\\' },
      ];
      for (const [i, d] of details.entries()) {
        await db().transaction((tx) =>
          recordAudit(tx, {
            actor,
            requestId: `odd-${i}`,
            action: 'dossier.read',
            ...(i === 0 ? { schoolBrin: '00YY', subject: 'dossier-ü' } : {}),
            details: d,
          }),
        );
      }
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 3 });
    });

    it('says an empty log is intact', async () => {
      expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 0 });
    });

    it('verifies long chains batch by batch', async () => {
      await append(db(), 7);
      expect(await verifyAuditChain(db(), { batchSize: 2 })).toMatchObject({ ok: true, checked: 7 });
    });

    it('refuses UPDATE, DELETE and TRUNCATE while the trigger is on', async () => {
      await append(db(), 2);
      for (const sql of [
        "UPDATE platform.audit_log SET action = 'x' WHERE seq = 1",
        'DELETE FROM platform.audit_log WHERE seq = 2',
        'TRUNCATE platform.audit_log',
      ]) {
        const e = await error(db().query(sql));
        expect(String((e as Error)?.message)).toContain('append-only');
      }
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 2 });
    });

    it('detects an edited row, even when the trigger was switched off to edit it', async () => {
      await append(db(), 5);
      await tamper(db(), `UPDATE platform.audit_log SET actor_id = 'someone-else' WHERE seq = 3`);
      expect(await verifyAuditChain(db())).toEqual({
        ok: false,
        checked: 2,
        firstBrokenSeq: 3,
        reason: 'edited',
      });
    });

    it('detects an edit in the details and one of the timestamp', async () => {
      await append(db(), 4);
      await tamper(
        db(),
        `UPDATE platform.audit_log SET details = details || '{"version": 99}' WHERE seq = 4`,
      );
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'edited' });
      await tamper(db(), 'DELETE FROM platform.audit_log');
      await append(db(), 4);
      await tamper(db(), `UPDATE platform.audit_log SET at = at + interval '1 millisecond' WHERE seq = 2`);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'edited' });
    });

    it('detects an edited row whose hash was recomputed: the next link breaks', async () => {
      await append(db(), 4);
      // An attacker who knows the scheme rewrites row 2 and its hash — but not row 3's prev_hash.
      const { rows } = await db().query<{ prev_hash: string }>(
        'SELECT prev_hash FROM platform.audit_log WHERE seq = 2',
      );
      await tamper(db(), `UPDATE platform.audit_log SET action = 'dossier.deleted' WHERE seq = 2`);
      const { createHash } = await import('node:crypto');
      const row = (
        await db().query<Record<string, unknown>>(
          'SELECT seq, at, actor_kind, actor_id, school_brin, action, subject, request_id, details FROM platform.audit_log WHERE seq = 2',
        )
      ).rows[0];
      const entry = {
        v: 1,
        seq: 2,
        at: (row.at as Date).toISOString(),
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        schoolBrin: row.school_brin,
        action: row.action,
        subject: row.subject,
        requestId: row.request_id,
        details: row.details,
      };
      const forged = createHash('sha256')
        .update(Buffer.from(rows[0].prev_hash, 'hex'))
        .update(canonicalJson(entry))
        .digest('hex');
      await tamper(db(), `UPDATE platform.audit_log SET hash = '${forged}' WHERE seq = 2`);
      expect(await verifyAuditChain(db())).toEqual({
        ok: false,
        checked: 2,
        firstBrokenSeq: 3,
        reason: 'broken-link',
      });
    });

    it('detects a deleted row', async () => {
      await append(db(), 5);
      await tamper(db(), 'DELETE FROM platform.audit_log WHERE seq = 3');
      expect(await verifyAuditChain(db())).toEqual({
        ok: false,
        checked: 2,
        firstBrokenSeq: 4,
        reason: 'missing-rows',
      });
    });

    it('detects a deleted first row', async () => {
      await append(db(), 3);
      await tamper(db(), 'DELETE FROM platform.audit_log WHERE seq = 1');
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, checked: 0, firstBrokenSeq: 2 });
    });

    it('detects a deleted row when the rest was renumbered to hide the gap', async () => {
      await append(db(), 5);
      await tamper(db(), 'DELETE FROM platform.audit_log WHERE seq = 3');
      await tamper(db(), 'UPDATE platform.audit_log SET seq = seq - 1 WHERE seq = 4');
      await tamper(db(), 'UPDATE platform.audit_log SET seq = seq - 1 WHERE seq = 5');
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3 });
    });

    it('detects two rows that swapped places', async () => {
      await append(db(), 5);
      await tamper(db(), 'UPDATE platform.audit_log SET seq = 1000 WHERE seq = 2');
      await tamper(db(), 'UPDATE platform.audit_log SET seq = 2 WHERE seq = 3');
      await tamper(db(), 'UPDATE platform.audit_log SET seq = 3 WHERE seq = 1000');
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
    });

    it('detects removed rows at the end against a head kept from an earlier check', async () => {
      await append(db(), 5);
      const earlier = await verifyAuditChain(db());
      await append(db(), 1, 5);
      expect(await verifyAuditChain(db(), { expectedHead: earlier.head })).toMatchObject({
        ok: true,
        checked: 6,
      });
      await tamper(db(), 'DELETE FROM platform.audit_log WHERE seq >= 5');
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 4 }); // the shorter chain holds …
      expect(await verifyAuditChain(db(), { expectedHead: earlier.head })).toEqual({
        ok: false,
        checked: 4,
        firstBrokenSeq: 5,
        reason: 'missing-tail',
      }); // … but not against the kept head
    });

    it('cannot fork: the database refuses a second successor of a row', async () => {
      await append(db(), 2);
      const e = await error(
        db().query(
          `INSERT INTO platform.audit_log (seq, at, actor_kind, actor_id, action, request_id, prev_hash, hash)
           SELECT 3, now(), 'system', 'x', 'fork', 'r', prev_hash, repeat('a', 64) FROM platform.audit_log WHERE seq = 2`,
        ),
      );
      expect((e as { code?: string }).code).toBe('23505');
    });

    it('keeps an entry only when the transaction that records it commits', async () => {
      await append(db(), 1);
      await error(
        db().transaction(async (tx) => {
          await recordAudit(tx, { actor, requestId: 'r-x', action: 'dossier.read', subject: 'dossier-x' });
          throw new Error('the change failed');
        }),
      );
      await append(db(), 1, 1);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 2 });
      const { rows } = await db().query<{ subject: string }>(
        'SELECT subject FROM platform.audit_log ORDER BY seq',
      );
      expect(rows.map((r) => r.subject)).toEqual(['dossier-0', 'dossier-1']);
    });

    it('refuses personal data in an entry', async () => {
      const cases: Array<Record<string, unknown>> = [
        { subject: '123456782' },
        { details: { bsn: 'x' } },
        { details: { pupil: { Achternaam: 'Jansen' } } },
        { details: { geboorte_datum: '2013-01-01', birthDate: '2013-01-01' } },
        { details: { list: ['ok', ' 123456782 '] } },
      ];
      for (const extra of cases) {
        const e = await error(
          db().transaction((tx) =>
            recordAudit(tx, { actor, requestId: 'r', action: 'dossier.read', ...extra }),
          ),
        );
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('AUDIT_PERSONAL_DATA');
      }
      expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 0 });
    });

    it('appends in a transaction of its own when given the database instead of a transaction', async () => {
      const instance = await target.openInstance();
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          recordAudit(i % 2 ? instance : db(), { actor, requestId: `own-${i}`, action: 'dossier.list' }),
        ),
      );
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 10 });
    });

    it('keeps one chain when 20 transactions append at the same time', async () => {
      const instance = await target.openInstance();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? instance : db()).transaction(async (tx) => {
            await tx.query('SELECT pg_sleep(0.01)');
            await recordAudit(tx, {
              actor,
              requestId: `par-${i}`,
              action: 'dossier.delivered',
              subject: `d-${i}`,
            });
            await tx.query('SELECT pg_sleep(0.005)'); // hold the chain lock a moment, as real work would
          }),
        ),
      );
      const verdict = await verifyAuditChain(db());
      expect(verdict).toMatchObject({ ok: true, checked: 20 });
      const { rows } = await db().query<{ n: number; heads: number }>(
        'SELECT count(*) AS n, count(DISTINCT prev_hash) AS heads FROM platform.audit_log',
      );
      expect(rows[0]).toEqual({ n: 20, heads: 20 });
    });
  },
  { migrations: [AUDIT_MIGRATION, AUDIT_APPEND_MIGRATION] },
);

it('writes canonical JSON: keys sorted at every level, no white space, undefined left out', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: 'é' }, u: undefined })).toBe(
    '{"a":{"c":"é","d":[3,{"y":null,"z":1}]},"b":1}',
  );
});
