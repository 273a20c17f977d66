/**
 * The calendar day in the Netherlands. Schools, parents and regions think in Dutch days: "today",
 * an inspection date, a deadline, the day of a count. The UTC day is a different one between 00:00
 * and 01:00 (02:00 in summer) Dutch time, when it is still yesterday; a day taken from
 * `toISOString()` then dates things a day early, or refuses today as "in the future".
 */

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and the
// chain asks for the day on every session start, check and close.
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in the Netherlands (Europe/Amsterdam) at `at`, 'YYYY-MM-DD'. */
export function dutchDay(at: Date): string {
  return DUTCH_DAY.format(at);
}
