/**
 * The region's evaluation (DESIGN.md §6, issue 5): questionnaires per role answered anonymously by
 * link, results with a minimum group size, the coordinator's findings, and what they tell the next
 * school year's timeline. Exported through the region module's index.ts.
 */
export { addEvaluationFinding } from './add-evaluation-finding.js';
export { answerEvaluation } from './answer-evaluation.js';
export { closeEvaluation } from './close-evaluation.js';
export { createEvaluation } from './create-evaluation.js';
export { seedDemoEvaluation } from './demo-evaluation.js';
export type { EvaluationDeps, EvaluationLimits } from './deps.js';
export type { EvaluationState, Finding } from './evaluation-store.js';
export type { EvaluationView } from './evaluation-view.js';
export { exportEvaluationCsv } from './export-evaluation-csv.js';
export { exportEvaluationPdf } from './export-evaluation-pdf.js';
export { getEvaluation } from './get-evaluation.js';
export { type EvaluationQuestionnaire, getEvaluationQuestions } from './get-evaluation-questions.js';
export { getEvaluationResults } from './get-evaluation-results.js';
export { type EvaluationListItem, listEvaluations } from './list-evaluations.js';
export type { EvaluationResults } from './load-results.js';
export { type MadeEvaluationLink, makeEvaluationLink } from './make-evaluation-link.js';
export { evaluationMigrations } from './migrations.js';
export { openEvaluation } from './open-evaluation.js';
export {
  EVALUATION_ROLES,
  type EvaluationRole,
  QUESTION_SETS,
  type Question,
} from './questions.js';
export { removeEvaluationFinding } from './remove-evaluation-finding.js';
export { LOW_MEAN, MIN_GROUP_SIZE } from './results-model.js';
export { type EvaluationRouteDeps, registerEvaluationRoutes } from './routes.js';
export type { TimelineFeedback } from './timeline-feedback.js';
