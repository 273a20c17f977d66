import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { type Message, PROFILES, type ProfileCode } from '../../standard/index.js';
import { gatewayHmac } from './pupil-key.js';

/**
 * The koppelsleutel (DESIGN.md §4, SWV request): how a samenwerkingsverband names the pupil whose
 * SWV dossier a school set ready for it. An SWV dossier has no BSN, so the school hands this key to
 * the SWV outside the chain (on paper, by phone); the SWV's gateway sends it, sealed, with its
 * request. It is shown once, when the dossier is set ready; the gateway keeps only a keyed hash.
 *
 * 16 characters in four groups of four (ABCD-EFGH-JKLM-NPQ7) from an alphabet without look-alikes
 * (no 0, 1, I, O): 15 random characters (75 bits) and a check character (Luhn mod 32), which
 * catches every single mistyped character and most swapped neighbours before anything is asked.
 */
/** An SWV dossier (POSWV, VOSWV: the PaO rules) goes to a samenwerkingsverband, by koppelsleutel. */
export function isSwvProfile(profile: ProfileCode): boolean {
  return PROFILES[profile].family === 'PaO';
}

export const KOPPELSLEUTEL_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const N = KOPPELSLEUTEL_ALPHABET.length;
const LENGTH = 16;

/** Luhn mod N over `codes`, the rightmost doubled first when `withCheck` is false. */
function luhnSum(codes: readonly number[], withCheck: boolean): number {
  let factor = withCheck ? 1 : 2;
  let sum = 0;
  for (let i = codes.length - 1; i >= 0; i--) {
    const addend = factor * codes[i];
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

const codesOf = (text: string) => [...text].map((c) => KOPPELSLEUTEL_ALPHABET.indexOf(c));

/** A new koppelsleutel, written in groups: 'ABCD-EFGH-JKLM-NPQ7'. */
export function newKoppelsleutel(): string {
  const codes = Array.from({ length: LENGTH - 1 }, () => randomInt(N));
  codes.push((N - (luhnSum(codes, false) % N)) % N);
  const text = codes.map((c) => KOPPELSLEUTEL_ALPHABET[c]).join('');
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** Why a typed koppelsleutel is refused, in the user's words; undefined when it is well formed. */
const PROBLEMS: Record<'format' | 'check', Message> = {
  format: {
    nl: 'Deze koppelsleutel heeft niet de juiste vorm: 16 tekens (zoals ABCD-EFGH-JKLM-NPQ7), alleen letters en de cijfers 2 tot en met 9, zonder I en O. Controleer hem met de school die hem gaf.',
    en: 'This koppelsleutel does not have the right form: 16 characters (like ABCD-EFGH-JKLM-NPQ7), only letters and the digits 2 to 9, without I and O. Check it with the school that gave it.',
  },
  check: {
    nl: 'Deze koppelsleutel is verkeerd overgenomen: het controleteken (het laatste teken) past niet bij de andere tekens. Controleer hem teken voor teken met de school die hem gaf.',
    en: 'This koppelsleutel was copied wrongly: its check character (the last one) does not fit the others. Check it character by character with the school that gave it.',
  },
};

/** The key without spaces and dashes, in capitals; its check character is not checked. */
export function normalizeKoppelsleutel(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** What is wrong with a typed koppelsleutel: 'format', 'check', or undefined when it is valid. */
export function koppelsleutelProblem(typed: unknown): 'format' | 'check' | undefined {
  if (typeof typed !== 'string' || typed.length > 40) return 'format';
  const key = normalizeKoppelsleutel(typed);
  if (key.length !== LENGTH || !/^[2-9A-HJ-NP-Z]+$/.test(key)) return 'format';
  return luhnSum(codesOf(key), true) % N === 0 ? undefined : 'check';
}

/**
 * The normalised key (16 characters), or KOPPELSLEUTEL_INVALID with a message that says what is
 * wrong — before anything is stored or asked over the chain.
 */
export function requireKoppelsleutel(typed: unknown): string {
  const problem = koppelsleutelProblem(typed);
  if (problem) throw new AppError('KOPPELSLEUTEL_INVALID', { reason: problem }, PROBLEMS[problem]);
  return normalizeKoppelsleutel(typed as string);
}

/**
 * The keyed hash a gateway keeps of a koppelsleutel: HMAC-SHA256 with the gateway's secret over
 * 'ksl:<normalised key>', base64url. Call before opening a transaction (see gatewayHmac).
 */
export async function koppelsleutelHasher(
  ctx: Parameters<typeof gatewayHmac>[0],
): Promise<(koppelsleutel: string) => string> {
  const hmac = await gatewayHmac(ctx);
  return (koppelsleutel) => hmac(`ksl:${normalizeKoppelsleutel(koppelsleutel)}`);
}
