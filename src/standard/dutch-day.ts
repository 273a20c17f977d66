/**
 * The calendar day in the Netherlands. Schools, parents and regions think in Dutch days: "today",
 * an inspection date, a deadline, the day of a count, the date printed on a rendered dossier. The
 * UTC day is a different one between 00:00 and 01:00 (02:00 in summer) Dutch time, when it is
 * still yesterday; a day taken from `toISOString()` then dates things a day early, or refuses today
 * as "in the future". Here in `standard` (which depends on nothing of ours) so that the rendering
 * of a dossier uses it too.
 */

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and the
// chain asks for the day on every session start, check and close.
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Formatting still asks ICU for the zone's offset, several times per transfer: 1.7 µs a call alone,
// 0.45 % of the main thread's samples in the chain benchmark. Since 1977 the Dutch offset is a
// whole number of hours (+01:00 or +02:00) that changes on a whole UTC hour, so one UTC hour lies
// within one Dutch day: the last hour's day is kept.
const WHOLE_HOURS_SINCE = Date.UTC(1977, 0, 1);
const HOUR_MS = 3_600_000;
let lastHour = Number.NaN;
let lastDay = '';

/** The day in the Netherlands (Europe/Amsterdam) at `at`, 'YYYY-MM-DD'. */
export function dutchDay(at: Date): string {
  const ms = at.getTime();
  if (!(ms >= WHOLE_HOURS_SINCE)) return DUTCH_DAY.format(at);
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== lastHour) {
    lastDay = DUTCH_DAY.format(at);
    lastHour = hour;
  }
  return lastDay;
}

/**
 * The school year a day ('YYYY-MM-DD') belongs to: from 1 August to 31 July ('2026-2027'). For
 * "the school year of now", pass `dutchDay(now)`: on the night of 31 July the UTC day is still in
 * the old school year.
 */
export function schoolYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}
