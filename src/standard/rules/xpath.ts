/**
 * Small helpers that read the element tree the way the official XPath 2.0 stylesheets do, plus
 * the per-document element index the rules share so that no rule scans the whole tree itself.
 */
import type { XElement } from '../xml/tree.js';

export const OSO_NAMESPACE = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

export function isOso(el: XElement): boolean {
  return el.ns === OSO_NAMESPACE;
}

/**
 * The XPath string value: the text of the element and all its descendants. Exact for leaf
 * elements (every value the rules read); for mixed content, which only schema-invalid input has,
 * the element's own text comes first.
 */
export function stringValue(el: XElement): string {
  const own = el.texts === null ? '' : el.texts.length === 1 ? el.texts[0] : el.texts.join('');
  if (el.children.length === 0) return own;
  let s = own;
  for (const c of el.children) s += stringValue(c);
  return s;
}

/** Children with this local name in the OSO namespace (`od:name`). */
export function kids(el: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.name === name && c.ns === OSO_NAMESPACE) out.push(c);
  return out;
}

/** The first child with this local name in the OSO namespace. */
export function kid(el: XElement, name: string): XElement | undefined {
  for (const c of el.children) if (c.name === name && c.ns === OSO_NAMESPACE) return c;
  return undefined;
}

export function hasKid(el: XElement, name: string): boolean {
  return kid(el, name) !== undefined;
}

/** `el/od:a/od:b/…`: every element reached by the relative path. */
export function select(el: XElement, path: readonly string[]): XElement[] {
  let cur: XElement[] = [el];
  for (const name of path) {
    const next: XElement[] = [];
    for (const e of cur)
      for (const c of e.children) if (c.name === name && c.ns === OSO_NAMESPACE) next.push(c);
    if (next.length === 0) return next;
    cur = next;
  }
  return cur;
}

/** Whether `el/od:a/od:b/…` selects anything (stops at the first hit). */
export function exists(el: XElement, path: readonly string[], from = 0): boolean {
  if (from === path.length) return true;
  const name = path[from];
  for (const c of el.children) {
    if (c.name === name && c.ns === OSO_NAMESPACE && exists(c, path, from + 1)) return true;
  }
  return false;
}

/**
 * Whether the ancestors of `el` are, from its parent upwards, the OSO elements `parents`
 * (nearest first), and the topmost of them satisfies `top`:
 * - `'element'`: it has an element parent (`/descendant::* / od:a/…`),
 * - `'any'`: anywhere, also as the root (`//od:a/…`).
 */
export function hasAncestors(el: XElement, parents: readonly string[], top: 'element' | 'any'): boolean {
  let cur: XElement = el;
  for (const name of parents) {
    const p = cur.parent;
    if (p === null || p.name !== name || p.ns !== OSO_NAMESPACE) return false;
    cur = p;
  }
  return top === 'any' || cur.parent !== null;
}

/** Elements of one document (or one subtree) in the OSO namespace, by local name, in document order. */
export type ElementIndex = Map<string, XElement[]>;

const EMPTY: XElement[] = [];

export function buildIndex(root: XElement): ElementIndex {
  const index: ElementIndex = new Map();
  const stack: XElement[] = [root];
  // Depth-first, document order: push children in reverse.
  while (stack.length > 0) {
    const el = stack.pop() as XElement;
    if (el.ns === OSO_NAMESPACE) {
      const list = index.get(el.name);
      if (list === undefined) index.set(el.name, [el]);
      else list.push(el);
    }
    const ch = el.children;
    for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
  }
  return index;
}

export function named(index: ElementIndex, name: string): XElement[] {
  return index.get(name) ?? EMPTY;
}

/** XML white space, as the schema's whiteSpace facet and xs:boolean casts see it. */
export function trimXml(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Length in Unicode code points (`fn:string-length`), not UTF-16 units. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
