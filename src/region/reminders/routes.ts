import type { HttpServer } from '../../platform/http/server.js';
import { type RouteAuth, regionRouteKit } from '../route-kit.js';
import * as R from '../schemas.js';
import type { ReminderDeps } from './deps.js';
import { getReminderSettings } from './get-reminder-settings.js';
import { listReminders } from './list-reminders.js';
import { listSchoolNotices } from './list-school-notices.js';
import { markNoticeRead } from './mark-notice-read.js';
import * as S from './schemas.js';
import { sendDueReminders } from './send-due-reminders.js';
import { updateReminderSettings } from './update-reminder-settings.js';

export interface ReminderRouteDeps extends ReminderDeps {
  auth: RouteAuth;
}

/**
 * The reminders' routes under /api/region: the coordinator's log, settings and "send now"; a
 * school's in-app notices. Routes only translate: authenticate → validate → use case.
 */
export function registerReminderRoutes(app: HttpServer, deps: ReminderRouteDeps): void {
  const { api, ctxOf, preHandler, base, errors, changeErrors } = regionRouteKit(
    app,
    deps,
    'region reminders',
  );

  api.get(
    '/api/region/regions/:regionId/reminders',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The reminders the region sent in a school year: per school, deadline and kind, when, to which roles and how many people (addresses only for region:admin)',
        params: R.RegionParams,
        querystring: S.YearQuery,
        response: { 200: S.ReminderLog, ...errors },
      },
    },
    async (request) =>
      listReminders(ctxOf(request), deps, {
        regionId: request.params.regionId,
        ...(request.query.schoolYear ? { schoolYear: request.query.schoolYear } : {}),
      }),
  );
  api.get(
    '/api/region/regions/:regionId/reminders/settings',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The region’s reminder settings, and when reminders go with them this school year',
        params: R.RegionParams,
        response: { 200: S.ReminderSettingsView, ...errors },
      },
    },
    async (request) => getReminderSettings(ctxOf(request), request.params),
  );
  api.put(
    '/api/region/regions/:regionId/reminders/settings',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Change the reminder settings (region:admin); a number out of bounds: 422 REGION_SETTINGS_INVALID with details.field',
        params: R.RegionParams,
        body: S.ReminderSettings,
        response: { 200: S.ReminderSettingsView, ...changeErrors },
      },
    },
    async (request) =>
      updateReminderSettings(ctxOf(request), { regionId: request.params.regionId, settings: request.body }),
  );
  api.post(
    '/api/region/regions/:regionId/reminders/send',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Send the reminders that are due today now (region:admin); those sent already are not sent again. The e-mails go by a job.',
        params: R.RegionParams,
        response: { 200: S.ReminderRun, ...changeErrors },
      },
    },
    async (request) =>
      sendDueReminders(ctxOf(request), deps, { regionId: request.params.regionId, trigger: 'manual' }),
  );
  api.get(
    '/api/region/schools/:brin/notices',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'A school’s in-app notices from its regions (any of its staff), open ones first',
        params: R.SchoolParams,
        response: { 200: S.SchoolNotices, ...errors },
      },
    },
    async (request) => listSchoolNotices(ctxOf(request), request.params),
  );
  api.post(
    '/api/region/schools/:brin/notices/:noticeId/read',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Mark one of the school’s notices as read (for the caller)',
        params: S.NoticeParams,
        response: { 200: S.NoticeRead, ...errors },
      },
    },
    async (request) => markNoticeRead(ctxOf(request), request.params),
  );
}
