/**
 * General rules OG.01–OG.05, for every profile. They are local to one element, so one pass over
 * the indexed elements does for both modes; the modes differ in how values are read and in the
 * e-mail pattern (official: anchored only at its end; strict: the whole value).
 */
import type { XElement } from '../xml/tree.js';
import { type FindingSink, OfficialAbort, type ValueReader } from './context.js';
import {
  codePointLength,
  type ElementIndex,
  hasAncestors,
  kid,
  kids,
  named,
  stringValue,
  trimXml,
} from './xpath.js';

const LOCAL = /^[a-zA-Z0-9!#$%*+=?^_`{|}~.-]$/;
const LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/** `label(.label)*` with DUO's label syntax. */
function isDomain(s: string): boolean {
  if (s.length === 0) return false;
  for (const label of s.split('.')) if (!LABEL.test(label)) return false;
  return true;
}

/**
 * The official test `matches(address, '[local]+@domain$')`: some suffix of the address matches.
 * The domain part cannot hold an @, so only the last @ can start it; one allowed character
 * before it is enough for `[local]+`. Linear, unlike the regular expression on hostile input.
 */
export function emailSuffixMatches(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  return LOCAL.test(address[at - 1]) && isDomain(address.slice(at + 1));
}

/** The same pattern anchored at both ends: the whole address must match. */
export function emailMatches(address: string): boolean {
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return false;
  for (let i = 0; i < at; i++) if (!LOCAL.test(address[i])) return false;
  return isDomain(address.slice(at + 1));
}

/** `xs:string(parent/od:name)` (official) or the first such value (strict); null when absent. */
function str(reader: ValueReader, parent: XElement, name: string): string | null {
  const els = kids(parent, name);
  if (els.length === 0) return null;
  if (els.length > 1 && reader.mode === 'official') throw new OfficialAbort('XPTY0004');
  return stringValue(els[0]);
}

function og01(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  for (const c of named(index, 'communicatie')) {
    if (c.parent === null) continue;
    const soort = str(reader, c, 'soort');
    const isEmail = soort !== null && (reader.mode === 'official' ? soort : trimXml(soort)) === 'e-mail';
    if (!isEmail) continue;
    const nummer = str(reader, c, 'nummer');
    // string-length(()) is 0, contains((), '@') false, matches((), …) false.
    const address = nummer ?? '';
    const length = codePointLength(address);
    if (length < 4) out.add('OG.01', c, 'tooShort');
    if (length > 256) out.add('OG.01', c, 'tooLong');
    if (!address.includes('@')) out.add('OG.01', c, 'noAt');
    const ok = reader.mode === 'official' ? emailSuffixMatches(address) : emailMatches(address);
    if (!ok) out.add('OG.01', c, 'pattern');
  }
}

function og02(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  for (const el of named(index, 'standaardversie')) {
    if (!hasAncestors(el, ['metadata'], 'element')) continue;
    const raw = stringValue(el);
    if (reader.mode === 'official' ? (el.texts ?? []).includes('2019.1') : raw === '2019.1') continue;
    if (reader.mode === 'strict' && trimXml(raw) === '2019.1') {
      out.add('OG.02', el, 'nonCanonical', { value: raw }, 'waarschuwing');
    } else {
      out.add('OG.02', el, '_', { value: raw });
    }
  }
}

const LWOO_END_SEARCH = /[0-9][0-9][0-9][0-9]-07-31/;
const LWOO_END = /^[0-9]{4}-07-31$/;

function og03(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  for (const el of named(index, 'lwoo_einddatum')) {
    if (el.parent === null) continue;
    let ok: boolean;
    if (reader.mode === 'official') {
      // matches(text(), …): more than one text node is a type error; none is ''.
      const texts = el.texts ?? [];
      if (texts.length > 1) throw new OfficialAbort('XPTY0004');
      ok = LWOO_END_SEARCH.test(texts[0] ?? '');
    } else {
      ok = LWOO_END.test(trimXml(stringValue(el)));
    }
    if (!ok) out.add('OG.03', el, '_', { value: stringValue(el) });
  }
}

function og04(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  for (const v of named(index, 'verzorger')) {
    if (v.parent === null || kid(v, 'overlijdensdatum') === undefined) continue;
    if (kid(v, 'overleden') === undefined) out.add('OG.04', v, 'flagMissing');
    if (reader.bool(v, 'overleden') !== true) out.add('OG.04', v, 'flagFalse');
  }
}

function og05(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  for (const h of named(index, 'huisarts')) {
    if (h.parent === null) continue;
    if (kid(h, 'roepnaam') !== undefined) out.add('OG.05', h, 'roepnaam');
    if (kid(h, 'geslacht') !== undefined) out.add('OG.05', h, 'geslacht');
    if (reader.bool(h, 'adresgeheim') === true) out.add('OG.05', h, 'adresgeheim');
  }
}

export function generalRules(index: ElementIndex, reader: ValueReader, out: FindingSink): void {
  og01(index, reader, out);
  og02(index, reader, out);
  og03(index, reader, out);
  og04(index, reader, out);
  og05(index, reader, out);
}
