/**
 * Dates for synthetic dossiers: whole days (UTC day numbers), the Dutch school year
 * (1 August – 31 July) and the formats the standard uses.
 */
import type { Random } from './random.js';

/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

function parts(d: Day): { year: number; month: number; date: number } {
  const t = new Date(d * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, date: t.getUTCDate() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` (xs:date). */
export function iso(d: Day): string {
  const p = parts(d);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.date)}`;
}

/** `dd-mm-yyyy`, the GBA birth date format. */
export function dutchDate(d: Day): string {
  const p = parts(d);
  return `${pad(p.date)}-${pad(p.month)}-${pad(p.year, 4)}`;
}

/** `d maand yyyy`, for text in attachments. */
export function longDate(d: Day): string {
  const p = parts(d);
  return `${p.date} ${MONTHS[p.month - 1]} ${p.year}`;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** The same calendar date n years later (29 February becomes 28 February). */
export function addYears(d: Day, n: number): Day {
  const p = parts(d);
  const target = day(p.year + n, p.month, p.date);
  return parts(target).month === p.month ? target : day(p.year + n, p.month, 28);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** The day itself when it is a weekday, otherwise the next Monday. */
export function nextWeekday(d: Day): Day {
  const w = weekday(d);
  return w === 6 ? d + 2 : w === 0 ? d + 1 : d;
}

/** A random day in [from, to], both included. */
export function between(rng: Random, from: Day, to: Day): Day {
  return to <= from ? from : rng.int(from, to);
}

/** A random weekday in [from, to] (from itself when the range holds no weekday). */
export function weekdayBetween(rng: Random, from: Day, to: Day): Day {
  for (let i = 0; i < 8; i++) {
    const d = between(rng, from, to);
    const w = weekday(d);
    if (w !== 0 && w !== 6) return d;
  }
  return nextWeekday(from);
}

/** A school year such as 2025-2026, by its first calendar year. */
export interface SchoolYear {
  start: number;
  end: number;
  label: string;
}

export function schoolYear(start: number): SchoolYear {
  return { start, end: start + 1, label: `${start}-${start + 1}` };
}

/** Parses `YYYY-YYYY` (consecutive years); undefined when it is not a school year. */
export function parseSchoolYear(label: string): SchoolYear | undefined {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return undefined;
  return schoolYear(Number(m[1]));
}

/** The school year a day falls in (a school year runs 1 August – 31 July). */
export function schoolYearOf(d: Day): SchoolYear {
  const p = parts(d);
  return schoolYear(p.month >= 8 ? p.year : p.year - 1);
}

/** 31 July of the year's end. */
export function yearEnd(y: SchoolYear): Day {
  return day(y.end, 7, 31);
}

/** The first school day after the summer holiday: the first Monday on or after 18 August. */
export function firstSchoolDay(y: SchoolYear): Day {
  let d = day(y.start, 8, 18);
  while (weekday(d) !== 1) d++;
  return d;
}

/** Whether a day falls in the summer holiday before the year's first school day. */
export function inSummerHoliday(d: Day): boolean {
  const y = schoolYearOf(d);
  const p = parts(d);
  if (p.month === 7 && p.date >= 12) return true;
  return p.month === 8 && d < firstSchoolDay(y);
}

/** A local-time Date at noon, for ZIP timestamps (fflate reads local time fields). */
export function zipTimestamp(d: Day): Date {
  const p = parts(d);
  return new Date(p.year, p.month - 1, p.date, 12, 0, 0);
}
