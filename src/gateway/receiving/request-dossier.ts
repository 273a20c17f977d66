import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import type { GatewayChain } from '../chain/clients.js';
import { deliveryPointWithKeys } from '../hosting/delivery-point-keys.js';
import { type CheckedReceived, checkReceived } from './check-received.js';
import { exchangeWithSource } from './exchange.js';
import { type RegistrationState, stateAfter } from './lifecycle.js';
import {
  claimForRequest,
  identityOf,
  loadRegistrationWithLastReceived,
  receivedAad,
  receivedFindingsAad,
  registrationMove,
} from './registration-store.js';
import { HELD_REQUESTS } from './release-interrupted-requests.js';
import { RESULT_EXPLANATIONS } from './result-explanations.js';
import { inTransferSlot } from './transfer-slots.js';

export type RequestTrigger = 'manual' | 'bulk' | 'notice' | 'retry';

export interface RequestDossierInput {
  schoolBrin: string;
  registrationId: string;
  trigger?: RequestTrigger;
  /**
   * The gateway instance (server process) sending it, recorded as the request's holder while it is
   * 'aangevraagd': should the process die, another instance releases the request as soon as this
   * instance's heartbeat is stale (release-interrupted-requests.ts) instead of after five minutes.
   */
  instanceId?: string;
}

export interface RequestResult {
  registrationId: string;
  requestId: string;
  result: ResultCode;
  state: RegistrationState;
  /** What the result means and what to do next. */
  explanation: Message;
  receivedDossierId?: string;
}

/** A request left 'aangevraagd' longer than this (its process died) may be sent again. */
const STALE_REQUEST_MS = 5 * 60_000;

/**
 * Ends the requests that a stopped process left 'aangevraagd' (killed between its claim and storing
 * the answer) — registrations and a samenwerkingsverband's SWV requests: they become 'fout'
 * (TechnischeFout), so that they are requested again at once — by the job that sent them, which runs
 * again, in bulk, or by hand — instead of after STALE_REQUEST_MS. Only for a caller that knows no
 * other process is requesting on this database: PGlite at start-up, whose data folder one process
 * holds. Returns how many were ended.
 */
export async function releaseAbandonedRequests(ctx: Ctx): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    let released = 0;
    for (const kind of HELD_REQUESTS) {
      const { rows } = await tx.query<{
        id: string;
        school_brin: string;
        state: 'aangevraagd';
        revision: number;
      }>(`SELECT id, school_brin, state, revision FROM ${kind.table} WHERE state = 'aangevraagd' FOR UPDATE`);
      for (const row of rows) {
        await kind.move(tx, row, 'fout', at, { lastResult: 'TechnischeFout' });
        await audit.record(tx, ctx, kind.abandoned, {
          schoolBrin: row.school_brin,
          subject: row.id,
          details: { result: 'TechnischeFout', reason: 'process-stopped' },
        });
      }
      released += rows.length;
    }
    return released;
  });
}

/**
 * Requests the dossier of one registration from the source school over the chain (session, sealed
 * identifiers, document request, session close) and stores the result with its OSO code and a plain
 * explanation. A delivered dossier is unsealed, validated strictly and stored encrypted; once a
 * dossier was received, the request asks "only if changed since" its version (the summer version).
 *
 * Around the chain call: a compare-and-set claims the registration (→ aangevraagd, so that no second
 * request goes out meanwhile), one statement stores the outcome. At most OVERSTAP_TRANSFERS_IN_FLIGHT
 * requests of the process run at once, in the order they came (ADR 0013).
 */
export async function requestDossier(
  ctx: Ctx,
  chain: GatewayChain,
  input: RequestDossierInput,
): Promise<RequestResult> {
  authorize(ctx, 'request:send', input.schoolBrin);
  return inTransferSlot((away) => requestInSlot(ctx, chain.lending?.(away) ?? chain, input));
}

/** requestDossier, once it has one of the process's transfer slots (transfer-slots.ts). */
async function requestInSlot(
  ctx: Ctx,
  chain: GatewayChain,
  input: RequestDossierInput,
): Promise<RequestResult> {
  const requestedAt = ctx.now();
  // Before the claim: a school without an active point (no longer hosted) would be left 'aangevraagd'.
  const own = await deliveryPointWithKeys(
    ctx.db,
    ctx.keyring,
    { activeOf: input.schoolBrin, purpose: 'OV' },
    requestedAt,
  );
  if (!own)
    throw new AppError('GW_SCHOOL_NOT_HOSTED', {
      brin: input.schoolBrin,
      reason: 'no active delivery point',
    });
  const claimed = await claimRegistration(ctx, input, requestedAt);
  const identity = identityOf(ctx.keyring, claimed.row);
  const since = claimed.last?.version_ready_at ?? undefined;
  const outcome = await exchangeWithSource(chain, {
    requestId: ctx.requestId,
    schoolBrin: input.schoolBrin,
    ownRoutingKey: own.point.routingKey,
    ownPrivateKey: own.keys,
    sourceBrin: claimed.row.source_brin,
    identity,
    ...(since ? { onlyIfChangedSince: since } : {}),
  });

  let result = outcome.result;
  let received: CheckedReceived | undefined;
  if (result === 'OverdrachtGeslaagd' && outcome.dossierXml) {
    received = await checkReceived(outcome.dossierXml, identity);
    if (!received) result = 'TechnischeFout';
  }
  const state = stateAfter(result, { imported: claimed.last?.imported_at != null });
  const answeredAt = ctx.now();
  const outgoingId = randomUUID();
  const receivedId = received ? randomUUID() : undefined;

  // The outcome in one statement: the registration moves on (compare-and-set on its revision), the
  // request and any received dossier are stored and the step is audited — each of them selects FROM
  // the move, so that nothing is written when the registration changed meanwhile.
  const move = registrationMove(claimed.row, state, answeredAt, { lastResult: result }, 1);
  const outgoing = [
    outgoingId,
    input.schoolBrin,
    claimed.row.source_brin,
    outcome.sessionId ?? null,
    outcome.sourceRoutingKey ?? null,
    input.trigger ?? 'manual',
    since ?? null,
    result,
    requestedAt,
    answeredAt,
  ];
  const o = move.params.length;
  const stored =
    received && receivedId
      ? [
          receivedId,
          ctx.keyring.encrypt(received.xml, receivedAad(receivedId)),
          received.xml.byteLength,
          ctx.keyring.encrypt(
            Buffer.from(JSON.stringify(received.findings)),
            receivedFindingsAad(receivedId),
          ),
          received.errorCount,
          received.warningCount,
          received.profile ?? null,
          outcome.versionReadyAt ?? null,
        ]
      : [];
  const r = o + outgoing.length;
  const append = audit.appendOf(
    ctx,
    received ? 'received.stored' : 'registration.requested',
    {
      schoolBrin: input.schoolBrin,
      subject: claimed.row.id,
      details: {
        result,
        sourceBrin: claimed.row.source_brin,
        trigger: input.trigger ?? 'manual',
        ...(outcome.sessionId ? { sessionId: outcome.sessionId } : {}),
        ...(receivedId ? { receivedDossierId: receivedId } : {}),
      },
    },
    r + stored.length + 1,
  );
  const $ = (i: number) => `$${i}`;
  const { rows } = await ctx.db.query(
    `WITH moved AS (${move.sql}),
     outgoing AS (
       INSERT INTO gw.outgoing_requests
         (id, registration_id, school_brin, source_brin, session_id, source_routing_key, trigger,
          only_if_changed_since, result, requested_at, answered_at)
       SELECT ${$(o + 1)}::uuid, moved.id, ${$(o + 2)}, ${$(o + 3)}, ${$(o + 4)}, ${$(o + 5)}, ${$(o + 6)},
              ${$(o + 7)}::timestamptz, ${$(o + 8)}, ${$(o + 9)}::timestamptz, ${$(o + 10)}::timestamptz
         FROM moved RETURNING id, registration_id)${
           stored.length > 0
             ? `,
     received AS (
       INSERT INTO gw.received_dossiers
         (id, registration_id, request_id, source_brin, xml_enc, size_bytes, findings_enc, error_count,
          warning_count, profile, version_ready_at, received_at)
       SELECT ${$(r + 1)}::uuid, outgoing.registration_id, outgoing.id, ${$(o + 3)}, ${$(r + 2)}::bytea, ${$(r + 3)}::integer,
              ${$(r + 4)}::bytea, ${$(r + 5)}::integer, ${$(r + 6)}::integer, ${$(r + 7)}, ${$(r + 8)}::timestamptz,
              ${$(o + 10)}::timestamptz
         FROM outgoing RETURNING id)`
             : ''
         }
     SELECT ${append.sql} FROM moved`,
    [...move.params, ...outgoing, ...stored, ...append.params],
  );
  if (rows.length === 0)
    throw new AppError('CONFLICT', { registrationId: claimed.row.id, reason: 'changed-meanwhile' });

  return {
    registrationId: claimed.row.id,
    requestId: outgoingId,
    result,
    state,
    explanation: RESULT_EXPLANATIONS[result],
    ...(receivedId ? { receivedDossierId: receivedId } : {}),
  };
}

/**
 * Claims the registration for a request: one compare-and-set to 'aangevraagd' that also reads the
 * last received dossier. Two racing claims: one moves it, the other gets CONFLICT (no lock held
 * across statements, so no transaction is needed). Only when nothing was claimed is the registration
 * read again, to say why.
 */
async function claimRegistration(ctx: Ctx, input: RequestDossierInput, requestedAt: Date) {
  const claimed = await claimForRequest(ctx.db, input.schoolBrin, input.registrationId, {
    at: requestedAt,
    staleBefore: new Date(requestedAt.getTime() - STALE_REQUEST_MS),
    ...(input.instanceId ? { requestedBy: input.instanceId } : {}),
  });
  if (!claimed) {
    const row = await loadRegistrationWithLastReceived(ctx.db, input.schoolBrin, input.registrationId);
    throw new AppError('CONFLICT', {
      registrationId: row.id,
      reason: row.state === 'aangevraagd' ? 'request-in-progress' : 'changed-meanwhile',
    });
  }
  return {
    row: { ...claimed, state: 'aangevraagd' as const },
    last: { version_ready_at: claimed.last_version_ready_at, imported_at: claimed.last_imported_at },
  };
}
