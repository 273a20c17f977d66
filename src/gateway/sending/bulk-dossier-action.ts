import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import { loadDossier } from './dossier-store.js';
import { klaarzetten } from './klaarzetten.js';
import { putUpForInspection } from './put-up-for-inspection.js';

/** What a bulk action does to each dossier. */
export type BulkAction = 'ter_inzage' | 'klaarzetten';
export const BULK_ACTIONS: readonly BulkAction[] = ['ter_inzage', 'klaarzetten'];
/** Most dossiers in one bulk request (a large groep 8 is some 120 pupils). */
export const MAX_BULK_DOSSIERS = 500;

export interface BulkDossierActionInput {
  schoolBrin: string;
  action: BulkAction;
  dossierIds: string[];
}

export type BulkOutcome =
  | { dossierId: string; result: 'ok'; state: string; destinationBrin?: string }
  /** It was in that state already (up for inspection, or ready for that same school). */
  | { dossierId: string; result: 'unchanged'; state: string; destinationBrin?: string }
  | { dossierId: string; result: 'refused'; code: string; message: Message };

export interface BulkDossierActionResult {
  action: BulkAction;
  ok: number;
  unchanged: number;
  refused: number;
  outcomes: BulkOutcome[];
}

const PERMISSION = { ter_inzage: 'dossier:inzage', klaarzetten: 'dossier:klaarzetten' } as const;

/**
 * One action for many dossiers of a school (a whole groep 8): put each up for the parents'
 * inspection, or set each ready for the school where the pupil registered — the first preference
 * (registration notices; none known → NO_REGISTRATION, several without an order →
 * REGISTRATION_AMBIGUOUS). Every dossier goes through the same use case as one at a time, in its own
 * transaction: each is done entirely or not at all, and the answer says per dossier what happened
 * (refused with the AppError's code and message). One audit entry for the batch besides each
 * dossier's own.
 */
export async function bulkDossierAction(
  ctx: Ctx,
  input: BulkDossierActionInput,
): Promise<BulkDossierActionResult> {
  authorize(ctx, PERMISSION[input.action] ?? 'dossier:klaarzetten', input.schoolBrin);
  if (!BULK_ACTIONS.includes(input.action)) {
    throw new AppError('VALIDATION_FAILED', { problems: { action: 'ter_inzage or klaarzetten' } });
  }
  const ids = [...new Set(input.dossierIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_DOSSIERS) {
    throw new AppError('VALIDATION_FAILED', {
      problems: { dossierIds: `1 to ${MAX_BULK_DOSSIERS} dossiers` },
    });
  }
  const outcomes: BulkOutcome[] = [];
  for (const dossierId of ids) {
    try {
      outcomes.push(
        await (input.action === 'ter_inzage'
          ? inspection(ctx, input.schoolBrin, dossierId)
          : ready(ctx, input.schoolBrin, dossierId)),
      );
    } catch (e) {
      // A refusal is an answer for this dossier; anything else (a fault) stops the batch and is
      // reported as such — what was done before it stays done, each dossier entirely.
      if (!isAppError(e)) throw e;
      outcomes.push({ dossierId, result: 'refused', code: e.code, message: e.messages });
    }
  }
  const count = (r: BulkOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  const result = {
    action: input.action,
    ok: count('ok'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    outcomes,
  };
  await audit.record(ctx.db, ctx, 'dossier.bulk', {
    schoolBrin: input.schoolBrin,
    details: { action: input.action, ok: result.ok, unchanged: result.unchanged, refused: result.refused },
  });
  return result;
}

async function inspection(ctx: Ctx, schoolBrin: string, dossierId: string): Promise<BulkOutcome> {
  const dossier = await loadDossier(ctx.db, schoolBrin, dossierId);
  if (dossier.state === 'ter_inzage')
    return { dossierId: dossier.id, result: 'unchanged', state: dossier.state };
  const done = await putUpForInspection(ctx, { schoolBrin, dossierId: dossier.id });
  return { dossierId: done.dossierId, result: 'ok', state: done.state };
}

async function ready(ctx: Ctx, schoolBrin: string, dossierId: string): Promise<BulkOutcome> {
  const dossier = await loadDossier(ctx.db, schoolBrin, dossierId);
  const { rows } = await ctx.db.query<{ destination_brin: string; preference_rank: number | null }>(
    `SELECT destination_brin, preference_rank FROM gw.registration_notices
      WHERE school_brin = $1 AND pupil_key = $2
      ORDER BY preference_rank NULLS LAST, destination_brin`,
    [schoolBrin, dossier.pupil_key],
  );
  const first = rows[0];
  if (!first) throw new AppError('NO_REGISTRATION', { dossierId: dossier.id });
  const second = rows[1];
  if (second && (first.preference_rank === null || first.preference_rank === second.preference_rank)) {
    throw new AppError('REGISTRATION_AMBIGUOUS', { dossierId: dossier.id, registrations: rows.length });
  }
  const readyNow = await ctx.db.query<{ destination_brin: string; version_id: string }>(
    `SELECT destination_brin, version_id FROM gw.dossier_destinations WHERE dossier_id = $1 AND state = 'klaargezet'`,
    [dossier.id],
  );
  const now = readyNow.rows[0];
  if (now && now.destination_brin === first.destination_brin && now.version_id === dossier.version_id) {
    return {
      dossierId: dossier.id,
      result: 'unchanged',
      state: dossier.state,
      destinationBrin: now.destination_brin,
    };
  }
  const done = await klaarzetten(ctx, {
    schoolBrin,
    dossierId: dossier.id,
    destinationBrin: first.destination_brin,
  });
  return {
    dossierId: done.dossierId,
    result: 'ok',
    state: done.state,
    destinationBrin: done.destinationBrin,
  };
}
