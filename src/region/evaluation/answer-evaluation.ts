import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import { dutchDay } from '../../standard/index.js';
import { assertOpen, countHit, limitsOf } from './answer-link.js';
import type { AnswerCtx, EvaluationDeps } from './deps.js';
import { hashLinkToken, openLink } from './evaluation-store.js';
import { type EvaluationRole, MAX_OPEN_LENGTH, QUESTION_SETS } from './questions.js';
import { ANSWER_PROBLEMS } from './texts.js';

type Value = { likert: number } | { yesNo: boolean } | { openText: string };

/** The answers checked against the role's questions: what to store, or every problem per question. */
export function checkAnswers(
  role: EvaluationRole,
  answers: Record<string, unknown>,
): { values: Map<string, Value>; problems: Array<{ questionId: string | null; message: Message }> } {
  const questions = new Map(QUESTION_SETS[role].questions.map((q) => [q.id, q]));
  const values = new Map<string, Value>();
  const problems: Array<{ questionId: string | null; message: Message }> = [];
  for (const [questionId, value] of Object.entries(answers)) {
    const q = questions.get(questionId);
    if (!q) {
      problems.push({ questionId, message: ANSWER_PROBLEMS.unknown });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (q.kind === 'likert') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
        values.set(questionId, { likert: value });
      } else problems.push({ questionId, message: ANSWER_PROBLEMS.likert });
    } else if (q.kind === 'yesno') {
      if (typeof value === 'boolean') values.set(questionId, { yesNo: value });
      else problems.push({ questionId, message: ANSWER_PROBLEMS.yesNo });
    } else if (typeof value !== 'string') {
      problems.push({ questionId, message: ANSWER_PROBLEMS.openText });
    } else {
      const text = value.trim();
      if (text.length > MAX_OPEN_LENGTH) problems.push({ questionId, message: ANSWER_PROBLEMS.tooLong });
      else if (text !== '') values.set(questionId, { openText: text });
    }
  }
  if (problems.length === 0 && values.size === 0)
    problems.push({ questionId: null, message: ANSWER_PROBLEMS.empty });
  return { values, problems };
}

/**
 * One person's answers through a link, as one submission (no account: the link is the grant). The
 * submission keeps its role and the day, nothing else — no account, e-mail or IP address, no link,
 * no time within the day — and it is not audited, since an audit entry's exact time would be one.
 * Refused: a token that is no link (EVALUATION_LINK_INVALID), an evaluation that is not open
 * (EVALUATION_NOT_OPEN; the database refuses it too), answers that do not fit the questions
 * (EVALUATION_ANSWERS_INVALID, per question, nothing stored). Rate-limited per IP and per link.
 */
export async function answerEvaluation(
  ctx: AnswerCtx,
  deps: Pick<EvaluationDeps, 'limits'>,
  input: { token: string; answers: Record<string, unknown> },
): Promise<{ received: true; submittedOn: string }> {
  const now = ctx.now();
  const limits = limitsOf(deps);
  await countHit(ctx.db, 'evaluation-answer-ip', ctx.ip, limits.answerPerIp, now);
  const day = dutchDay(now);
  await ctx.db.transaction(async (tx) => {
    // FOR SHARE: a close that comes at this moment waits until this answer is stored
    const { evaluation, role, regionName } = await openLink(tx, input.token, { share: true });
    assertOpen(evaluation, regionName);
    await countHit(tx, 'evaluation-answer-link', hashLinkToken(input.token), limits.answerPerLink, now);
    const { values, problems } = checkAnswers(role, input.answers);
    if (problems.length > 0) throw new AppError('EVALUATION_ANSWERS_INVALID', { problems });
    const responseId = randomUUID();
    await tx.query(
      'INSERT INTO region.evaluation_responses (id, evaluation_id, role, submitted_on) VALUES ($1, $2, $3, $4::date)',
      [responseId, evaluation.id, role, day],
    );
    for (const [questionId, v] of values) {
      await tx.query(
        `INSERT INTO region.evaluation_answers (response_id, question_id, likert, yes_no, open_text)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          responseId,
          questionId,
          'likert' in v ? v.likert : null,
          'yesNo' in v ? v.yesNo : null,
          'openText' in v ? v.openText : null,
        ],
      );
    }
  });
  return { received: true, submittedOn: day };
}
