import { describe, expect, it } from 'vitest';
import {
  evaluationWarnings,
  type GapFeedback,
  suggestedGap,
  type TimelineDates,
  timelineProblems,
  timelineWarnings,
} from './timeline-rules.js';

/** A timeline of 2026-2027 that works in region midden, without warnings. */
const GOOD: TimelineDates = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};
const MIDDEN = { holidayRegion: 'midden' as const, minGapSchoolDays: 5 };

describe('the rules of a timeline', () => {
  it('accept five deadlines in order and a summer switch after them, without warnings', () => {
    expect(timelineProblems('2026-2027', GOOD)).toEqual([]);
    expect(timelineWarnings('2026-2027', GOOD, MIDDEN)).toEqual([]);
  });

  it('refuse a date before the one it must follow, naming both dates and saying why', () => {
    const problems = timelineProblems('2026-2027', { ...GOOD, readyBy: '2027-03-22' });
    expect(problems).toEqual([
      {
        kind: 'order',
        field: 'readyBy',
        otherField: 'destinationKnownBy',
        message: {
          nl: '‘Dossiers klaargezet’ (22 maart 2027) moet na ‘Po-scholen weten waar is aangemeld’ (26 maart 2027) liggen: een po-school kan een dossier pas klaarzetten als zij weet bij welke school de leerling is aangemeld.',
          en: '‘Dossiers set ready’ (22 March 2027) must come after ‘Primary schools know where pupils registered’ (26 March 2027): a primary school can only set a dossier ready once it knows which school the pupil registered at.',
        },
      },
    ]);
  });

  it('refuse two dates on the same day, and a summer switch before the requests', () => {
    const problems = timelineProblems('2026-2027', {
      ...GOOD,
      registeredBy: '2027-03-05',
      summerSwitch: '2027-06-01',
      requestedBy: '2027-06-02',
    });
    expect(problems.map((p) => [p.kind, p.field, p.otherField])).toEqual([
      ['order', 'registeredBy', 'inspectedBy'],
      ['order', 'summerSwitch', 'requestedBy'],
    ]);
    expect(problems[1].message.nl).toBe(
      '‘Zomerwissel’ (1 juni 2027) moet na ‘Dossiers opgevraagd’ (2 juni 2027) liggen: bij de zomerwissel verlopen klaargezette dossiers, dus wat daarna nog wordt opgevraagd vindt niets meer.',
    );
  });

  it('refuse dates outside the school year, a summer switch outside its summer, and days that do not exist', () => {
    const problems = timelineProblems('2026-2027', {
      ...GOOD,
      inspectedBy: '2026-07-31',
      requestedBy: '2027-02-30',
      summerSwitch: '2027-10-01',
    });
    expect(problems.map((p) => [p.kind, p.field])).toEqual([
      ['outsideSchoolYear', 'inspectedBy'],
      ['notADate', 'requestedBy'],
      ['outsideSchoolYear', 'summerSwitch'],
    ]);
    expect(problems[0].message.en).toBe(
      '‘Parents have inspected’ (31 July 2026) lies outside school year 2026-2027 (1 August to 31 July). Choose a date in that school year.',
    );
  });

  it('warn about a deadline in a school holiday of the region, on a public holiday or in a weekend', () => {
    const warnings = timelineWarnings(
      '2026-2027',
      { ...GOOD, readyBy: '2027-04-26', requestedBy: '2027-05-17', destinationKnownBy: '2027-03-27' },
      MIDDEN,
    );
    expect(warnings.filter((w) => w.kind !== 'gap').map((w) => [w.kind, w.field, w.message.nl])).toEqual([
      [
        'dayOff',
        'destinationKnownBy',
        '‘Po-scholen weten waar is aangemeld’ (27 maart 2027) valt in het weekend; scholen zijn dan dicht.',
      ],
      [
        'holiday',
        'readyBy',
        '‘Dossiers klaargezet’ (26 april 2027) valt in de meivakantie (regio midden: 24 april 2027 tot en met 2 mei 2027); scholen zijn dan dicht.',
      ],
      [
        'dayOff',
        'requestedBy',
        '‘Dossiers opgevraagd’ (17 mei 2027) valt op Tweede Pinksterdag; scholen zijn dan dicht.',
      ],
    ]);
    // the same date is a school day in a region whose holiday is another week
    expect(timelineWarnings('2026-2027', { ...GOOD, inspectedBy: '2027-02-08' }, MIDDEN)).toEqual([]);
    expect(
      timelineWarnings(
        '2026-2027',
        { ...GOOD, inspectedBy: '2027-02-08' },
        { ...MIDDEN, holidayRegion: 'zuid' },
      ).map((w) => [w.kind, w.field]),
    ).toEqual([['holiday', 'inspectedBy']]);
  });

  it('warn about a gap shorter than the region’s minimum of school days, counting around holidays', () => {
    // 19 → 24 March: 3 school days; with a minimum of 3 that is enough
    const dates = { ...GOOD, destinationKnownBy: '2027-03-24' };
    const gaps = timelineWarnings('2026-2027', dates, MIDDEN).filter((w) => w.kind === 'gap');
    expect(gaps.map((w) => [w.field, w.otherField, w.schoolDays])).toEqual([
      ['destinationKnownBy', 'registeredBy', 3],
    ]);
    expect(gaps[0].message.nl).toBe(
      'Tussen ‘Leerlingen aangemeld’ (19 maart 2027) en ‘Po-scholen weten waar is aangemeld’ (24 maart 2027) zit maar 3 schooldagen; scholen hebben minstens 5 schooldagen nodig om te handelen.',
    );
    expect(timelineWarnings('2026-2027', dates, { ...MIDDEN, minGapSchoolDays: 3 })).toEqual([]);
    // over the May holiday, 23 April → 5 May is only 3 school days (3, 4 and 5 May)
    const overMay = { ...GOOD, readyBy: '2027-04-23', requestedBy: '2027-05-05' };
    expect(
      timelineWarnings('2026-2027', overMay, MIDDEN)
        .filter((w) => w.kind === 'gap')
        .map((w) => [w.field, w.schoolDays]),
    ).toEqual([['requestedBy', 3]]);
  });

  it('warn that a school year without holiday data was not checked against the holidays', () => {
    const later: TimelineDates = {
      inspectedBy: '2030-03-04',
      registeredBy: '2030-03-18',
      destinationKnownBy: '2030-03-25',
      readyBy: '2030-04-08',
      requestedBy: '2030-04-15',
      summerSwitch: '2030-07-20',
    };
    expect(timelineProblems('2029-2030', later)).toEqual([]);
    expect(timelineWarnings('2029-2030', later, MIDDEN).map((w) => w.kind)).toEqual(['noHolidayData']);
  });
});

describe('what the previous year’s evaluation suggests (a warning, never a refusal)', () => {
  const short: GapFeedback = {
    field: 'requestedBy',
    otherField: 'readyBy',
    schoolYear: '2025-2026',
    mean: 2.25,
    answers: 12,
    schoolDays: 5,
  };

  it('suggests a school week more than the gap that was found too short', () => {
    expect(suggestedGap(short, 5)).toBe(10);
    expect(suggestedGap({ ...short, schoolDays: null }, 5)).toBe(10);
    expect(suggestedGap({ ...short, schoolDays: 2 }, 7)).toBe(12);
  });

  it('warns while the gap is still shorter than suggested, naming the evaluation, and not once it is long enough', () => {
    // 9 April → 16 April 2027: 5 school days, as in the evaluated year
    const [warning] = evaluationWarnings(GOOD, [short], MIDDEN);
    expect(warning).toEqual({
      kind: 'evaluation',
      field: 'requestedBy',
      otherField: 'readyBy',
      schoolDays: 5,
      suggestedSchoolDays: 10,
      message: {
        nl: 'Bij de evaluatie van 2025-2026 vonden de deelnemers dat er te weinig tijd was voor ‘Dossiers opgevraagd’ (gemiddeld 2,3 van 5 op ‘Er was genoeg tijd’, 12 antwoorden; toen zaten er 5 schooldagen tussen ‘Dossiers klaargezet’ en ‘Dossiers opgevraagd’). Geef minstens 10 schooldagen na ‘Dossiers klaargezet’. Nu zijn het er 5.',
        en: 'In the evaluation of 2025-2026 the participants found there was too little time for ‘Dossiers requested’ (on average 2.3 of 5 on ‘There was enough time’, 12 answers; it had 5 school days between ‘Dossiers set ready’ and ‘Dossiers requested’ then). Give at least 10 school days after ‘Dossiers set ready’. Now there are 5.',
      },
    });
    // two weeks later: 10 school days, no warning
    expect(evaluationWarnings({ ...GOOD, requestedBy: '2027-04-23' }, [short], MIDDEN)).toEqual([]);
    // the timeline itself can still work: no problem, the evaluation only suggests
    expect(timelineProblems('2026-2027', GOOD)).toEqual([]);
  });
});
