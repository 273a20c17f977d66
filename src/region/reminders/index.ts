/**
 * The region's reminders (DESIGN.md §6; README.md in this folder): before each deadline of the
 * timeline to the right roles at each school, after it to the schools that are behind, by e-mail
 * and as an in-app notice per school. Exported through the region module's index.ts.
 */
export type { ReminderDeps, ReminderJobDeps, ReminderMail } from './deps.js';
export { getReminderSettings, type ReminderSettingsView } from './get-reminder-settings.js';
export {
  DAILY_REMINDER_HOUR_UTC,
  nextReminderRun,
  reminderJobHandlers,
  SEND_REMINDERS,
  scheduleReminders,
} from './jobs.js';
export { listReminders, type ReminderLog, type ReminderLogEntry } from './list-reminders.js';
export { listSchoolNotices, type SchoolNotice, type SchoolNotices } from './list-school-notices.js';
export { markNoticeRead } from './mark-notice-read.js';
export { reminderMigrations } from './migrations.js';
export {
  DEADLINE_DUTIES,
  DEFAULT_REMINDER_SETTINGS,
  FALLBACK_ROLES,
  REMINDER_BOUNDS,
  type ReminderKind,
  type ReminderSettings,
} from './reminder-rules.js';
export { type ReminderRouteDeps, registerReminderRoutes } from './routes.js';
export { type ReminderRun, SEND_REMINDER_MAILS, sendDueReminders } from './send-due-reminders.js';
export { updateReminderSettings } from './update-reminder-settings.js';
