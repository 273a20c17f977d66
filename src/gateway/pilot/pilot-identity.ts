import { AppError } from '../../platform/errors.js';
import type { PupilIdentity } from '../pupils/identity.js';
import { inTestBsnRange, isTestBsn } from './test-bsn.js';

/**
 * The pilot's rule for a pupil's number, checked wherever a dossier or a registration is stored
 * (ADR 0007): a pilot pupil has a valid BSN from the test range, and a production pupil has no
 * number from that range — so a pilot dossier can never be mistaken for a real pupil's, nor a real
 * one slip into the pilot. The error never repeats the number.
 */
export function assertPilotIdentity(
  identity: Pick<PupilIdentity, 'bsn' | 'onderwijsnummer'>,
  pilot: boolean,
): void {
  if (pilot && !isTestBsn(identity.bsn)) {
    throw new AppError('PILOT_TEST_BSN_REQUIRED', { field: 'bsn' });
  }
  if (!pilot && (inTestBsnRange(identity.bsn) || inTestBsnRange(identity.onderwijsnummer))) {
    throw new AppError('PILOT_TEST_BSN_NOT_ALLOWED', { field: identity.bsn ? 'bsn' : 'onderwijsnummer' });
  }
}
