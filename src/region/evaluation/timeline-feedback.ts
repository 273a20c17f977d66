import type { Queryable } from '../../platform/db/index.js';
import type { Message } from '../../standard/index.js';
import { findTimeline, type Region } from '../region-store.js';
import { schoolDaysBetween } from '../school-calendar.js';
import * as T from '../texts.js';
import { type GapFeedback, suggestedGap, TIMELINE_FIELDS } from '../timeline-rules.js';
import {
  answersOf,
  type Finding,
  findEvaluationOfYear,
  findingsOf,
  responseCounts,
} from './evaluation-store.js';
import { summarize } from './results-model.js';

/**
 * What the previous school year's evaluation tells the timeline of this one ("findings feed the
 * next year's timeline"): the coordinator's findings per date, and the gaps whose "enough time"
 * mean was low — each with the school days it should at least get (timeline-rules.ts `suggestedGap`)
 * and that advice in words. Null when the previous year has no evaluation that was opened.
 */
export interface TimelineFeedback {
  /** The evaluated school year (the one before the timeline's). */
  schoolYear: string;
  evaluationId: string;
  findings: Finding[];
  gaps: Array<GapFeedback & { suggestedSchoolDays: number; message: Message }>;
}

export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return `${start - 1}-${start}`;
}

export async function timelineFeedback(
  tx: Queryable,
  region: Region,
  schoolYear: string,
): Promise<TimelineFeedback | null> {
  const evaluated = previousSchoolYear(schoolYear);
  const evaluation = await findEvaluationOfYear(tx, region.id, evaluated);
  if (!evaluation || evaluation.state === 'concept') return null;
  const counts = (await responseCounts(tx, [evaluation.id])).get(evaluation.id) ?? {};
  const results = summarize(evaluation.roles, counts, await answersOf(tx, evaluation.id));
  const then = await findTimeline(tx, region.id, evaluated);
  const { holidayRegion, minGapSchoolDays } = region.settings;
  const gaps = results.time.flatMap((t) => {
    const index = TIMELINE_FIELDS.indexOf(t.milestone);
    if (!t.low || t.mean === null || index < 1) return [];
    const field = t.milestone as GapFeedback['field'];
    const otherField = TIMELINE_FIELDS[index - 1];
    const gap: GapFeedback = {
      field,
      otherField,
      schoolYear: evaluated,
      mean: t.mean,
      answers: t.answers,
      schoolDays: then ? schoolDaysBetween(then.dates[otherField], then.dates[field], holidayRegion) : null,
    };
    const suggestedSchoolDays = suggestedGap(gap, minGapSchoolDays);
    return [{ ...gap, suggestedSchoolDays, message: T.evaluationGap(gap, suggestedSchoolDays) }];
  });
  return {
    schoolYear: evaluated,
    evaluationId: evaluation.id,
    findings: await findingsOf(tx, evaluation.id),
    gaps,
  };
}
