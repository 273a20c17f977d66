import { expect, it } from 'vitest';
import { dutchDay, schoolYearOf } from './dutch-day.js';

it('gives the day in the Netherlands, in winter (UTC+1) and in summer time (UTC+2)', () => {
  expect(dutchDay(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
  expect(dutchDay(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
  expect(dutchDay(new Date('2026-07-31T21:59:59Z'))).toBe('2026-07-31');
  expect(dutchDay(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08-01');
  // the night of the change to summer time (29 March 2026, 02:00 → 03:00)
  expect(dutchDay(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
  expect(dutchDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
  expect(dutchDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
});

it('finds the school year of a day (1 August to 31 July), and of the night that starts it', () => {
  expect(schoolYearOf('2026-11-28')).toBe('2026-2027');
  expect(schoolYearOf('2027-07-31')).toBe('2026-2027');
  expect(schoolYearOf('2027-08-01')).toBe('2027-2028');
  // 00:30 on 1 August 2027 in the Netherlands: a new school year, while the UTC day is 31 July
  const night = new Date('2027-07-31T22:30:00Z');
  expect(schoolYearOf(night.toISOString().slice(0, 10))).toBe('2026-2027');
  expect(schoolYearOf(dutchDay(night))).toBe('2027-2028');
});
