import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { actorOf, type HttpServer } from '../http/server.js';
import { UUID_PATTERN } from '../uuid.js';
import { type AuthDeps, clockOf } from './deps.js';
import { listSchoolPeople } from './list-school-people.js';
import { removeSchoolRole } from './remove-school-role.js';
import { requireCaller } from './require-caller.js';
import * as S from './schemas.js';

const AccountId = Type.String({
  pattern: UUID_PATTERN,
  description: 'the account’s id',
});
const SchoolParams = Type.Object({ brin: S.Brin });
const RoleParams = Type.Object({ brin: S.Brin, accountId: AccountId, role: S.SchoolRole });

const SchoolPeople = Type.Object({
  brin: Type.String(),
  schoolName: Type.String(),
  people: Type.Array(
    Type.Object({
      accountId: Type.String(),
      name: Type.String(),
      email: Type.String(),
      roles: Type.Array(S.SchoolRole),
      invitations: Type.Array(
        Type.Object({
          invitationId: Type.String(),
          role: S.SchoolRole,
          expiresAt: Type.String({ description: 'ISO 8601' }),
          expired: Type.Boolean(),
        }),
      ),
      status: Type.Union([Type.Literal('active'), Type.Literal('password_set'), Type.Literal('invited')], {
        description:
          'active: signed in with both steps; password_set: no second factor yet; invited: no password yet',
      }),
    }),
  ),
});

/**
 * The people page of a school (web contract: /school/:brin/mensen): who has which role there, and
 * taking a role away. Permission `school:people` at that school (the servicedesk everywhere), by a
 * signed-in person (with CSRF on DELETE) or an API key. Inviting is POST /api/auth/invitations.
 */
export function registerPeopleRoutes(app: HttpServer, deps: AuthDeps): void {
  const now = clockOf(deps);
  const preHandler = requireCaller(deps.db, { now });
  const ctxOf = (request: FastifyRequest): Ctx => ({
    db: deps.db,
    keyring: deps.keyring,
    actor: actorOf(request),
    requestId: request.id,
    now,
  });
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const security = [{ apiKey: [] }];

  api.get(
    '/api/auth/schools/:brin/people',
    {
      preHandler,
      schema: {
        tags: ['auth'],
        security,
        summary: 'The people of a school with their roles, and open invitations (permission school:people)',
        params: SchoolParams,
        response: { 200: SchoolPeople, ...S.errors },
      },
    },
    async (request) => listSchoolPeople(ctxOf(request), deps, request.params.brin),
  );

  api.delete(
    '/api/auth/schools/:brin/people/:accountId/roles/:role',
    {
      preHandler,
      schema: {
        tags: ['auth'],
        security,
        summary: 'Take a role at a school away from a person (and withdraw open invitations to it)',
        params: RoleParams,
        response: { 204: Type.Null(), ...S.errors, 404: S.ErrorBody },
      },
    },
    async (request, reply) => {
      await removeSchoolRole(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
}
