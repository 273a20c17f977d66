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

it('gives the day the zone itself gives, at both ends of the UTC hours around every change of the clock from 1977 to 2040 and of hours anywhere in between, asked in any order', () => {
  const zone = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const hour = 3_600_000;
  const hours: number[] = [];
  for (let year = 1977; year < 2040; year++) {
    // the clocks changed on the last Sunday of March and of September (until 1995) or October
    for (const month of [2, 8, 9]) {
      const last = new Date(Date.UTC(year, month + 1, 0));
      const sunday = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
      for (let t = sunday - 48 * hour; t < sunday + 48 * hour; t += hour) hours.push(t);
    }
  }
  const from = Date.UTC(1977, 0, 1);
  const span = Date.UTC(2040, 0, 1) - from;
  let seed = 1;
  for (let i = 0; i < 20_000; i++) {
    seed = (seed * 48_271) % 2_147_483_647;
    hours.push(from + Math.floor((seed / 2_147_483_647) * (span / hour)) * hour);
  }
  // shuffled, so that the hour kept changes back and forth
  for (let i = hours.length - 1; i > 0; i--) {
    seed = (seed * 48_271) % 2_147_483_647;
    const j = seed % (i + 1);
    [hours[i], hours[j]] = [hours[j] as number, hours[i] as number];
  }
  for (const t of hours)
    for (const at of [t, t + hour - 1])
      expect(dutchDay(new Date(at)), new Date(at).toISOString()).toBe(zone.format(at));
  expect(hours.length).toBeGreaterThan(35_000);
  // before 1977 the offset was not always whole hours (Amsterdam time until 1937: +00:19:32)
  for (const at of ['1930-06-01T23:35:00Z', '1930-06-01T23:45:00Z'])
    expect(dutchDay(new Date(at))).toBe(zone.format(new Date(at)));
});
