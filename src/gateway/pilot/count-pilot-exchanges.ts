import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { isBrin } from '../pupils/identity.js';
import { PILOT_KINDS, type PilotKind } from './test-bsn.js';

/** What happened to one pilot dossier of a pair: counts (0 or 1 each), never a name or an id. */
export interface PilotKindCounts {
  /** Sending side (the po school): the pilot dossier exists. */
  prepared: number;
  /** Its current version was inspected. */
  inspected: number;
  /** It was set ready for the pair's vo school (now or before). */
  setReady: number;
  /** The vo school asked for it (whatever the answer; seen at either school). */
  requested: number;
  /** It went to the vo school (OverdrachtGeslaagd). */
  delivered: number;
  /** Receiving side (the vo school): the pilot pupil is registered. */
  registered: number;
  /** A dossier arrived for the registration. */
  received: number;
  /** It was imported (ingelezen). */
  imported: number;
}

export interface PilotPairCounts {
  pilotRef: string;
  sourceBrin: string;
  destinationBrin: string;
  kinds: Record<PilotKind, PilotKindCounts>;
}

const zero = (): PilotKindCounts => ({
  prepared: 0,
  inspected: 0,
  setReady: 0,
  requested: 0,
  delivered: 0,
  registered: 0,
  received: 0,
  imported: 0,
});

/**
 * The region's pilot progress from the chain (ADR 0007): per pilot pair (the region's reference,
 * the po school as source, the vo school as destination) and per kind of dossier, how far the
 * exchange came at this gateway — counts only. A school this gateway does not host counts zero.
 * `gateway:admin` for both schools of every pair; two queries for all pairs.
 */
export async function countPilotExchanges(
  ctx: Ctx,
  input: { pairs: Array<{ pilotRef: string; sourceBrin: string; destinationBrin: string }> },
): Promise<PilotPairCounts[]> {
  for (const p of input.pairs) {
    authorize(ctx, 'gateway:admin', p.sourceBrin);
    authorize(ctx, 'gateway:admin', p.destinationBrin);
    if (!isUuid(p.pilotRef) || !isBrin(p.sourceBrin) || !isBrin(p.destinationBrin)) {
      throw new AppError('VALIDATION_FAILED', { field: 'pairs', reason: 'pilotRef uuid, BRINs 00YY' });
    }
  }
  if (input.pairs.length === 0) return [];
  const params = [
    input.pairs.map((p) => p.pilotRef),
    input.pairs.map((p) => p.sourceBrin),
    input.pairs.map((p) => p.destinationBrin),
  ];
  const pairs = `unnest($1::uuid[], $2::text[], $3::text[]) AS x(ref, source, destination)`;
  type Row = { ref: string; kind: PilotKind } & Record<keyof PilotKindCounts, number>;
  const sending = await ctx.db.query<Row>(
    `SELECT x.ref::text AS ref, d.pilot_kind AS kind,
            count(*)::integer AS prepared,
            count(*) FILTER (WHERE v.inspected_at IS NOT NULL)::integer AS inspected,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM gw.dossier_destinations t
               WHERE t.dossier_id = d.id AND t.destination_brin = x.destination))::integer AS "setReady",
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM gw.incoming_requests r
               WHERE r.school_brin = d.school_brin AND r.pupil_key = p.pupil_key
                 AND r.destination_brin = x.destination))::integer AS requested,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM gw.incoming_requests r
               WHERE r.dossier_id = d.id AND r.destination_brin = x.destination
                 AND r.result = 'OverdrachtGeslaagd'))::integer AS delivered
       FROM ${pairs}
       JOIN gw.dossiers d ON d.pilot_ref = x.ref AND d.school_brin = x.source
       JOIN gw.pupils p ON p.id = d.pupil_id
       JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version
      GROUP BY x.ref, d.pilot_kind`,
    params,
  );
  const receiving = await ctx.db.query<Row>(
    `SELECT x.ref::text AS ref, r.pilot_kind AS kind,
            count(*)::integer AS registered,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM gw.outgoing_requests o WHERE o.registration_id = r.id))::integer AS requested,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM gw.received_dossiers d WHERE d.registration_id = r.id))::integer AS received,
            count(*) FILTER (WHERE r.state = 'ingelezen')::integer AS imported
       FROM ${pairs}
       JOIN gw.registrations r ON r.pilot_ref = x.ref AND r.school_brin = x.destination AND r.source_brin = x.source
      GROUP BY x.ref, r.pilot_kind`,
    params,
  );
  const byRef = new Map<string, PilotPairCounts>(
    input.pairs.map((p) => [
      p.pilotRef,
      { ...p, kinds: Object.fromEntries(PILOT_KINDS.map((k) => [k, zero()])) as PilotPairCounts['kinds'] },
    ]),
  );
  for (const row of [...sending.rows, ...receiving.rows]) {
    const counts = byRef.get(row.ref)?.kinds[row.kind];
    if (!counts) continue;
    for (const key of Object.keys(counts) as Array<keyof PilotKindCounts>) {
      // "requested" is seen on both sides: the vo school asked, or the po school was asked
      if (row[key] !== undefined && row[key] !== null) counts[key] = Math.max(counts[key], Number(row[key]));
    }
  }
  return [...byRef.values()];
}
