import { Type } from '@fastify/type-provider-typebox';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/server.js';
import { type RouteAuth, regionRouteKit } from '../route-kit.js';
import * as R from '../schemas.js';
import { addPilotPair } from './add-pilot-pair.js';
import { createPilot } from './create-pilot.js';
import type { PilotDeps } from './deps.js';
import { getPilot } from './get-pilot.js';
import { getSchoolPilots } from './get-school-pilots.js';
import { listPilots } from './list-pilots.js';
import { listUpcomingPilots } from './list-upcoming-pilots.js';
import { markPilotImported } from './mark-pilot-imported.js';
import { notifyPilot } from './notify-pilot.js';
import { preparePilotDossiers } from './prepare-pilot-dossiers.js';
import { removePilotPair } from './remove-pilot-pair.js';
import { requestPilotDossiers } from './request-pilot-dossiers.js';
import * as S from './schemas.js';
import { updatePilot } from './update-pilot.js';

export interface PilotRouteDeps extends PilotDeps {
  auth: RouteAuth;
}

/**
 * The pilot's routes under /api/region (ADR 0007): the coordinator's pilots, their pairs and the
 * notification of suppliers and servicedesk; a school's pilots and its steps; the servicedesk's
 * list of pilots to come. Routes only translate: authenticate → validate → use case.
 */
export function registerPilotRoutes(app: HttpServer, deps: PilotRouteDeps): void {
  const { api, ctxOf, preHandler, base, errors, changeErrors } = regionRouteKit(app, deps, 'region pilot');

  api.get(
    '/api/region/regions/:regionId/pilots',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The region’s pilots with their status and how many pairs completed',
        params: R.RegionParams,
        response: { 200: S.PilotList, ...errors },
      },
    },
    async (request) => listPilots(ctxOf(request), deps, request.params.regionId),
  );
  api.post(
    '/api/region/regions/:regionId/pilots',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Make a pilot: name, period, pairs of member schools (po → vo); refused (422, details.problems) as a whole when anything is wrong',
        params: R.RegionParams,
        body: S.NewPilot,
        response: { 201: S.Created, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPilot(ctxOf(request), deps, { regionId: request.params.regionId, ...request.body }),
        ),
  );
  api.get(
    '/api/region/regions/:regionId/pilots/:pilotId',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'A pilot: per pair the schools’ readiness and both dossiers’ steps filled in from the chain, its checklist, suppliers and log',
        params: S.PilotParams,
        response: { 200: S.PilotDetail, ...errors },
      },
    },
    async (request) => getPilot(ctxOf(request), deps, request.params),
  );
  api.put(
    '/api/region/regions/:regionId/pilots/:pilotId',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Rename a pilot or change its period',
        params: S.PilotParams,
        body: S.PilotFields,
        response: { 200: S.Created, ...changeErrors },
      },
    },
    async (request) => updatePilot(ctxOf(request), { ...request.params, ...request.body }),
  );
  api.post(
    '/api/region/regions/:regionId/pilots/:pilotId/pairs',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Add a pair of member schools (po → vo) to a pilot',
        params: S.PilotParams,
        body: S.PairInput,
        response: { 201: S.PairCreated, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPilotPair(ctxOf(request), deps, { ...request.params, ...request.body })),
  );
  api.delete(
    '/api/region/regions/:regionId/pilots/:pilotId/pairs/:pairId',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Take a pair out of a pilot (only before it started exchanging: 409 PILOT_PAIR_STARTED)',
        params: S.PairParams,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await removePilotPair(ctxOf(request), deps, request.params);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/api/region/regions/:regionId/pilots/:pilotId/notify',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Mail the pilot’s dates to the suppliers of its schools (their contact addresses in the body) and to the servicedesk',
        params: S.PilotParams,
        body: S.Notification,
        response: { 200: S.Recipients, ...changeErrors },
      },
    },
    async (request) => {
      const mailer = deps.mailer;
      if (!mailer) throw new AppError('NOT_FOUND', { reason: 'no mail configured' });
      return notifyPilot(ctxOf(request), { ...deps, mailer }, { ...request.params, ...request.body });
    },
  );
  api.get(
    '/api/region/schools/:brin/pilots',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The pilots a school takes part in: per pair its checklist and this school’s next step, and the school’s own pilot lists',
        params: S.SchoolParams,
        response: { 200: S.SchoolPilots, ...errors },
      },
    },
    async (request) => getSchoolPilots(ctxOf(request), deps, request.params.brin),
  );
  const step = (
    path: string,
    summary: string,
    run: typeof preparePilotDossiers | typeof requestPilotDossiers | typeof markPilotImported,
  ) =>
    api.post(
      `/api/region/schools/:brin/pilots/:pilotId/pairs/:pairId/${path}`,
      {
        preHandler,
        schema: {
          ...base,
          summary,
          params: S.SchoolPairParams,
          response: { 200: S.StepOutcomes, ...changeErrors },
        },
      },
      async (request) => run(ctxOf(request), deps, request.params),
    );
  step(
    'prepare',
    'The po school: generate the pair’s regular and support pilot dossiers, record their inspection, set them ready for the vo school',
    preparePilotDossiers,
  );
  step(
    'request',
    'The vo school: register the pair’s two fictional pupils and request their dossiers over the chain',
    requestPilotDossiers,
  );
  step('import', 'The vo school: mark the received pilot dossiers imported', markPilotImported);
  api.get(
    '/api/region/pilots/upcoming',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'For the servicedesk (tc:read): the pilots of every region that have not ended yet',
        response: { 200: S.UpcomingPilots, ...errors },
      },
    },
    async (request) => listUpcomingPilots(ctxOf(request), deps),
  );
}
