import { CODELIST_BY_NUMBER, type Dossier, inCodelist, type Overstapadvies } from '../../standard/index.js';

/**
 * The fields a po school writes itself in a dossier (the rest comes from its administration): the
 * transfer advice, points of attention and the wish to be contacted — all in the pupil's
 * `overstapadvies` block (STANDARD.md §1.5 row 22). Element names are the standard's.
 */
export const ADVICE_FIELDS = ['advies', 'wensouders', 'wensleerling', 'herzienadvies'] as const;
export const TEXT_FIELDS = ['motivatie_herzienadvies', 'argumentatie', 'aandachtspunten'] as const;
export const CONTACT_FIELDS = ['contactpersoon', 'contacttelefoon', 'contactemail'] as const;

export interface SchoolFields {
  /** Codelist 2 (Advies VO), e.g. `60` havo. */
  advies?: string;
  wensouders?: string;
  wensleerling?: string;
  herzienadvies?: string;
  motivatie_herzienadvies?: string;
  /** Codelist 21: basis, plus, bespreek, disharmonisch, ondersteuning. */
  profiel?: string;
  argumentatie?: string;
  /** At most 280 characters (XSD). */
  aandachtspunten?: string;
  contactnodig?: boolean;
  contactpersoon?: string;
  contacttelefoon?: string;
  contactemail?: string;
}

/** A change: a value sets the field, `null` (or an empty text) removes it, absent leaves it as it is. */
export type SchoolFieldsChange = { [K in keyof SchoolFields]?: SchoolFields[K] | null };

export const SCHOOL_FIELD_NAMES: ReadonlyArray<keyof SchoolFields> = [
  ...ADVICE_FIELDS,
  'motivatie_herzienadvies',
  'profiel',
  'argumentatie',
  'contactnodig',
  ...CONTACT_FIELDS,
  'aandachtspunten',
];

/** The school's fields as the dossier holds them now. */
export function schoolFieldsOf(dossier: Dossier): SchoolFields {
  const block = dossier.huidigeschool.leerling.overstapadvies ?? {};
  const out: SchoolFields = {};
  for (const name of SCHOOL_FIELD_NAMES) {
    const value = block[name];
    if (value !== undefined && value !== null) (out as Record<string, unknown>)[name] = value;
  }
  return out;
}

const MAX_TEXT = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9][0-9 ()-]{5,30}$/;

/**
 * What is wrong with a change, per field (English reasons for integrators; the web app says it in
 * its own words). Empty when the change may be applied.
 */
export function checkSchoolFields(change: SchoolFieldsChange, current: SchoolFields): Record<string, string> {
  const problems: Record<string, string> = {};
  const advies = CODELIST_BY_NUMBER.get(2);
  const profiel = CODELIST_BY_NUMBER.get(21);
  for (const name of Object.keys(change)) {
    if (!(SCHOOL_FIELD_NAMES as readonly string[]).includes(name))
      problems[name] = 'not a field the school edits';
  }
  for (const name of ADVICE_FIELDS) {
    const v = change[name];
    if (typeof v === 'string' && v.trim() && advies && !inCodelist(advies, v.trim()))
      problems[name] = 'a code of codelist 2 (Advies VO)';
  }
  if (
    typeof change.profiel === 'string' &&
    change.profiel.trim() &&
    profiel &&
    !inCodelist(profiel, change.profiel.trim())
  )
    problems.profiel = 'a code of codelist 21';
  for (const name of [...TEXT_FIELDS, ...CONTACT_FIELDS]) {
    const v = change[name];
    if (v !== undefined && v !== null && typeof v !== 'string') problems[name] = 'text';
    else if (typeof v === 'string' && v.trim().length > MAX_TEXT)
      problems[name] = `at most ${MAX_TEXT} characters`;
  }
  if (typeof change.aandachtspunten === 'string' && change.aandachtspunten.trim().length > 280)
    problems.aandachtspunten = 'at most 280 characters';
  if (
    typeof change.contactemail === 'string' &&
    change.contactemail.trim() &&
    !EMAIL.test(change.contactemail.trim())
  )
    problems.contactemail = 'an e-mail address';
  if (
    typeof change.contacttelefoon === 'string' &&
    change.contacttelefoon.trim() &&
    !PHONE.test(change.contacttelefoon.trim())
  )
    problems.contacttelefoon = 'a telephone number';
  if (
    change.contactnodig !== undefined &&
    change.contactnodig !== null &&
    typeof change.contactnodig !== 'boolean'
  )
    problems.contactnodig = 'true or false';
  // When contact is needed, the receiving school needs someone to call (OVa.OA04, OVa.OA05).
  const after = { ...current, ...change };
  if (after.contactnodig === true) {
    if (!after.contactpersoon?.trim()) problems.contactpersoon ??= 'required when contact is needed';
    if (!after.contacttelefoon?.trim()) problems.contacttelefoon ??= 'required when contact is needed';
  }
  return problems;
}

/**
 * Applies a checked change to the model (mutates it): the `overstapadvies` block is created when
 * needed and removed when nothing is left in it. Returns whether anything changed.
 */
export function applySchoolFields(dossier: Dossier, change: SchoolFieldsChange): boolean {
  const leerling = dossier.huidigeschool.leerling;
  const block: Overstapadvies = { ...(leerling.overstapadvies ?? {}) };
  let changed = false;
  for (const name of SCHOOL_FIELD_NAMES) {
    if (!(name in change)) continue;
    const raw = change[name];
    const value = typeof raw === 'string' ? raw.trim() || undefined : (raw ?? undefined);
    if (block[name] === value) continue;
    changed = true;
    if (value === undefined) delete block[name];
    else (block as Record<string, unknown>)[name] = value;
  }
  if (!changed) return false;
  if (Object.keys(block).length === 0) delete leerling.overstapadvies;
  else leerling.overstapadvies = block;
  return true;
}
