/**
 * Identifiers for synthetic dossiers, drawn from the generator's random stream: BSN (nine digits
 * passing the 11-check), onderwijsnummer, IBAN (valid mod-97), BRIN codes and SWV numbers. No list
 * of real numbers is used; a random valid BSN cannot be told apart from an issued one, so the
 * numbers are only for test environments.
 */
import type { Random } from './random.js';

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/**
 * A random BSN: nine digits, not starting with 0, passing the 11-check — and never one of the range
 * 999990000–999999999 that RvIG keeps for tests (a region's pilot uses those for its fictional
 * pupils, and a school's own dossiers may not carry them).
 */
export function bsn(rng: Random): string {
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 7 }, () => rng.int(0, 9))];
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += BSN_WEIGHTS[i] * digits[i];
    const check = sum % 11;
    const testRange = digits.slice(0, 5).every((d) => d === 9);
    if (check <= 9 && !testRange) return [...digits, check].join('');
  }
}

/** An IBAN of a Dutch bank, with correct check digits. */
export function iban(rng: Random): string {
  const bank = rng.pick(['ABNA', 'INGB', 'RABO', 'SNSB', 'ASNB', 'TRIO', 'KNAB', 'BUNQ']);
  const account = rng.digits(10);
  const numeric = [...`${bank}${account}NL00`]
    .map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}

const BRIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A code in the BRIN format: two digits and two capitals. */
export function brincode(rng: Random): string {
  return `${rng.digits(2)}${rng.pick([...BRIN_LETTERS])}${rng.pick([...BRIN_LETTERS])}`;
}

/** A samenwerkingsverband number such as PO2705 or VO2705. */
export function swvNumber(rng: Random, sector: 'PO' | 'VO'): string {
  return `${sector}${String(rng.int(20, 31))}${String(rng.int(1, 12)).padStart(2, '0')}`;
}

/** A decision number as a samenwerkingsverband writes it, e.g. TLV-2025-0412. */
export function decisionNumber(rng: Random, kind: string, year: number): string {
  return `${kind}-${year}-${String(rng.int(1, 2999)).padStart(4, '0')}`;
}

/** The school's own key for a pupil (LAS key). */
export function leerlingid(rng: Random): string {
  return String(rng.int(10_000, 999_999));
}
