/**
 * Codelist checks (CL.nn). Official mode compares each text node of the element with the codes,
 * literally (`not(text()='01') and …`), so `02`, ` 1` and a value split by a comment fail.
 * Strict mode compares the whitespace-trimmed string value, reading integer-typed fields as
 * integers; a value that only matches after that normalisation is a `waarschuwing`, because the
 * official validation (and so other receivers) rejects it.
 */
import { CODELISTS, CODELISTS_BY_FIELD, type Codelist } from '../codelists.js';
import type { XElement } from '../xml/tree.js';
import { type FindingSink, someTextNodeIs } from './context.js';
import { message } from './messages.js';
import { type ElementIndex, hasAncestors, named, OSO_NAMESPACE, stringValue, trimXml } from './xpath.js';

const CODE_SETS: ReadonlyMap<Codelist, ReadonlySet<string>> = new Map(
  CODELISTS.map((l) => [l, new Set(l.codes.map((c) => c.code))]),
);

function codeSet(list: Codelist): ReadonlySet<string> {
  return CODE_SETS.get(list) as ReadonlySet<string>;
}

function example(list: Codelist): string {
  return list.codes
    .slice(0, 3)
    .map((c) => `'${c.code}'`)
    .join(', ');
}

function params(el: XElement, list: Codelist, value: string, code = ''): Record<string, string> {
  return {
    value: value.length > 60 ? `${value.slice(0, 57)}...` : value,
    field: el.name,
    list: String(list.number),
    listName: list.name,
    example: example(list),
    code,
  };
}

/** Integer lexical form (xs:integer) → canonical decimal string, or null. */
export function canonicalInteger(s: string): string | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  return BigInt(s).toString();
}

/** The field elements a codelist applies to, in document order per field name. */
function* fieldElements(index: ElementIndex): Generator<[XElement, Codelist]> {
  for (const [name, entries] of CODELISTS_BY_FIELD) {
    const els = named(index, name);
    if (els.length === 0) continue;
    for (const el of els) {
      for (const entry of entries) {
        if (entry.list.documentLevel) continue;
        if (hasAncestors(el, entry.parents, entry.anchor)) yield [el, entry.list];
      }
    }
  }
}

export function officialCodelists(index: ElementIndex, out: FindingSink): void {
  for (const [el, list] of fieldElements(index)) {
    const set = codeSet(list);
    if (!someTextNodeIs(el, (t) => set.has(t)))
      out.add(list.rule, el, 'invalid', params(el, list, stringValue(el)));
  }
  // CL.33: one document-wide test, passed when any metadata/deeldossier text node is a code.
  const cl33 = CODELISTS.find((l) => l.number === 33) as Codelist;
  const set33 = codeSet(cl33);
  const deel = named(index, 'deeldossier').filter((e) => hasAncestors(e, ['metadata'], 'any'));
  if (!deel.some((e) => someTextNodeIs(e, (t) => set33.has(t)))) out.add('CL.33', null, 'document');
}

/** Strict verdict on one value: ok, only after normalising (warning), or not a code. */
export function strictCodeVerdict(
  list: Codelist,
  raw: string,
): { ok: 'yes' | 'normalised' | 'no'; code: string } {
  const set = codeSet(list);
  if (set.has(raw)) return { ok: 'yes', code: raw };
  const trimmed = trimXml(raw);
  const canonical = list.valueType === 'integer' ? (canonicalInteger(trimmed) ?? trimmed) : trimmed;
  if (set.has(canonical)) return { ok: 'normalised', code: canonical };
  return { ok: 'no', code: canonical };
}

export function strictCodelists(index: ElementIndex, out: FindingSink): void {
  for (const [el, list] of fieldElements(index)) {
    const raw = stringValue(el);
    const verdict = strictCodeVerdict(list, raw);
    if (verdict.ok === 'normalised') {
      out.add(list.rule, el, 'nonCanonical', params(el, list, raw, verdict.code), 'waarschuwing');
    } else if (verdict.ok === 'no') {
      out.add(list.rule, el, 'invalid', params(el, list, raw));
    }
  }
}

/**
 * Strict CL.33 for one `metadata` element: `yes` when a deeldossier holds a code, `normalised`
 * when it only does after trimming (reported as a warning), `no` otherwise.
 */
export function strictDeeldossier(metadata: XElement | undefined): {
  ok: 'yes' | 'normalised' | 'no';
  el?: XElement;
} {
  if (metadata === undefined) return { ok: 'no' };
  const cl33 = CODELISTS.find((l) => l.number === 33) as Codelist;
  let normalised: XElement | undefined;
  for (const c of metadata.children) {
    if (c.name !== 'deeldossier' || c.ns !== OSO_NAMESPACE) continue;
    const v = strictCodeVerdict(cl33, stringValue(c)).ok;
    if (v === 'yes') return { ok: 'yes', el: c };
    if (v === 'normalised') normalised = c;
  }
  return normalised === undefined ? { ok: 'no' } : { ok: 'normalised', el: normalised };
}

/** Reports strict CL.33 for one dossier's metadata (at `/[1]`, as the standard does). */
export function strictCl33(metadata: XElement | undefined, out: FindingSink): void {
  const v = strictDeeldossier(metadata);
  if (v.ok === 'no') out.add('CL.33', null, 'document');
  else if (v.ok === 'normalised' && v.el !== undefined) {
    const cl33 = CODELISTS.find((l) => l.number === 33) as Codelist;
    const raw = stringValue(v.el);
    out.push(
      'CL.33',
      null,
      message('CL.33', 'nonCanonical', params(v.el, cl33, raw, trimXml(raw))),
      'waarschuwing',
    );
  }
}
