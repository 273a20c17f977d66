import { afterEach, describe, expect, it } from 'vitest';
import { defaultValidationThreads } from '../../platform/config.js';
import {
  generateDossier,
  isStandardError,
  type StandardError,
  validateAndReadDossier,
  writeDossier,
} from '../../standard/index.js';
import {
  INLINE_BELOW_BYTES,
  setValidationThreads,
  stopValidationThreads,
  validateDossierOffThread,
} from './pool.js';

/** A generated POVO dossier with attachments, larger than the inline limit. */
function largeDossier(index = 0): Buffer {
  const xml = writeDossier(generateDossier({ profile: 'POVO', seed: 'pool', targetBytes: 200_000 }, index));
  expect(xml.byteLength).toBeGreaterThanOrEqual(INLINE_BELOW_BYTES);
  return xml;
}

/**
 * Runs `validate` and counts how often the main thread ran something else (a setImmediate) before
 * the validation was settled: 0 when it validated on the main thread, more when off it.
 */
async function turnsWhile(validate: () => Promise<unknown>): Promise<{ turns: number; outcome: unknown }> {
  let turns = 0;
  let settled = false;
  const pending = validate().finally(() => {
    settled = true;
  });
  await new Promise<void>((resolve) => {
    const turn = () => {
      if (settled) return resolve();
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
  });
  return { turns, outcome: await pending };
}

async function standardErrorOf(promise: Promise<unknown>): Promise<StandardError> {
  const e = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isStandardError(e)) throw new Error(`expected a StandardError, got ${String(e)}`);
  return e;
}

describe('dossier validation threads', () => {
  afterEach(() => setValidationThreads(defaultValidationThreads()));

  it('gives a large dossier the same verdict and model as the main thread, while the main thread goes on', async () => {
    setValidationThreads(1);
    const xml = largeDossier();
    const { turns, outcome } = await turnsWhile(() => validateDossierOffThread(xml));
    expect(outcome).toEqual(validateAndReadDossier(xml, { mode: 'strict' }));
    expect(turns).toBeGreaterThan(0);
    // the caller's bytes are not moved away
    expect(xml.byteLength).toBeGreaterThanOrEqual(INLINE_BELOW_BYTES);
  });

  it('keeps findings and their places, and several documents at once each get their own answer', async () => {
    setValidationThreads(1);
    const documents = [0, 1, 2, 3].map((i) => {
      const text = largeDossier(i).toString('utf8');
      // an unknown code in a codelist field: a schema finding with its line
      return Buffer.from(
        i % 2 === 0 ? text : text.replace(/<geslacht>\w+<\/geslacht>/, '<geslacht>X</geslacht>'),
      );
    });
    const outcomes = await Promise.all(documents.map((xml) => validateDossierOffThread(xml)));
    outcomes.forEach((outcome, i) => {
      expect(outcome).toEqual(validateAndReadDossier(documents[i], { mode: 'strict' }));
    });
    expect(outcomes[1].result.xsdValid).toBe(false);
    expect(outcomes[1].result.findings.some((f) => f.severity === 'fout' && f.line > 0)).toBe(true);
    expect(outcomes[0].result.xsdValid).toBe(true);
  });

  it('refuses hostile input off the main thread with the same StandardError', async () => {
    setValidationThreads(1);
    const deep = Buffer.from(
      `<dossier>${'<a>'.repeat(300)}${'x'.repeat(INLINE_BELOW_BYTES)}${'</a>'.repeat(300)}</dossier>`,
    );
    const entity = Buffer.from(
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "${'x'.repeat(INLINE_BELOW_BYTES)}">]><dossier>&e;</dossier>`,
    );
    const here = await standardErrorOf(Promise.resolve().then(() => validateAndReadDossier(deep)));
    const there = await standardErrorOf(validateDossierOffThread(deep));
    expect(there.code).toBe('XML_TOO_DEEP');
    expect(there.messages).toEqual(here.messages);
    expect(there.problems).toEqual(here.problems);

    // an entity is not expanded: the DOCTYPE is a fout, and there is no model
    const refused = await validateDossierOffThread(entity);
    expect(refused).toEqual(validateAndReadDossier(entity));
    expect(refused.dossier).toBeUndefined();
    expect(refused.result.findings.map((f) => f.rule)).toContain('XML.DOCTYPE');
  });

  it('fails a document whose thread dies with an internal error, and starts a new thread for the next', async () => {
    setValidationThreads(1);
    const xml = largeDossier();
    await validateDossierOffThread(xml); // the thread is running
    const cut = validateDossierOffThread(xml);
    await stopValidationThreads();
    await expect(cut).rejects.toThrow(/validation thread stopped/);
    const again = await validateDossierOffThread(xml);
    expect(again).toEqual(validateAndReadDossier(xml, { mode: 'strict' }));
  });

  it('validates on the main thread below the inline limit, and with 0 threads', async () => {
    setValidationThreads(1);
    const small = writeDossier(generateDossier({ profile: 'POVO', seed: 'pool', attachments: 'none' }, 0));
    expect(small.byteLength).toBeLessThan(INLINE_BELOW_BYTES);
    expect((await turnsWhile(() => validateDossierOffThread(small))).turns).toBe(0);

    setValidationThreads(0);
    const { turns, outcome } = await turnsWhile(() => validateDossierOffThread(largeDossier()));
    expect(turns).toBe(0);
    expect((outcome as { result: { xsdValid: boolean } }).result.xsdValid).toBe(true);
  });
});
