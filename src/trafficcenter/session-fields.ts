import type { SessionKind } from '../platform/protocol.js';

const BRIN = /^[0-9]{2}[A-Z]{2}$/;
const ROUTING_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
const COMMITMENT = /^[A-Za-z0-9_-]{43}$/;
const KINDS: readonly string[] = ['overstapdossier', 'binnenbrin', 'swv'] satisfies SessionKind[];
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The fields a chain message names a session by. The routes validate them with their schemas; the
 * use cases check them again because they are also called in-process, and a malformed value must
 * be answered (OngeldigVerzoek, or SessieAfwijkend for a session id), never reach SQL as an error.
 */
export function wellFormedSessionFields(fields: {
  sourceBrin: string;
  destinationBrin: string;
  routingKey: string;
  kind: string;
  commitment: string;
}): boolean {
  return (
    BRIN.test(fields.sourceBrin) &&
    BRIN.test(fields.destinationBrin) &&
    ROUTING_KEY.test(fields.routingKey) &&
    KINDS.includes(fields.kind) &&
    COMMITMENT.test(fields.commitment)
  );
}

/** Session ids are version-4 UUIDs in lower case, as the traffic center makes them. */
export function wellFormedSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}
