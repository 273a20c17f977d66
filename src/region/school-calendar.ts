/**
 * The Dutch school calendar the timeline is checked against: the school holidays per holiday
 * region (noord, midden, zuid) and the public holidays on which schools are closed. Dates are
 * calendar days 'YYYY-MM-DD' (no time zone: a deadline is a day in the Netherlands).
 */

export const HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export type HolidayName =
  | 'herfstvakantie'
  | 'kerstvakantie'
  | 'voorjaarsvakantie'
  | 'meivakantie'
  | 'zomervakantie';

export interface Holiday {
  name: HolidayName;
  /** First and last day, both included. */
  from: string;
  until: string;
}

type SchoolYearHolidays = Record<HolidayName, Record<HolidayRegion, { from: string; until: string }>>;

const same = (from: string, until: string) => ({
  noord: { from, until },
  midden: { from, until },
  zuid: { from, until },
});

/**
 * The school holidays per school year and region.
 *
 * Source: Rijksoverheid (Ministerie van OCW), "Overzicht schoolvakanties per schooljaar",
 * https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar
 * (pages "overzicht-schoolvakanties-2025-2026", "…-2026-2027", "…-2027-2028", "…-2028-2029"; 2026-2027 checked
 * against published calendars of schools in each region, November 2026). The summer holiday is
 * binding; the autumn and spring holidays are the Ministry's advice (a school may deviate); the
 * May holiday is the fixed week (schools may add the Ministry's advisory week before it). Add a
 * school year here when the Ministry publishes it; a timeline for a year without a row is saved
 * with a warning that its dates could not be checked against the holidays.
 */
export const SCHOOL_HOLIDAYS: Readonly<Record<string, SchoolYearHolidays>> = {
  '2025-2026': {
    herfstvakantie: {
      noord: { from: '2025-10-18', until: '2025-10-26' },
      midden: { from: '2025-10-18', until: '2025-10-26' },
      zuid: { from: '2025-10-11', until: '2025-10-19' },
    },
    kerstvakantie: same('2025-12-20', '2026-01-04'),
    voorjaarsvakantie: {
      noord: { from: '2026-02-21', until: '2026-03-01' },
      midden: { from: '2026-02-14', until: '2026-02-22' },
      zuid: { from: '2026-02-14', until: '2026-02-22' },
    },
    meivakantie: same('2026-04-25', '2026-05-03'),
    zomervakantie: {
      noord: { from: '2026-07-04', until: '2026-08-16' },
      midden: { from: '2026-07-18', until: '2026-08-30' },
      zuid: { from: '2026-07-11', until: '2026-08-23' },
    },
  },
  '2026-2027': {
    herfstvakantie: {
      noord: { from: '2026-10-10', until: '2026-10-18' },
      midden: { from: '2026-10-17', until: '2026-10-25' },
      zuid: { from: '2026-10-17', until: '2026-10-25' },
    },
    kerstvakantie: same('2026-12-19', '2027-01-03'),
    voorjaarsvakantie: {
      noord: { from: '2027-02-20', until: '2027-02-28' },
      midden: { from: '2027-02-20', until: '2027-02-28' },
      zuid: { from: '2027-02-06', until: '2027-02-14' },
    },
    meivakantie: same('2027-04-24', '2027-05-02'),
    zomervakantie: {
      noord: { from: '2027-07-10', until: '2027-08-22' },
      midden: { from: '2027-07-17', until: '2027-08-29' },
      zuid: { from: '2027-07-17', until: '2027-08-29' },
    },
  },
  '2027-2028': {
    herfstvakantie: {
      noord: { from: '2027-10-16', until: '2027-10-24' },
      midden: { from: '2027-10-16', until: '2027-10-24' },
      zuid: { from: '2027-10-23', until: '2027-10-31' },
    },
    kerstvakantie: same('2027-12-25', '2028-01-09'),
    voorjaarsvakantie: {
      noord: { from: '2028-02-19', until: '2028-02-27' },
      midden: { from: '2028-02-26', until: '2028-03-05' },
      zuid: { from: '2028-02-26', until: '2028-03-05' },
    },
    meivakantie: same('2028-04-29', '2028-05-07'),
    zomervakantie: {
      noord: { from: '2028-07-15', until: '2028-08-27' },
      midden: { from: '2028-07-08', until: '2028-08-20' },
      zuid: { from: '2028-07-22', until: '2028-09-03' },
    },
  },
  '2028-2029': {
    herfstvakantie: {
      noord: { from: '2028-10-14', until: '2028-10-22' },
      midden: { from: '2028-10-21', until: '2028-10-29' },
      zuid: { from: '2028-10-21', until: '2028-10-29' },
    },
    kerstvakantie: same('2028-12-23', '2029-01-07'),
    voorjaarsvakantie: {
      noord: { from: '2029-02-17', until: '2029-02-25' },
      midden: { from: '2029-02-17', until: '2029-02-25' },
      zuid: { from: '2029-02-10', until: '2029-02-18' },
    },
    meivakantie: same('2029-04-28', '2029-05-06'),
    zomervakantie: {
      noord: { from: '2029-07-21', until: '2029-09-02' },
      midden: { from: '2029-07-07', until: '2029-08-19' },
      zuid: { from: '2029-07-14', until: '2029-08-26' },
    },
  },
};

const HOLIDAY_ORDER: readonly HolidayName[] = [
  'herfstvakantie',
  'kerstvakantie',
  'voorjaarsvakantie',
  'meivakantie',
  'zomervakantie',
];

/** True when the table holds the holidays of this school year ('2026-2027'). */
export function hasHolidayData(schoolYear: string): boolean {
  return schoolYear in SCHOOL_HOLIDAYS;
}

/** Every school holiday of a region in the table (all school years), in date order. */
export function holidaysOf(region: HolidayRegion): Holiday[] {
  return Object.values(SCHOOL_HOLIDAYS).flatMap((year) =>
    HOLIDAY_ORDER.map((name) => ({ name, ...year[name][region] })),
  );
}

/** The school holiday of the region that `day` falls in, if any. */
export function holidayOn(day: string, region: HolidayRegion): Holiday | undefined {
  return holidaysOf(region).find((h) => h.from <= day && day <= h.until);
}

export type PublicHolidayName =
  | 'tweedePaasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'tweedePinksterdag'
  | 'eersteKerstdag'
  | 'tweedeKerstdag'
  | 'nieuwjaarsdag';

/**
 * The public holidays on which schools are closed (Algemene termijnenwet; Bevrijdingsdag only in
 * a lustrum year, when it is a day off for education), computed from Easter (Gauss/Meeus), so
 * they hold for any year. Goede Vrijdag is left out: many schools are open.
 */
export function publicHolidays(year: number): Map<string, PublicHolidayName> {
  const easter = easterSunday(year);
  const days = new Map<string, PublicHolidayName>();
  const add = (day: string, name: PublicHolidayName) => days.set(day, name);
  add(`${year}-01-01`, 'nieuwjaarsdag');
  add(addDays(easter, 1), 'tweedePaasdag');
  // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
  add(weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`, 'koningsdag');
  if (year % 5 === 0) add(`${year}-05-05`, 'bevrijdingsdag');
  add(addDays(easter, 39), 'hemelvaartsdag');
  add(addDays(easter, 50), 'tweedePinksterdag');
  add(`${year}-12-25`, 'eersteKerstdag');
  add(`${year}-12-26`, 'tweedeKerstdag');
  return days;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why a day is not a school day in a region, or undefined when it is one. */
export type DayOff =
  | { kind: 'weekend' }
  | { kind: 'publicHoliday'; name: PublicHolidayName }
  | { kind: 'holiday'; holiday: Holiday };

export function dayOff(day: string, region: HolidayRegion): DayOff | undefined {
  const holiday = holidayOn(day, region);
  if (holiday) return { kind: 'holiday', holiday };
  const name = publicHolidays(Number(day.slice(0, 4))).get(day);
  if (name) return { kind: 'publicHoliday', name };
  const w = weekday(day);
  if (w === 0 || w === 6) return { kind: 'weekend' };
  return undefined;
}

/**
 * The school days after `from` up to and including `until` — the days a school has to act on a
 * deadline that follows another one. 0 when `until` is not after `from`.
 */
export function schoolDaysBetween(from: string, until: string, region: HolidayRegion): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= until; day = addDays(day, 1)) {
    if (!dayOff(day, region)) count++;
  }
  return count;
}

// ---- calendar days ------------------------------------------------------------------------------

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day 'YYYY-MM-DD' (not 2027-02-30). */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}
