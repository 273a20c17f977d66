import { commitment, SEAL_INFO } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import type { PupilIdentifiers } from '../../platform/protocol.js';
import type { DocumentRequestMessage } from '../chain/clients.js';
import type { DeliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { isBrin } from '../pupils/identity.js';

/** Whether a document request has the shape of protocol.ts (the route's schema checks it too). */
export function wellFormed(r: DocumentRequestMessage): boolean {
  return (
    typeof r?.sessionId === 'string' &&
    r.sessionId.length > 0 &&
    r.sessionId.length <= 100 &&
    typeof r.destinationBrin === 'string' &&
    isBrin(r.destinationBrin) &&
    typeof r.identifiers?.enc === 'string' &&
    typeof r.identifiers?.ct === 'string' &&
    (r.commitment === undefined || typeof r.commitment === 'string') &&
    (r.onlyIfChangedSince === undefined || !Number.isNaN(Date.parse(r.onlyIfChangedSince)))
  );
}

/** The identifiers, or undefined when the box cannot be opened or does not hold identifiers. */
export async function unsealIdentifiers(
  keys: DeliveryPointKeys,
  request: DocumentRequestMessage,
): Promise<PupilIdentifiers | undefined> {
  try {
    const plain = await keys.open(request.identifiers, {
      info: SEAL_INFO.identifiers,
      aad: request.sessionId,
    });
    const ids = JSON.parse(Buffer.from(plain).toString('utf8')) as PupilIdentifiers;
    const text = (v: unknown) => v === undefined || typeof v === 'string';
    if (
      !ids ||
      typeof ids !== 'object' ||
      !text(ids.bsn) ||
      !text(ids.onderwijsnummer) ||
      !(ids.bsn || ids.onderwijsnummer) ||
      typeof ids.geboortedatum !== 'string' ||
      typeof ids.achternaam !== 'string' ||
      typeof ids.salt !== 'string'
    ) {
      return undefined;
    }
    commitment(ids); // throws on identifiers a commitment cannot be made of
    return ids;
  } catch (e) {
    if (isAppError(e) || e instanceof SyntaxError) return undefined;
    throw e;
  }
}
