import type { Message } from '../standard/index.js';
import {
  dayOff,
  type HolidayRegion,
  hasHolidayData,
  isCalendarDay,
  schoolDaysBetween,
} from './school-calendar.js';
import type { TimelineField } from './texts.js';
import * as T from './texts.js';

export type { TimelineField };

/**
 * The five deadlines of a school year, in the order they must come (DESIGN.md §6): parents have
 * inspected → pupils registered at the next school → po schools know where each pupil registered →
 * dossiers set ready → dossiers requested; then the summer switch, after which ready dossiers expire.
 */
export const DEADLINES = [
  'inspectedBy',
  'registeredBy',
  'destinationKnownBy',
  'readyBy',
  'requestedBy',
] as const;
export type Deadline = (typeof DEADLINES)[number];
export const TIMELINE_FIELDS: readonly TimelineField[] = [...DEADLINES, 'summerSwitch'];

/** The dates of a timeline, each a calendar day 'YYYY-MM-DD'. */
export type TimelineDates = Record<TimelineField, string>;

/** Something that makes a timeline impossible: it is refused. */
export interface TimelineProblem {
  kind: 'notADate' | 'outsideSchoolYear' | 'order';
  field: TimelineField;
  /** For an order problem: the date it must come after. */
  otherField?: TimelineField;
  message: Message;
}

/** Something a coordinator should look at; the timeline is saved anyway. */
export interface TimelineWarning {
  kind: 'gap' | 'holiday' | 'dayOff' | 'noHolidayData' | 'evaluation';
  field?: TimelineField;
  otherField?: TimelineField;
  /** For a gap: the school days after `otherField` up to and including `field`. */
  schoolDays?: number;
  /** For an `evaluation` warning: the school days the previous year's evaluation suggests at least. */
  suggestedSchoolDays?: number;
  message: Message;
}

export const DEFAULT_MIN_GAP_SCHOOL_DAYS = 5;

/** '2026-2027': two consecutive years. */
export function isSchoolYear(value: string): boolean {
  const m = /^(\d{4})-(\d{4})$/.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1 && Number(m[1]) >= 2000 && Number(m[1]) < 2100;
}

const NOT_A_DATE = (field: TimelineField, value: string): Message => ({
  nl: `‘${T.FIELD_NAMES[field].nl}’ (${value}) is geen bestaande datum.`,
  en: `‘${T.FIELD_NAMES[field].en}’ (${value}) is not a real date.`,
});

/**
 * What makes a timeline impossible, in the order of its fields: a date that does not exist, a
 * deadline outside the school year (1 August – 31 July), a summer switch outside the summer at its
 * end (1 June – 30 September), and every date that does not come after the one before it — each
 * explained with both dates named. Empty when the timeline can work.
 */
export function timelineProblems(schoolYear: string, dates: TimelineDates): TimelineProblem[] {
  const problems: TimelineProblem[] = [];
  const start = Number(schoolYear.slice(0, 4));
  const valid = new Set<TimelineField>();
  for (const field of TIMELINE_FIELDS) {
    const value = dates[field];
    if (!isCalendarDay(value)) {
      problems.push({ kind: 'notADate', field, message: NOT_A_DATE(field, value) });
      continue;
    }
    valid.add(field);
    if (field === 'summerSwitch') {
      if (value < `${start + 1}-06-01` || value > `${start + 1}-09-30`) {
        problems.push({
          kind: 'outsideSchoolYear',
          field,
          message: T.summerSwitchOutOfSummer(value, schoolYear),
        });
      }
    } else if (value < `${start}-08-01` || value > `${start + 1}-07-31`) {
      problems.push({
        kind: 'outsideSchoolYear',
        field,
        message: T.outsideSchoolYear(field, value, schoolYear),
      });
    }
  }
  for (let i = 1; i < TIMELINE_FIELDS.length; i++) {
    const [earlier, later] = [TIMELINE_FIELDS[i - 1], TIMELINE_FIELDS[i]];
    if (!valid.has(earlier) || !valid.has(later) || later === 'inspectedBy') continue;
    if (dates[later] <= dates[earlier]) {
      problems.push({
        kind: 'order',
        field: later,
        otherField: earlier,
        message: T.orderProblem(later, dates[later], earlier, dates[earlier]),
      });
    }
  }
  return problems;
}

/**
 * What a coordinator should look at in a timeline that can work: a deadline in a school holiday of
 * the region's holiday region, or on a weekend or public holiday; a gap between two consecutive
 * dates of fewer than `minGapSchoolDays` school days; and a school year whose holidays Overstap
 * does not know.
 */
export function timelineWarnings(
  schoolYear: string,
  dates: TimelineDates,
  rules: { holidayRegion: HolidayRegion; minGapSchoolDays: number },
): TimelineWarning[] {
  const warnings: TimelineWarning[] = [];
  if (!hasHolidayData(schoolYear)) {
    warnings.push({ kind: 'noHolidayData', message: T.noHolidayData(schoolYear) });
  }
  for (const field of DEADLINES) {
    const off = dayOff(dates[field], rules.holidayRegion);
    if (off?.kind === 'holiday') {
      const h = off.holiday;
      warnings.push({
        kind: 'holiday',
        field,
        message: T.inHoliday(field, dates[field], h.name, h.from, h.until, rules.holidayRegion),
      });
    } else if (off) {
      warnings.push({
        kind: 'dayOff',
        field,
        message: T.onDayOff(field, dates[field], off.kind === 'weekend' ? 'weekend' : off.name),
      });
    }
  }
  for (let i = 1; i < TIMELINE_FIELDS.length; i++) {
    const [earlier, later] = [TIMELINE_FIELDS[i - 1], TIMELINE_FIELDS[i]];
    const schoolDays = schoolDaysBetween(dates[earlier], dates[later], rules.holidayRegion);
    if (schoolDays < rules.minGapSchoolDays) {
      warnings.push({
        kind: 'gap',
        field: later,
        otherField: earlier,
        schoolDays,
        message: T.shortGap(later, dates[later], earlier, dates[earlier], schoolDays, rules.minGapSchoolDays),
      });
    }
  }
  return warnings;
}

/**
 * A gap that the previous school year's evaluation found too short: the mean answer on "there was
 * enough time to …" for the date at its end was low (evaluation/timeline-feedback.ts).
 */
export interface GapFeedback {
  /** The later date of the gap; the gap runs from the date before it. */
  field: Exclude<TimelineField, 'inspectedBy'>;
  otherField: TimelineField;
  /** The evaluated school year, the mean answer (1–5) and how many answered. */
  schoolYear: string;
  mean: number;
  answers: number;
  /** The gap's school days in the evaluated year's timeline (null when that year had none). */
  schoolDays: number | null;
}

/** How much more room a gap that was found too short gets: one school week. */
export const LONGER_GAP_SCHOOL_DAYS = 5;

/** The school days a gap that was found too short should at least have: a week more than then. */
export function suggestedGap(gap: GapFeedback, minGapSchoolDays: number): number {
  return Math.max(gap.schoolDays ?? minGapSchoolDays, minGapSchoolDays) + LONGER_GAP_SCHOOL_DAYS;
}

/**
 * A suggestion, never a refusal: each gap that the previous year's evaluation found too short and
 * that is still shorter than `suggestedGap` in these dates.
 */
export function evaluationWarnings(
  dates: TimelineDates,
  gaps: readonly GapFeedback[],
  rules: { holidayRegion: HolidayRegion; minGapSchoolDays: number },
): TimelineWarning[] {
  return gaps.flatMap((gap) => {
    const schoolDays = schoolDaysBetween(dates[gap.otherField], dates[gap.field], rules.holidayRegion);
    const suggested = suggestedGap(gap, rules.minGapSchoolDays);
    if (schoolDays >= suggested) return [];
    return [
      {
        kind: 'evaluation' as const,
        field: gap.field,
        otherField: gap.otherField,
        schoolDays,
        suggestedSchoolDays: suggested,
        message: T.evaluationGap(gap, suggested, schoolDays),
      },
    ];
  });
}
