import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors.js';
import type { FeedbackContent, ResultCode } from '../../platform/protocol.js';
import type { GatewayChain } from '../chain/clients.js';
import { identityOf } from './registration-store.js';
import { outgoingTerugkoppelingAad } from './send-terugkoppeling.js';

/** Answers after which sending again cannot help: the source does not take this feedback. */
const FINAL_REFUSALS: ReadonlySet<string> = new Set<ResultCode>(['LeerlingNietGevonden', 'OngeldigVerzoek']);

/**
 * The job behind a terugkoppeling: seals it (the pupil's number and the XML) to the source school's
 * OV delivery points from the traffic center's overview and sends it, until one takes it
 * (→ afgeleverd). When every point refuses it for good (LeerlingNietGevonden: that school delivered
 * no dossier of this pupil to us) → geweigerd. Anything else (no answer, no point) throws, so the
 * job is retried with backoff. The message id is the terugkoppeling's id: a retry is stored once.
 */
export async function deliverTerugkoppeling(
  ctx: Ctx,
  chain: GatewayChain,
  payload: { terugkoppelingId: string },
): Promise<void> {
  const { rows } = await ctx.db.query<{
    id: string;
    school_brin: string;
    registration_id: string;
    source_brin: string;
    xml_enc: Uint8Array;
    identity_enc: Uint8Array;
  }>(
    `SELECT t.id, t.school_brin, t.registration_id, t.source_brin, t.xml_enc, r.identity_enc
       FROM gw.outgoing_terugkoppelingen t JOIN gw.registrations r ON r.id = t.registration_id
      WHERE t.id = $1 AND t.state = 'wachtrij'`,
    [payload.terugkoppelingId],
  );
  const row = rows[0];
  if (!row) return; // delivered or refused already
  const overview = await chain.trafficCenter.deliveryPoints(
    { brin: row.source_brin, purpose: 'OV' },
    ctx.requestId,
  );
  if (overview.result !== 'ok' || overview.deliveryPoints.length === 0) {
    throw new AppError('CHAIN_PROTOCOL_ERROR', {
      reason: 'no delivery point of the source school',
      result: overview.result,
    });
  }
  const who = identityOf(ctx.keyring, { id: row.registration_id, identity_enc: row.identity_enc });
  const content: FeedbackContent = {
    ...(who.bsn ? { bsn: who.bsn } : { onderwijsnummer: who.onderwijsnummer }),
    xml: Buffer.from(ctx.keyring.decrypt(row.xml_enc, outgoingTerugkoppelingAad(row.id))).toString('utf8'),
  };
  const answers: string[] = [];
  for (const point of overview.deliveryPoints) {
    const feedback = await sealJson(point.publicKey, content, { info: SEAL_INFO.feedback, aad: 'feedback' });
    const answer = await chain.peers.sendFeedback(
      point,
      { id: row.id, sourceBrin: row.source_brin, destinationBrin: row.school_brin, feedback },
      ctx.requestId,
    );
    answers.push(answer.result);
    if (answer.result === 'ok') break;
  }
  const delivered = answers.includes('ok');
  if (!delivered && !answers.every((a) => FINAL_REFUSALS.has(a))) {
    throw new AppError('CHAIN_UNREACHABLE', { terugkoppelingId: row.id, results: answers });
  }
  const result = delivered ? 'ok' : (answers[0] ?? 'TechnischeFout');
  await ctx.db.transaction(async (tx) => {
    const moved = await tx.query(
      `UPDATE gw.outgoing_terugkoppelingen SET state = $2, result = $3, answered_at = $4
        WHERE id = $1 AND state = 'wachtrij'`,
      [row.id, delivered ? 'afgeleverd' : 'geweigerd', result, ctx.now()],
    );
    if (moved.rowCount === 0) return;
    await audit.record(tx, ctx, delivered ? 'terugkoppeling.delivered' : 'terugkoppeling.refused-by-source', {
      schoolBrin: row.school_brin,
      subject: row.registration_id,
      details: { terugkoppelingId: row.id, sourceBrin: row.source_brin, result },
    });
  });
}
