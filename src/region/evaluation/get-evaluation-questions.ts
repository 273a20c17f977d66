import type { Message } from '../../standard/index.js';
import type { TimelineField } from '../texts.js';
import { assertOpen, countHit, limitsOf } from './answer-link.js';
import type { AnswerCtx, EvaluationDeps } from './deps.js';
import { openLink } from './evaluation-store.js';
import {
  type EvaluationRole,
  MAX_OPEN_LENGTH,
  QUESTION_SETS,
  type QuestionKind,
  type QuestionTopic,
  ROLE_NAMES,
  SCALES,
  YES_NO,
} from './questions.js';

export interface EvaluationQuestionnaire {
  regionName: string;
  schoolYear: string;
  role: EvaluationRole;
  roleName: Message;
  /** The words of the answers 1–5 of the Likert statements. */
  scale: Message[];
  yesNo: { yes: Message; no: Message };
  maxOpenLength: number;
  questions: Array<{
    id: string;
    kind: QuestionKind;
    topic: QuestionTopic;
    milestone: TimelineField | null;
    text: Message;
  }>;
}

/**
 * The public questionnaire behind a link (no account: the link is the grant): the role's questions
 * in Dutch and English. A token that is no link: EVALUATION_LINK_INVALID; an evaluation that is not
 * open: EVALUATION_NOT_OPEN (with its state). Rate-limited per IP address; reads nothing of anyone.
 */
export async function getEvaluationQuestions(
  ctx: AnswerCtx,
  deps: Pick<EvaluationDeps, 'limits'>,
  input: { token: string },
): Promise<EvaluationQuestionnaire> {
  const now = ctx.now();
  await countHit(ctx.db, 'evaluation-read-ip', ctx.ip, limitsOf(deps).readPerIp, now);
  const { evaluation, role, regionName } = await ctx.db.transaction((tx) => openLink(tx, input.token));
  assertOpen(evaluation, regionName);
  const set = QUESTION_SETS[role];
  return {
    regionName,
    schoolYear: evaluation.schoolYear,
    role,
    roleName: ROLE_NAMES[role],
    scale: [...SCALES[set.scale]],
    yesNo: YES_NO,
    maxOpenLength: MAX_OPEN_LENGTH,
    questions: set.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      topic: q.topic,
      milestone: q.milestone,
      text: q.text,
    })),
  };
}
