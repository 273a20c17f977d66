import type { Mailer } from '../../platform/auth/index.js';
import type { RegionDeps } from '../deps.js';

/**
 * What the reminders need: the region module's own ports (the traffic center's facts about schools,
 * for their names and sectors), and — for the job that sends the e-mails — platform/auth's mailer
 * and the web app's public address for the link in the mail.
 */
export interface ReminderDeps extends Pick<RegionDeps, 'db' | 'keyring' | 'chain' | 'now'> {}

export interface ReminderMail {
  mailer: Mailer;
  /** The web app's address, e.g. https://overstap.example.nl (the mail links to the school's page). */
  publicUrl: () => string;
}

export interface ReminderJobDeps extends ReminderDeps {
  mail: ReminderMail;
}
