import { Type } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import type { HttpServer } from '../platform/http/server.js';
import { addMemberSchool } from './add-member-school.js';
import { addRegionContact } from './add-region-contact.js';
import { addSchoolContact } from './add-school-contact.js';
import { checkReadiness } from './check-readiness.js';
import { createRegion } from './create-region.js';
import type { RegionDeps } from './deps.js';
import { getRegion } from './get-region.js';
import { getTimeline } from './get-timeline.js';
import { inviteCoordinator } from './invite-coordinator.js';
import { listRegionContacts } from './list-region-contacts.js';
import { listRegions } from './list-regions.js';
import { listSchoolContacts } from './list-school-contacts.js';
import { removeMemberSchool } from './remove-member-school.js';
import { removeRegionContact } from './remove-region-contact.js';
import { removeSchoolContact } from './remove-school-contact.js';
import { type RouteAuth, regionRouteKit } from './route-kit.js';
import { saveTimeline } from './save-timeline.js';
import * as S from './schemas.js';
import { schoolHelp } from './school-help.js';
import { updateRegionSettings } from './update-region-settings.js';

export interface RegionRouteDeps extends RegionDeps {
  auth: RouteAuth;
}

/**
 * The region module's JSON API under /api/region, for the web app's region pages and for
 * integrators. Routes only translate: authenticate → validate (TypeBox → OpenAPI) → use case.
 * Every use case checks `region:read` / `region:admin` at the region (`region:<id>`) itself.
 */
export function registerRegionRoutes(app: HttpServer, deps: RegionRouteDeps): void {
  const { api, ctxOf, preHandler, base, errors, changeErrors } = regionRouteKit(app, deps, 'region');

  api.get(
    '/api/region/regions',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The regions the caller may read',
        response: { 200: S.RegionList, ...errors },
      },
    },
    async (request) => listRegions(ctxOf(request)),
  );
  api.post(
    '/api/region/regions',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Make a region (chain operator, tc:admin)',
        body: S.NewRegion,
        response: { 201: S.Region, ...changeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createRegion(ctxOf(request), request.body)),
  );
  api.get(
    '/api/region/regions/:regionId',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'A region: settings, member schools, coordinators, school years with a timeline',
        params: S.RegionParams,
        response: { 200: S.RegionOverview, ...errors },
      },
    },
    async (request) => getRegion(ctxOf(request), deps, request.params.regionId),
  );
  api.put(
    '/api/region/regions/:regionId/settings',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The region’s rules: registrations per pupil, order, regional platform, eindtoets route, holidays',
        params: S.RegionParams,
        body: S.RegionSettings,
        response: { 200: S.Region, ...changeErrors },
      },
    },
    async (request) => updateRegionSettings(ctxOf(request), request.params.regionId, request.body),
  );
  api.put(
    '/api/region/regions/:regionId/members/:brin',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Add a school to the region (the traffic center must know it)',
        params: S.MemberParams,
        response: { 200: Type.Object({ added: Type.Boolean() }), ...changeErrors },
      },
    },
    async (request) => addMemberSchool(ctxOf(request), deps, request.params),
  );
  api.delete(
    '/api/region/regions/:regionId/members/:brin',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Take a school out of the region',
        params: S.MemberParams,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await removeMemberSchool(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/api/region/regions/:regionId/readiness',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Per member school: admitted, delivery point(s), roles, test exchange — and what is missing, in words',
        params: S.RegionParams,
        response: { 200: S.Readiness, ...errors },
      },
    },
    async (request) => checkReadiness(ctxOf(request), deps, request.params.regionId),
  );
  api.get(
    '/api/region/regions/:regionId/timelines/:schoolYear',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The timeline of a school year with its warnings (dates null when there is none yet)',
        params: S.TimelineParams,
        response: { 200: S.TimelineView, ...errors },
      },
    },
    async (request) => getTimeline(ctxOf(request), deps, request.params),
  );
  api.put(
    '/api/region/regions/:regionId/timelines/:schoolYear',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Save the timeline of a school year: refused (422, details.problems per field) when the order cannot work; saved with warnings otherwise; sets the gateway’s summer switch',
        params: S.TimelineParams,
        body: S.TimelineDates,
        response: { 200: S.SavedTimeline, ...changeErrors },
      },
    },
    async (request) => saveTimeline(ctxOf(request), deps, { ...request.params, dates: request.body }),
  );
  api.get(
    '/api/region/regions/:regionId/contacts',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The region’s own contacts (shown on its schools’ help pages)',
        params: S.RegionParams,
        response: { 200: Type.Array(S.RegionContact), ...errors },
      },
    },
    async (request) => listRegionContacts(ctxOf(request), request.params.regionId),
  );
  api.post(
    '/api/region/regions/:regionId/contacts',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Add one of the region’s own contacts',
        params: S.RegionParams,
        body: S.NewRegionContact,
        response: { 201: S.ContactCreated, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addRegionContact(ctxOf(request), { regionId: request.params.regionId, ...request.body })),
  );
  api.delete(
    '/api/region/regions/:regionId/contacts/:contactId',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Remove one of the region’s own contacts',
        params: S.RegionContactParams,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await removeRegionContact(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/api/region/regions/:regionId/schools/:brin/contacts',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The people of a member school per role (recorded contacts and people with an account)',
        params: S.MemberParams,
        response: { 200: S.SchoolContactList, ...errors },
      },
    },
    async (request) => listSchoolContacts(ctxOf(request), deps, request.params),
  );
  api.post(
    '/api/region/regions/:regionId/schools/:brin/contacts',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Record a person of a member school in a role, with e-mail and/or phone',
        params: S.MemberParams,
        body: S.NewSchoolContact,
        response: { 201: S.ContactCreated, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSchoolContact(ctxOf(request), { ...request.params, ...request.body })),
  );
  api.delete(
    '/api/region/regions/:regionId/schools/:brin/contacts/:contactId',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Remove a recorded contact of a member school',
        params: S.SchoolContactParams,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await removeSchoolContact(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/api/region/regions/:regionId/coordinators',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Invite a person as a coordinator of the region (mails a one-time link)',
        params: S.RegionParams,
        body: S.NewCoordinator,
        response: { 201: S.CoordinatorInvited, ...changeErrors },
      },
    },
    async (request, reply) => {
      if (!deps.invitations)
        throw new AppError('NOT_FOUND', { reason: 'no mail configured for invitations' });
      const invited = await inviteCoordinator(ctxOf(request), deps.invitations, {
        regionId: request.params.regionId,
        ...request.body,
      });
      return reply.status(201).send(invited);
    },
  );
  api.get(
    '/api/region/schools/:brin/help',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The help page of a school: whom to ask for what, the region’s contacts, the school’s people per role',
        params: S.SchoolParams,
        response: { 200: S.SchoolHelp, ...errors },
      },
    },
    async (request) => schoolHelp(ctxOf(request), deps, request.params.brin),
  );
}
