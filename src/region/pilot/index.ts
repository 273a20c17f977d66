/**
 * The region's pilot (DESIGN.md §6, ADR 0007): pilots with a period and pairs of po and vo schools
 * that exchange a regular and a support dossier about fictional pupils (test BSNs), kept apart from
 * production at the gateway; progress filled in from the chain; the notification of suppliers and
 * the servicedesk. Exported through the region module's index.ts.
 */
export { addPilotPair } from './add-pilot-pair.js';
export { gatewayPilotExchanges } from './all-in-one-ports.js';
export { createPilot, type NewPilot } from './create-pilot.js';
export type {
  PilotDeps,
  PilotExchanges,
  PilotKind,
  PilotKindCounts,
  PilotPairCounts,
  PilotPairRef,
  PilotPupilFacts,
  PilotStepOutcome,
} from './deps.js';
export { getPilot, type PilotDetail } from './get-pilot.js';
export { getSchoolPilots, type SchoolPilots } from './get-school-pilots.js';
export { listPilots, type PilotListItem } from './list-pilots.js';
export { listUpcomingPilots, type UpcomingPilot } from './list-upcoming-pilots.js';
export { markPilotImported } from './mark-pilot-imported.js';
export { pilotMigrations } from './migrations.js';
export { notifyPilot, type PilotNotification } from './notify-pilot.js';
export { preparePilotDossiers } from './prepare-pilot-dossiers.js';
export { removePilotPair } from './remove-pilot-pair.js';
export { requestPilotDossiers } from './request-pilot-dossiers.js';
export { type PilotRouteDeps, registerPilotRoutes } from './routes.js';
export { updatePilot } from './update-pilot.js';
