import { describe, expect, it } from 'vitest';
import {
  chooseRecipients,
  DEADLINE_DUTIES,
  DEFAULT_REMINDER_SETTINGS,
  deadlineSchedule,
  type Reachable,
  remindersDue,
  schoolDayAfter,
  schoolDayBefore,
  schoolGetsReminder,
  settingsProblems,
} from './reminder-rules.js';

// The demo region's timeline of 2026-2027 (holiday region midden: spring holiday 20–28 February,
// Easter Monday 29 March, King's Day 27 April, May holiday 24 April – 2 May, Ascension 6 May).
const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};
const D = DEFAULT_REMINDER_SETTINGS;
const due = (today: string, settings = D) =>
  remindersDue(DATES, settings, 'midden', today).map((r) => `${r.deadline}:${r.kind}:${r.dueOn}`);

describe('who must act before each deadline', () => {
  it('asks the po side for inspection, knowing and klaarzetten, the vo side for registering and requesting', () => {
    expect(
      Object.fromEntries(Object.entries(DEADLINE_DUTIES).map(([k, d]) => [k, [d.side, ...d.roles]])),
    ).toEqual({
      inspectedBy: ['sending', 'administratie', 'leerkracht'],
      registeredBy: ['receiving', 'administratie', 'coordinator'],
      destinationKnownBy: ['sending', 'administratie'],
      readyBy: ['sending', 'administratie'],
      requestedBy: ['receiving', 'administratie'],
    });
  });

  it('mails each person once, whatever roles they hold, and skips people without an e-mail address', () => {
    const people: Reachable[] = [
      { role: 'administratie', name: 'An', email: 'An@School.test' },
      { role: 'leerkracht', name: 'An', email: 'an@school.test' },
      { role: 'leerkracht', name: 'Bo', email: null },
      { role: 'directie', name: 'Cees', email: 'directie@school.test' },
    ];
    expect(chooseRecipients('inspectedBy', people)).toEqual({
      recipients: [{ email: 'an@school.test', roles: ['administratie', 'leerkracht'] }],
      roles: ['administratie', 'leerkracht'],
      fallback: false,
    });
  });

  it('goes to the directie and the technical contact when nobody holds the deadline’s roles', () => {
    const people: Reachable[] = [
      { role: 'leerkracht', name: 'Bo', email: 'groep8@school.test' },
      { role: 'technisch', name: 'Ids', email: 'ict@school.test' },
      { role: 'directie', name: 'Cees', email: 'directie@school.test' },
    ];
    expect(chooseRecipients('readyBy', people)).toEqual({
      recipients: [
        { email: 'directie@school.test', roles: ['directie'] },
        { email: 'ict@school.test', roles: ['technisch'] },
      ],
      roles: ['directie', 'technisch'],
      fallback: true,
    });
    expect(chooseRecipients('readyBy', [])).toEqual({
      recipients: [],
      roles: ['directie', 'technisch'],
      fallback: true,
    });
  });
});

describe('when reminders go', () => {
  it('counts school days back over the spring holiday, and forward over Easter and the May holiday', () => {
    expect(schoolDayBefore('2027-03-05', 5, 'midden')).toBe('2027-02-19');
    expect(schoolDayBefore('2027-03-05', 5, 'zuid')).toBe('2027-02-26');
    expect(schoolDayBefore('2027-03-05', 1, 'midden')).toBe('2027-03-04');
    expect(schoolDayBefore('2027-03-29', 1, 'midden')).toBe('2027-03-26');
    expect(schoolDayAfter('2027-03-26', 1, 'midden')).toBe('2027-03-30');
    expect(schoolDayAfter('2027-04-19', 5, 'midden')).toBe('2027-05-03');
    expect(schoolDayAfter('2027-05-03', 5, 'midden')).toBe('2027-05-11');
  });

  it('schedules five school days before, the last school day before, and weekly after until the next date', () => {
    const at = (deadline: keyof typeof DATES) =>
      deadlineSchedule(deadline as 'inspectedBy', DATES, D, 'midden').map(
        (r) => `${r.kind}:${r.dueOn}:${r.until}`,
      );
    expect(at('inspectedBy')).toEqual([
      'before:2027-02-19:2027-03-03',
      'last_day:2027-03-04:2027-03-05',
      'after:2027-03-08:2027-03-14',
      'after:2027-03-15:2027-03-19',
    ]);
    // nobody is ever "behind" on registrations: no reminders after that deadline
    expect(at('registeredBy')).toEqual(['before:2027-03-12:2027-03-17', 'last_day:2027-03-18:2027-03-19']);
    expect(at('readyBy')).toEqual([
      'before:2027-04-02:2027-04-07',
      'last_day:2027-04-08:2027-04-09',
      'after:2027-04-12:2027-04-16',
    ]);
    expect(at('requestedBy').slice(0, 5)).toEqual([
      'before:2027-04-09:2027-04-14',
      'last_day:2027-04-15:2027-04-16',
      'after:2027-04-19:2027-05-02',
      'after:2027-05-03:2027-05-10',
      'after:2027-05-11:2027-05-18', // Whit Monday 17 May is no school day
    ]);
    expect(at('requestedBy').at(-1)).toMatch(/^after:2027-07-\d\d:2027-07-17$/);
    expect(deadlineSchedule('inspectedBy', DATES, D, 'midden')[3].relevantUntil).toBe('2027-03-19');
    expect(deadlineSchedule('inspectedBy', DATES, D, 'midden')[0].relevantUntil).toBe('2027-03-05');
  });

  it('gives today’s reminders on school days only, and catches up a missed day within its window', () => {
    expect(due('2027-02-18')).toEqual([]);
    expect(due('2027-02-19')).toEqual(['inspectedBy:before:2027-02-19']);
    expect(due('2027-02-22')).toEqual([]); // spring holiday
    expect(due('2027-03-01')).toEqual(['inspectedBy:before:2027-02-19']); // the same reminder: a missed run catches up
    expect(due('2027-03-04')).toEqual(['inspectedBy:last_day:2027-03-04']);
    expect(due('2027-03-06')).toEqual([]); // Saturday
    expect(due('2027-03-08')).toEqual(['inspectedBy:after:2027-03-08']);
    expect(due('2027-03-12')).toEqual(['inspectedBy:after:2027-03-08', 'registeredBy:before:2027-03-12']);
    expect(due('2027-03-22')).toEqual(['destinationKnownBy:before:2027-03-19']);
    expect(due('2027-03-29')).toEqual([]); // Easter Monday
    expect(due('2027-07-19')).toEqual([]); // after the summer switch
  });

  it('follows the region’s settings: fewer days before, no last day, nothing after, or none at all', () => {
    const settings = { ...D, daysBefore: 3, lastSchoolDayBefore: false, afterDeadline: false };
    expect(
      deadlineSchedule('inspectedBy', DATES, settings, 'midden').map((r) => `${r.kind}:${r.dueOn}`),
    ).toEqual(['before:2027-03-02']);
    expect(due('2027-03-04', settings)).toEqual(['inspectedBy:before:2027-03-02']);
    expect(due('2027-03-08', settings)).toEqual([]);
    const everyTwoWeeks = { ...D, repeatAfterSchoolDays: 10 };
    expect(
      deadlineSchedule('requestedBy', DATES, everyTwoWeeks, 'midden')
        .filter((r) => r.kind === 'after')
        .slice(0, 2)
        .map((r) => r.dueOn),
    ).toEqual(['2027-04-19', '2027-05-11']);
    expect(due('2027-02-19', { ...D, enabled: false })).toEqual([]);
  });

  it('reminds schools that are not done before a deadline, and only those behind after it', () => {
    const statuses = ['done', 'on_track', 'behind', 'counted', 'empty', 'no_data', 'not_applicable'] as const;
    expect(statuses.filter((s) => schoolGetsReminder('before', s))).toEqual([
      'on_track',
      'behind',
      'counted',
      'empty',
      'no_data',
    ]);
    expect(statuses.filter((s) => schoolGetsReminder('last_day', s))).toEqual(
      statuses.filter((s) => schoolGetsReminder('before', s)),
    );
    expect(statuses.filter((s) => schoolGetsReminder('after', s))).toEqual(['behind']);
  });

  it('keeps the numbers within sane bounds', () => {
    expect(settingsProblems(D)).toEqual([]);
    expect(settingsProblems({ ...D, daysBefore: 1 })).toEqual(['daysBefore']);
    expect(settingsProblems({ ...D, daysBefore: 21, repeatAfterSchoolDays: 2.5 })).toEqual([
      'daysBefore',
      'repeatAfterSchoolDays',
    ]);
  });
});
