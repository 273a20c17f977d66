import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { UUID_PATTERN } from '../../platform/uuid.js';
import { RegionId, SchoolYear } from '../schemas.js';
import { EVALUATION_ROLES } from './questions.js';

/** The shapes of the evaluation's routes: runtime validation and the OpenAPI description, declared once. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A union of string literals (TypeBox's own union, typed as the union of those strings). */
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const Message = Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'Dutch and English' });
const Uuid = Type.String({ pattern: UUID_PATTERN });

export const Role = Literals(EVALUATION_ROLES);
const State = Literals(['concept', 'open', 'gesloten'] as const);
const Milestone = Literals([
  'inspectedBy',
  'registeredBy',
  'destinationKnownBy',
  'readyBy',
  'requestedBy',
  'summerSwitch',
] as const);
const Kind = Literals(['likert', 'yesno', 'open'] as const);
const Topic = Literals(['time', 'clarity', 'general'] as const);
const Lang = Literals(['nl', 'en'] as const);

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Message,
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
export const changeErrors = { ...errors, 409: ErrorBody, 422: ErrorBody };

export const EvaluationParams = Type.Object({ regionId: RegionId, evaluationId: Uuid });
export const LinkParams = Type.Object({ regionId: RegionId, evaluationId: Uuid, role: Role });
export const FindingParams = Type.Object({ regionId: RegionId, evaluationId: Uuid, findingId: Uuid });
export const TokenParams = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 100, description: 'the link’s token' }),
});
export const ExportQuery = Type.Object({ lang: Type.Optional(Lang) });

export const NewEvaluation = Type.Object({
  schoolYear: SchoolYear,
  roles: Type.Array(Role, { minItems: 1, maxItems: 6, uniqueItems: true }),
});
export const LinkRequest = Type.Object({
  mail: Type.Optional(Type.Boolean({ description: 'mail it to everyone in the role (not for parents)' })),
});
export const NewFinding = Type.Object({
  milestone: Nullable(Milestone),
  text: Type.String({ minLength: 1, maxLength: 1000 }),
});

export const EvaluationListItem = Type.Object({
  id: Type.String(),
  schoolYear: Type.String(),
  state: State,
  roles: Type.Array(Role),
  responses: Type.Integer(),
  openedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
});

export const EvaluationView = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  schoolYear: Type.String(),
  state: State,
  createdAt: Type.String(),
  openedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  roles: Type.Array(
    Type.Object({
      role: Role,
      link: Nullable(Type.Object({ madeAt: Type.String(), mailed: Type.Integer() })),
      recipients: Nullable(Type.Integer()),
      responses: Type.Integer(),
    }),
  ),
  responses: Type.Integer(),
});

export const MadeLink = Type.Object({
  role: Role,
  url: Type.String({ description: 'shown this once: only its SHA-256 is kept' }),
  madeAt: Type.String(),
  replaced: Type.Boolean(),
  mailed: Type.Integer(),
  failed: Type.Integer(),
});

export const Finding = Type.Object({
  id: Type.String(),
  milestone: Nullable(Milestone),
  text: Type.String(),
  createdAt: Type.String(),
});

const QuestionResult = Type.Object({
  id: Type.String(),
  kind: Kind,
  topic: Topic,
  milestone: Nullable(Milestone),
  text: Message,
  answered: Nullable(Type.Integer()),
  shown: Type.Boolean(),
  counts: Nullable(Type.Array(Type.Integer())),
  mean: Nullable(Type.Number()),
  texts: Nullable(Type.Array(Type.String())),
});

export const EvaluationResults = Type.Object({
  evaluationId: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  schoolYear: Type.String(),
  state: State,
  responses: Type.Integer(),
  minGroupSize: Type.Integer(),
  roles: Type.Array(
    Type.Object({
      role: Role,
      name: Message,
      scale: Literals(['agree', 'plain'] as const),
      scaleWords: Type.Array(Message),
      responses: Type.Integer(),
      shown: Type.Boolean(),
      questions: Type.Array(QuestionResult),
    }),
  ),
  time: Type.Array(
    Type.Object({
      milestone: Milestone,
      answers: Type.Integer(),
      mean: Nullable(Type.Number()),
      low: Type.Boolean(),
      roles: Type.Array(Role),
    }),
  ),
  findings: Type.Array(Finding),
});

export const Questionnaire = Type.Object({
  regionName: Type.String(),
  schoolYear: Type.String(),
  role: Role,
  roleName: Message,
  scale: Type.Array(Message),
  yesNo: Type.Object({ yes: Message, no: Message }),
  maxOpenLength: Type.Integer(),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Kind,
      topic: Topic,
      milestone: Nullable(Milestone),
      text: Message,
    }),
  ),
});

/** Values are checked by the use case per question (no coercion here: `true` must not become 1). */
export const Answers = Type.Object({
  answers: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), {
    maxProperties: 60,
    description: 'question id → 1–5 (statement), true/false (yes/no), text (open), or null (not answered)',
  }),
});
export const AnswerReceived = Type.Object({
  received: Type.Literal(true),
  submittedOn: Type.String({ description: 'the day only' }),
});
