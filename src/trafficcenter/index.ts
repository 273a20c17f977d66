/**
 * The traffic center (DESIGN.md §2, §4): the chain's central broker. It knows schools, supplier
 * systems (by certificate), mandates, delivery points, admission, sessions and outcome counts — and
 * never a dossier or a pupil's identity. See README.md in this folder for the answers it gives.
 */

export { type ChainCaller, type ChainCtx, normalizeFingerprint } from './chain-caller.js';
export { type CheckSessionAnswer, checkSession } from './check-session.js';
export { type CloseSessionAnswer, type CloseSessionRefusal, closeSession } from './close-session.js';
export { CONNECTION_STATUSES, type ConnectionStatus } from './connection-path.js';
export { countSchoolsByConnection } from './count-schools-by-connection.js';
export { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
export { expireSessions, type SessionExpirySweep, startSessionExpirySweep } from './expire-sessions.js';
export { getSchool } from './get-school.js';
export { grantMandate } from './grant-mandate.js';
export { type ListDeliveryPointsAnswer, listDeliveryPoints } from './list-delivery-points.js';
export { listSchools, SCHOOL_LIST_PAGE_SIZE } from './list-schools.js';
export { listSupplierMandates } from './list-supplier-mandates.js';
export { listSupplierSystems } from './list-supplier-systems.js';
export { trafficCenterMigrations } from './migrations.js';
export { namedOutcomeStatistics } from './named-outcome-statistics.js';
export { outcomeStatistics } from './outcome-statistics.js';
export { reactivateDeliveryPoint } from './reactivate-delivery-point.js';
export { registerDeliveryPoint } from './register-delivery-point.js';
export { registerSchool } from './register-school.js';
export { registerSupplierSystem } from './register-supplier-system.js';
export { type RevokedMandate, revokeMandate } from './revoke-mandate.js';
export {
  type PreHandler,
  registerTrafficCenterRoutes,
  type Surface,
  type TrafficCenterRouteDeps,
} from './routes.js';
export type {
  Admission,
  AdmissionChange,
  DeliveryPoint,
  DeliveryPointChanges,
  Mandate,
  NewDeliveryPoint,
  NewSchool,
  NewSupplierSystem,
  OutcomeStatistics,
  PublicSchool,
  PublicSchoolPage,
  School,
  SchoolChanges,
  SchoolOverview,
  SupplierSystem,
} from './schemas.js';
export { schoolHistory } from './school-history.js';
export { PUBLIC_PAGE_SIZE, searchAdmittedSchools } from './search-admitted-schools.js';
export type {
  ConnectionCounts,
  NamedOutcomeStatistics,
  SchoolHistory,
  SchoolListItem,
  SchoolListPage,
  SchoolListQuery,
  SupplierMandates,
} from './servicedesk-schemas.js';
export { DEFAULT_SESSION_LIFETIME_MS } from './session-expiry.js';
export { SESSION_TRANSITIONS, type SessionState } from './session-states.js';
export { setAdmission } from './set-admission.js';
export { type StartSessionAnswer, type StartSessionRefusal, startSession } from './start-session.js';
export { updateDeliveryPoint } from './update-delivery-point.js';
export { updateSchool } from './update-school.js';
