import type { Queryable } from '../../platform/db/index.js';
import { requireRegion } from '../region-store.js';
import {
  answersOf,
  type EvaluationState,
  type Finding,
  findingsOf,
  requireEvaluation,
  responseCounts,
} from './evaluation-store.js';
import { type ResultsModel, summarize } from './results-model.js';

export interface EvaluationResults extends ResultsModel {
  evaluationId: string;
  regionId: string;
  regionName: string;
  schoolYear: string;
  state: EvaluationState;
  /** Submissions in every role together. */
  responses: number;
  findings: Finding[];
}

/** The results and the findings of one evaluation (its use cases authorize first). */
export async function loadResults(
  tx: Queryable,
  input: { regionId: string; evaluationId: string },
): Promise<EvaluationResults> {
  const region = await requireRegion(tx, input.regionId);
  const evaluation = await requireEvaluation(tx, input.regionId, input.evaluationId);
  const counts = (await responseCounts(tx, [evaluation.id])).get(evaluation.id) ?? {};
  const model = summarize(evaluation.roles, counts, await answersOf(tx, evaluation.id));
  return {
    evaluationId: evaluation.id,
    regionId: region.id,
    regionName: region.name,
    schoolYear: evaluation.schoolYear,
    state: evaluation.state,
    responses: model.roles.reduce((n, r) => n + r.responses, 0),
    findings: await findingsOf(tx, evaluation.id),
    ...model,
  };
}
