import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOff,
  easterSunday,
  HOLIDAY_REGIONS,
  holidayOn,
  isCalendarDay,
  publicHolidays,
  SCHOOL_HOLIDAYS,
  schoolDaysBetween,
  weekday,
} from './school-calendar.js';

const length = (from: string, until: string) =>
  (new Date(`${until}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000 + 1;

describe('the school calendar', () => {
  it('holds every holiday of every region in its school year, Saturday to Sunday, of the usual length', () => {
    const days = {
      herfstvakantie: 9,
      kerstvakantie: 16,
      voorjaarsvakantie: 9,
      meivakantie: 9,
      zomervakantie: 44,
    } as const;
    for (const [year, holidays] of Object.entries(SCHOOL_HOLIDAYS)) {
      const start = Number(year.slice(0, 4));
      for (const region of HOLIDAY_REGIONS) {
        for (const [name, perRegion] of Object.entries(holidays)) {
          const { from, until } = perRegion[region];
          expect([name, region, weekday(from), weekday(until)]).toEqual([name, region, 6, 0]);
          expect([name, region, length(from, until)]).toEqual([
            name,
            region,
            days[name as keyof typeof days],
          ]);
          expect(from >= `${start}-08-01` && until <= `${start + 1}-09-30`).toBe(true);
        }
      }
    }
  });

  it('knows the summer holiday of each region in 2027, 2028 and 2029 (Rijksoverheid)', () => {
    expect(holidayOn('2027-07-16', 'midden')).toBeUndefined();
    expect(holidayOn('2027-07-17', 'midden')).toMatchObject({ name: 'zomervakantie', until: '2027-08-29' });
    expect(holidayOn('2027-07-10', 'noord')).toMatchObject({ name: 'zomervakantie' });
    expect(holidayOn('2028-07-08', 'midden')).toMatchObject({ name: 'zomervakantie', until: '2028-08-20' });
    expect(holidayOn('2028-07-08', 'zuid')).toBeUndefined();
    expect(holidayOn('2029-07-07', 'midden')).toMatchObject({ name: 'zomervakantie', until: '2029-08-19' });
    expect(holidayOn('2029-07-14', 'noord')).toBeUndefined();
    expect(holidayOn('2029-09-02', 'noord')).toMatchObject({ name: 'zomervakantie', from: '2029-07-21' });
    expect(holidayOn('2028-10-14', 'noord')).toMatchObject({ name: 'herfstvakantie' });
    expect(holidayOn('2028-10-14', 'zuid')).toBeUndefined();
    expect(holidayOn('2027-02-08', 'zuid')).toMatchObject({ name: 'voorjaarsvakantie' });
    expect(holidayOn('2027-02-08', 'noord')).toBeUndefined();
  });

  it('computes Easter and the public holidays that close schools', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect([...publicHolidays(2027)]).toEqual([
      ['2027-01-01', 'nieuwjaarsdag'],
      ['2027-03-29', 'tweedePaasdag'],
      ['2027-04-27', 'koningsdag'],
      ['2027-05-06', 'hemelvaartsdag'],
      ['2027-05-17', 'tweedePinksterdag'],
      ['2027-12-25', 'eersteKerstdag'],
      ['2027-12-26', 'tweedeKerstdag'],
    ]);
    // Koningsdag moves to Saturday when 27 April is a Sunday; Bevrijdingsdag only in a lustrum year.
    expect(publicHolidays(2025).get('2025-04-26')).toBe('koningsdag');
    expect(publicHolidays(2030).get('2030-05-05')).toBe('bevrijdingsdag');
    expect(publicHolidays(2027).has('2027-05-05')).toBe(false);
  });

  it('says why a day is not a school day', () => {
    expect(dayOff('2027-04-26', 'midden')).toMatchObject({
      kind: 'holiday',
      holiday: { name: 'meivakantie' },
    });
    expect(dayOff('2027-03-29', 'midden')).toEqual({ kind: 'publicHoliday', name: 'tweedePaasdag' });
    expect(dayOff('2027-03-27', 'midden')).toEqual({ kind: 'weekend' });
    expect(dayOff('2027-03-30', 'midden')).toBeUndefined();
  });

  it('counts the school days after one day up to and including another', () => {
    // Monday to Friday of one week
    expect(schoolDaysBetween('2027-03-19', '2027-03-26', 'midden')).toBe(5);
    // over Easter Monday
    expect(schoolDaysBetween('2027-03-26', '2027-04-02', 'midden')).toBe(4);
    // over the May holiday and Ascension Day: 3, 4, 5, 7 May (6 May is Hemelvaart)
    expect(schoolDaysBetween('2027-04-23', '2027-05-07', 'midden')).toBe(4);
    expect(schoolDaysBetween('2027-03-26', '2027-03-26', 'midden')).toBe(0);
    expect(schoolDaysBetween('2027-03-26', '2027-03-01', 'midden')).toBe(0);
  });

  it('checks calendar days and adds days', () => {
    expect(isCalendarDay('2027-02-28')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('27-02-2027')).toBe(false);
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });
});
