/**
 * The gateway's pilot mode (ADR 0007): dossiers and registrations of a region's pilot, about
 * fictional pupils with test BSNs, kept apart from the school's own. Exported through the
 * gateway's index.ts.
 */
export {
  countPilotExchanges,
  type PilotKindCounts,
  type PilotPairCounts,
} from './count-pilot-exchanges.js';
export { createPilotDossier, type PilotDossier } from './create-pilot-dossier.js';
export { listPilotDossiers, type PilotDossierListItem } from './list-pilot-dossiers.js';
export { listPilotRegistrations, type PilotRegistrationListItem } from './list-pilot-registrations.js';
export type { PilotPupilInput } from './pilot-input.js';
export { type PilotRegistration, registerPilotPupil } from './register-pilot-pupil.js';
export {
  inTestBsnRange,
  isTestBsn,
  PILOT_KINDS,
  type PilotKind,
  TEST_BSN_RANGE,
} from './test-bsn.js';
