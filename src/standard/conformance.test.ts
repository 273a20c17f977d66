import { describe, expect, it } from 'vitest';
import { type ConformanceCase, conformanceCases } from '../../test/support/conformance.js';
import { compareFindings, type Finding, isBusinessRule } from './findings.js';
import { type ValidationResult, validateDocument } from './validate.js';

/**
 * The conformance proof: every case of ../shared/oso/conformance (the loader fails when the folder
 * is missing), validated end to end from its raw bytes in both modes.
 */
const cases = conformanceCases();

const key = (f: Pick<Finding, 'rule' | 'path'>) => `${f.rule} @ ${f.path}`;
const keys = (list: Array<Pick<Finding, 'rule' | 'path'>>) => [...list].sort(compareFindings).map(key);
const business = (r: ValidationResult) => r.findings.filter((f) => isBusinessRule(f.rule));

/** Multiset difference a − b. */
function missing(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

/**
 * What strict mode must show for a known defect, read from the defect's description: the rule
 * that never fires in OV now fires, a profile contradiction or an unchecked number is reported,
 * the root is refused, the batch is checked per dossier, the split value is read whole.
 */
function expectStrictDiffers(c: ConformanceCase, official: ValidationResult, strict: ValidationResult): void {
  const defect = c.officialDefect ?? '';
  const expected = keys(c.findings);
  const strictFindings = business(strict);
  const strictKeys = keys(strictFindings);
  const errors = strictFindings.filter((f) => f.severity === 'fout');
  const rules = new Set(strictFindings.map((f) => f.rule));
  if (/stops with a type error/.test(defect)) {
    // The official stylesheet gives no verdict at all; strict mode gives one, per dossier.
    expect(official.officialAborted).toBe('XPTY0004');
    expect(strict.officialAborted).toBeUndefined();
    expect(errors).toEqual([]);
    return;
  }
  if (/document root/.test(defect)) {
    expect(official.xsdValid).toBe(true);
    expect(strict.xsdValid).toBe(false);
    expect(strict.findings.map((f) => f.rule)).toContain('XSD.ROOT');
    return;
  }
  expect(strictKeys, 'strict mode must differ from the official verdict').not.toEqual(expected);
  const neverFires = /(OVa\.[A-Z]{2}\d{2})(?: and (OVa\.[A-Z]{2}\d{2}))? never fires/.exec(defect);
  if (neverFires) for (const r of neverFires.slice(1).filter(Boolean)) expect(rules).toContain(r);
  if (/profile table not enforced/.test(defect)) expect(rules).toContain('OSO.PROFIEL');
  if (/bsn/i.test(defect)) expect(rules).toContain('OSO.BSN');
  if (/misspelt/.test(defect)) {
    const count = (l: string[]) => l.filter((k) => k.startsWith('OS.cat09 ')).length;
    expect(count(strictKeys)).toBeGreaterThan(count(expected));
  }
  if (/anchored only at its end/.test(defect)) expect(rules).toContain('OG.01');
  if (/per text node/.test(defect)) expect(strictKeys.filter((k) => expected.includes(k))).toEqual([]);
  if (/batch/.test(defect)) expect(keys(errors)).not.toEqual(expected);
}

describe('conformance with the official 2019.1 validation', () => {
  it('reads the whole conformance set', () => {
    expect(cases.length).toBe(161);
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const official = validateDocument(c.bytes, { mode: 'official' });
    const strict = validateDocument(c.bytes, { mode: 'strict' });

    it('official mode gives the official verdict', () => {
      expect({ wellFormed: official.wellFormed, xsdValid: official.xsdValid }).toEqual({
        wellFormed: c.wellFormed,
        xsdValid: c.xsdValid,
      });
      expect(keys(business(official))).toEqual(keys(c.findings));
      if (c.wellFormed) expect(official.profile).toBe(c.profile);
      if (c.oracleNote && /did not run|stopped with error/.test(c.oracleNote)) {
        expect(official.officialAborted).toBeDefined();
      }
    });

    it('strict mode checks the standard as written', () => {
      if (c.officialDefect) {
        expectStrictDiffers(c, official, strict);
        return;
      }
      expect({ wellFormed: strict.wellFormed, xsdValid: strict.xsdValid }).toEqual({
        wellFormed: c.wellFormed,
        xsdValid: c.xsdValid,
      });
      expect(missing(keys(c.findings), keys(business(strict)))).toEqual([]);
    });
  });
});
