import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Actor, Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import { AUDIT_APPEND_MIGRATION, AUDIT_MIGRATION, recordAudit } from './index.js';
import { verifyAuditLog } from './verify-audit-log.js';

const operator: Actor = {
  kind: 'apikey',
  id: 'key-operator',
  permissions: new Set(['audit:read']),
  schools: 'all',
};
const school: Actor = {
  kind: 'apikey',
  id: 'key-po',
  permissions: new Set(['dossier:read']),
  schools: new Set(['00YY']),
};

describeEachDatabase(
  'verifying the audit log on a running node',
  (db) => {
    const ctx = (actor: Actor): Pick<Ctx, 'db' | 'actor' | 'requestId' | 'now'> => ({
      db: db(),
      actor,
      requestId: 'req-verify',
      now: () => new Date(),
    });

    it('gives the operator the verdict and records the verification; a school may not', async () => {
      for (let i = 0; i < 3; i++) {
        await db().transaction((tx) =>
          recordAudit(tx, { actor: school, requestId: `r${i}`, action: 'dossier.read', schoolBrin: '00YY' }),
        );
      }
      const verdict = await verifyAuditLog(ctx(operator));
      expect(verdict).toMatchObject({ ok: true, checked: 3, head: { seq: 3 } });
      const { rows } = await db().query<{ action: string; actor_id: string; details: object }>(
        'SELECT action, actor_id, details FROM platform.audit_log ORDER BY seq DESC LIMIT 1',
      );
      expect(rows[0]).toEqual({
        action: 'platform.audit.verified',
        actor_id: 'key-operator',
        details: { ok: true, checked: 3 },
      });
      // the recorded verification is part of the chain: the next one checks it too
      expect(await verifyAuditLog(ctx(operator))).toMatchObject({ ok: true, checked: 4 });

      const refused = await verifyAuditLog(ctx(school)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('FORBIDDEN');
    });

    it('says where the chain was broken, and records that too', async () => {
      await db().transaction(async (tx: Queryable) => {
        await tx.query('ALTER TABLE platform.audit_log DISABLE TRIGGER USER');
        await tx.query(`UPDATE platform.audit_log SET actor_id = 'someone-else' WHERE seq = 2`);
        await tx.query('ALTER TABLE platform.audit_log ENABLE TRIGGER USER');
      });
      expect(await verifyAuditLog(ctx(operator))).toMatchObject({
        ok: false,
        firstBrokenSeq: 2,
        reason: 'edited',
      });
      const { rows } = await db().query<{ details: object }>(
        'SELECT details FROM platform.audit_log ORDER BY seq DESC LIMIT 1',
      );
      expect(rows[0].details).toEqual({ ok: false, checked: 1, firstBrokenSeq: 2, reason: 'edited' });
    });
  },
  { migrations: [AUDIT_MIGRATION, AUDIT_APPEND_MIGRATION] },
);
