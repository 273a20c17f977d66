import { createHash } from 'node:crypto';
import { enforceRateLimit, type RateLimit } from '../../platform/auth/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { DEFAULT_EVALUATION_LIMITS, type EvaluationDeps, type EvaluationLimits } from './deps.js';
import type { Evaluation } from './evaluation-store.js';

/**
 * Shared by the two public use cases (get-evaluation-questions.ts, answer-evaluation.ts): the rate
 * limits, kept in the database by the platform under a hash of what is counted (the IP address or
 * the link) — never beside an answer — and the refusal of an evaluation that is not open.
 */

export const limitsOf = (deps: Pick<EvaluationDeps, 'limits'>): EvaluationLimits => ({
  ...DEFAULT_EVALUATION_LIMITS,
  ...deps.limits,
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export async function countHit(
  db: Queryable,
  kind: 'evaluation-read-ip' | 'evaluation-answer-ip' | 'evaluation-answer-link',
  value: string,
  rule: RateLimit,
  now: Date,
): Promise<void> {
  await enforceRateLimit(db, `${kind}:${sha256(value)}`, rule, now);
}

export function assertOpen(evaluation: Evaluation, regionName: string): void {
  if (evaluation.state !== 'open') {
    throw new AppError('EVALUATION_NOT_OPEN', {
      state: evaluation.state,
      regionName,
      schoolYear: evaluation.schoolYear,
    });
  }
}
