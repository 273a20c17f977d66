/** The traffic center's answers as the servicedesk pages use them (src/trafficcenter/*schemas.ts). */

export type Sector = 'po' | 'vo' | 'so' | 'swv';
export type Purpose = 'OV' | 'SWV' | 'RP';
export const SECTORS: readonly Sector[] = ['po', 'vo', 'so', 'swv'];
export const PURPOSES: readonly Purpose[] = ['OV', 'SWV', 'RP'];

export const CONNECTION_STATUSES = [
  'supplier',
  'mandate',
  'deliveryPoint',
  'testExchange',
  'qualification',
  'admitted',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface School {
  brin: string;
  vestiging: string;
  name: string;
  sector: Sector;
  board: string;
  region: string | null;
  place: string | null;
}

export interface Admission {
  brin: string;
  qualified: boolean;
  qualifiedFrom: string | null;
  qualifiedUntil: string | null;
  testExchangeAt: string | null;
  note: string | null;
  admittedToday: boolean;
}

export interface Mandate {
  supplierId: string;
  brin: string;
  grantedAt: string;
  revokedAt: string | null;
}

export interface DeliveryPoint {
  routingKey: string;
  brin: string;
  supplierId: string;
  url: string;
  purpose: Purpose;
  publicKey: string;
  active: boolean;
}

export interface SchoolOverview {
  school: School;
  admission: Admission;
  mandates: Mandate[];
  deliveryPoints: DeliveryPoint[];
}

export interface SchoolListItem extends School {
  admission: Omit<Admission, 'brin' | 'note'>;
  connection: ConnectionStatus;
}

export interface SchoolListPage {
  schools: SchoolListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ConnectionCounts {
  total: number;
  counts: Record<ConnectionStatus, number>;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actorKind: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface SchoolHistory {
  brin: string;
  entries: HistoryEntry[];
}

export interface SupplierSystem {
  id: string;
  name: string;
  certificateFingerprint: string;
  createdAt: string;
}

export interface SupplierMandates {
  supplier: SupplierSystem;
  mandates: Array<{
    brin: string;
    vestiging: string;
    schoolName: string;
    sector: Sector;
    grantedAt: string;
    revokedAt: string | null;
    activeDeliveryPoints: number;
  }>;
}

export interface OutcomePair {
  sourceBrin: string;
  sourceName: string;
  destinationBrin: string;
  destinationName: string;
  total: number;
  results: Record<string, number>;
}

export interface OutcomeStatistics {
  from: string | null;
  to: string | null;
  pairs: OutcomePair[];
}

/** The ordered OSO-style result codes (best first), as platform/protocol.ts lists them. */
export const RESULT_CODES = [
  'OverdrachtGeslaagd',
  'NietGewijzigd',
  'NietKlaargezet',
  'DossierVerlopen',
  'GegevensKomenNietOvereen',
  'LeerlingNietGevonden',
  'SessieAfwijkend',
  'OnbekendAanleverpunt',
  'GeenRelatieMetDoel',
  'SessieReedsAfgemeld',
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
