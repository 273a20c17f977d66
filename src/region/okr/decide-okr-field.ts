import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { elementAt } from './catalogue.js';
import { type OkrFieldView, requireField, toFieldView, touchOkr } from './okr-store.js';

/** The coordinator's decision about one field. */
export type OkrDecision =
  /** The field travels as these elements of the gegevensset (1 to 10 paths from the catalogue). */
  | { mapping: 'oso'; elements: string[] }
  /** The gegevensset has no element for it: the regional addendum asks for it. */
  | { mapping: 'not_in_oso' }
  /** Undecided again. */
  | { mapping: 'open' };

export const MAX_ELEMENTS_PER_FIELD = 10;

/**
 * Confirms or corrects what an OKR field corresponds to: one or more elements of the OSO
 * gegevensset (each must be in the catalogue, else OKR_ELEMENT_UNKNOWN), or "not in OSO" — then it
 * goes into the regional addendum — or back to undecided.
 */
export async function decideOkrField(
  ctx: Ctx,
  input: { regionId: string; fieldId: string; decision: OkrDecision },
): Promise<OkrFieldView> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const decision = input.decision;
  let elements: string[] = [];
  if (decision.mapping === 'oso') {
    elements = [...new Set(decision.elements.map((e) => e.trim()))];
    if (elements.length === 0 || elements.length > MAX_ELEMENTS_PER_FIELD) {
      throw new AppError('VALIDATION_FAILED', {
        field: 'elements',
        reason: `1 to ${MAX_ELEMENTS_PER_FIELD}`,
      });
    }
    const unknown = elements.filter((e) => elementAt(e) === undefined);
    if (unknown.length > 0) throw new AppError('OKR_ELEMENT_UNKNOWN', { elements: unknown.slice(0, 10) });
  } else if (decision.mapping !== 'not_in_oso' && decision.mapping !== 'open') {
    throw new AppError('VALIDATION_FAILED', { field: 'mapping' });
  }
  return ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    const field = await requireField(tx, input.regionId, input.fieldId);
    const open = decision.mapping === 'open';
    await tx.query(
      `UPDATE region.okr_fields SET mapping = $2, elements = $3, decided_at = $4, decided_by = $5 WHERE id = $1`,
      [field.id, decision.mapping, elements, open ? null : ctx.now(), open ? null : ctx.actor.id],
    );
    await touchOkr(tx, ctx, input.regionId);
    await audit.record(tx, ctx, 'region.okr.field.decided', {
      subject: input.regionId,
      details: { fieldId: field.id, mapping: decision.mapping, elements },
    });
    return toFieldView(
      { ...field, mapping: decision.mapping, elements, decided_at: open ? null : ctx.now() },
      region.settings.eindtoetsRoute,
    );
  });
}
