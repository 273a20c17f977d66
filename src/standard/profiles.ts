/**
 * The delivery profiles of the OSO gegevensset 2019.1, the 16 delivery categories of
 * `metadata/categorie_uitlevering` with the elements that belong to each, and the per-profile
 * matrix VERPLICHT / OPTIONEEL / VERBODEN (STANDARD.md §1.9 and §2.7). Plain typed data, shared
 * by the business rules, the renderer, the generator and the web app.
 */

/** The target namespace of the 2019.1 schema. */
import type { Dossier } from './model.js';
import { kid, stringValue, trimXml } from './rules/xpath.js';
import type { XElement } from './xml/tree.js';

export { OSO_NAMESPACE } from './rules/xpath.js';

export type ProfileCode = 'POPO' | 'POVO' | 'VOVO' | 'BB' | 'POSWV' | 'VOSWV';

/** Which rule set of the standard applies: the overstap rules (OVa/OVb) or the SWV rules (PaO). */
export type RuleFamily = 'OV' | 'PaO';

export type Overdrachtsoort = 'overstapdossier' | 'overdrachtbinnenbrin' | 'swv-dossier';

export interface Profile {
  code: ProfileCode;
  family: RuleFamily;
  /** The `overdrachtsoort` a dossier of this profile carries. */
  overdrachtsoort: Overdrachtsoort;
  /** The `metadata/overstap` value; BB dossiers keep the value of the original transfer. */
  overstap: string | null;
  label: { nl: string; en: string };
}

export const PROFILES: Readonly<Record<ProfileCode, Profile>> = {
  POPO: {
    code: 'POPO',
    family: 'OV',
    overdrachtsoort: 'overstapdossier',
    overstap: 'POPO',
    label: { nl: 'Overstap PO naar PO', en: 'Transfer primary to primary school' },
  },
  POVO: {
    code: 'POVO',
    family: 'OV',
    overdrachtsoort: 'overstapdossier',
    overstap: 'POVO',
    label: { nl: 'Overstap PO naar VO', en: 'Transfer primary to secondary school' },
  },
  VOVO: {
    code: 'VOVO',
    family: 'OV',
    overdrachtsoort: 'overstapdossier',
    overstap: 'VOVO',
    label: { nl: 'Overstap VO naar VO', en: 'Transfer secondary to secondary school' },
  },
  BB: {
    code: 'BB',
    family: 'OV',
    overdrachtsoort: 'overdrachtbinnenbrin',
    overstap: null,
    label: { nl: 'Overdracht binnen BRIN', en: 'Transfer within one BRIN' },
  },
  POSWV: {
    code: 'POSWV',
    family: 'PaO',
    overdrachtsoort: 'swv-dossier',
    overstap: 'POSWV',
    label: { nl: 'Samenwerkingsverband PO', en: 'Primary school partnership (SWV)' },
  },
  VOSWV: {
    code: 'VOSWV',
    family: 'PaO',
    overdrachtsoort: 'swv-dossier',
    overstap: 'VOSWV',
    label: { nl: 'Samenwerkingsverband VO', en: 'Secondary school partnership (SWV)' },
  },
};

export const PROFILE_CODES: readonly ProfileCode[] = ['POPO', 'POVO', 'VOVO', 'BB', 'POSWV', 'VOSWV'];

/** What a profile says about a category. */
export type Requirement = 'VERPLICHT' | 'OPTIONEEL' | 'VERBODEN';

/** What a dossier may declare in `categorie_uitlevering` (codelijst 48). */
export type DeclaredValue = Requirement | 'OPT-UIT';

export const DECLARED_VALUES: readonly DeclaredValue[] = ['VERPLICHT', 'OPTIONEEL', 'VERBODEN', 'OPT-UIT'];

export type CategoryField =
  | 'cat_metadata'
  | 'cat_ouderinzage'
  | 'cat_school'
  | 'cat_leerling'
  | 'cat_oudersverzorgers'
  | 'cat_vve'
  | 'cat_schoolloopbaan'
  | 'cat_overstapadvies'
  | 'cat_onderwijsondersteuning'
  | 'cat_verzuim'
  | 'cat_eindtoetsbo'
  | 'cat_toetsresultaten'
  | 'cat_handelingsplannen'
  | 'cat_cijferlijsten'
  | 'cat_vombo'
  | 'cat_bijlagedocs';

export interface Category {
  /** 1..16, the order of the fields in `categorie_uitlevering`. */
  number: number;
  /** The standard's rule id for this category's check (`OS.cat01` …). */
  rule: string;
  field: CategoryField;
  label: { nl: string; en: string };
  /**
   * The elements that make up the category, as paths relative to the `dossier` element. One
   * member present satisfies VERPLICHT; every member present breaks VERBODEN / OPT-UIT.
   */
  members: readonly CategoryMember[];
  /** False for cat_school and cat_leerling: the standard has no OS.cat check for them. */
  checked: boolean;
}

export interface CategoryMember {
  path: readonly string[];
  label: { nl: string; en: string };
}

const L = ['huidigeschool', 'leerling'] as const;
const OO = ['huidigeschool', 'leerling', 'onderwijsondersteuning'] as const;

function m(path: readonly string[], nl: string, en: string): CategoryMember {
  return { path, label: { nl, en } };
}

/** Leerling rows 1–19 of STANDARD.md §1.5. */
const LEERLING_FIELDS: readonly [string, string, string][] = [
  ['voornaam', 'voornaam', 'first name'],
  ['voorletters-1', 'voorletters', 'initials'],
  ['voorvoegsel', 'voorvoegsel', 'surname prefix'],
  ['achternaam', 'achternaam', 'surname'],
  ['roepnaam', 'roepnaam', 'given name in use'],
  ['geboortedatum', 'geboortedatum', 'date of birth'],
  ['geboortemaand', 'geboortemaand', 'month of birth'],
  ['geslacht', 'geslacht', 'gender'],
  ['adresgeheim', 'adres geheim', 'address secret'],
  ['adreslijst', 'adressen', 'addresses'],
  ['postcode4adres', 'postcode4-adres', 'four-digit postcode address'],
  ['communicatielijst', 'communicatiegegevens', 'contact details'],
  ['gba', 'GBA-gegevens', 'GBA (population register) data'],
  ['adresbuitenland', 'buitenlands adres', 'foreign address'],
  ['geboorteplaats', 'geboorteplaats', 'place of birth'],
  ['nationaliteit', 'nationaliteit', 'nationality'],
  ['onderwijsnummer', 'onderwijsnummer', 'education number'],
  ['bsn', 'BSN', 'citizen service number (BSN)'],
  ['leerlingid', 'leerlingnummer van de school', "school's pupil id"],
  ['onderwijssinds', 'in onderwijs sinds', 'in education since'],
  ['startdatumhuidigonderwijs', 'startdatum huidig onderwijs', 'start date of current education'],
  ['datuminschrijving', 'inschrijfdatum', 'enrolment date'],
  ['datumuitschrijving', 'uitschrijfdatum', 'date of leaving'],
  ['teruggeplaatstnaarbrin', 'teruggeplaatst naar BRIN', 'returned to BRIN'],
  ['leerlinggewicht', 'leerlinggewicht', 'pupil weighting'],
  ['nnca', 'NNCA', 'NNCA'],
  ['tehuis', 'tehuis', 'residential home'],
  ['huisarts', 'huisarts', 'family doctor'],
];

export const CATEGORIES: readonly Category[] = [
  {
    number: 1,
    rule: 'OS.cat01',
    field: 'cat_metadata',
    label: { nl: 'Metadata', en: 'Metadata' },
    members: [
      m(['metadata'], 'metadata', 'metadata'),
      m(['overdrachtsoort'], 'soort overdracht', 'kind of transfer'),
    ],
    checked: true,
  },
  {
    number: 2,
    rule: 'OS.cat02',
    field: 'cat_ouderinzage',
    label: { nl: 'Ouderinzage', en: 'Parental review' },
    members: [m(['inzage'], 'inzage door ouders', 'parental review')],
    checked: true,
  },
  {
    number: 3,
    rule: 'OS.cat03',
    field: 'cat_school',
    label: { nl: 'School', en: 'School' },
    members: [m(['huidigeschool'], 'huidige school', 'current school')],
    checked: false,
  },
  {
    number: 4,
    rule: 'OS.cat04',
    field: 'cat_leerling',
    label: { nl: 'Leerling', en: 'Pupil' },
    members: LEERLING_FIELDS.map(([name, nl, en]) => m([...L, name], nl, en)),
    checked: false,
  },
  {
    number: 5,
    rule: 'OS.cat05',
    field: 'cat_oudersverzorgers',
    label: { nl: 'Ouders/verzorgers', en: 'Parents/guardians' },
    members: [
      m([...L, 'verzorgersaansprakelijk'], 'verzorgers aansprakelijk', 'guardians liable'),
      m([...L, 'verzorger'], 'verzorger', 'guardian'),
      m([...L, 'aansprakelijkeinstelling'], 'aansprakelijke instelling', 'responsible institution'),
    ],
    checked: true,
  },
  {
    number: 6,
    rule: 'OS.cat06',
    field: 'cat_vve',
    label: { nl: 'VVE', en: 'Early childhood education (VVE)' },
    members: [
      m([...L, 'vanpeuterspeelzaal'], 'afkomstig van peuterspeelzaal', 'came from a playgroup'),
      m([...L, 'naampeuterspeelzaal'], 'naam peuterspeelzaal', 'playgroup name'),
      m([...L, 'voorschools'], 'voorschoolse educatie', 'pre-school education'),
      m([...L, 'vroegschools'], 'vroegschoolse educatie', 'early-school education'),
    ],
    checked: true,
  },
  {
    number: 7,
    rule: 'OS.cat07',
    field: 'cat_schoolloopbaan',
    label: { nl: 'Schoolloopbaan', en: 'School career' },
    members: [m([...L, 'schoolloopbaanlijst'], 'schoolloopbaan', 'school career')],
    checked: true,
  },
  {
    number: 8,
    rule: 'OS.cat08',
    field: 'cat_overstapadvies',
    label: { nl: 'Overstapadvies', en: 'Transfer advice' },
    members: [m([...L, 'overstapadvies'], 'overstapadvies', 'transfer advice')],
    checked: true,
  },
  {
    number: 9,
    rule: 'OS.cat09',
    field: 'cat_onderwijsondersteuning',
    label: { nl: 'Onderwijsondersteuning', en: 'Educational support' },
    members: [
      m([...OO, 'toelichting_onderwijsbehoeften'], 'toelichting onderwijsbehoeften', 'educational needs'),
      m([...OO, 'diagnose'], 'diagnose', 'diagnosis'),
      m([...OO, 'medicijngebruik'], 'medicijngebruik', 'medication'),
      m([...OO, 'opp'], 'ontwikkelingsperspectiefplan (OPP)', 'development plan (OPP)'),
      m([...OO, 'tlv'], 'toelaatbaarheidsverklaring (TLV)', 'admissibility statement (TLV)'),
      m([...OO, 'arrangement_cluster12'], 'arrangement cluster 1/2', 'cluster 1/2 arrangement'),
      m([...OO, 'arrangement_pao'], 'arrangement passend onderwijs', 'inclusive-education arrangement'),
      m([...OO, 'lwoo'], 'leerwegondersteuning (LWOO)', 'learning support (LWOO)'),
      m([...OO, 'rvc'], 'RVC-gegevens', 'RVC data'),
    ],
    checked: true,
  },
  {
    number: 10,
    rule: 'OS.cat10',
    field: 'cat_verzuim',
    label: { nl: 'Verzuim', en: 'Absence' },
    members: [m([...L, 'verzuim'], 'verzuim', 'absence')],
    checked: true,
  },
  {
    number: 11,
    rule: 'OS.cat11',
    field: 'cat_eindtoetsbo',
    label: { nl: 'Eindtoets basisonderwijs', en: 'Primary school final test' },
    members: [m([...L, 'eindtoets_basisonderwijs'], 'eindtoets basisonderwijs', 'primary school final test')],
    checked: true,
  },
  {
    number: 12,
    rule: 'OS.cat12',
    field: 'cat_toetsresultaten',
    label: { nl: 'Toetsresultaten', en: 'Test results' },
    members: [m([...L, 'toetslijst'], 'toetsresultaten', 'test results')],
    checked: true,
  },
  {
    number: 13,
    rule: 'OS.cat13',
    field: 'cat_handelingsplannen',
    label: { nl: 'Handelingsplannen', en: 'Action plans' },
    members: [m([...OO, 'handelingsplan'], 'handelingsplan', 'action plan')],
    checked: true,
  },
  {
    number: 14,
    rule: 'OS.cat14',
    field: 'cat_cijferlijsten',
    label: { nl: 'Cijferlijsten', en: 'Grade lists' },
    members: [m([...L, 'cijferlijstlijst'], 'cijferlijsten', 'grade lists')],
    checked: true,
  },
  {
    number: 15,
    rule: 'OS.cat15',
    field: 'cat_vombo',
    label: { nl: 'VO-MBO', en: 'Secondary to vocational (VO-MBO)' },
    members: [
      m([...L, 'bevorderd'], 'bevorderd', 'promotion'),
      m([...L, 'examenresultaat'], 'examenresultaat', 'exam result'),
      m([...L, 'resultaatvakkenvo'], 'vakresultaten VO', 'secondary subject results'),
      m([...L, 'certificaat'], 'certificaat', 'certificate'),
      m([...L, 'competenties'], 'competenties', 'competences'),
      m([...L, 'stage'], 'stage', 'internship'),
      m([...L, 'overigvombo'], 'overige VO-MBO-gegevens', 'other VO-MBO data'),
    ],
    checked: true,
  },
  {
    number: 16,
    rule: 'OS.cat16',
    field: 'cat_bijlagedocs',
    label: { nl: 'Bijlagedocumenten', en: 'Attached documents' },
    members: [m([...L, 'overigdocumentlijst'], 'overige bijlagen', 'other attachments')],
    checked: true,
  },
];

const V = 'VERPLICHT';
const O = 'OPTIONEEL';
const X = 'VERBODEN';

type Row = readonly [Requirement, Requirement, Requirement, Requirement, Requirement, Requirement];

/** Columns: POPO POVO VOVO BB POSWV VOSWV (STANDARD.md §2.7, read from the official examples). */
const MATRIX_ROWS: Readonly<Record<CategoryField, Row>> = {
  cat_metadata: [V, V, V, V, V, V],
  cat_ouderinzage: [V, V, V, O, O, O],
  cat_school: [V, V, V, V, V, V],
  cat_leerling: [V, V, V, V, V, V],
  cat_oudersverzorgers: [V, V, V, O, V, V],
  cat_vve: [O, X, X, O, O, X],
  cat_schoolloopbaan: [V, V, V, O, V, V],
  cat_overstapadvies: [V, V, V, O, O, O],
  cat_onderwijsondersteuning: [O, O, O, O, V, V],
  cat_verzuim: [O, O, O, O, O, O],
  cat_eindtoetsbo: [O, O, O, O, X, O],
  cat_toetsresultaten: [O, O, O, O, O, O],
  cat_handelingsplannen: [O, O, O, O, O, O],
  cat_cijferlijsten: [O, O, O, O, O, O],
  cat_vombo: [X, X, O, O, X, O],
  cat_bijlagedocs: [O, O, O, O, O, O],
};

/** The matrix as a lookup: `PROFILE_MATRIX.cat_vve.POVO === 'VERBODEN'`. */
export const PROFILE_MATRIX: Readonly<Record<CategoryField, Readonly<Record<ProfileCode, Requirement>>>> =
  Object.fromEntries(
    Object.entries(MATRIX_ROWS).map(([field, row]) => [
      field,
      Object.fromEntries(PROFILE_CODES.map((p, i) => [p, row[i]])) as Record<ProfileCode, Requirement>,
    ]),
  ) as Record<CategoryField, Record<ProfileCode, Requirement>>;

export function requirementOf(profile: ProfileCode, field: CategoryField): Requirement {
  return PROFILE_MATRIX[field][profile];
}

/** Whether a declared value is allowed for what the profile requires. */
export function declarationFits(requirement: Requirement, declared: DeclaredValue): boolean {
  if (requirement === 'OPTIONEEL') return declared === 'OPTIONEEL' || declared === 'OPT-UIT';
  return declared === requirement;
}

/** The category a field name belongs to. */
export function categoryOf(field: string): Category | undefined {
  return CATEGORIES.find((c) => c.field === field);
}

function childText(el: XElement, name: string): string | undefined {
  const c = kid(el, name);
  return c === undefined ? undefined : trimXml(stringValue(c));
}

/**
 * The profile of a `dossier` element, from its `overdrachtsoort` and `metadata/overstap`
 * (values trimmed). BB for overdrachtbinnenbrin whatever the overstap; undefined when the dossier
 * does not identify one of the six profiles.
 */
export function profileOf(dossier: XElement): ProfileCode | undefined {
  const metadata = kid(dossier, 'metadata');
  return profileFromCodes(
    childText(dossier, 'overdrachtsoort'),
    metadata === undefined ? undefined : childText(metadata, 'overstap'),
  );
}

/** The same for a dossier in the typed model (values trimmed as the standard means them). */
export function profileOfDossier(
  dossier: Pick<Dossier, 'overdrachtsoort' | 'metadata'>,
): ProfileCode | undefined {
  return profileFromCodes(dossier.overdrachtsoort?.trim(), dossier.metadata?.overstap?.trim());
}

function profileFromCodes(soort: string | undefined, overstap: string | undefined): ProfileCode | undefined {
  if (soort === 'overdrachtbinnenbrin') return 'BB';
  if (soort === 'overstapdossier' && (overstap === 'POPO' || overstap === 'POVO' || overstap === 'VOVO')) {
    return overstap;
  }
  if (soort === 'swv-dossier' && (overstap === 'POSWV' || overstap === 'VOSWV')) return overstap;
  return undefined;
}
