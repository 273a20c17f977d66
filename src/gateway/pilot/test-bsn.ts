import { isValidBsn } from '../../standard/index.js';

/**
 * The BSNs that the Rijksdienst voor Identiteitsgegevens (RvIG) keeps for testing: 999990000 –
 * 999999999. No person has one, so a dossier about such a number is about a fictional pupil: the
 * pilot's (ADR 0007). A pilot pupil needs one that also passes the 11-check (a valid BSN); a
 * production dossier or registration may carry no number of the range at all.
 */
export const TEST_BSN_RANGE = { first: '999990000', last: '999999999' } as const;

/** Whether a number lies in the test range (valid or not): never for a real pupil. */
export function inTestBsnRange(value: string | undefined): boolean {
  return value !== undefined && /^99999[0-9]{4}$/.test(value.trim());
}

/** A BSN of the test range that passes the 11-check: a pilot pupil's number. */
export function isTestBsn(value: string | undefined): value is string {
  return value !== undefined && inTestBsnRange(value) && isValidBsn(value.trim());
}

export type PilotKind = 'regular' | 'support';
export const PILOT_KINDS: readonly PilotKind[] = ['regular', 'support'];
