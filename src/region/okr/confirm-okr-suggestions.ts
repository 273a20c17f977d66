import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { elementAt } from './catalogue.js';
import { type OkrView, readOkrView } from './get-okr.js';
import { listFieldRows, touchOkr } from './okr-store.js';

/** The default: only suggestions from the synonym list (a synonym scores 0.8 or more). */
export const SURE_SCORE = 0.8;

/**
 * Takes over the first suggestion of every undecided field whose suggestion is at least this sure
 * (by default: those from the curated synonym list), as if the coordinator confirmed each one.
 * Fields with a weaker suggestion or none stay open for a decision by hand.
 */
export async function confirmOkrSuggestions(
  ctx: Ctx,
  input: { regionId: string; minScore?: number },
): Promise<{ confirmed: number; okr: OkrView }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const minScore = input.minScore ?? SURE_SCORE;
  if (!(minScore >= 0.5 && minScore <= 1)) throw new AppError('VALIDATION_FAILED', { field: 'minScore' });
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    let confirmed = 0;
    for (const row of await listFieldRows(tx, input.regionId)) {
      const first = row.suggestions[0];
      if (row.mapping !== 'open' || !first || first.score < minScore) continue;
      const elements = first.notInOso ? [] : first.elements.filter((e) => elementAt(e) !== undefined);
      if (!first.notInOso && elements.length === 0) continue;
      await tx.query(
        `UPDATE region.okr_fields SET mapping = $2, elements = $3, decided_at = $4, decided_by = $5 WHERE id = $1`,
        [row.id, first.notInOso ? 'not_in_oso' : 'oso', elements, ctx.now(), ctx.actor.id],
      );
      confirmed++;
    }
    if (confirmed > 0) await touchOkr(tx, ctx, input.regionId);
    await audit.record(tx, ctx, 'region.okr.suggestions.confirmed', {
      subject: input.regionId,
      details: { confirmed, minScore },
    });
    return { confirmed, okr: await readOkrView(tx, input.regionId) };
  });
}
