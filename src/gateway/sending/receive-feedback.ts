import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { SEAL_INFO } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import type { Feedback, FeedbackContent, ResultCode } from '../../platform/protocol.js';
import { isUuid } from '../../platform/uuid.js';
import {
  isStandardError,
  readDocument,
  type Terugkoppeling,
  validateDocument,
} from '../../standard/index.js';
import { asPeerCtx, type ChainCallCtx } from '../chain/chain-ctx.js';
import { deliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { findDeliveryPoint, type HostedDeliveryPoint } from '../hosting/delivery-points.js';
import { isBrin } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';

export const incomingTerugkoppelingAad = (id: string) => `gw.incoming_terugkoppelingen:${id}`;

/** A terugkoppeling is a few kilobytes; more is not one. */
const MAX_XML_CHARS = 100_000;

/**
 * Feedback (the OSO terugkoppeling) arrived at one of our delivery points: a school that received
 * a dossier of ours tells how the pupil is doing, or that the pupil left. The content is unsealed
 * with the point's key and must be a `<dossiers>` holding exactly one `<terugkoppeling>` from the
 * sending school, valid in strict mode (else OngeldigVerzoek). It is matched by keyed hash to the
 * dossier this school delivered to the sender — none: LeerlingNietGevonden, which tells the sender
 * nothing it does not know — stored encrypted and audited. The same message again is stored once.
 */
export async function receiveFeedback(
  ctx: ChainCallCtx,
  routingKey: string,
  message: Feedback,
): Promise<{ result: 'ok' | ResultCode }> {
  const point = await findDeliveryPoint(ctx.db, routingKey);
  if (!point?.active) return { result: 'OnbekendAanleverpunt' };
  if (
    message?.sourceBrin !== point.brin ||
    !isBrin(String(message.destinationBrin)) ||
    !isUuid(String(message.id))
  ) {
    return refuse(ctx, point, message, 'OngeldigVerzoek');
  }
  const content = await unseal(ctx, point, message);
  const terugkoppeling = content && readTerugkoppeling(content.xml, message.destinationBrin);
  if (!content || !terugkoppeling) return refuse(ctx, point, message, 'OngeldigVerzoek');

  const pupilKey = (await pupilKeyer(ctx))(content);
  const at = ctx.now();
  const peer = asPeerCtx(ctx);
  return ctx.db.transaction(async (tx) => {
    const delivered = await tx.query<{ dossier_id: string }>(
      `SELECT dossier_id FROM gw.incoming_requests
        WHERE school_brin = $1 AND pupil_key = $2 AND destination_brin = $3
          AND result = 'OverdrachtGeslaagd' AND dossier_id IS NOT NULL
        ORDER BY received_at DESC LIMIT 1`,
      [point.brin, pupilKey, message.destinationBrin],
    );
    const dossierId = delivered.rows[0]?.dossier_id;
    if (!dossierId) {
      await audit.record(tx, peer, 'terugkoppeling.unmatched', {
        schoolBrin: point.brin,
        details: { fromBrin: message.destinationBrin, result: 'LeerlingNietGevonden' },
      });
      return { result: 'LeerlingNietGevonden' as const };
    }
    const id = randomUUID();
    const xml = Buffer.from(content.xml, 'utf8');
    const stored = await tx.query(
      `INSERT INTO gw.incoming_terugkoppelingen
         (id, school_brin, dossier_id, from_brin, message_id, xml_enc, size_bytes, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (school_brin, from_brin, message_id) DO NOTHING`,
      [
        id,
        point.brin,
        dossierId,
        message.destinationBrin,
        message.id.toLowerCase(),
        ctx.keyring.encrypt(xml, incomingTerugkoppelingAad(id)),
        xml.byteLength,
        at,
      ],
    );
    await audit.record(tx, peer, 'terugkoppeling.received', {
      schoolBrin: point.brin,
      subject: dossierId,
      details: {
        fromBrin: message.destinationBrin,
        messageId: message.id,
        duplicate: stored.rowCount === 0,
        schooljaren: terugkoppeling.terugkoppelinformatie.tiperschooljaar?.length ?? 0,
        vertrek: terugkoppeling.terugkoppelinformatie.vertrek !== undefined,
      },
    });
    return { result: 'ok' as const };
  });
}

/** The one terugkoppeling of a strictly valid `<dossiers>` from `fromBrin`, or undefined. */
export function readTerugkoppeling(xml: string, fromBrin: string): Terugkoppeling | undefined {
  try {
    const bytes = Buffer.from(xml, 'utf8');
    const verdict = validateDocument(bytes, { mode: 'strict' });
    if (!verdict.xsdValid || verdict.findings.some((f) => f.severity === 'fout')) return undefined;
    const doc = readDocument(bytes);
    if (doc.kind !== 'dossiers' || (doc.dossiers.dossier?.length ?? 0) > 0) return undefined;
    const [only, ...more] = doc.dossiers.terugkoppeling ?? [];
    if (!only || more.length > 0 || only.voschool.school.brincode.trim() !== fromBrin) return undefined;
    return only;
  } catch (e) {
    if (isStandardError(e)) return undefined;
    throw e;
  }
}

async function unseal(
  ctx: ChainCallCtx,
  point: HostedDeliveryPoint,
  message: Feedback,
): Promise<FeedbackContent | undefined> {
  try {
    const keys = await deliveryPointKeys(ctx.db, ctx.keyring, point.routingKey, ctx.now());
    const content = await keys.openJson<FeedbackContent>(message.feedback, {
      info: SEAL_INFO.feedback,
      aad: 'feedback',
    });
    const text = (v: unknown) => v === undefined || typeof v === 'string';
    const number = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    if (
      !content ||
      typeof content !== 'object' ||
      !text(content.bsn) ||
      !text(content.onderwijsnummer) ||
      !(number(content.bsn) || number(content.onderwijsnummer)) ||
      typeof content.xml !== 'string' ||
      content.xml.length > MAX_XML_CHARS
    ) {
      return undefined;
    }
    return content;
  } catch (e) {
    if (isAppError(e)) return undefined;
    throw e;
  }
}

/** A refusal before any pupil was looked up: audited (no identifiers), nothing stored. */
async function refuse(
  ctx: ChainCallCtx,
  point: HostedDeliveryPoint,
  message: Partial<Feedback> | undefined,
  result: ResultCode,
): Promise<{ result: ResultCode }> {
  await audit.record(ctx.db, asPeerCtx(ctx), 'terugkoppeling.refused', {
    schoolBrin: point.brin,
    details: {
      result,
      ...(typeof message?.destinationBrin === 'string' && isBrin(message.destinationBrin)
        ? { fromBrin: message.destinationBrin }
        : {}),
    },
  });
  return { result };
}
