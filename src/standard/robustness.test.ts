import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../test/support/conformance.js';
import { readDocument } from './dossier-io.js';
import { StandardError } from './errors.js';
import { validateDocument } from './validate.js';

// Small examples keep each run fast; the mutations are what matters.
const examples = officialExamples()
  .filter((e) => e.bytes.length < 60_000)
  .map((e) => e.bytes.toString('utf8'));

/** Either a result or a typed StandardError — never any other exception. */
function outcome(fn: () => unknown): 'ok' | 'refused' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof StandardError) {
      expect(e.messages.nl.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
      return 'refused';
    }
    throw e;
  }
}

const lineMutation = fc.record({
  example: fc.nat(),
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'replace-text', 'truncate', 'insert', 'flip-byte'),
  at: fc.nat(),
  other: fc.nat(),
  text: fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      ' ',
      '02',
      ' 1',
      'ja',
      '&amp;',
      '<x>',
      ']]>',
      '2019-02-30',
      '0.3',
      '\u00e9',
      '\ud83d\ude00',
      '&#0;',
    ),
  ),
});

type Mutation = typeof lineMutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(m: Mutation): Buffer {
  const src = examples[m.example % examples.length];
  const lines = src.split('\n');
  const i = m.at % lines.length;
  const j = m.other % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i]);
      break;
    case 'swap':
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    case 'replace-text':
      lines[i] = lines[i].replace(/>([^<]*)</, () => `>${m.text}<`);
      break;
    case 'truncate':
      return Buffer.from(src.slice(0, m.at % src.length));
    case 'insert':
      lines.splice(i, 0, m.text);
      break;
    case 'flip-byte': {
      const b = Buffer.from(src);
      b[m.at % b.length] ^= 1 << (m.other % 8);
      return b;
    }
  }
  return Buffer.from(lines.join('\n'));
}

describe('hostile and broken input', () => {
  it('random mutations of the official examples give a model or a typed error, never a crash', () => {
    fc.assert(
      fc.property(lineMutation, (m) => {
        const bytes = mutate(m);
        outcome(() => readDocument(bytes));
        for (const mode of ['strict', 'official'] as const) {
          const r = outcome(() => validateDocument(bytes, { mode }));
          expect(['ok', 'refused']).toContain(r);
        }
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('arbitrary bytes give a verdict or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        outcome(() => validateDocument(bytes));
        outcome(() => readDocument(bytes));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a validation verdict of a well-formed mutation always has places for its findings', () => {
    fc.assert(
      fc.property(lineMutation, (m) => {
        try {
          const r = validateDocument(mutate(m));
          for (const f of r.findings) {
            expect(f.line).toBeGreaterThan(0);
            expect(f.column).toBeGreaterThan(0);
            expect(f.path.startsWith('/')).toBe(true);
          }
        } catch (e) {
          if (!(e instanceof StandardError)) throw e;
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
