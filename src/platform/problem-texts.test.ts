import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, errorBody } from './errors.js';
import { hasDutch, problemMessage } from './problem-texts.js';

const SRC = join(import.meta.dirname, '..');

/** The per-field texts the use cases refuse input with (`problems.x = '…'`, `problems: { x: '…' }`). */
function problemTextsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /problems(?:\.[a-zA-Z]+|\[[a-zA-Z.]+\])\s*=\s*'([^']*)'|problems: \{ [a-zA-Z]+: '([^']*)'/g;
  for (const file of readdirSync(SRC, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    for (const m of readFileSync(join(SRC, file), 'utf8').matchAll(pattern)) found.set(m[1] ?? m[2], file);
  }
  return found;
}

describe('the texts of refused fields', () => {
  it('has Dutch for every text a use case refuses a field with', () => {
    const texts = problemTextsInSources();
    expect(texts.size).toBeGreaterThan(30);
    const missing = [...texts].filter(([text]) => !hasDutch(text)).map(([text, file]) => `${file}: ${text}`);
    expect(missing).toEqual([]);
  });

  it('puts numbers into the Dutch, and keeps an unknown text in English in both', () => {
    expect(problemMessage('at most 4000 characters')).toEqual({
      nl: 'hoogstens 4000 tekens',
      en: 'at most 4000 characters',
    });
    expect(problemMessage('1 to 2000 characters')).toEqual({
      nl: '1 tot 2000 tekens',
      en: '1 to 2000 characters',
    });
    expect(problemMessage('something new')).toEqual({ nl: 'something new', en: 'something new' });
  });

  it('gives a VALIDATION_FAILED its fields in Dutch and English on the wire, the English texts unchanged', () => {
    const body = errorBody(
      new AppError('VALIDATION_FAILED', {
        problems: { inzagedatum: 'not in the future', redenNietAkkoord: 'required when akkoord is Nee' },
      }),
    );
    expect(body.details).toEqual({
      problems: { inzagedatum: 'not in the future', redenNietAkkoord: 'required when akkoord is Nee' },
      messages: {
        inzagedatum: { nl: 'niet in de toekomst', en: 'not in the future' },
        redenNietAkkoord: { nl: 'verplicht als akkoord Nee is', en: 'required when akkoord is Nee' },
      },
    });
    // other errors, and problems as a list, stay as they are
    expect(errorBody(new AppError('VALIDATION_FAILED', { field: 'state' })).details).toEqual({
      field: 'state',
    });
    expect(errorBody(new AppError('CONFLICT', { problems: { a: 'text' } })).details).toEqual({
      problems: { a: 'text' },
    });
  });
});
