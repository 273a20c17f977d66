import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion } from '../region-store.js';
import type { TimelineField } from '../texts.js';
import { TIMELINE_FIELDS } from '../timeline-rules.js';
import { type Finding, requireEvaluation } from './evaluation-store.js';

/** The longest finding, in characters. */
export const MAX_FINDING_LENGTH = 1000;

/**
 * The coordinator records what the results mean for the timeline — about one of its dates (e.g.
 * "more time between set ready and requested" at `requestedBy`) or in general — once answers can
 * have come in (open or closed). The next school year's timeline page shows it beside that date.
 */
export async function addEvaluationFinding(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string; milestone: string | null; text: string },
): Promise<Finding> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const text = input.text.trim();
  if (text === '' || text.length > MAX_FINDING_LENGTH) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'text',
      reason: `1 to ${MAX_FINDING_LENGTH} characters`,
    });
  }
  const milestone = input.milestone ?? null;
  if (milestone !== null && !(TIMELINE_FIELDS as readonly string[]).includes(milestone)) {
    throw new AppError('VALIDATION_FAILED', { field: 'milestone', reason: TIMELINE_FIELDS.join(', ') });
  }
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const evaluation = await requireEvaluation(tx, input.regionId, input.evaluationId, { lock: true });
    if (evaluation.state === 'concept') {
      throw new AppError('EVALUATION_STATE_INVALID', {
        state: evaluation.state,
        reason: 'findings follow from answers: open the evaluation first',
      });
    }
    await tx.query(
      `INSERT INTO region.evaluation_findings (id, evaluation_id, milestone, text, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, evaluation.id, milestone, text, now, ctx.actor.id],
    );
    await audit.record(tx, ctx, 'region.evaluation.finding.added', {
      subject: evaluation.id,
      details: { regionId: input.regionId, findingId: id, milestone },
    });
  });
  return { id, milestone: milestone as TimelineField | null, text, createdAt: now.toISOString() };
}
