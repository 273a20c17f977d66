import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Keyring } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { HttpServer } from '../../platform/http/server.js';
import { type RouteAuth, regionRouteKit } from '../route-kit.js';
import { RegionParams } from '../schemas.js';
import { addEvaluationFinding } from './add-evaluation-finding.js';
import { answerEvaluation } from './answer-evaluation.js';
import { closeEvaluation } from './close-evaluation.js';
import { createEvaluation } from './create-evaluation.js';
import type { AnswerCtx, EvaluationDeps } from './deps.js';
import { exportEvaluationCsv } from './export-evaluation-csv.js';
import { exportEvaluationPdf } from './export-evaluation-pdf.js';
import { getEvaluation } from './get-evaluation.js';
import { getEvaluationQuestions } from './get-evaluation-questions.js';
import { getEvaluationResults } from './get-evaluation-results.js';
import { listEvaluations } from './list-evaluations.js';
import { makeEvaluationLink } from './make-evaluation-link.js';
import { openEvaluation } from './open-evaluation.js';
import { removeEvaluationFinding } from './remove-evaluation-finding.js';
import * as S from './schemas.js';

export interface EvaluationRouteDeps extends EvaluationDeps {
  db: Db;
  keyring: Keyring;
  auth: RouteAuth;
  now?: () => Date;
}

/**
 * The evaluation's routes: the coordinator's under /api/region/regions/:regionId/evaluations
 * (region:read / region:admin), and the public questionnaire under /api/evaluatie/:token — no
 * account, the link is the grant; rate-limited; answers never cached. Routes only translate:
 * authenticate → validate → use case.
 */
export function registerEvaluationRoutes(app: HttpServer, deps: EvaluationRouteDeps): void {
  const { api, now, ctxOf, preHandler, base, download } = regionRouteKit(app, deps, 'region: evaluation');
  const publicCtx = (request: FastifyRequest): AnswerCtx => ({
    db: deps.db,
    keyring: deps.keyring,
    requestId: request.id,
    now,
    ip: request.ip,
  });
  const r = '/api/region/regions/:regionId/evaluations';
  const one = `${r}/:evaluationId`;

  api.get(
    r,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The region’s evaluations, latest school year first, with how many answered',
        params: RegionParams,
        response: { 200: Type.Array(S.EvaluationListItem), ...S.errors },
      },
    },
    async (request) => listEvaluations(ctxOf(request), request.params),
  );
  api.post(
    r,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Make the evaluation of a school year (one per year) with the roles it asks; starts as a concept',
        params: RegionParams,
        body: S.NewEvaluation,
        response: { 201: S.EvaluationView, ...S.changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvaluation(ctxOf(request), { ...request.params, ...request.body })),
  );
  api.get(
    one,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'An evaluation: its state, and per role its link (when made, mailed to how many) and answers',
        params: S.EvaluationParams,
        response: { 200: S.EvaluationView, ...S.errors },
      },
    },
    async (request) => getEvaluation(ctxOf(request), request.params),
  );
  api.post(
    `${one}/open`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'concept → open: its links take answers',
        params: S.EvaluationParams,
        response: { 200: S.EvaluationView, ...S.changeErrors },
      },
    },
    async (request) => openEvaluation(ctxOf(request), request.params),
  );
  api.post(
    `${one}/close`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'open → gesloten: its links take no more answers (for good)',
        params: S.EvaluationParams,
        response: { 200: S.EvaluationView, ...S.changeErrors },
      },
    },
    async (request) => closeEvaluation(ctxOf(request), request.params),
  );
  api.post(
    `${one}/links/:role`,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Make a role’s link (replaces the old one), shown this once; optionally mailed to everyone in the role',
        params: S.LinkParams,
        body: S.LinkRequest,
        response: { 201: S.MadeLink, ...S.changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await makeEvaluationLink(ctxOf(request), deps, { ...request.params, ...request.body })),
  );
  api.get(
    `${one}/results`,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Per role and question the counts per answer and the mean (groups under the minimum size hidden), and the findings',
        params: S.EvaluationParams,
        response: { 200: S.EvaluationResults, ...S.errors },
      },
    },
    async (request) => getEvaluationResults(ctxOf(request), request.params),
  );
  api.get(
    `${one}/export.csv`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The results as CSV (UTF-8, semicolons)',
        params: S.EvaluationParams,
        querystring: S.ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { filename, csv } = await exportEvaluationCsv(ctxOf(request), {
        ...request.params,
        ...request.query,
      });
      return download(reply, 'text/csv; charset=utf-8', filename).send(csv);
    },
  );
  api.get(
    `${one}/export.pdf`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The results as an A4 PDF report with bar charts',
        params: S.EvaluationParams,
        querystring: S.ExportQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await exportEvaluationPdf(ctxOf(request), deps, {
        ...request.params,
        ...request.query,
      });
      return download(reply, 'application/pdf', filename).send(pdf);
    },
  );
  api.post(
    `${one}/findings`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Record a finding for next year’s timeline, about one of its dates or in general',
        params: S.EvaluationParams,
        body: S.NewFinding,
        response: { 201: S.Finding, ...S.changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addEvaluationFinding(ctxOf(request), { ...request.params, ...request.body })),
  );
  api.delete(
    `${one}/findings/:findingId`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Remove a finding',
        params: S.FindingParams,
        response: { 204: Type.Null(), ...S.changeErrors },
      },
    },
    async (request, reply) => {
      await removeEvaluationFinding(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );

  // ---- the public questionnaire (no account) -------------------------------------------------------
  const open = { tags: ['public: evaluation'], security: [] };
  const publicErrors = { 400: S.ErrorBody, 404: S.ErrorBody, 409: S.ErrorBody, 429: S.ErrorBody };
  api.get(
    '/api/evaluatie/:token',
    {
      schema: {
        ...open,
        summary: 'The questions behind a link (404 for no link, 409 when the evaluation is not open)',
        params: S.TokenParams,
        response: { 200: S.Questionnaire, ...publicErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getEvaluationQuestions(publicCtx(request), deps, request.params);
    },
  );
  api.post(
    '/api/evaluatie/:token',
    {
      bodyLimit: 128 * 1024,
      schema: {
        ...open,
        summary: 'One person’s answers, anonymously: stored with the role and the day only',
        params: S.TokenParams,
        body: S.Answers,
        response: { 201: S.AnswerReceived, ...publicErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await answerEvaluation(publicCtx(request), deps, { ...request.params, ...request.body })),
  );
}
