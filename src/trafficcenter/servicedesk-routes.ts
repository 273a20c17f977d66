import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../platform/context.js';
import type { HttpServer } from '../platform/http/server.js';
import { countSchoolsByConnection } from './count-schools-by-connection.js';
import { listSchools } from './list-schools.js';
import { listSupplierMandates } from './list-supplier-mandates.js';
import { namedOutcomeStatistics } from './named-outcome-statistics.js';
import type { PreHandler } from './routes.js';
import * as S from './schemas.js';
import { schoolHistory } from './school-history.js';
import * as SD from './servicedesk-schemas.js';

/**
 * The chain operator's reads for the servicedesk pages (under /api/tc, same authentication as the
 * other admin routes): every school with its place on the connection path, counts per step, a
 * school's history, a supplier system's mandates, outcome statistics with names.
 */
export function servicedeskRoutes(
  app: HttpServer,
  deps: { preHandler: PreHandler; admin(request: FastifyRequest): Ctx },
): void {
  const { preHandler, admin } = deps;
  const schema = { tags: ['traffic center'], security: [{ apiKey: [] }] };
  const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 404: S.ErrorBody };

  app.get(
    '/api/tc/schools',
    {
      preHandler,
      schema: {
        ...schema,
        summary: 'All schools with admission and connection status (search, filters, 25 per page)',
        querystring: SD.SchoolListQuery,
        response: { 200: SD.SchoolListPage, ...errors },
      },
    },
    async (request) => listSchools(admin(request), request.query),
  );
  app.get(
    '/api/tc/statistics/connection',
    {
      preHandler,
      schema: {
        ...schema,
        summary: 'Number of schools per connection status',
        response: { 200: SD.ConnectionCounts, ...errors },
      },
    },
    async (request) => countSchoolsByConnection(admin(request)),
  );
  app.get(
    '/api/tc/schools/:brin/history',
    {
      preHandler,
      schema: {
        ...schema,
        summary: 'What the traffic center recorded about a school, newest first',
        params: Type.Object({ brin: S.Brin }),
        response: { 200: SD.SchoolHistory, ...errors },
      },
    },
    async (request) => schoolHistory(admin(request), request.params.brin),
  );
  app.get(
    '/api/tc/suppliers/:supplierId/mandates',
    {
      preHandler,
      schema: {
        ...schema,
        summary: 'A supplier system with the schools it holds (or held) a mandate for',
        params: Type.Object({ supplierId: S.Uuid }),
        response: { 200: SD.SupplierMandates, ...errors },
      },
    },
    async (request) => listSupplierMandates(admin(request), request.params.supplierId),
  );
  app.get(
    '/api/tc/statistics/outcomes/named',
    {
      preHandler,
      schema: {
        ...schema,
        summary: 'Outcomes of closed sessions per pair of schools, with the schools’ names',
        querystring: Type.Object({
          brin: Type.Optional(S.Brin),
          from: Type.Optional(S.Day),
          to: Type.Optional(S.Day),
        }),
        response: { 200: SD.NamedOutcomeStatistics, ...errors },
      },
    },
    async (request) => namedOutcomeStatistics(admin(request), request.query),
  );
}
