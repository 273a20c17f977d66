import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { isValidBsn } from '../../standard/index.js';
import { PILOT_KINDS, type PilotKind, type PilotPairRef, type PilotPupilFacts } from './deps.js';
import { pilotSchoolYear } from './pilot-rules.js';

/**
 * Reads and the few writes that several pilot use cases share: a pilot, its pairs with their
 * fictional pupils' test BSNs, its log, and handing out the next test BSN.
 */

export interface PilotRow {
  id: string;
  regionId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface PairRow {
  id: string;
  pilotId: string;
  poBrin: string;
  voBrin: string;
  /** The test BSN of each fictional pupil. */
  bsn: Record<PilotKind, string>;
}

export type PilotEvent =
  | 'created'
  | 'changed'
  | 'pair_added'
  | 'pair_removed'
  | 'notified'
  | 'dossiers_prepared'
  | 'dossiers_requested'
  | 'dossiers_imported';

export interface PilotLogEntry {
  at: string;
  actorId: string;
  event: PilotEvent;
  details: Record<string, unknown>;
}

interface PilotDbRow {
  id: string;
  region_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: Date;
  updated_at: Date;
}

const toPilot = (r: PilotDbRow): PilotRow => ({
  id: r.id,
  regionId: r.region_id,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** A pilot of the region, or PILOT_NOT_FOUND (also when it is another region's). */
export async function requirePilot(
  tx: Queryable,
  regionId: string,
  pilotId: string,
  options: { lock?: boolean } = {},
): Promise<PilotRow> {
  const { rows } = isUuid(pilotId)
    ? await tx.query<PilotDbRow>(
        `SELECT * FROM region.pilots WHERE id = $1 AND region_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
        [pilotId, regionId],
      )
    : { rows: [] as PilotDbRow[] };
  if (!rows[0]) throw new AppError('PILOT_NOT_FOUND', { regionId, pilotId });
  return toPilot(rows[0]);
}

/** A pilot by its id alone (a school's step names the pilot, not the region), or PILOT_NOT_FOUND. */
export async function requirePilotById(tx: Queryable, pilotId: string): Promise<PilotRow> {
  const { rows } = isUuid(pilotId)
    ? await tx.query<PilotDbRow>('SELECT * FROM region.pilots WHERE id = $1', [pilotId])
    : { rows: [] as PilotDbRow[] };
  if (!rows[0]) throw new AppError('PILOT_NOT_FOUND', { pilotId });
  return toPilot(rows[0]);
}

export async function listPilotRows(tx: Queryable, regionId: string | null): Promise<PilotRow[]> {
  const { rows } = await tx.query<PilotDbRow>(
    `SELECT * FROM region.pilots WHERE $1::text IS NULL OR region_id = $1
      ORDER BY starts_on DESC, lower(name), id`,
    [regionId],
  );
  return rows.map(toPilot);
}

/** The pilots (any region) whose period has not ended by `today`, first starting first. */
export async function listCurrentPilotRows(tx: Queryable, today: string): Promise<PilotRow[]> {
  const { rows } = await tx.query<PilotDbRow>(
    'SELECT * FROM region.pilots WHERE ends_on >= $1 ORDER BY starts_on, lower(name), id',
    [today],
  );
  return rows.map(toPilot);
}

/** The pilots a school takes part in (as po or vo school of a pair). */
export async function pilotsOfSchool(tx: Queryable, brin: string): Promise<PilotRow[]> {
  const { rows } = await tx.query<PilotDbRow>(
    `SELECT p.* FROM region.pilots p
      WHERE EXISTS (SELECT 1 FROM region.pilot_pairs x WHERE x.pilot_id = p.id AND (x.po_brin = $1 OR x.vo_brin = $1))
      ORDER BY p.starts_on DESC, lower(p.name), p.id`,
    [brin],
  );
  return rows.map(toPilot);
}

/** The pairs of these pilots with their pupils' test BSNs, in the order they were added. */
export async function pairsOf(tx: Queryable, pilotIds: readonly string[]): Promise<PairRow[]> {
  if (pilotIds.length === 0) return [];
  const { rows } = await tx.query<{
    id: string;
    pilot_id: string;
    po_brin: string;
    vo_brin: string;
    pupils: Array<{ kind: PilotKind; bsn: string }>;
  }>(
    `SELECT x.id, x.pilot_id, x.po_brin, x.vo_brin,
            coalesce((SELECT json_agg(json_build_object('kind', u.kind, 'bsn', u.bsn))
                        FROM region.pilot_pupils u WHERE u.pair_id = x.id), '[]'::json) AS pupils
       FROM region.pilot_pairs x
      WHERE x.pilot_id = ANY($1::uuid[])
      ORDER BY x.created_at, x.po_brin, x.vo_brin`,
    [[...pilotIds]],
  );
  return rows.map((r) => ({
    id: r.id,
    pilotId: r.pilot_id,
    poBrin: r.po_brin,
    voBrin: r.vo_brin,
    bsn: Object.fromEntries(r.pupils.map((u) => [u.kind, u.bsn])) as Record<PilotKind, string>,
  }));
}

export async function requirePair(tx: Queryable, pilotId: string, pairId: string): Promise<PairRow> {
  const pair = isUuid(pairId) ? (await pairsOf(tx, [pilotId])).find((p) => p.id === pairId) : undefined;
  if (!pair) throw new AppError('PILOT_PAIR_NOT_FOUND', { pilotId, pairId });
  return pair;
}

export async function logOf(tx: Queryable, pilotId: string): Promise<PilotLogEntry[]> {
  const { rows } = await tx.query<{
    at: Date;
    actor_id: string;
    event: PilotEvent;
    details: Record<string, unknown>;
  }>('SELECT at, actor_id, event, details FROM region.pilot_log WHERE pilot_id = $1 ORDER BY seq', [pilotId]);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorId: r.actor_id,
    event: r.event,
    details: r.details,
  }));
}

/** When each of these pilots last notified suppliers and the servicedesk. */
export async function lastNotified(tx: Queryable, pilotIds: readonly string[]): Promise<Map<string, string>> {
  if (pilotIds.length === 0) return new Map();
  const { rows } = await tx.query<{ pilot_id: string; at: Date }>(
    `SELECT pilot_id, max(at) AS at FROM region.pilot_log
      WHERE pilot_id = ANY($1::uuid[]) AND event = 'notified' GROUP BY pilot_id`,
    [[...pilotIds]],
  );
  return new Map(rows.map((r) => [r.pilot_id, new Date(r.at).toISOString()]));
}

export async function logEvent(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  pilotId: string,
  event: PilotEvent,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    'INSERT INTO region.pilot_log (id, pilot_id, at, actor_id, event, details) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), pilotId, ctx.now(), ctx.actor.id, event, details],
  );
}

/**
 * The next test BSN: the sequence walks the range 999990000–999999999 once, skipping numbers that
 * fail the 11-check; a number is never handed out twice, also not after its pair was removed.
 */
export async function nextTestBsn(tx: Queryable): Promise<string> {
  for (;;) {
    let n: number;
    try {
      const { rows } = await tx.query<{ n: number }>("SELECT nextval('region.pilot_test_numbers') AS n");
      n = Number(rows[0].n);
    } catch (e) {
      if ((e as { code?: string }).code === '2200H') throw new AppError('PILOT_TEST_NUMBERS_USED_UP');
      throw e;
    }
    const bsn = `99999${String(n).padStart(4, '0')}`;
    if (isValidBsn(bsn)) return bsn;
  }
}

/** Stores a pair with its two fictional pupils; returns the pair's id. */
export async function insertPair(
  tx: Queryable,
  pilotId: string,
  pair: { poBrin: string; voBrin: string },
  at: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    'INSERT INTO region.pilot_pairs (id, pilot_id, po_brin, vo_brin, created_at) VALUES ($1, $2, $3, $4, $5)',
    [id, pilotId, pair.poBrin, pair.voBrin, at],
  );
  for (const kind of PILOT_KINDS) {
    await tx.query('INSERT INTO region.pilot_pupils (pair_id, kind, bsn) VALUES ($1, $2, $3)', [
      id,
      kind,
      await nextTestBsn(tx),
    ]);
  }
  return id;
}

/** The pair as the gateway knows it: the region's reference, the po school sends, the vo school receives. */
export const pairRef = (pair: PairRow): PilotPairRef => ({
  pilotRef: pair.id,
  sourceBrin: pair.poBrin,
  destinationBrin: pair.voBrin,
});

/** The two fictional pupils of a pair, as a gateway generates or registers them. */
export function pupilFacts(pilot: PilotRow, pair: PairRow): PilotPupilFacts[] {
  return PILOT_KINDS.map((kind) => ({
    kind,
    seed: `pilot:${pair.id}`,
    bsn: pair.bsn[kind],
    schooljaar: pilotSchoolYear(pilot.startsOn),
  }));
}
