/**
 * Values for people: dates as "12 maart 2012", booleans as Ja/Nee, codes with their label
 * ("havo (60)"), sizes as "12,3 kB", names as they are spoken.
 */
import { CODELIST_BY_NUMBER, CODELISTS_BY_FIELD, type Codelist, codeLabel } from '../codelists.js';
import type { Message } from '../errors.js';
import { type RenderLang, T } from './texts.js';

/** What every part of the renderer needs: the language of the frame. */
export interface RenderContext {
  lang: RenderLang;
  t(message: Message): string;
}

export function renderContext(lang: RenderLang): RenderContext {
  return { lang, t: (m) => m[lang] };
}

const MONTHS: Record<RenderLang, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const ISO_DATE = /^\s*(-?\d{4,})-(\d{2})-(\d{2})/;
const DMY_DATE = /^\s*(\d{2})-(\d{2})-(\d{4})\s*$/;
const YEAR_MONTH = /^\s*(\d{4})-(\d{2})\s*$/;

function dayMonthYear(d: number, mo: number, y: string, lang: RenderLang): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${d} ${MONTHS[lang][mo - 1]} ${y}`;
}

/** An xs:date (`2012-03-12`, a time zone is ignored) as "12 maart 2012"; anything else as written. */
export function formatDate(value: string | undefined, lang: RenderLang): string {
  if (value === undefined) return '';
  const iso = ISO_DATE.exec(value);
  if (iso) return dayMonthYear(Number(iso[3]), Number(iso[2]), iso[1], lang) ?? value.trim();
  const dmy = DMY_DATE.exec(value);
  if (dmy) return dayMonthYear(Number(dmy[1]), Number(dmy[2]), dmy[3], lang) ?? value.trim();
  return value.trim();
}

/** `2003-03` as "maart 2003". */
export function formatYearMonth(value: string | undefined, lang: RenderLang): string {
  if (value === undefined) return '';
  const ym = YEAR_MONTH.exec(value);
  if (!ym) return value.trim();
  const mo = Number(ym[2]);
  return mo >= 1 && mo <= 12 ? `${MONTHS[lang][mo - 1]} ${ym[1]}` : value.trim();
}

/** A period "12 maart 2012 – 31 juli 2013"; either end may be missing. */
export function formatPeriod(from: string | undefined, to: string | undefined, lang: RenderLang): string {
  const a = formatDate(from, lang);
  const b = formatDate(to, lang);
  if (a && b) return `${a} – ${b}`;
  if (a) return lang === 'nl' ? `vanaf ${a}` : `from ${a}`;
  if (b) return lang === 'nl' ? `tot ${b}` : `until ${b}`;
  return '';
}

export function formatBoolean(value: boolean | undefined, ctx: RenderContext): string {
  if (value === undefined) return '';
  return ctx.t(value ? T.yes : T.no);
}

/** A size in bytes as "340 bytes", "12,3 kB", "1,2 MB" (decimal comma in Dutch). */
export function formatSize(bytes: number, lang: RenderLang): string {
  const nf = (n: number) =>
    new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} kB`;
  return `${nf(bytes / (1024 * 1024))} MB`;
}

// ---- codes -------------------------------------------------------------------------------------

/** Whether the label already says what the code says ("havo" for HAVO, "vrouw" for 1 is not). */
function labelCoversCode(label: string, code: string): boolean {
  return label.toLowerCase().includes(code.toLowerCase());
}

/**
 * Lists whose codes mean nothing to a reader once the label is there (gender 1/2, kind of
 * address, Ja/Nee …): these show the label alone.
 */
const LABEL_ONLY = new Set([4, 5, 10, 14, 18, 19, 29, 35, 36, 37, 41, 44, 48]);

/**
 * A code with its label: "havo (60)", "Vrouw"; "code 42" or the code itself when the list has no
 * label for it. A label shown alone starts with a capital unless `lower` is set.
 */
export function formatCode(
  list: Codelist | undefined,
  value: string | undefined,
  ctx: RenderContext,
  lower = false,
): string {
  if (value === undefined) return '';
  const code = value.trim();
  if (list === undefined) return code;
  const label =
    codeLabel(list, code) ?? (list.valueType === 'integer' ? integerLabel(list, code) : undefined);
  // A bare number says nothing to a reader; mark it as a code at least.
  if (label === undefined) return /^\d+$/.test(code) ? ctx.t(T.codeOnly(code)) : code;
  if (LABEL_ONLY.has(list.number)) return lower ? label : capitaliseFirst(label);
  if (labelCoversCode(label, code)) return label;
  return `${label} (${code})`;
}

function capitaliseFirst(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/** Integer-valued lists: `02` means code 2. */
function integerLabel(list: Codelist, code: string): string | undefined {
  if (!/^[+-]?\d+$/.test(code)) return undefined;
  return codeLabel(list, String(Number(code)));
}

/** Whether codelist `number` has a label for this code. */
export function hasCodeLabel(number: number, value: string | undefined): boolean {
  const list = CODELIST_BY_NUMBER.get(number);
  return list !== undefined && value !== undefined && codeLabel(list, value.trim()) !== undefined;
}

/** A code of codelist `number`. */
export function coded(number: number, value: string | undefined, ctx: RenderContext, lower = false): string {
  return formatCode(CODELIST_BY_NUMBER.get(number), value, ctx, lower);
}

/**
 * The codelist of a field, found by its element name and its ancestors (nearest first), as the
 * validation applies them: `['overstapadvies', 'leerling', …]` for `advies`.
 */
export function codelistOf(name: string, ancestors: readonly string[]): Codelist | undefined {
  const candidates = CODELISTS_BY_FIELD.get(name);
  if (candidates === undefined) return undefined;
  for (const c of candidates) {
    if (c.parents.every((p, i) => ancestors[i] === p)) return c.list;
  }
  return undefined;
}

// ---- names -------------------------------------------------------------------------------------

export interface NameParts {
  voornaam?: string[];
  'voorletters-1'?: string;
  voorvoegsel?: string;
  achternaam: string;
  roepnaam?: string;
}

const clean = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');

/** The name as people use it: roepnaam (or first name, or initials), prefix, surname. */
export function displayName(p: NameParts): string {
  const first = clean(p.roepnaam) || clean(p.voornaam?.[0]) || clean(p['voorletters-1']);
  return [first, clean(p.voorvoegsel), clean(p.achternaam)].filter((s) => s !== '').join(' ');
}

/** The formal name: all first names (or initials), prefix, surname. */
export function formalName(p: NameParts): string {
  const first =
    (p.voornaam ?? [])
      .map(clean)
      .filter((s) => s !== '')
      .join(' ') || clean(p['voorletters-1']);
  return [first, clean(p.voorvoegsel), clean(p.achternaam)].filter((s) => s !== '').join(' ');
}

/** A BRIN with its location: "00YY-00". */
export function brinText(brin: string | undefined, vestiging: string | undefined): string {
  const b = clean(brin);
  const v = clean(vestiging);
  return b && v ? `${b}-${v}` : b || v;
}
