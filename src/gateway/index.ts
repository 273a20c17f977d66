/**
 * The school gateway (DESIGN.md §2, §4, §5): the OSO module of a school administration, hosting many
 * schools. Sending side — import, inspection, klaarzetten, answering document requests, notices, the
 * summer switch; receiving side — registrations, requests, received dossiers, import/export. It
 * reaches the traffic center and other gateways only through the chain protocol (mutual TLS).
 *
 * This file is the folder's public face: import the gateway only through it.
 */
import type { HttpServer } from '../platform/http/server.js';
import { registerGatewayChainRoutes } from './chain/routes.js';
import type { GatewayDeps } from './deps.js';
import { registerGatewayApiRoutes } from './http/api-routes.js';

// ---- wiring -----------------------------------------------------------------------------------
export type { ChainCallCtx } from './chain/chain-ctx.js';
export {
  type ChainClientsOptions,
  createGatewayChainClients,
  type DocumentRequestMessage,
  type GatewayChain,
  type PeerClient,
  type TcAnswer,
  type TrafficCenterClient,
} from './chain/clients.js';
export { type GatewayChainRouteDeps, registerGatewayChainRoutes } from './chain/routes.js';
export type { GatewayDeps } from './deps.js';
export { gatewayEncryptedColumns } from './encrypted-columns.js';
export { registerGatewayApiRoutes } from './http/api-routes.js';
export {
  DESTROY_EARLIER_KEYS,
  gatewayJobHandlers,
  REQUEST_DOSSIER,
  SEND_READY_NOTICE,
  SEND_REGISTRATION_NOTICE,
  SEND_TERUGKOPPELING,
  SUMMER_SWITCH,
} from './jobs.js';
export { gatewayMigrations } from './migrations.js';
export { setTransfersInFlight } from './receiving/transfer-slots.js';
export { setValidationThreads } from './validation/pool.js';

/** Both faces of the gateway on one server: the JSON API (/api/gw) and the chain endpoints (/chain/v1). */
export function registerGatewayRoutes(app: HttpServer, deps: GatewayDeps): void {
  registerGatewayApiRoutes(app, deps);
  registerGatewayChainRoutes(app, deps);
}

export {
  type ActivateDeliveryPointInput,
  type ActivatedDeliveryPoint,
  activateDeliveryPoint,
} from './hosting/activate-delivery-point.js';
// ---- hosting ----------------------------------------------------------------------------------
export {
  ADDED_PURPOSES,
  type AddedDeliveryPoint,
  type AddedPurpose,
  addDeliveryPoint,
} from './hosting/add-delivery-point.js';
export { destroyEarlierKeys } from './hosting/destroy-earlier-keys.js';
export { type HostedSchoolSummary, listHostedSchools } from './hosting/hosted-schools.js';
export {
  DAILY_PURGE_HOUR_UTC,
  nextDailyPurge,
  PURGE_ENDED_SCHOOLS,
  type PurgeCounts,
  type PurgedSchool,
  type PurgeRun,
  purgeEndedSchool,
  purgeEndedSchools,
  scheduleSchoolPurges,
} from './hosting/purge-ended-school.js';
export {
  type HostedSchool,
  type HostedSchoolInput,
  registerHostedSchool,
} from './hosting/register-hosted-school.js';
export {
  type ResumedHosting,
  type ResumeHostingInput,
  resumeHostingSchool,
} from './hosting/resume-hosting-school.js';
export {
  DEFAULT_KEY_GRACE_MINUTES,
  type RotateDeliveryPointKeyInput,
  type RotatedDeliveryPointKey,
  rotateDeliveryPointKey,
} from './hosting/rotate-delivery-point-key.js';
export {
  type StopHostingInput,
  type StoppedHosting,
  stopHostingSchool,
} from './hosting/stop-hosting-school.js';
// ---- instances on one database ----------------------------------------------------------------
export {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_STALE_AFTER_MS,
  type GatewayInstance,
  startGatewayInstance,
} from './instances/gateway-instance.js';
// ---- the region's monitoring: counts per milestone, the school's own lists ----------------------
export {
  countMilestones,
  type MilestoneCounts,
  type ReceivingCounts,
  type SendingCounts,
} from './monitoring/count-milestones.js';
export { listNotArrived } from './monitoring/list-not-arrived.js';
export { listReadyNotRequested, type ReadyNotRequestedItem } from './monitoring/list-ready-not-requested.js';
export {
  type MilestoneReport,
  type MilestoneReporter,
  milestoneReportJobHandlers,
  REPORT_MILESTONES,
  reportMilestones,
  requestMilestoneReport,
  scheduleMilestoneReports,
} from './monitoring/report-milestones.js';
// ---- the region's pilot: fictional pupils with test BSNs, apart from production (ADR 0007) ------
export * from './pilot/index.js';
// ---- receiving side ---------------------------------------------------------------------------
export {
  asJson,
  exportReceivedDossier,
  type ReceivedDossierExport,
} from './receiving/export-received-dossier.js';
export { exportSwvDossier, type SwvDossierExport } from './receiving/export-swv-dossier.js';
export {
  REGISTRATION_STATES,
  REGISTRATION_TRANSITIONS,
  type RegistrationState,
} from './receiving/lifecycle.js';
export { listRegistrations, type RegistrationListItem } from './receiving/list-registrations.js';
export { listSwvRequests, type SwvRequestListItem } from './receiving/list-swv-requests.js';
export { markImported, rejectReceived } from './receiving/mark-imported.js';
export { receiveReadyNotice } from './receiving/receive-ready-notice.js';
export { type RegisterPupilInput, type Registration, registerPupil } from './receiving/register-pupil.js';
export { releaseInterruptedRequests } from './receiving/release-interrupted-requests.js';
export { type BulkRequestResult, requestAllOpen } from './receiving/request-all-open.js';
export { type RequestResult, releaseAbandonedRequests, requestDossier } from './receiving/request-dossier.js';
export {
  type RequestSwvDossierInput,
  requestSwvDossier,
  type SwvRequestResult,
} from './receiving/request-swv-dossier.js';
export { RESULT_EXPLANATIONS } from './receiving/result-explanations.js';
export {
  sendTerugkoppeling,
  type TerugkoppelingInput,
  type TerugkoppelingQueued,
} from './receiving/send-terugkoppeling.js';
export { SWV_RESULT_EXPLANATIONS } from './receiving/swv-request-store.js';
// ---- sending side -----------------------------------------------------------------------------
export { type AddAttachmentInput, addAttachment } from './sending/add-attachment.js';
export { answerDocumentRequest } from './sending/answer-document-request.js';
export { answerSwvRequest } from './sending/answer-swv-request.js';
export {
  createDossierFromGenerated,
  type GeneratedDossierInput,
} from './sending/create-dossier-from-generated.js';
export { editDossier } from './sending/edit-dossier.js';
export {
  DEFAULT_SUMMER_SWITCH,
  ensureSummerSwitchScheduled,
  expireReadyDossiers,
  regionSummerSwitch,
  scheduleSummerSwitch,
  setRegionSummerSwitch,
  summerSwitchMoment,
} from './sending/expire-ready-dossiers.js';
export { importDossier } from './sending/import-dossier.js';
export { type Klaargezet, klaarzetten } from './sending/klaarzetten.js';
export { DOSSIER_STATES, DOSSIER_TRANSITIONS, type DossierState } from './sending/lifecycle.js';
export { type DossierListItem, listDossiers } from './sending/list-dossiers.js';
export { listTerugkoppelingen, type TerugkoppelingListItem } from './sending/list-terugkoppelingen.js';
export { DEFAULT_LOOKUP_LIMIT, type LookupLimit } from './sending/lookup-limit.js';
export { putUpForInspection } from './sending/put-up-for-inspection.js';
export { readDossierDocument } from './sending/read-dossier.js';
export { receiveFeedback } from './sending/receive-feedback.js';
export { receiveRegistrationNotice } from './sending/receive-registration-notice.js';
export { type Akkoord, recordInspection } from './sending/record-inspection.js';
export type { SavedDossier } from './sending/save-document.js';
export { withdrawDossier } from './sending/withdraw-dossier.js';
