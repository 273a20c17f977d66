import { describe, expect, it } from 'vitest';
import { conformanceCases, officialExamples } from '../../test/support/conformance.js';
import { StandardError } from './errors.js';
import { validateDocument } from './validate.js';

describe('validateDocument', () => {
  it('gives every finding a place and a message in Dutch and English', () => {
    for (const c of conformanceCases()) {
      for (const mode of ['strict', 'official'] as const) {
        for (const f of validateDocument(c.bytes, { mode }).findings) {
          expect(f.line).toBeGreaterThan(0);
          expect(f.column).toBeGreaterThan(0);
          expect(f.path.startsWith('/')).toBe(true);
          expect(f.message.nl.length).toBeGreaterThan(10);
          expect(f.message.en.length).toBeGreaterThan(10);
          expect(['fout', 'waarschuwing']).toContain(f.severity);
        }
      }
    }
  });

  it('finds no error in the official examples in strict mode, only warnings about their truncated attachments', () => {
    for (const { name, bytes } of officialExamples()) {
      const r = validateDocument(bytes);
      expect({ name, errors: r.findings.filter((f) => f.severity === 'fout').map((f) => f.rule) }).toEqual({
        name,
        errors: [],
      });
      for (const w of r.findings) expect(w.rule.startsWith('OSO.BIJLAGE')).toBe(true);
    }
  });

  it('reports bytes that are not well-formed as a finding with its line, not as an exception', () => {
    const r = validateDocument(Buffer.from('<dossier>\n<metadata>\n</dossier>'));
    expect(r.wellFormed).toBe(false);
    expect(r.xsdValid).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'XML.WELLFORMED', severity: 'fout', line: 3 });
  });

  it('refuses a DOCTYPE as a finding and never expands its entities', () => {
    const xxe = conformanceCases().find((c) => c.id === 'wf-ov-xxe-etc-passwd');
    if (!xxe) throw new Error('case missing');
    const r = validateDocument(xxe.bytes);
    expect(r.wellFormed).toBe(true);
    expect(r.xsdValid).toBe(false);
    expect(r.findings[0].rule).toBe('XML.DOCTYPE');
    expect(JSON.stringify(r)).not.toContain('root:x:0:0');
  });

  it('throws a typed error for input over the limits instead of judging it', () => {
    const [first] = officialExamples();
    expect(() => validateDocument(first.bytes, { limits: { maxBytes: 1000 } })).toThrow(StandardError);
  });
});
