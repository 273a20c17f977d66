import type { Queryable } from '../../platform/db/index.js';
import { type EvaluationState, linksOf, requireEvaluation, responseCounts } from './evaluation-store.js';
import type { EvaluationRole } from './questions.js';
import { recipientsOf } from './recipients.js';

/** One role of an evaluation as the coordinator sees it: its link and how many answered. */
export interface EvaluationRoleView {
  role: EvaluationRole;
  /** When the current link was made and to how many people it was mailed; null: no link yet. */
  link: { madeAt: string; mailed: number } | null;
  /** How many addresses a mailed link would reach now; null for parents (reached through schools). */
  recipients: number | null;
  responses: number;
}

export interface EvaluationView {
  id: string;
  regionId: string;
  schoolYear: string;
  state: EvaluationState;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  roles: EvaluationRoleView[];
  /** Submissions in every role together. */
  responses: number;
}

/** Reads an evaluation for the coordinator's pages (the use cases authorize first). */
export async function evaluationView(
  db: Queryable,
  regionId: string,
  evaluationId: string,
): Promise<EvaluationView> {
  const evaluation = await requireEvaluation(db, regionId, evaluationId);
  const links = new Map((await linksOf(db, evaluationId)).map((l) => [l.role, l]));
  const counts = (await responseCounts(db, [evaluationId])).get(evaluationId) ?? {};
  const roles: EvaluationRoleView[] = [];
  for (const role of evaluation.roles) {
    const link = links.get(role);
    roles.push({
      role,
      link: link ? { madeAt: link.madeAt, mailed: link.mailed } : null,
      recipients: role === 'ouders' ? null : (await recipientsOf(db, regionId, role)).length,
      responses: counts[role] ?? 0,
    });
  }
  return {
    id: evaluation.id,
    regionId: evaluation.regionId,
    schoolYear: evaluation.schoolYear,
    state: evaluation.state,
    createdAt: evaluation.createdAt,
    openedAt: evaluation.openedAt,
    closedAt: evaluation.closedAt,
    roles,
    responses: roles.reduce((n, r) => n + r.responses, 0),
  };
}
