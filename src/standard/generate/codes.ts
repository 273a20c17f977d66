/**
 * The codes the generator uses, taken from the shared codelists (`../codelists.ts`) by their
 * meaning, so that a code is never typed twice. A lookup that fails is a programming error and
 * stops the module from loading.
 */
import { CODELIST_BY_NUMBER, type Codelist, inCodelist } from '../codelists.js';

function list(number: number): Codelist {
  const l = CODELIST_BY_NUMBER.get(number);
  if (l === undefined) throw new Error(`codelist ${number} is missing`);
  return l;
}

/** The code whose label is `label` in codelist `number`. */
function byLabel(number: number, label: string): string {
  const found = list(number).codes.find((c) => c.label === label);
  if (found === undefined) throw new Error(`codelist ${number} has no code labelled "${label}"`);
  return found.code;
}

/** A code the list has no label for, checked against the list. */
function checked(number: number, code: string): string {
  if (!inCodelist(list(number), code)) throw new Error(`codelist ${number} has no code "${code}"`);
  return code;
}

export function labelOf(number: number, code: string): string | undefined {
  return list(number).codes.find((c) => c.code === code)?.label;
}

export const GESLACHT = { vrouw: byLabel(14, 'vrouw'), man: byLabel(14, 'man') } as const;

export const RELATIE = {
  vader: byLabel(41, 'vader'),
  moeder: byLabel(41, 'moeder'),
  voogd: byLabel(41, 'voogd'),
} as const;

/** Advice codes (codelist 2) by level: 0 praktijkonderwijs … 5 vwo. */
export const ADVIES_BY_LEVEL: readonly string[] = [
  byLabel(2, 'praktijkonderwijs'),
  byLabel(2, 'vmbo basisberoepsgerichte leerweg'),
  byLabel(2, 'vmbo kaderberoepsgerichte leerweg'),
  byLabel(2, 'vmbo gemengde/theoretische leerweg'),
  byLabel(2, 'havo'),
  byLabel(2, 'vwo'),
];

export const PROFIEL = {
  basis: checked(21, 'basis'),
  plus: checked(21, 'plus'),
  bespreek: checked(21, 'bespreek'),
  disharmonisch: checked(21, 'disharmonisch'),
  ondersteuning: checked(21, 'ondersteuning'),
} as const;

export const AKKOORD = {
  ja: checked(37, 'Ja'),
  nee: checked(37, 'Nee'),
  onbekend: checked(37, 'Onbekend'),
} as const;

/** Final tests (codelist 42) that have a name in the list. */
export const EINDTOETSEN: readonly { code: string; naam: string }[] = list(42)
  .codes.filter((c) => c.label !== undefined)
  .map((c) => ({ code: c.code, naam: c.label as string }));

export const TOETSNIVEAU = checked(43, 'G');
export const ONTHEFFING = {
  ja: byLabel(44, 'ja, ontheffing'),
  nee: byLabel(44, 'nee, geen ontheffing'),
} as const;

export const REFERENTIENIVEAU = {
  onder1F: byLabel(45, 'lager dan 1F'),
  f1: byLabel(45, '1F'),
  s1: byLabel(45, '1S'),
  f2: byLabel(45, '2F'),
} as const;

export const ONDERDEEL = { taal: byLabel(46, 'taal'), rekenen: byLabel(46, 'rekenen') } as const;
export const DOMEIN = { lezen: byLabel(47, 'lezen'), taalverzorging: byLabel(47, 'taalverzorging') } as const;

export const RVC_INDICATIE = { lwoo: checked(17, 'LWOO'), pro: checked(17, 'PRO') } as const;

export const TLV_CATEGORIE = {
  laag: checked(31, 'L'),
  midden: checked(31, 'M'),
  hoog: checked(31, 'H'),
  nvt: checked(31, 'Nvt'),
} as const;

export const REFERENTIESCORE = {
  niveau: checked(11, 'IV'),
  percentiel: checked(11, 'Percentiel'),
  referentieniveau: checked(11, 'RNTRM'),
  iq: checked(11, 'IQ'),
} as const;

/** Comparison groups (codelist 22): national, and per VO track (praktijkonderwijs … vwo). */
export const VERGELIJKINGSGROEP = {
  landelijk: checked(22, 'Landelijk'),
  byTrack: ['BB', 'BB', 'KB', 'GT', 'HAVO', 'VWO'].map((c) => checked(22, c)),
} as const;

export const EXAMENUITSLAG = { geslaagd: checked(35, 'geslaagd') } as const;

/** Diagnosis codes (codelist 23) with the name a report would use. */
export function diagnose(code: string, fallbackName: string): { code: string; naam: string } {
  return { code: checked(23, code), naam: labelOf(23, code) ?? fallbackName };
}

/** Jaargroep codes (codelist 13): PO groep 1–8, VO leerjaar 1–6 as 11–16. */
export function jaargroep(stage: 'po' | 'vo', grade: number): string {
  return checked(13, String(stage === 'po' ? grade : 10 + grade));
}

const codesOf = (number: number) => list(number).codes.map((c) => c.code);

export const VVE_PROGRAMMA: readonly string[] = codesOf(9);
export const VOORSCHOOLS_HISTORIE: readonly string[] = codesOf(7);
export const TOELEIDER: readonly string[] = codesOf(6);
export const DEELNAME: readonly string[] = codesOf(8);
export const LEERLINGGEWICHT: readonly string[] = codesOf(15);
