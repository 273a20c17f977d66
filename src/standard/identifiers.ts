/**
 * Checks of the pupil's national numbers, which the official validation does not test.
 *
 * BSN: nine digits, the "11-test": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not
 * all zeros.
 *
 * Onderwijsnummer (DUO, for pupils without a BSN): nine digits and the same weighted sum, but
 * with remainder 5 instead of 0 when divided by 11 (checked against python-stdnum's
 * `nl.onderwijsnummer`, whose documented valid example is 101222331).
 */

export type NumberProblem = 'format' | 'checksum' | 'zeros';

export interface NumberVerdict {
  valid: boolean;
  problem?: NumberProblem;
}

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  return sum - (digits.charCodeAt(8) - 48);
}

const NINE_DIGITS = /^[0-9]{9}$/;

function mod11(n: number): number {
  return ((n % 11) + 11) % 11;
}

export function checkBsn(value: string): NumberVerdict {
  if (!NINE_DIGITS.test(value)) return { valid: false, problem: 'format' };
  if (value === '000000000') return { valid: false, problem: 'zeros' };
  if (mod11(weightedSum(value)) !== 0) return { valid: false, problem: 'checksum' };
  return { valid: true };
}

export function checkOnderwijsnummer(value: string): NumberVerdict {
  if (!NINE_DIGITS.test(value)) return { valid: false, problem: 'format' };
  if (mod11(weightedSum(value)) !== 5) return { valid: false, problem: 'checksum' };
  return { valid: true };
}

export const NUMBER_PROBLEM_TEXT: Readonly<Record<NumberProblem, { nl: string; en: string }>> = {
  format: { nl: 'het moet uit precies 9 cijfers bestaan', en: 'it must consist of exactly 9 digits' },
  checksum: { nl: 'het controlecijfer klopt niet (elfproef)', en: 'the check digit is wrong (11-test)' },
  zeros: { nl: 'het bestaat alleen uit nullen', en: 'it consists of zeros only' },
};

/** Whether a value is a valid BSN (nine digits, 11-test, not all zeros). */
export function isValidBsn(value: string): boolean {
  return checkBsn(value).valid;
}

/** Whether a value is a valid onderwijsnummer (nine digits, DUO's variant of the 11-test). */
export function isValidOnderwijsnummer(value: string): boolean {
  return checkOnderwijsnummer(value).valid;
}
