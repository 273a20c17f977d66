/** What the po pages receive from the gateway API (src/gateway/http/schemas.ts, worklist-schemas.ts). */
import type { ServerMessage } from '../../api';

export type DossierState = 'concept' | 'ter_inzage' | 'ingezien' | 'klaargezet' | 'ingetrokken' | 'verlopen';
/** What a person reads: the dossier's state, with a ready dossier that was fetched shown as delivered. */
export type ShownState = DossierState | 'geleverd';
export const SHOWN_STATES: readonly ShownState[] = [
  'concept',
  'ter_inzage',
  'ingezien',
  'klaargezet',
  'geleverd',
  'ingetrokken',
  'verlopen',
];

export interface SchoolRef {
  brin: string;
  schoolName: string | null;
}

export interface Pupil {
  achternaam: string;
  voorvoegsel?: string;
  roepnaam?: string;
  geboortedatum: string;
}

export interface DossierListItem {
  dossierId: string;
  schooljaar: string;
  profile: string;
  state: DossierState;
  version: number;
  revision: number;
  stateChangedAt: string;
  pupil: Pupil;
  groep: string | null;
  /** Errors the school must fix. */
  errorCount: number;
  warningCount: number;
  /** Errors that only say the parents' inspection is still open (not the school's; 0 once inspected). */
  awaitingInspection: number;
  frozenAt: string | null;
  inspection: { inzagedatum: string; akkoord: string; toestemming: string | null } | null;
  destination:
    | (SchoolRef & {
        state: 'klaargezet' | 'ingetrokken' | 'verlopen';
        readyAt: string;
        endedAt: string | null;
      })
    | null;
  registeredAt: Array<SchoolRef & { preferenceRank: number | null }>;
  requests: number;
  deliveries: { count: number; lastAt: string | null };
}

export interface Finding {
  rule: string;
  severity: 'fout' | 'waarschuwing';
  path: string;
  line: number;
  column: number;
  message: ServerMessage;
}

export interface SchoolFields {
  advies?: string;
  wensouders?: string;
  wensleerling?: string;
  herzienadvies?: string;
  motivatie_herzienadvies?: string;
  profiel?: string;
  argumentatie?: string;
  aandachtspunten?: string;
  contactnodig?: boolean;
  contactpersoon?: string;
  contacttelefoon?: string;
  contactemail?: string;
}

export interface AttachmentSummary {
  position: number;
  own: boolean;
  category: string;
  bestandsnaam: string;
  omschrijving: string | null;
  size: number;
}

export interface DossierOverview extends Omit<DossierListItem, 'pupil'> {
  pupil: Pupil & { voornamen: string[] };
  inspectionRequired: boolean;
  findings: Finding[];
  /** Findings of the inspection rules while the version waits for the parents' inspection. */
  inspectionFindings: Finding[];
  fields: SchoolFields;
  attachments: AttachmentSummary[];
  versions: Array<{
    version: number;
    origin: 'import' | 'generated' | 'edit';
    createdAt: string;
    errorCount: number;
    warningCount: number;
    awaitingInspection: number;
    frozenAt: string | null;
    inspectedAt: string | null;
  }>;
  destinations: Array<
    SchoolRef & {
      state: 'klaargezet' | 'ingetrokken' | 'verlopen';
      version: number;
      readyAt: string;
      endedAt: string | null;
    }
  >;
}

export interface SavedDossier {
  dossierId: string;
  version: number;
  state: DossierState;
  withdrawnFrom?: string;
  errorCount: number;
  warningCount: number;
  awaitingInspection: number;
  findings: Finding[];
  changed?: boolean;
}

export type BulkAction = 'ter_inzage' | 'klaarzetten';
export interface BulkResult {
  action: BulkAction;
  ok: number;
  unchanged: number;
  refused: number;
  outcomes: Array<{
    dossierId: string;
    result: 'ok' | 'unchanged' | 'refused';
    state?: string;
    destinationBrin?: string;
    code?: string;
    message?: ServerMessage;
  }>;
}

export interface InspectionLink {
  url: string;
  expiresAt: string;
  mailed: boolean;
}

/** The state a person reads (a ready dossier that the school fetched is "delivered"). */
export function shownState(d: Pick<DossierListItem, 'state' | 'deliveries'>): ShownState {
  return d.state === 'klaargezet' && d.deliveries.count > 0 ? 'geleverd' : d.state;
}

/** "Roepnaam voorvoegsel Achternaam", as a school writes a pupil's name. */
export function pupilName(p: Pupil & { voornamen?: string[] }): string {
  const first = p.roepnaam ?? p.voornamen?.[0];
  return [first, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');
}

/** "Achternaam, Roepnaam voorvoegsel": for sorting and for a list. */
export function sortName(p: Pupil): string {
  return `${p.achternaam}, ${[p.roepnaam, p.voorvoegsel].filter(Boolean).join(' ')}`.replace(/, $/, '');
}

/** The school a pupil registered at first (best preference), if one stands out. */
export function firstPreference(
  d: Pick<DossierListItem, 'registeredAt'>,
): (SchoolRef & { preferenceRank: number | null }) | undefined {
  const [first, second] = d.registeredAt;
  if (!first) return undefined;
  if (second && (first.preferenceRank === null || first.preferenceRank === second.preferenceRank))
    return undefined;
  return first;
}
