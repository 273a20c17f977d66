/** The answers of /api/region (src/region/schemas.ts), as the region pages use them. */

export interface Message {
  nl: string;
  en: string;
}

export type SchoolRole = 'administratie' | 'leerkracht' | 'directie' | 'coordinator' | 'technisch';
export const SCHOOL_ROLES: readonly SchoolRole[] = [
  'administratie',
  'directie',
  'leerkracht',
  'coordinator',
  'technisch',
];
export type Sector = 'po' | 'vo' | 'so' | 'swv' | 'onbekend';
export type HolidayRegion = 'noord' | 'midden' | 'zuid';

export interface RegionSettings {
  registrationsPerPupil: 'one' | 'several';
  dossierOrder: 'first_preference' | 'after_placement' | null;
  platform: 'none' | 'onderwijs_transparant' | 'triple_w_ict' | 'other';
  platformName: string | null;
  eindtoetsRoute: 'oso' | 'platform';
  holidayRegion: HolidayRegion;
  minGapSchoolDays: number;
}

export interface RegionOverview {
  id: string;
  name: string;
  settings: RegionSettings;
  members: Array<{ brin: string; name: string; sector: Sector; place: string | null }>;
  coordinators: Array<{ accountId: string; name: string; email: string; active: boolean }>;
  timelineYears: string[];
}

export interface ReadinessCheck {
  item: 'admitted' | 'deliveryPoint' | 'platformDeliveryPoint' | 'roles' | 'testExchange';
  ok: boolean;
  label: Message;
  missing?: Message;
}

export interface SchoolReadiness {
  brin: string;
  name: string;
  sector: Sector;
  place: string | null;
  known: boolean;
  ready: boolean;
  checks: ReadinessCheck[];
  missingRoles: SchoolRole[];
}

export interface RegionReadiness {
  regionId: string;
  regionName: string;
  schools: number;
  ready: number;
  members: SchoolReadiness[];
}

export const TIMELINE_FIELDS = [
  'inspectedBy',
  'registeredBy',
  'destinationKnownBy',
  'readyBy',
  'requestedBy',
  'summerSwitch',
] as const;
export type TimelineField = (typeof TIMELINE_FIELDS)[number];
export type TimelineDates = Record<TimelineField, string>;

export interface TimelineWarning {
  kind: 'gap' | 'holiday' | 'dayOff' | 'noHolidayData' | 'evaluation';
  field?: TimelineField;
  otherField?: TimelineField;
  schoolDays?: number;
  suggestedSchoolDays?: number;
  message: Message;
}

/** What the previous school year's evaluation tells this timeline (src/region/evaluation). */
export interface TimelineFeedback {
  schoolYear: string;
  evaluationId: string;
  findings: Array<{ id: string; milestone: TimelineField | null; text: string; createdAt: string }>;
  gaps: Array<{
    field: TimelineField;
    otherField: TimelineField;
    mean: number;
    answers: number;
    schoolDays: number | null;
    suggestedSchoolDays: number;
    message: Message;
  }>;
}

export interface TimelineView {
  regionId: string;
  schoolYear: string;
  dates: TimelineDates | null;
  updatedAt: string | null;
  warnings: TimelineWarning[];
  holidayRegion: HolidayRegion;
  minGapSchoolDays: number;
  gatewaySummerSwitch: string | null;
  evaluation: TimelineFeedback | null;
}

export interface SavedTimeline {
  regionId: string;
  schoolYear: string;
  dates: TimelineDates;
  warnings: TimelineWarning[];
  summerSwitch:
    | { status: 'set' | 'unchanged'; day: string }
    | { status: 'notNext'; nextSchoolYear: string | null }
    | { status: 'failed' };
}

export interface TimelineProblem {
  kind: 'notADate' | 'outsideSchoolYear' | 'order';
  field: TimelineField;
  otherField?: TimelineField;
  message: Message;
}

export interface Contact {
  id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  source: 'region' | 'account';
}

export interface RoleContacts {
  role: SchoolRole;
  required: boolean;
  contacts: Contact[];
}

export interface RegionContact {
  id: string;
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
}

export interface SchoolContactList {
  brin: string;
  schoolName: string;
  sector: Sector;
  roles: RoleContacts[];
}

export interface SchoolHelp {
  brin: string;
  schoolName: string;
  sector: Sector;
  regions: Array<{ id: string; name: string; contacts: RegionContact[]; platform: Message | null }>;
  suppliers: string[];
  roles: RoleContacts[];
}
