import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx, may } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import { canTransition } from './lifecycle.js';
import {
  listItemOf,
  REGISTRATION_LIST_SQL,
  type RegistrationListItem,
  type RegistrationListRow,
} from './list-registrations.js';
import { identityOf, rejectReasonAad } from './registration-store.js';
import { RESULT_EXPLANATIONS } from './result-explanations.js';

export interface RegistrationRequestEntry {
  requestId: string;
  trigger: 'manual' | 'bulk' | 'notice' | 'retry';
  result: ResultCode;
  explanation: Message;
  requestedAt: string;
  answeredAt: string;
}

export interface RegistrationDetail extends RegistrationListItem {
  /** The pupil's number: only for someone who may correct the registration (`registration:write`). */
  number: { bsn?: string; onderwijsnummer?: string } | null;
  /** Why the received dossier was rejected (state afgewezen), else null. */
  rejectReason: string | null;
  /** Every request for this registration, newest first. */
  requests: RegistrationRequestEntry[];
  /** Whether a new request may be sent in this state (the page offers "request" only then). */
  requestable: boolean;
}

/**
 * One registration of a school with its request history, for the registration page: the list
 * item, every request with its result and what to do next, the reject reason, and — only for those
 * who may correct it — the pupil's BSN or onderwijsnummer. Audited.
 */
export async function readRegistration(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<RegistrationDetail> {
  authorize(ctx, 'received:read', input.schoolBrin);
  if (!/^[0-9a-f-]{36}$/i.test(input.registrationId)) {
    throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: input.registrationId });
  }
  const { rows } = await ctx.db.query<RegistrationListRow>(
    `${REGISTRATION_LIST_SQL}
      WHERE r.id = $1 AND r.school_brin = $2`,
    [input.registrationId, input.schoolBrin],
  );
  const row = rows[0];
  if (!row) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: input.registrationId });
  const requests = await ctx.db.query<{
    id: string;
    trigger: RegistrationRequestEntry['trigger'];
    result: ResultCode;
    requested_at: Date;
    answered_at: Date;
  }>(
    `SELECT id, trigger, result, requested_at, answered_at FROM gw.outgoing_requests
      WHERE registration_id = $1 ORDER BY requested_at DESC, answered_at DESC LIMIT 100`,
    [row.id],
  );
  const mayCorrect = may(ctx.actor, 'registration:write', input.schoolBrin);
  const who = mayCorrect ? identityOf(ctx.keyring, row) : undefined;
  await audit.record(ctx.db, ctx, 'registration.read', {
    schoolBrin: input.schoolBrin,
    subject: row.id,
    details: { numberShown: mayCorrect },
  });
  return {
    ...listItemOf(ctx.keyring, row),
    number: who ? (who.bsn ? { bsn: who.bsn } : { onderwijsnummer: who.onderwijsnummer }) : null,
    rejectReason: row.reject_reason_enc
      ? Buffer.from(ctx.keyring.decrypt(row.reject_reason_enc, rejectReasonAad(row.id))).toString('utf8')
      : null,
    requests: requests.rows.map((r) => ({
      requestId: r.id,
      trigger: r.trigger,
      result: r.result,
      explanation: RESULT_EXPLANATIONS[r.result],
      requestedAt: r.requested_at.toISOString(),
      answeredAt: r.answered_at.toISOString(),
    })),
    requestable: canTransition(row.state, 'aangevraagd'),
  };
}
