import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { isSchoolYear } from '../timeline-rules.js';
import { type EvaluationView, evaluationView } from './evaluation-view.js';
import { EVALUATION_ROLES, type EvaluationRole, isEvaluationRole } from './questions.js';

/**
 * The coordinator makes the evaluation of a school year (one per region and year) with the roles it
 * asks; it starts as a concept: links can be made, nobody can answer until it is opened.
 */
export async function createEvaluation(
  ctx: Ctx,
  input: { regionId: string; schoolYear: string; roles: readonly string[] },
): Promise<EvaluationView> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const unknown = input.roles.filter((r) => !isEvaluationRole(r));
  if (unknown.length > 0 || input.roles.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'roles',
      reason: `one or more of ${EVALUATION_ROLES.join(', ')}`,
    });
  }
  const roles = EVALUATION_ROLES.filter((r): r is EvaluationRole => input.roles.includes(r));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    try {
      await tx.query(
        `INSERT INTO region.evaluations (id, region_id, school_year, state, roles, created_at, created_by)
         VALUES ($1, $2, $3, 'concept', $4::text[], $5, $6)`,
        [id, input.regionId, input.schoolYear, roles, ctx.now(), ctx.actor.id],
      );
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new AppError('EVALUATION_EXISTS', { regionId: input.regionId, schoolYear: input.schoolYear });
      }
      throw e;
    }
    await audit.record(tx, ctx, 'region.evaluation.created', {
      subject: id,
      details: { regionId: input.regionId, schoolYear: input.schoolYear, roles },
    });
  });
  return evaluationView(ctx.db, input.regionId, id);
}
