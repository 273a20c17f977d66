/**
 * The chain protocol (DESIGN.md §4): the messages that gateways and the traffic center exchange
 * over HTTPS + JSON with mutual TLS. Modelled on the OSO message set; result codes follow OSO's
 * names where OSO has one. The traffic center only ever sees BRINs, delivery points, session ids,
 * commitments and result codes — never a pupil's identity or a dossier.
 */

export const PROTOCOL_VERSION = 'v1';
export const CHAIN_PREFIX = `/chain/${PROTOCOL_VERSION}`;

/** Result codes of a document request and of a session, best first where it matters. */
export const RESULT_CODES = [
  'OverdrachtGeslaagd',
  'NietGewijzigd',
  'NietKlaargezet',
  'DossierVerlopen',
  'GegevensKomenNietOvereen',
  'LeerlingNietGevonden',
  // session and chain errors
  'SessieAfwijkend',
  'OnbekendAanleverpunt',
  'GeenRelatieMetDoel',
  'SessieReedsAfgemeld',
  'VerstrekkerNietBekend',
  'SchoolNietToegelaten',
  'GeenMandaat',
  'OnbekendeSchool',
  'TeVeelVerzoeken',
  'OngeldigVerzoek',
  'TechnischeFout',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

/** Lower is better: the receiving side closes a session with its best result. */
export function resultRank(code: ResultCode): number {
  return RESULT_CODES.indexOf(code);
}

export type SessionKind = 'overstapdossier' | 'binnenbrin' | 'swv';
export type DeliveryPointPurpose = 'OV' | 'SWV' | 'RP';

/** An HPKE-sealed box (RFC 9180, base mode, X25519 / HKDF-SHA256 / AES-256-GCM), base64url. */
export interface SealedBox {
  enc: string;
  ct: string;
}

/** What the receiving side seals to the source delivery point: who the pupil is. */
export interface PupilIdentifiers {
  bsn?: string;
  onderwijsnummer?: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
  achternaam: string;
  /** Random, base64url; the commitment's salt. */
  salt: string;
}

export interface DeliveryPointRef {
  routingKey: string;
  brin: string;
  vestiging: string;
  url: string;
  purpose: DeliveryPointPurpose;
  /** Raw X25519 public key, base64url. */
  publicKey: string;
}

// ---- gateway → traffic center ------------------------------------------------------------------

/** POST {CHAIN_PREFIX}/sessions */
export interface SessionStartRequest {
  /** The requesting (receiving) school and its delivery point. */
  destinationBrin: string;
  destinationDeliveryPoint: string;
  sourceBrin: string;
  kind: SessionKind;
  /** base64url SHA-256 over the identifiers and salt (see platform/crypto commitment). */
  commitment: string;
}

/** Success; a refusal is `{ result: code }` without a session (check `result` first). */
export interface SessionStartResponse {
  result: 'ok';
  sessionId: string;
  /** The source school's active delivery points for this kind. */
  sourceDeliveryPoints: DeliveryPointRef[];
}

/** POST {CHAIN_PREFIX}/sessions/:sessionId/check — by the source gateway, before anything else. */
export interface SessionCheckRequest {
  sourceDeliveryPoint: string;
  sourceBrin: string;
  destinationBrin: string;
  kind: SessionKind;
  commitment: string;
}

export type SessionCheckResponse =
  | { result: 'ok'; destinationDeliveryPoint: DeliveryPointRef }
  | {
      result: Extract<
        ResultCode,
        | 'SessieAfwijkend'
        | 'OnbekendAanleverpunt'
        | 'GeenRelatieMetDoel'
        | 'SessieReedsAfgemeld'
        | 'VerstrekkerNietBekend'
        | 'GeenMandaat'
        | 'OngeldigVerzoek'
      >;
    };

/** POST {CHAIN_PREFIX}/sessions/:sessionId/close */
export interface SessionCloseRequest {
  bestResult: ResultCode;
}

/** GET {CHAIN_PREFIX}/delivery-points?brin=…&purpose=… — the delivery-point overview. */
export interface DeliveryPointOverview {
  deliveryPoints: DeliveryPointRef[];
}

// ---- gateway → gateway -------------------------------------------------------------------------

/** POST {CHAIN_PREFIX}/delivery-points/:routingKey/document-requests */
export interface DocumentRequest {
  sessionId: string;
  destinationBrin: string;
  /**
   * The session's commitment, so the source can check the session at the traffic center before it
   * unseals anything (DESIGN §4 step 4); it then verifies the unsealed identifiers against it.
   */
  commitment?: string;
  /** PupilIdentifiers sealed to the source delivery point; AAD = sessionId. */
  identifiers: SealedBox;
  /** ISO timestamp: answer NietGewijzigd when the ready dossier has not changed since. */
  onlyIfChangedSince?: string;
}

export interface DocumentResponse {
  result: ResultCode;
  /** OverdrachtGeslaagd only: the dossier XML sealed to the destination delivery point; AAD = sessionId. */
  dossier?: SealedBox;
  /** When the delivered version was set ready (ISO). */
  versionReadyAt?: string;
}

/** POST {CHAIN_PREFIX}/delivery-points/:routingKey/notices — a dossier became ready for a school that asked before. */
export interface ReadyNotice {
  sourceBrin: string;
  destinationBrin: string;
  /** PupilIdentifiers (without salt meaning) sealed to the destination delivery point; AAD = 'notice'. */
  identifiers: SealedBox;
}

/** POST {CHAIN_PREFIX}/delivery-points/:routingKey/registration-notices — a pupil registered at a school. */
export interface RegistrationNotice {
  sourceBrin: string;
  destinationBrin: string;
  /** PupilIdentifiers + preference rank sealed to the source delivery point; AAD = 'registration'. */
  registration: SealedBox;
}
