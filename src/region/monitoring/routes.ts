import type { HttpServer } from '../../platform/http/server.js';
import { type RouteAuth, regionRouteKit } from '../route-kit.js';
import * as R from '../schemas.js';
import type { MonitoringDeps } from './deps.js';
import { exportMonitoringCsv } from './export-monitoring-csv.js';
import { exportMonitoringPdf } from './export-monitoring-pdf.js';
import { getMonitoringDashboard } from './get-monitoring-dashboard.js';
import { getSchoolProgress } from './get-school-progress.js';
import { recordMilestoneSnapshots } from './record-milestone-snapshots.js';
import { requestMonitoringRefresh } from './request-monitoring-refresh.js';
import * as S from './schemas.js';

export interface MonitoringRouteDeps extends MonitoringDeps {
  auth: RouteAuth;
}

/**
 * The monitoring's routes under /api/region (ADR 0006, monitoring): the coordinator's dashboard and
 * its exports, a school's progress, "bring up to date", and the route a federated gateway reports
 * its counts to. Routes only translate: authenticate → validate → use case.
 */
export function registerMonitoringRoutes(app: HttpServer, deps: MonitoringRouteDeps): void {
  const { api, ctxOf, preHandler, base, errors, download } = regionRouteKit(app, deps, 'region monitoring');

  api.get(
    '/api/region/regions/:regionId/monitoring',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The dashboard: per member school and milestone the count against the deadline, regional totals (each pupil once), progress over time, session outcomes',
        params: R.RegionParams,
        querystring: S.YearQuery,
        response: { 200: S.MonitoringDashboard, ...errors },
      },
    },
    async (request) =>
      getMonitoringDashboard(ctxOf(request), deps, {
        regionId: request.params.regionId,
        ...(request.query.schoolYear ? { schoolYear: request.query.schoolYear } : {}),
      }),
  );
  api.get(
    '/api/region/regions/:regionId/monitoring/export.csv',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The dashboard’s table as CSV (UTF-8, semicolons), a row per school and the regional totals',
        params: R.RegionParams,
        querystring: S.ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { filename, csv } = await exportMonitoringCsv(ctxOf(request), deps, {
        regionId: request.params.regionId,
        ...request.query,
      });
      return download(reply, 'text/csv; charset=utf-8', filename).send(csv);
    },
  );
  api.get(
    '/api/region/regions/:regionId/monitoring/export.pdf',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The dashboard as an A4 PDF (milestones, progress chart, table per school)',
        params: R.RegionParams,
        querystring: S.ExportQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await exportMonitoringPdf(ctxOf(request), deps, {
        regionId: request.params.regionId,
        ...request.query,
      });
      return download(reply, 'application/pdf', filename).send(pdf);
    },
  );
  api.post(
    '/api/region/regions/:regionId/monitoring/refresh',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Ask the member schools’ gateway for fresh counts now (a job; the dashboard follows)',
        params: R.RegionParams,
        response: { 202: S.RefreshQueued, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestMonitoringRefresh(ctxOf(request), deps, request.params)),
  );
  api.get(
    '/api/region/schools/:brin/progress',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'A school’s progress: its own row and the regional totals; for its own staff the pupils behind its counts',
        params: R.SchoolParams,
        querystring: S.YearQuery,
        response: { 200: S.SchoolProgress, ...errors },
      },
    },
    async (request) =>
      getSchoolProgress(ctxOf(request), deps, {
        brin: request.params.brin,
        ...(request.query.schoolYear ? { schoolYear: request.query.schoolYear } : {}),
      }),
  );
  api.post(
    '/api/region/monitoring/snapshots',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'A gateway reports its schools’ counts per milestone (numbers only), with gateway:admin for those schools',
        body: S.SnapshotReport,
        response: { 200: S.SnapshotsRecorded, ...errors },
      },
    },
    async (request) => recordMilestoneSnapshots(ctxOf(request), request.body.snapshots),
  );
}
