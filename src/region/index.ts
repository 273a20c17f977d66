/**
 * The region module (DESIGN.md §2, §6; ADR 0006): regions with member schools, their settings,
 * the timeline per school year, the readiness of each school, and the contacts per school and
 * region. It reads facts about schools from the traffic center and sets the gateway's summer switch
 * through two ports (deps.ts); `all-in-one-ports.ts` implements them in the all-in-one process.
 *
 * This file is the folder's public face: import the region module only through it.
 */

export { addMemberSchool } from './add-member-school.js';
export { addRegionContact } from './add-region-contact.js';
export { addSchoolContact } from './add-school-contact.js';
export { gatewaySummerSwitch, trafficCenterFacts } from './all-in-one-ports.js';
export { checkReadiness, type RegionReadiness } from './check-readiness.js';
export type { RegionContact, RoleContacts, SchoolContact } from './contact-store.js';
export { createRegion, type NewRegion } from './create-region.js';
export type {
  ChainFacts,
  ChainSchoolFacts,
  GatewaySummerSwitch,
  InvitationMail,
  RegionDeps,
} from './deps.js';
export * from './evaluation/index.js';
export { getRegion, type MemberSchool, type RegionOverview } from './get-region.js';
export { getTimeline, type TimelineView } from './get-timeline.js';
export { type CoordinatorInvitation, inviteCoordinator } from './invite-coordinator.js';
export { listRegionContacts } from './list-region-contacts.js';
export { listRegions, type RegionListItem } from './list-regions.js';
export { listSchoolContacts, type SchoolContactList } from './list-school-contacts.js';
export { regionMigrations } from './migrations.js';
export * from './monitoring/index.js';
export * from './okr/index.js';
export * from './pilot/index.js';
export {
  REQUIRED_ROLES,
  type ReadinessCheck,
  type ReadinessItem,
  type SchoolReadiness,
} from './readiness-rules.js';
export type { Region, RegionSettings } from './region-store.js';
export * from './reminders/index.js';
export { removeMemberSchool } from './remove-member-school.js';
export { removeRegionContact } from './remove-region-contact.js';
export { removeSchoolContact } from './remove-school-contact.js';
export { type RegionRouteDeps, registerRegionRoutes } from './routes.js';
export { type SavedTimeline, type SummerSwitchOutcome, saveTimeline } from './save-timeline.js';
export {
  HOLIDAY_REGIONS,
  type HolidayRegion,
  SCHOOL_HOLIDAYS,
  schoolDaysBetween,
} from './school-calendar.js';
export { type SchoolHelp, schoolHelp } from './school-help.js';
export { syncSummerSwitches } from './summer-switch.js';
export {
  DEADLINES,
  DEFAULT_MIN_GAP_SCHOOL_DAYS,
  TIMELINE_FIELDS,
  type TimelineDates,
  type TimelineProblem,
  type TimelineWarning,
} from './timeline-rules.js';
export { updateRegionSettings } from './update-region-settings.js';
