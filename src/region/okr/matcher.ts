import type { Message } from '../../standard/index.js';
import { OSO_ELEMENTS, type OsoElement } from './catalogue.js';
import { SYNONYMS, type Synonym } from './synonyms.js';

/**
 * Suggests, for one field of a region's transfer report (OKR), the elements of the OSO gegevensset
 * it corresponds to — or that the gegevensset has no element for it. Two sources, in this order of
 * trust: the curated synonym list (a term of the list in the field's name), then the likeness of
 * the name to an element's label (character trigrams and shared words). Pure and deterministic:
 * the same field always gets the same suggestions in the same order, whatever the order of the
 * catalogue; ties are broken by the element's path.
 */

export type SuggestionReason =
  | { kind: 'synonym'; term: string }
  /** A term of the synonym list in the field's section (when its name has none). */
  | { kind: 'section'; term: string }
  /** `label` is the element label (with its block) that the name resembles. */
  | { kind: 'name'; label: string };

export interface Suggestion {
  /** The elements (paths) the field corresponds to; empty when the suggestion is "not in OSO". */
  elements: string[];
  notInOso: boolean;
  /** 0..1: a synonym 0.8–1, a name likeness 0.75 × the likeness (so never above a synonym). */
  score: number;
  reason: SuggestionReason;
  /** For "not in OSO": elements that come closest (never a match). */
  nearest?: string[];
  note?: Message;
}

export interface OkrFieldText {
  name: string;
  section?: string | null;
  description?: string | null;
}

/** At most this many suggestions per field. */
export const MAX_SUGGESTIONS = 3;
/** Name likeness below this is no suggestion. */
const MIN_LIKENESS = 0.55;

/** Lower case, no accents, words of letters and digits separated by single spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STOPWORDS = new Set([
  'de',
  'het',
  'een',
  'van',
  'en',
  'of',
  'in',
  'op',
  'met',
  'voor',
  'naar',
  'aan',
  'bij',
  'te',
  'door',
  'per',
  'om',
  'die',
  'dat',
  'is',
  'zijn',
  'wel',
  'niet',
  'ja',
  'nee',
  'leerling',
]);

/**
 * Remembers what is computed from a text: the catalogue's labels are compared with every field, so
 * their words and trigrams are made once. Bounded: the memory is cleared when it grows large.
 */
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    let value = memory.get(text);
    if (value === undefined) {
      if (memory.size >= 20_000) memory.clear();
      value = compute(text);
      memory.set(text, value);
    }
    return value;
  };
}

const words = remembered((normalised: string) =>
  normalised.split(' ').filter((w) => w !== '' && !STOPWORDS.has(w)),
);

const trigrams = remembered((text: string): { grams: Map<string, number>; total: number } => {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return { grams, total: Math.max(0, padded.length - 2) };
});

/** Dice coefficient of the character trigrams of two normalised texts. */
export function trigramLikeness(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const x = trigrams(a);
  const y = trigrams(b);
  const [small, large] = x.grams.size <= y.grams.size ? [x.grams, y.grams] : [y.grams, x.grams];
  let shared = 0;
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (x.total + y.total);
}

const sameWords = new Map<string, Map<string, boolean>>();

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // Short words are only the same as themselves; words of very different length never.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 5 || short.length / long.length < 0.45) return false;
  let row = sameWords.get(short);
  if (row === undefined) {
    if (sameWords.size >= 10_000) sameWords.clear();
    row = new Map();
    sameWords.set(short, row);
  }
  let same = row.get(long);
  if (same === undefined) {
    same = compareWords(a, b);
    row.set(long, same);
  }
  return same;
}

function compareWords(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Dutch compounds and inflections: "toets" ~ "toetsen", "verzuim" ~ "verzuimgegevens" — but
  // not a short word at the start of a long one ("datum" is no "datuminschrijving").
  if (short.length >= 5 && long.startsWith(short) && short.length / long.length >= 0.45) return true;
  return short.length >= 5 && trigramLikeness(a, b) >= 0.75;
}

/** Dice coefficient over words, where inflected and compound forms count as the same word. */
function wordLikeness(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const w of x) {
    const i = y.findIndex((v, index) => !used.has(index) && sameWord(w, v));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return (2 * matched) / (x.length + y.length);
}

const likeness = (a: string, b: string) => Math.max(trigramLikeness(a, b), wordLikeness(a, b));

// ---- synonyms -------------------------------------------------------------------------------------

interface PreparedSynonym {
  synonym: Synonym;
  terms: Array<{ term: string; normalised: string }>;
}

const PREPARED: readonly PreparedSynonym[] = SYNONYMS.map((synonym) => ({
  synonym,
  terms: synonym.terms.map((term) => ({ term, normalised: normalise(term) })),
}));

/** How well a term occurs in a name: the whole name, a phrase of whole words, or inside a word. */
function termQuality(name: string, term: string): number {
  if (name === term) return 1;
  if (` ${name} `.includes(` ${term} `)) return 0.9;
  // Inside a compound word ("dyslexie" in "dyslexieverklaring"): only for longer single words.
  if (term.length >= 7 && !term.includes(' ') && name.includes(term)) return 0.8;
  return 0;
}

function synonymSuggestions(name: string): Array<Suggestion & { rank: number }> {
  const out: Array<Suggestion & { rank: number }> = [];
  for (const { synonym, terms } of PREPARED) {
    let best: { quality: number; term: string; length: number } | undefined;
    for (const t of terms) {
      const quality = termQuality(name, t.normalised);
      if (quality === 0) continue;
      if (
        !best ||
        quality > best.quality ||
        (quality === best.quality && t.normalised.length > best.length)
      ) {
        best = { quality, term: t.term, length: t.normalised.length };
      }
    }
    if (!best) continue;
    const target = synonym.target;
    out.push({
      elements: 'elements' in target ? [...target.elements] : [],
      notInOso: 'notInOso' in target,
      score: best.quality,
      // A longer term is more specific: it ranks first among equal scores.
      rank: best.quality * 1000 + best.length,
      reason: { kind: 'synonym', term: best.term },
      ...('notInOso' in target && target.nearest ? { nearest: [...target.nearest] } : {}),
      ...(synonym.note ? { note: synonym.note } : {}),
    });
  }
  return out;
}

// ---- names ----------------------------------------------------------------------------------------

interface PreparedElement {
  element: OsoElement;
  label: string;
  name: string;
  full: string;
}

const ELEMENTS: readonly PreparedElement[] = OSO_ELEMENTS.map((element) => ({
  element,
  label: normalise(element.label.nl),
  name: normalise(element.name.replace(/_/g, ' ')),
  full: normalise(`${element.context.nl} ${element.label.nl}`),
}));

/**
 * How much of a field's words (with its section) an element's label with its blocks covers — only
 * when the label itself has one of the field's own words ("Datum" in section "Eindtoets" is the
 * date of the final test, not any date).
 */
function contextCoverage(name: string, section: string, p: PreparedElement): number {
  const own = words(name);
  const all = [...words(section), ...own];
  const label = words(p.label);
  const full = words(p.full);
  if (all.length === 0 || !own.some((w) => label.some((v) => sameWord(w, v)))) return 0;
  return all.filter((w) => full.some((v) => sameWord(w, v))).length / all.length;
}

function nameSuggestions(name: string, section: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const p of ELEMENTS) {
    // A field in a section is about that section: an element elsewhere resembles it less.
    const elsewhere =
      section !== '' && !words(section).some((w) => words(p.full).some((v) => sameWord(w, v)));
    const own = (elsewhere ? 0.8 : 1) * Math.max(likeness(name, p.label), likeness(name, p.name));
    const inContext = section === '' ? 0 : 0.9 * contextCoverage(name, section, p);
    const best = Math.max(own, inContext, 0.9 * likeness(name, p.full));
    if (best < MIN_LIKENESS) continue;
    const label = p.element.context.nl
      ? `${p.element.context.nl} › ${p.element.label.nl}`
      : p.element.label.nl;
    out.push({
      elements: [p.element.path],
      notInOso: false,
      score: Math.round(0.75 * best * 1000) / 1000,
      reason: { kind: 'name', label },
    });
  }
  return out;
}

const keyOf = (s: Suggestion) => (s.notInOso ? 'not-in-oso' : [...s.elements].sort().join('|'));
/** Among equal scores the element nearer the top of the dossier first, then by path. */
const depthOf = (s: Suggestion) => Math.min(...s.elements.map((e) => e.split('/').length), 99);
const byScore = (a: Suggestion, b: Suggestion) =>
  b.score - a.score || depthOf(a) - depthOf(b) || keyOf(a).localeCompare(keyOf(b));

/** The suggestions for one field, best first (at most MAX_SUGGESTIONS); none when nothing fits. */
export function suggestElements(field: OkrFieldText): Suggestion[] {
  const name = normalise(field.name);
  if (name === '') return [];
  const section = normalise(field.section ?? '');
  const ranked = (list: Array<Suggestion & { rank: number }>) =>
    list
      .sort((a, b) => b.rank - a.rank || keyOf(a).localeCompare(keyOf(b)))
      .map(({ rank: _rank, ...s }) => s);
  let synonyms = ranked(synonymSuggestions(name));
  if (synonyms.length === 0 && section !== '') {
    // The section says what the field is about ("Rekenen" under "Toetsgegevens"), less surely.
    synonyms = ranked(synonymSuggestions(section)).map((s) => ({
      ...s,
      score: Math.round(0.6 * s.score * 1000) / 1000,
      reason: { kind: 'section', term: s.reason.kind === 'name' ? '' : s.reason.term },
      // The synonym's note is about its own words, not about this field's.
      note: undefined,
    }));
  }
  const names = nameSuggestions(name, section);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of [...synonyms, ...names].sort(byScore)) {
    const key = keyOf(s);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}
