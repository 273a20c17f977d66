/**
 * The shared machinery of the rule engine: the finding sink, the way values are read in each
 * mode, and the crash the official stylesheets would have hit.
 *
 * Official mode reads values like the XPath 2.0 stylesheets: codelist values per text node,
 * comparisons on untrimmed string values, `xs:boolean()` that fails on an invalid lexical value
 * (FORG0001) and `xs:boolean()`/`xs:string()` that fail on more than one element (XPTY0004).
 * Strict mode reads the whitespace-trimmed string value and never crashes.
 */
import type { Message } from '../errors.js';
import type { Finding, Severity, ValidationMode } from '../findings.js';
import { pathOf, type XElement } from '../xml/tree.js';
import { type MessageParams, message } from './messages.js';
import { OSO_NAMESPACE, stringValue, trimXml } from './xpath.js';

/** The dynamic error that would have stopped the official stylesheet: no verdict at all. */
export class OfficialAbort extends Error {
  constructor(readonly code: 'XPTY0004' | 'FORG0001') {
    super(`official stylesheet would stop with ${code}`);
    this.name = 'OfficialAbort';
  }
}

/** Collects findings; `null` as element means the document itself (`/[1]`). */
export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(readonly root: XElement) {}

  add(
    rule: string,
    el: XElement | null,
    variant = '_',
    params?: MessageParams,
    severity: Severity = 'fout',
  ): void {
    this.push(rule, el, message(rule, variant, params), severity);
  }

  push(rule: string, el: XElement | null, msg: Message, severity: Severity = 'fout'): void {
    const at = el ?? this.root;
    this.findings.push({
      rule,
      severity,
      path: el === null ? '/[1]' : pathOf(el),
      line: at.line,
      column: at.column,
      message: msg,
    });
  }
}

/** How a rule reads values; one implementation per mode. */
export interface ValueReader {
  readonly mode: ValidationMode;
  /** `xs:boolean(parent/od:name)`: true or false, null when there is no such element. */
  bool(parent: XElement, name: string): boolean | null;
  /** `xs:string(parent/od:name) = value`. */
  strEq(parent: XElement, name: string, value: string): boolean;
  /** `parent/od:name = value`: some such element has this value. */
  anyEq(parent: XElement, name: string, value: string): boolean;
  /** The value of one element as compared by `el = value`. */
  value(el: XElement): string;
}

function osoKids(parent: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of parent.children) if (c.name === name && c.ns === OSO_NAMESPACE) out.push(c);
  return out;
}

/** The xs:boolean lexical space after whitespace collapsing; null when invalid. */
export function parseBoolean(raw: string): boolean | null {
  const v = trimXml(raw);
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return null;
}

export const officialReader: ValueReader = {
  mode: 'official',
  bool(parent, name) {
    const els = osoKids(parent, name);
    if (els.length === 0) return null;
    if (els.length > 1) throw new OfficialAbort('XPTY0004');
    const b = parseBoolean(stringValue(els[0]));
    if (b === null) throw new OfficialAbort('FORG0001');
    return b;
  },
  strEq(parent, name, value) {
    const els = osoKids(parent, name);
    if (els.length === 0) return false;
    if (els.length > 1) throw new OfficialAbort('XPTY0004');
    return stringValue(els[0]) === value;
  },
  anyEq(parent, name, value) {
    for (const c of parent.children) {
      if (c.name === name && c.ns === OSO_NAMESPACE && stringValue(c) === value) return true;
    }
    return false;
  },
  value: stringValue,
};

export const strictReader: ValueReader = {
  mode: 'strict',
  bool(parent, name) {
    for (const c of parent.children) {
      if (c.name === name && c.ns === OSO_NAMESPACE) return parseBoolean(stringValue(c));
    }
    return null;
  },
  strEq(parent, name, value) {
    for (const c of parent.children) {
      if (c.name === name && c.ns === OSO_NAMESPACE) return trimXml(stringValue(c)) === value;
    }
    return false;
  },
  anyEq(parent, name, value) {
    for (const c of parent.children) {
      if (c.name === name && c.ns === OSO_NAMESPACE && trimXml(stringValue(c)) === value) return true;
    }
    return false;
  },
  value: (el) => trimXml(stringValue(el)),
};

/** Whether one of the element's own text nodes is exactly `code` (`text() = 'code'`). */
export function someTextNodeIs(el: XElement, codes: (code: string) => boolean): boolean {
  const t = el.texts;
  if (t === null) return false;
  for (const s of t) if (codes(s)) return true;
  return false;
}
