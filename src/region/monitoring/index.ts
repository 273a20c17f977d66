/**
 * The region's monitoring (DESIGN.md §6; ADR 0006, monitoring): snapshots of counts per school and
 * milestone that gateways report, the coordinator's dashboard and its exports, a school's progress.
 * Exported through the region module's index.ts.
 */
export {
  gatewayMilestoneReports,
  gatewayPupilLists,
  regionMilestoneReporter,
  trafficCenterOutcomes,
} from './all-in-one-ports.js';
export type {
  MilestoneSummary,
  OutcomeTally,
  ProgressPoint,
  RegionTotals,
  SchoolRow,
} from './dashboard-model.js';
export { seedDemoSnapshots } from './demo-snapshots.js';
export type {
  MilestoneReports,
  MonitoringDeps,
  OutcomeCounts,
  OutcomePair,
  PupilListItem,
  SchoolPupilLists,
} from './deps.js';
export { exportMonitoringCsv, type MonitoringCsv } from './export-monitoring-csv.js';
export { exportMonitoringPdf } from './export-monitoring-pdf.js';
export { getMonitoringDashboard } from './get-monitoring-dashboard.js';
export { getSchoolProgress, type SchoolProgress } from './get-school-progress.js';
export type { MonitoringDashboard } from './load-dashboard.js';
export { monitoringMigrations } from './migrations.js';
export {
  MILESTONE_RULES,
  MILESTONES,
  type MilestoneCell,
  type MilestoneKey,
  type MilestoneStatus,
} from './milestones.js';
export {
  type RecordedSnapshots,
  type ReportedSnapshot,
  recordMilestoneSnapshots,
} from './record-milestone-snapshots.js';
export { requestMonitoringRefresh } from './request-monitoring-refresh.js';
export { type MonitoringRouteDeps, registerMonitoringRoutes } from './routes.js';
