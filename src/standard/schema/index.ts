import { type ContentAutomaton, compileContent } from './automaton.js';

export { expectedNames } from './automaton.js';

import type { ComplexTypeDef, SimpleTypeDef, TypeDef } from './types.js';
import { SCHEMA } from './xsd.generated.js';

export type { ComplexTypeDef, ElementParticle, Particle, SimpleTypeDef, TypeDef } from './types.js';
export { SCHEMA };

export const OSO_NAMESPACE = SCHEMA.targetNamespace;

const automata = new Map<string, ContentAutomaton>();

export function typeDef(name: string): TypeDef {
  const t = SCHEMA.types[name];
  if (!t) throw new Error(`unknown schema type ${name}`);
  return t;
}

/** The content automaton of a complex type, compiled once. */
export function automatonOf(t: ComplexTypeDef): ContentAutomaton {
  let a = automata.get(t.name);
  if (!a) {
    a = compileContent(t);
    automata.set(t.name, a);
  }
  return a;
}

/** The type of the element named `name` in the content of `t`, when the name is unambiguous. */
export function childTypeByName(t: ComplexTypeDef, name: string): string | undefined {
  const a = automatonOf(t);
  let found: string | undefined;
  for (const p of a.positions) {
    if (p.name !== name) continue;
    if (found !== undefined && found !== p.type) return undefined;
    found = p.type;
  }
  return found;
}

// ---- simple values -----------------------------------------------------------------------------

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-](\d{2}):(\d{2}))?$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const BOOLEAN = /^(true|false|1|0)$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y === 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > days) return false;
  if (m[4] && m[4] !== 'Z') {
    const hh = Number(m[5]);
    const mm = Number(m[6]);
    if (hh > 14 || mm > 59 || (hh === 14 && mm !== 0)) return false;
  }
  return true;
}

const patternCache = new Map<string, RegExp>();
function xsdRegex(p: string): RegExp {
  let re = patternCache.get(p);
  if (!re) {
    // XSD regexes are anchored and `\d` means any Unicode decimal digit.
    re = new RegExp(`^(?:${p.replace(/\\d/g, '\\p{Nd}')})$`, 'u');
    patternCache.set(p, re);
  }
  return re;
}

export type ValueProblem =
  | { kind: 'lexical'; base: SimpleTypeDef['base'] }
  | { kind: 'minLength' | 'maxLength'; limit: number; actual: number }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'minInclusive' | 'maxInclusive'; limit: number };

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * Checks a value against a simple type, as a schema validator does: white space is collapsed
 * for the non-string types, facets are checked on the value. Returns null when it is valid.
 */
export function checkSimpleValue(t: SimpleTypeDef, raw: string): ValueProblem | null {
  let v = raw;
  if (t.base !== 'string') {
    v = raw.trim();
    const ok =
      t.base === 'boolean'
        ? BOOLEAN.test(v)
        : t.base === 'date'
          ? validDate(v)
          : t.base === 'decimal'
            ? DECIMAL.test(v)
            : INTEGER.test(v) && (t.base !== 'int' || Math.abs(Number(v)) <= 2147483648);
    if (!ok) return { kind: 'lexical', base: t.base };
    if (t.base === 'int' && Number(v) === 2147483648) return { kind: 'lexical', base: t.base };
  }
  if (t.minLength !== undefined || t.maxLength !== undefined) {
    // Lengths count characters (code points): never more than UTF-16 units, at least half of
    // them. Count precisely only when that can change the verdict.
    const max = t.maxLength ?? Number.POSITIVE_INFINITY;
    const min = t.minLength ?? 0;
    const len = v.length > max || (v.length < 2 * min && v.length >= min) ? codePointLength(v) : v.length;
    if (t.minLength !== undefined && len < t.minLength)
      return { kind: 'minLength', limit: t.minLength, actual: len };
    if (t.maxLength !== undefined && len > t.maxLength)
      return { kind: 'maxLength', limit: t.maxLength, actual: len };
  }
  if (t.patterns) {
    for (const p of t.patterns) if (!xsdRegex(p).test(v)) return { kind: 'pattern', pattern: p };
  }
  if (t.minInclusive !== undefined && Number(v) < t.minInclusive)
    return { kind: 'minInclusive', limit: t.minInclusive };
  if (t.maxInclusive !== undefined && Number(v) > t.maxInclusive)
    return { kind: 'maxInclusive', limit: t.maxInclusive };
  return null;
}

/** The type behind a type name, following simple content to its simple type. */
export function valueTypeOf(typeName: string): SimpleTypeDef | undefined {
  const t = typeDef(typeName);
  if (t.kind === 'simple') return t;
  return t.simpleContent ? valueTypeOf(t.simpleContent) : undefined;
}
