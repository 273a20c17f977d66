/**
 * The element tree that every part of `src/standard` reads: the validator (both modes), the
 * business rules and the model builder. It keeps what the official validation depends on —
 * namespaces, the separate text nodes of a value, the position of every start tag — and nothing
 * more (no comments, no processing instructions).
 */
export interface XElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by local name (namespaced ones as `{uri}local`); null when there are none. */
  attrs: Record<string, string> | null;
  children: XElement[];
  /**
   * The element's own text nodes in document order. Adjacent character data and CDATA form one
   * node; a comment or processing instruction between them starts a new one (as in XPath).
   * Null when the element holds no text at all.
   */
  texts: string[] | null;
  parent: XElement | null;
  /** 1-based line and column of the `<` of the start tag. */
  line: number;
  column: number;
}

export interface XDocument {
  root: XElement;
  /** The encoding the bytes were read with. */
  encoding: string;
  /** A DOCTYPE was present (and refused); its entities were never expanded. */
  hadDoctype: boolean;
}

/** The concatenated text of an element, as a schema validator sees its value. */
export function textOf(el: XElement): string {
  const t = el.texts;
  if (t === null) return '';
  return t.length === 1 ? t[0] : t.join('');
}

/** True when the element has text that is not only white space. */
export function hasSignificantText(el: XElement): boolean {
  const t = el.texts;
  if (t === null) return false;
  for (const s of t) if (/\S/.test(s)) return true;
  return false;
}

export function childrenNamed(el: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.name === name) out.push(c);
  return out;
}

export function firstChild(el: XElement, name: string): XElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/**
 * The path of an element in the official form: local names from the root, each with its
 * 1-based position among siblings of the same name, e.g. `/dossier[1]/huidigeschool[1]`.
 */
export function pathOf(el: XElement): string {
  const parts: string[] = [];
  let cur: XElement | null = el;
  while (cur !== null) {
    let pos = 1;
    const parent: XElement | null = cur.parent;
    if (parent !== null) {
      for (const sib of parent.children) {
        if (sib === cur) break;
        if (sib.name === cur.name) pos++;
      }
    }
    parts.push(`${cur.name}[${pos}]`);
    cur = parent;
  }
  return `/${parts.reverse().join('/')}`;
}

/** Every element below `el` (not `el` itself) in document order. */
export function* descendants(el: XElement): Generator<XElement> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}
