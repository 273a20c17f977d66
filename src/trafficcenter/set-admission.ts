import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import type { Tx } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { dutchDay } from '../standard/index.js';
import { admissionOf } from './registry.js';
import type { Admission, AdmissionChange } from './schemas.js';

/**
 * The chain operator tracks a school's connection path (DESIGN.md §6) and admission:
 *
 * - `recordTestExchange`: the school exchanged a test dossier successfully (at a time, default now);
 * - `qualify`: the school may exchange from a date, optionally until a date — only once the path is
 *   complete: a supplier with a current mandate, an active delivery point of that supplier, and a
 *   recorded test exchange (ADMISSION_INCOMPLETE names what is missing);
 * - `unqualify`: the school may no longer exchange, at once (a planned end is `qualify` with `until`).
 *
 * The chain checks admission on every session start: a school is admitted on a day when it is
 * qualified and the day lies within from…until (Dutch calendar days).
 */
export async function setAdmission(ctx: Ctx, brin: string, change: AdmissionChange): Promise<Admission> {
  authorize(ctx, 'tc:admin', brin);
  if (change.action === 'qualify' && change.until && change.until < change.from) {
    throw new AppError('VALIDATION_FAILED', { field: 'until', reason: 'until lies before from' });
  }
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ test_exchange_at: Date | null }>(
      'SELECT test_exchange_at FROM tc.admission WHERE brin = $1 FOR UPDATE',
      [brin],
    );
    if (!rows[0]) throw new AppError('SCHOOL_NOT_FOUND', { brin });
    const note = change.note ?? null;
    switch (change.action) {
      case 'recordTestExchange': {
        const at = change.at === undefined ? ctx.now() : parseInstant(change.at);
        await tx.query(
          'UPDATE tc.admission SET test_exchange_at = $2, note = COALESCE($3, note), updated_at = now() WHERE brin = $1',
          [brin, at, note],
        );
        break;
      }
      case 'qualify': {
        const missing = await missingSteps(tx, brin, rows[0].test_exchange_at !== null);
        if (missing.length > 0) throw new AppError('ADMISSION_INCOMPLETE', { brin, missing });
        await tx.query(
          `UPDATE tc.admission SET qualified = true, qualified_from = $2, qualified_until = $3,
                  note = COALESCE($4, note), updated_at = now() WHERE brin = $1`,
          [brin, change.from, change.until ?? null, note],
        );
        break;
      }
      case 'unqualify':
        await tx.query(
          'UPDATE tc.admission SET qualified = false, note = COALESCE($2, note), updated_at = now() WHERE brin = $1',
          [brin, note],
        );
        break;
    }
    const admission = await admissionOf(tx, brin, dutchDay(ctx.now()));
    await audit.record(tx, ctx, `tc.admission.${change.action}`, {
      schoolBrin: brin,
      details: {
        ...(change.action === 'qualify' ? { from: change.from, until: change.until ?? null } : {}),
        // the reason, for the school's history (school-history.ts); about a school, never a pupil
        ...(change.note ? { note: change.note } : {}),
      },
    });
    return admission;
  });
}

/** What the school still lacks on its connection path. */
async function missingSteps(tx: Tx, brin: string, tested: boolean): Promise<string[]> {
  const { rows } = await tx.query<{ mandate: boolean; delivery_point: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM tc.mandates m WHERE m.brin = $1 AND m.revoked_at IS NULL) AS mandate,
            EXISTS (SELECT 1 FROM tc.delivery_points d
                      JOIN tc.mandates m ON m.supplier_id = d.supplier_id AND m.brin = d.brin AND m.revoked_at IS NULL
                     WHERE d.brin = $1 AND d.active) AS delivery_point`,
    [brin],
  );
  const missing: string[] = [];
  if (!rows[0].mandate) missing.push('mandate');
  if (!rows[0].delivery_point) missing.push('deliveryPoint');
  if (!tested) missing.push('testExchange');
  return missing;
}

function parseInstant(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new AppError('VALIDATION_FAILED', { field: 'at', reason: 'not a time' });
  }
  return at;
}
