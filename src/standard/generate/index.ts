/**
 * Synthetic overstapdossiers for tests, demos and benchmarks: realistic Dutch pupils, families,
 * schools, advice, support data, test results and attachments, valid against the 2019.1 schema,
 * the business rules and the profile's category table. Everything is drawn from a seeded random
 * stream: the same seed and index always give the same dossier, byte for byte.
 *
 * ```ts
 * const dossier = generateDossier({ profile: 'POVO', seed: 42 }, 0);
 * for (const d of generateDossiers({ profile: 'VOVO', seed: 'demo', count: 100 })) …
 * ```
 */
import { writeDossier } from '../dossier-io.js';
import type { Document, Dossier } from '../model.js';
import { type CategoryField, PROFILE_CODES, type ProfileCode, requirementOf } from '../profiles.js';
import { type AttachmentMode, scanDocument } from './attachments.js';
import { buildDossier } from './build-dossier.js';
import { iso, parseSchoolYear, type SchoolYear } from './calendar.js';
import { declareCategories } from './categories.js';
import { Random } from './random.js';
import type { SchoolOverride } from './school.js';

export type { AttachmentMode } from './attachments.js';
export { CLASS_SIZE, type SchoolOverride } from './school.js';

export interface GenerateOptions {
  profile: ProfileCode;
  /** Any number or text; the default is 0. */
  seed?: number | string;
  /** `none`, `small` (the default: a few tiny real files) or `realistic` (10–60 KB each). */
  attachments?: AttachmentMode;
  /**
   * Pad with scanned attachments until the written XML is just under this many bytes, for
   * benchmarks: 20 KB, 200 KB, 5 MB, 50 MB. Optional content is left out when the dossier alone
   * is larger; a dossier that cannot shrink enough is returned as small as it gets.
   */
  targetBytes?: number;
  /** The sending school (its name made up when not given); by default one is made up per class of 28 dossiers. */
  school?: SchoolOverride;
  /** The school year of the transfer, `YYYY-YYYY`; default 2025-2026. */
  schooljaar?: string;
}

export const DEFAULT_SCHOOLJAAR = '2025-2026';
export const DEFAULT_ATTACHMENTS: AttachmentMode = 'small';
/** Largest accepted size target (1 GiB). */
export const MAX_TARGET_BYTES = 1024 * 1024 * 1024;

interface Normalized {
  profile: ProfileCode;
  seed: string;
  attachments: AttachmentMode;
  year: SchoolYear;
  school?: SchoolOverride;
  targetBytes?: number;
}

/** Whether a text is a school year the generator accepts: `YYYY-YYYY`, consecutive, 2000–2100. */
export function isSchoolYear(label: string): boolean {
  const year = parseSchoolYear(label);
  return year !== undefined && year.start >= 2000 && year.start <= 2100;
}

/** Checks the options; a wrong option is a programming error (the CLI checks user input first). */
function normalize(options: GenerateOptions): Normalized {
  if (!PROFILE_CODES.includes(options.profile))
    throw new RangeError(`unknown profile ${String(options.profile)}`);
  const attachments = options.attachments ?? DEFAULT_ATTACHMENTS;
  if (!['none', 'small', 'realistic'].includes(attachments)) {
    throw new RangeError(`unknown attachments mode ${String(attachments)}`);
  }
  const label = options.schooljaar ?? DEFAULT_SCHOOLJAAR;
  const year = parseSchoolYear(label);
  if (year === undefined || !isSchoolYear(label)) {
    throw new RangeError(`schooljaar must be YYYY-YYYY between 2000 and 2100, not ${label}`);
  }
  const t = options.targetBytes;
  if (t !== undefined && !(Number.isFinite(t) && t > 0 && t <= MAX_TARGET_BYTES)) {
    throw new RangeError(`targetBytes must be a positive number up to ${MAX_TARGET_BYTES}`);
  }
  const s = options.school;
  if (
    s &&
    !(/^[0-9]{2}[A-Z]{2}$/.test(s.brincode) && /^[0-9]{2}$/.test(s.vestigingscode) && s.naam?.trim() !== '')
  ) {
    throw new RangeError('school needs a brincode (99XX), a vestigingscode (99) and, when given, a naam');
  }
  return {
    profile: options.profile,
    seed: String(options.seed ?? 0),
    attachments,
    year,
    school: s,
    targetBytes: t,
  };
}

/** Dossier `index` (0, 1, 2, …) of the seed: always the same for the same options. */
export function generateDossier(options: GenerateOptions, index: number): Dossier {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a whole number ≥ 0`);
  const o = normalize(options);
  const build = (attachments: AttachmentMode, leaveOut?: ReadonlySet<CategoryField>) =>
    buildDossier({
      profile: o.profile,
      seed: o.seed,
      index,
      year: o.year,
      attachments,
      school: o.school,
      leaveOut,
    });
  if (o.targetBytes === undefined) return build(o.attachments);
  return buildToSize(o, index, o.targetBytes, build);
}

/** Dossiers 0 … count−1 (or from `start`), one at a time. */
export function* generateDossiers(
  options: GenerateOptions & { count: number; start?: number },
): Generator<Dossier, void, undefined> {
  const start = options.start ?? 0;
  for (let i = start; i < start + options.count; i++) yield generateDossier(options, i);
}

/** Optional categories in the order they are left out when a dossier is too big for its target. */
const LEAVE_OUT_ORDER: readonly CategoryField[] = [
  'cat_bijlagedocs',
  'cat_toetsresultaten',
  'cat_cijferlijsten',
  'cat_vombo',
  'cat_verzuim',
  'cat_vve',
  'cat_handelingsplannen',
  'cat_onderwijsondersteuning',
  'cat_eindtoetsbo',
  'cat_overstapadvies',
  'cat_schoolloopbaan',
  'cat_oudersverzorgers',
  'cat_ouderinzage',
];

const LOWER_MODE: Record<AttachmentMode, AttachmentMode | undefined> = {
  realistic: 'small',
  small: 'none',
  none: undefined,
};

/** Largest padding attachment (base64 characters); keeps each under the readers' limits. */
const MAX_PAD = 4 * 1024 * 1024;
/** Typical padding attachment: about the size of a scanned page. */
const TYPICAL_PAD = 40_000;
/** Below this many bytes short of the target, no padding is added. */
const MIN_PAD = 1_500;

const SCAN_TOPICS = [
  ['rapport', 'Gescand rapport'],
  ['leerlingbespreking', 'Verslag van de leerlingbespreking (scan)'],
  ['oudergesprek', 'Verslag van het oudergesprek (scan)'],
  ['observatie', 'Observatie in de klas (scan)'],
  ['onderzoeksverslag', 'Onderzoeksverslag extern (scan)'],
  ['medische-verklaring', 'Medische verklaring (scan)'],
] as const;

function buildToSize(
  o: Normalized,
  index: number,
  target: number,
  build: (mode: AttachmentMode, leaveOut?: ReadonlySet<CategoryField>) => Dossier,
): Dossier {
  // Make room: lighter attachments first, then optional categories, until the content fits.
  let mode: AttachmentMode | undefined = o.attachments;
  const leaveOut = new Set<CategoryField>();
  const optional = LEAVE_OUT_ORDER.filter((f) => requirementOf(o.profile, f) === 'OPTIONEEL');
  let dossier = build(mode, leaveOut);
  let size = writeDossier(dossier).length;
  while (size > target - MIN_PAD) {
    const lower: AttachmentMode | undefined = LOWER_MODE[mode];
    if (lower !== undefined) mode = lower;
    else {
      const next = optional.find((f) => !leaveOut.has(f));
      if (next === undefined) return dossier;
      leaveOut.add(next);
    }
    dossier = build(mode, leaveOut);
    size = writeDossier(dossier).length;
  }
  const remaining = target - size;
  const count = Math.max(
    Math.ceil(remaining / MAX_PAD),
    Math.min(24, Math.max(1, Math.floor(remaining / TYPICAL_PAD))),
  );
  const rng = new Random(o.seed, o.profile, 'padding', index);
  const leerling = dossier.huidigeschool.leerling;
  const names = Array.from({ length: count }, (_, i) => {
    const [topic, omschrijving] = SCAN_TOPICS[i % SCAN_TOPICS.length];
    return { bestandsnaam: `scan-${topic}-${i + 1}.${i % 2 === 0 ? 'pdf' : 'png'}`, omschrijving };
  });
  // Measure the document wrappers with a 4-character stand-in, then fill each to its share.
  const list: Document[] = leerling.overigdocumentlijst?.document ?? [];
  const start = list.length;
  for (const n of names) list.push({ ...n, bestandsinhoud: 'AAAA' });
  leerling.overigdocumentlijst = { document: list };
  dossier.metadata.categorie_uitlevering = declareCategories(dossier, o.profile);
  const wrapped = writeDossier(dossier).length;
  // A little under the exact share: a scan can come out a few bytes larger than asked.
  const share = Math.floor((target - wrapped + 4 * count - 48 * count) / count / 4) * 4;
  if (share < 64) {
    list.splice(start);
    if (list.length === 0) delete leerling.overigdocumentlijst;
    dossier.metadata.categorie_uitlevering = declareCategories(dossier, o.profile);
    return dossier;
  }
  const created = parseDay(dossier.metadata.datum);
  names.forEach((n, i) => {
    // A PDF has about 1.5 KB of structure; small scans are PNG only.
    const bestandsnaam = share < 8_000 ? n.bestandsnaam.replace(/\.pdf$/, '.png') : n.bestandsnaam;
    list[start + i] = scanDocument(rng, share, bestandsnaam, n.omschrijving, created);
  });
  return dossier;
}

function parseDay(isoDate: string): number {
  const d = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
  if (iso(d) !== isoDate) throw new RangeError(`not a date: ${isoDate}`);
  return d;
}
