import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, errorBody } from './errors.js';
import { hasDutch, problemMessage } from './problem-texts.js';

const SRC = join(import.meta.dirname, '..');

/**
 * The per-field texts the use cases refuse input with: `problems.x = '…'`, `problems: { x: '…' }`,
 * the reason of a refusal that names one field (`{ field: 'x', reason: '…' }`, `refuse('x', '…')`)
 * and of one that names none (`{ reason: '…' }`).
 */
function problemTextsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /problems(?:\.[a-zA-Z]+|\[[a-zA-Z.]+\])\s*=\s*'([^']*)'/g,
    /problems: \{ [a-zA-Z]+: '([^']*)'/g,
    /VALIDATION_FAILED', \{[^}]*?\bfield\b[^}]*?reason: '([^']*)'/gs,
    /refuse\('[a-zA-Z]+', '([^']*)'\)/g,
    /VALIDATION_FAILED', \{ reason: '([^']*)'/g,
    /VALIDATION_FAILED', \{ [a-zA-Z.]+, reason: '([^']*)'/g,
  ];
  for (const file of readdirSync(SRC, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.set(m[1], file);
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
    // one field with its reason, or without one
    expect(
      errorBody(new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' })).details,
    ).toEqual({
      field: 'schoolYear',
      reason: 'e.g. 2026-2027',
      messages: { schoolYear: { nl: 'bijvoorbeeld 2026-2027', en: 'e.g. 2026-2027' } },
    });
    expect(errorBody(new AppError('VALIDATION_FAILED', { field: 'state' })).details).toEqual({
      field: 'state',
      messages: { state: { nl: 'Deze waarde is ongeldig.', en: 'This value is not valid.' } },
    });
    // other errors stay as they are
    expect(errorBody(new AppError('CONFLICT', { problems: { a: 'text' } })).details).toEqual({
      problems: { a: 'text' },
    });
  });

  it('completes the message of a refusal that gives only a reason, in Dutch and English', () => {
    const body = errorBody(new AppError('VALIDATION_FAILED', { reason: 'nothing to change' }));
    expect(body.message).toEqual({
      nl: 'De invoer klopt niet: er is niets te wijzigen.',
      en: 'The input is not valid: nothing to change.',
    });
    expect(body.details).toEqual({ reason: 'nothing to change' });
    // a reason without Dutch, or a message given where it was thrown, leaves the message alone
    expect(errorBody(new AppError('VALIDATION_FAILED', { reason: 'something new' })).message).toEqual({
      nl: 'De invoer klopt niet.',
      en: 'The input is not valid.',
    });
    const own = { nl: 'Eigen tekst.', en: 'Own text.' };
    expect(
      errorBody(new AppError('VALIDATION_FAILED', { reason: 'nothing to change' }, own)).message,
    ).toEqual(own);
  });
});
