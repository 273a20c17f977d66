import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import {
  isSwvProfile,
  KOPPELSLEUTEL_ALPHABET,
  koppelsleutelProblem,
  newKoppelsleutel,
  normalizeKoppelsleutel,
  requireKoppelsleutel,
} from './koppelsleutel.js';

describe('the koppelsleutel', () => {
  it('is four groups of four characters without look-alikes, and valid', () => {
    const keys = Array.from({ length: 200 }, newKoppelsleutel);
    for (const key of keys) {
      expect(key).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      expect(koppelsleutelProblem(key)).toBeUndefined();
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(KOPPELSLEUTEL_ALPHABET).toHaveLength(32);
    expect(KOPPELSLEUTEL_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('may be typed in lower case, with spaces or without dashes', () => {
    const key = newKoppelsleutel();
    const typed = ` ${key.toLowerCase().replaceAll('-', ' ')} `;
    expect(koppelsleutelProblem(typed)).toBeUndefined();
    expect(requireKoppelsleutel(typed)).toBe(key.replaceAll('-', ''));
    expect(normalizeKoppelsleutel(key)).toBe(key.replaceAll('-', ''));
  });

  it('catches every single mistyped character by its check character', () => {
    for (let n = 0; n < 5; n++) {
      const key = normalizeKoppelsleutel(newKoppelsleutel());
      for (let i = 0; i < key.length; i++) {
        for (const c of KOPPELSLEUTEL_ALPHABET) {
          if (c === key[i]) continue;
          expect(koppelsleutelProblem(key.slice(0, i) + c + key.slice(i + 1))).toBe('check');
        }
      }
    }
  });

  it('catches swapped neighbours, except the rare pair the scheme cannot tell apart', () => {
    let swaps = 0;
    let caught = 0;
    for (let n = 0; n < 200; n++) {
      const key = normalizeKoppelsleutel(newKoppelsleutel());
      for (let i = 0; i + 1 < key.length; i++) {
        if (key[i] === key[i + 1]) continue;
        swaps++;
        if (koppelsleutelProblem(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2)) === 'check')
          caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('names what is wrong: the form, or the check character', () => {
    for (const typed of [
      '',
      'ABCD-EFGH',
      'ABCD-EFGH-JKLM-NPQR-S',
      'ABCD-EFGH-JKLM-NPQ0',
      'ABCD-EFGH-JKLM-NPQI',
      42,
    ]) {
      expect(koppelsleutelProblem(typed)).toBe('format');
    }
    const key = normalizeKoppelsleutel(newKoppelsleutel());
    const wrong =
      key.slice(0, 15) + KOPPELSLEUTEL_ALPHABET[(KOPPELSLEUTEL_ALPHABET.indexOf(key[15]) + 1) % 32];
    try {
      requireKoppelsleutel(wrong);
      expect.unreachable('a wrong check character is refused');
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('KOPPELSLEUTEL_INVALID');
      if (!isAppError(e)) return;
      expect(e.details).toEqual({ reason: 'check' });
      expect(e.messages.nl).toContain('controleteken');
      expect(e.messages.en).toContain('check character');
    }
  });

  it('belongs to the SWV profiles only', () => {
    expect(['POSWV', 'VOSWV'].every((p) => isSwvProfile(p as 'POSWV'))).toBe(true);
    expect(['POPO', 'POVO', 'VOVO', 'BB'].some((p) => isSwvProfile(p as 'POPO'))).toBe(false);
  });
});
