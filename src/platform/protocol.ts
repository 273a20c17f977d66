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
  /** The session outlived its lifetime at the traffic center before it was checked or closed. */
  'SessieVerlopen',
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
        | 'SessieVerlopen'
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

/** What a samenwerkingsverband seals to the source's SWV delivery point: the koppelsleutel it was given. */
export interface SwvKey {
  /** The koppelsleutel as the school handed it over, normalised: 16 characters, no separators. */
  koppelsleutel: string;
  /** Random, base64url; the commitment's salt. */
  salt: string;
}

/**
 * POST {CHAIN_PREFIX}/delivery-points/:routingKey/swv-requests — a samenwerkingsverband asks a
 * source school's SWV delivery point, in a session of kind 'swv', for the POSWV/VOSWV dossier the
 * school set ready for it. The pupil is named by the koppelsleutel the school handed over outside
 * the chain (an SWV dossier has no BSN). Answered with a DocumentResponse.
 */
export interface SwvRequest {
  sessionId: string;
  /** The requesting samenwerkingsverband. */
  destinationBrin: string;
  /** The session's commitment, over the koppelsleutel and the salt (platform/crypto). */
  commitment: string;
  /** SwvKey sealed to the source SWV delivery point; AAD = sessionId. */
  koppelsleutel: SealedBox;
  /** ISO timestamp: answer NietGewijzigd when the ready dossier has not changed since. */
  onlyIfChangedSince?: string;
}

/**
 * POST {CHAIN_PREFIX}/delivery-points/:routingKey/feedback — the OSO terugkoppeling: the school that
 * received a pupil's dossier tells the source school how the pupil is doing (per school year) or
 * that the pupil left. Answered `{result: 'ok'}`, or LeerlingNietGevonden when the source delivered
 * no dossier of this pupil to the sender.
 */
export interface Feedback {
  /** The message's id (a UUID); the same message sent again (a retry) is stored once. */
  id: string;
  /** The school that sent the dossier and receives the feedback. */
  sourceBrin: string;
  /** The school that received the dossier and sends the feedback. */
  destinationBrin: string;
  /** FeedbackContent sealed to the source delivery point; AAD = 'feedback'. */
  feedback: SealedBox;
}

/** What a Feedback message holds, sealed: the pupil's number (to match) and the OSO XML. */
export interface FeedbackContent {
  bsn?: string;
  onderwijsnummer?: string;
  /** OSO XML (UTF-8): a `<dossiers>` holding one `<terugkoppeling>`. */
  xml: string;
}
