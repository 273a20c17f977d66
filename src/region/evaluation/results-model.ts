import type { Message } from '../../standard/index.js';
import type { TimelineField } from '../texts.js';
import type { AnswerRow } from './evaluation-store.js';
import {
  type EvaluationRole,
  QUESTION_SETS,
  type QuestionKind,
  type QuestionTopic,
  ROLE_NAMES,
  SCALES,
  type Scale,
} from './questions.js';

/**
 * The results of an evaluation from its stored answers, pure: per role and question the counts per
 * answer and the mean — but only for groups big enough that no one can be recognised. A role with
 * fewer than MIN_GROUP_SIZE submissions shows nothing but that number; a question that fewer than
 * MIN_GROUP_SIZE people answered shows no counts, no mean and no texts. Open answers are sorted
 * alphabetically, so their order says nothing about who wrote them or when.
 */

export const MIN_GROUP_SIZE = 5;
/** A mean below this on "there was enough time" says the time was too short (3 = neutral). */
export const LOW_MEAN = 3;

export interface QuestionResult {
  id: string;
  kind: QuestionKind;
  topic: QuestionTopic;
  milestone: TimelineField | null;
  text: Message;
  /** How many answered it; null when the role's group is too small to show anything. */
  answered: number | null;
  /** Whether counts are shown (role and question both have enough answers). */
  shown: boolean;
  /** Likert: the count of 1, 2, 3, 4, 5; yes/no: [yes, no]; null when not shown or open. */
  counts: number[] | null;
  /** Likert only, rounded to two decimals. */
  mean: number | null;
  /** Open questions: the answers as written, in alphabetical order. */
  texts: string[] | null;
}

export interface RoleResult {
  role: EvaluationRole;
  name: Message;
  scale: Scale;
  /** The words of the answers 1–5 of its statements. */
  scaleWords: Message[];
  /** Submissions in this role. */
  responses: number;
  shown: boolean;
  questions: QuestionResult[];
}

/** Per date of the timeline: the "enough time" answers of every role that shows them, together. */
export interface TimeResult {
  milestone: TimelineField;
  answers: number;
  mean: number | null;
  /** Enough answers, and the mean below LOW_MEAN. */
  low: boolean;
  roles: EvaluationRole[];
}

export interface ResultsModel {
  minGroupSize: number;
  roles: RoleResult[];
  time: TimeResult[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const collator = new Intl.Collator('nl', { sensitivity: 'base' });

export function summarize(
  roles: readonly EvaluationRole[],
  responses: Partial<Record<EvaluationRole, number>>,
  answers: readonly AnswerRow[],
  minGroupSize = MIN_GROUP_SIZE,
): ResultsModel {
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  const roleResults = roles.map((role): RoleResult => {
    const set = QUESTION_SETS[role];
    const count = responses[role] ?? 0;
    const roleShown = count >= minGroupSize;
    return {
      role,
      name: ROLE_NAMES[role],
      scale: set.scale,
      scaleWords: [...SCALES[set.scale]],
      responses: count,
      shown: roleShown,
      questions: set.questions.map((q): QuestionResult => {
        const given = (byQuestion.get(q.id) ?? []).filter((a) => a.role === role);
        const shown = roleShown && given.length >= minGroupSize;
        const base = {
          id: q.id,
          kind: q.kind,
          topic: q.topic,
          milestone: q.milestone,
          text: q.text,
          answered: roleShown ? given.length : null,
          shown,
          counts: null,
          mean: null,
          texts: null,
        };
        if (!shown) return base;
        if (q.kind === 'likert') {
          const counts = [1, 2, 3, 4, 5].map((v) => given.filter((a) => a.likert === v).length);
          const sum = counts.reduce((s, c, i) => s + c * (i + 1), 0);
          return { ...base, counts, mean: round2(sum / given.length) };
        }
        if (q.kind === 'yesno') {
          return {
            ...base,
            counts: [
              given.filter((a) => a.yesNo === true).length,
              given.filter((a) => a.yesNo === false).length,
            ],
          };
        }
        return {
          ...base,
          texts: given
            .map((a) => a.openText ?? '')
            .sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1)),
        };
      }),
    };
  });
  return { minGroupSize, roles: roleResults, time: timeResults(roleResults, minGroupSize) };
}

/** The shown "enough time" questions per date, every role together (weighted by answers). */
function timeResults(roles: readonly RoleResult[], minGroupSize: number): TimeResult[] {
  const byMilestone = new Map<TimelineField, { answers: number; sum: number; roles: EvaluationRole[] }>();
  for (const r of roles) {
    for (const q of r.questions) {
      if (q.topic !== 'time' || !q.milestone || !q.shown || !q.counts) continue;
      const answers = q.counts.reduce((s, c) => s + c, 0);
      const sum = q.counts.reduce((s, c, i) => s + c * (i + 1), 0);
      const at = byMilestone.get(q.milestone) ?? { answers: 0, sum: 0, roles: [] };
      byMilestone.set(q.milestone, {
        answers: at.answers + answers,
        sum: at.sum + sum,
        roles: [...at.roles, r.role],
      });
    }
  }
  const order: TimelineField[] = [
    'inspectedBy',
    'registeredBy',
    'destinationKnownBy',
    'readyBy',
    'requestedBy',
    'summerSwitch',
  ];
  return order.flatMap((milestone) => {
    const at = byMilestone.get(milestone);
    if (!at) return [];
    const mean = at.answers > 0 ? round2(at.sum / at.answers) : null;
    return [
      {
        milestone,
        answers: at.answers,
        mean,
        low: mean !== null && at.answers >= minGroupSize && mean < LOW_MEAN,
        roles: at.roles,
      },
    ];
  });
}
