/** The answers of the reminders' routes (src/region/reminders/schemas.ts), as the pages use them. */
import type { Message, SchoolRole } from './types';

export type Deadline = 'inspectedBy' | 'registeredBy' | 'destinationKnownBy' | 'readyBy' | 'requestedBy';
export type ReminderKind = 'before' | 'last_day' | 'after';

export interface ReminderSettings {
  enabled: boolean;
  daysBefore: number;
  lastSchoolDayBefore: boolean;
  afterDeadline: boolean;
  repeatAfterSchoolDays: number;
}

export interface ReminderSettingsView {
  regionId: string;
  settings: ReminderSettings;
  defaults: ReminderSettings;
  bounds: { daysBefore: { min: number; max: number }; repeatAfterSchoolDays: { min: number; max: number } };
  updatedAt: string | null;
  today: string;
  schoolYear: string;
  timeline: Record<Deadline | 'summerSwitch', string> | null;
  schedule: Array<{ deadline: Deadline; kind: ReminderKind; dueOn: string }>;
  duties: Array<{ deadline: Deadline; side: 'sending' | 'receiving'; roles: SchoolRole[] }>;
  fallbackRoles: SchoolRole[];
}

export interface ReminderRun {
  day: string;
  schoolDay: boolean;
  reminders: number;
  recipients: number;
  fallbacks: number;
  unreachable: number;
  alreadySent: number;
}

export interface ReminderLogEntry {
  id: string;
  brin: string;
  schoolName: string;
  deadline: Deadline;
  deadlineDay: string;
  kind: ReminderKind;
  dueOn: string;
  status: string;
  count: number | null;
  outOf: number | null;
  roles: SchoolRole[];
  fallback: boolean;
  recipients: number;
  mailsSent: number;
  reads: number;
  trigger: 'daily' | 'manual';
  createdAt: string;
  addresses: Array<{ email: string; roles: SchoolRole[]; sentAt: string | null }> | null;
}

export interface ReminderLog {
  schoolYear: string;
  entries: ReminderLogEntry[];
}

export interface SchoolNotice {
  id: string;
  regionName: string;
  kind: ReminderKind;
  title: Message;
  text: Message;
  progress: Message | null;
  action: Message;
  roles: Message;
  link: string;
  open: boolean;
}

export interface SchoolNotices {
  brin: string;
  open: number;
  notices: SchoolNotice[];
}
