/**
 * The plan of one synthetic pupil: who (names, gender, birth date), where in school (groep or
 * leerjaar, track), how able, what support they need, and the school career that leads there, with
 * coherent dates: a pupil starts school the first school day after turning four, moves up a groep
 * each 1 August, and a pupil in groep 8 of 2025-2026 was born between October 2013 and September
 * 2014 (a year earlier after repeating a groep).
 */
import type { ProfileCode } from '../profiles.js';
import {
  addYears,
  between,
  type Day,
  day,
  firstSchoolDay,
  inSummerHoliday,
  nextWeekday,
  type SchoolYear,
  schoolYear,
} from './calendar.js';
import { brincode } from './identifiers.js';
import {
  childGivenNames,
  type Family,
  type Gender,
  pickFamily,
  pickSurnameEntry,
  type Surname,
  type SurnameEntry,
  surnameForm,
} from './names.js';
import type { Random } from './random.js';
import type { PupilTraits } from './texts.js';

export type Stage = 'po' | 'vo';

/** What a pupil needs support for; each maps to diagnoses, plans and arrangements. */
export type Need =
  | 'dyslexie'
  | 'dyscalculie'
  | 'adhd'
  | 'autisme'
  | 'taal'
  | 'zicht'
  | 'gehoor'
  | 'hoogbegaafd'
  | 'leerachterstand'
  | 'angst';

/** VO tracks by level (0 = praktijkonderwijs … 5 = vwo). */
export const TRACKS = [
  { naam: 'Praktijkonderwijs', kort: 'pro', code: 'P', years: 5 },
  { naam: 'VMBO basisberoepsgerichte leerweg', kort: 'vmbo-b', code: 'B', years: 4 },
  { naam: 'VMBO kaderberoepsgerichte leerweg', kort: 'vmbo-k', code: 'K', years: 4 },
  { naam: 'VMBO gemengde/theoretische leerweg', kort: 'vmbo-gt', code: 'T', years: 4 },
  { naam: 'HAVO', kort: 'havo', code: 'H', years: 5 },
  { naam: 'VWO', kort: 'vwo', code: 'V', years: 6 },
] as const;

/**
 * An element code in the 4-digit format of DUO's VO element code table, for a track and leerjaar.
 * Illustrative: the generator has no copy of DUO's table.
 */
export function elementcode(level: number, leerjaar: number): string {
  return String(1000 + level * 100 + leerjaar * 10);
}

export interface CareerRow {
  year: SchoolYear;
  /** PO: groep 1–8; VO: leerjaar 1–6. */
  grade: number;
  stage: Stage;
  begin: Day;
  end: Day;
  brincode: string;
}

export interface Pupil {
  gender: Gender;
  family: Family;
  /** The surname as written in the family's list; parents take theirs from it. */
  surnameEntry: SurnameEntry;
  surname: Surname;
  givenNames: string[];
  roepnaam: string;
  birth: Day;
  stage: Stage;
  grade: number;
  /** 0 = praktijkonderwijs … 5 = vwo: the advice for a po pupil, the track for a vo pupil. */
  level: number;
  /** 0..1, drives test scores and grades. */
  ability: number;
  needs: Need[];
  traits: PupilTraits;
  /** First school day, at four. */
  instroom: Day;
  /** First day at the current school. */
  joined: Day;
  rows: CareerRow[];
  /** VO pupil who has just passed the vmbo-gt exam and moves on to havo 4. */
  diploma: boolean;
}

const LEVEL_WEIGHTS = [4, 10, 13, 25, 23, 25];
const SWV_LEVEL_WEIGHTS = [15, 25, 20, 20, 12, 8];

const NEED_WEIGHTS: readonly (readonly [Need, number])[] = [
  ['dyslexie', 30],
  ['adhd', 18],
  ['autisme', 14],
  ['leerachterstand', 10],
  ['dyscalculie', 8],
  ['hoogbegaafd', 8],
  ['angst', 4],
  ['taal', 4],
  ['zicht', 2],
  ['gehoor', 2],
];

/** Where the pupil is: stage and grade per profile; `diploma` for the vmbo-gt → havo 4 case. */
export interface Placement {
  stage: Stage;
  grade: number;
  level: number;
  diploma: boolean;
}

export function placement(rng: Random, profile: ProfileCode): Placement {
  const swv = profile === 'POSWV' || profile === 'VOSWV';
  const level = rng.weighted((swv ? SWV_LEVEL_WEIGHTS : LEVEL_WEIGHTS).map((w, i) => [i, w] as const));
  switch (profile) {
    case 'POVO':
      return { stage: 'po', grade: 8, level, diploma: false };
    case 'POPO':
    case 'BB':
      return { stage: 'po', grade: rng.weighted(POPO_GRADES), level, diploma: false };
    case 'POSWV':
      return { stage: 'po', grade: rng.int(3, 8), level, diploma: false };
    case 'VOVO': {
      if (rng.chance(0.2)) return { stage: 'vo', grade: 4, level: 3, diploma: true };
      return { stage: 'vo', grade: rng.int(1, TRACKS[level].years - 1), level, diploma: false };
    }
    case 'VOSWV':
      return { stage: 'vo', grade: rng.int(1, Math.min(3, TRACKS[level].years)), level, diploma: false };
  }
}

const POPO_GRADES: readonly (readonly [number, number])[] = [
  [1, 6],
  [2, 12],
  [3, 14],
  [4, 14],
  [5, 14],
  [6, 14],
  [7, 13],
  [8, 8],
];

/** Support needs: a quarter of all pupils, every pupil of an SWV dossier or a special school. */
export function pickNeeds(rng: Random, profile: ProfileCode, specialSchool: boolean): Need[] {
  const always = profile === 'POSWV' || profile === 'VOSWV' || specialSchool;
  if (!always && !rng.chance(0.25)) return [];
  const first = rng.weighted(NEED_WEIGHTS);
  if (!rng.chance(0.2)) return [first];
  const second = rng.weighted(NEED_WEIGHTS);
  return second === first ? [first] : [first, second];
}

/** Groepen (or leerjaren) per school year up to the current one, with the odd repeat or skip. */
function sequence(rng: Random, grade: number, first: number): number[] {
  const seq: number[] = [];
  for (let g = first; g <= grade; g++) seq.push(g);
  if (seq.length >= 2 && rng.chance(0.06)) {
    const j = rng.int(0, seq.length - 2);
    seq.splice(j, 0, seq[j]);
  } else if (seq.length >= 4 && rng.chance(0.01)) {
    seq.splice(rng.int(2, seq.length - 2), 1);
  }
  return seq;
}

/**
 * The pupil's names, birth date and career, with the first school day before `latest` (the
 * dossier date, so that a pupil in groep 1 has started school when the dossier is made).
 */
export function makePupil(
  rng: Random,
  place: Placement,
  needs: Need[],
  year: SchoolYear,
  current: { brincode: string; sector: Stage },
  latest: Day,
): Pupil {
  const gender: Gender = rng.chance(0.5) ? 'v' : 'm';
  const family = pickFamily(rng);
  const surnameEntry = pickSurnameEntry(rng, family);
  const givenNames = childGivenNames(rng, family, gender);
  const ability = Math.min(0.999, (place.level + rng.next()) / 6);

  let poSeq: number[];
  let voSeq: number[] = [];
  let instroom: Day;
  let birth: Day;
  let poFirst: number;
  for (let attempt = 0; ; attempt++) {
    voSeq = place.stage === 'vo' ? sequence(rng, place.grade, 1) : [];
    poSeq = sequence(rng, place.stage === 'po' ? place.grade : 8, 1);
    const poLast = place.stage === 'po' ? year.start : year.start - voSeq.length;
    poFirst = poLast - (poSeq.length - 1);
    const fourth = between(rng, day(poFirst - 1, 10, 1), day(poFirst, 9, 30));
    birth = addYears(fourth, -4);
    const firstDay = firstSchoolDay(schoolYear(poFirst));
    const beforeFirstDay = fourth >= day(poFirst, 8, 1) && fourth < firstDay;
    instroom = inSummerHoliday(fourth) || beforeFirstDay ? firstDay : nextWeekday(fourth);
    if (instroom < latest - 21 || attempt > 20) break;
  }

  const rows: CareerRow[] = [];
  const other = brincode(rng);
  const switchAt =
    place.stage === 'po' && poSeq.length >= 3 && rng.chance(0.1) ? rng.int(1, poSeq.length - 1) : -1;
  if (instroom < day(poFirst, 8, 1)) {
    rows.push({
      year: schoolYear(poFirst - 1),
      grade: 1,
      stage: 'po',
      begin: instroom,
      end: day(poFirst, 7, 31),
      brincode: '',
    });
  }
  poSeq.forEach((g, k) => {
    const y = schoolYear(poFirst + k);
    rows.push({
      year: y,
      grade: g,
      stage: 'po',
      begin: rows.length === 0 ? instroom : day(y.start, 8, 1),
      end: day(y.end, 7, 31),
      brincode: '',
    });
  });
  const voFirst = year.start - (voSeq.length - 1);
  voSeq.forEach((l, k) => {
    const y = schoolYear(voFirst + k);
    rows.push({
      year: y,
      grade: l,
      stage: 'vo',
      begin: day(y.start, 8, 1),
      end: day(y.end, 7, 31),
      brincode: '',
    });
  });
  // Rows at the current school, earlier ones elsewhere.
  rows.forEach((r, i) => {
    const ownSector = r.stage === current.sector;
    const poIndex = i - (rows.length - poSeq.length - voSeq.length);
    const before = place.stage === 'po' && switchAt >= 0 && poIndex < switchAt;
    r.brincode = ownSector && !before ? current.brincode : other;
  });
  const firstOwn = rows.find((r) => r.brincode === current.brincode);
  const joined = !firstOwn || firstOwn.begin === instroom ? instroom : firstSchoolDay(firstOwn.year);

  const werkhouding = needs.includes('adhd')
    ? rng.pick(['wisselend', 'zwak'] as const)
    : ability > 0.6
      ? rng.weighted([
          ['sterk', 6],
          ['wisselend', 3],
          ['zwak', 1],
        ] as const)
      : rng.weighted([
          ['sterk', 2],
          ['wisselend', 5],
          ['zwak', 3],
        ] as const);
  const sociaal = needs.includes('autisme')
    ? rng.pick(['stil', 'stabiel'] as const)
    : rng.weighted([
        ['stabiel', 65],
        ['stil', 20],
        ['druk', 15],
      ] as const);

  return {
    gender,
    family,
    surnameEntry,
    surname: surnameForm(surnameEntry, gender),
    givenNames,
    roepnaam: givenNames[0],
    birth,
    stage: place.stage,
    grade: place.grade,
    level: place.level,
    ability,
    needs,
    traits: { roepnaam: givenNames[0], gender, werkhouding, sociaal, level: place.level, needs },
    instroom,
    joined,
    rows,
    diploma: place.diploma,
  };
}
