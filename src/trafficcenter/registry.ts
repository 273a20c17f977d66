import type { Queryable, Tx } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import type { DeliveryPointPurpose, DeliveryPointRef, SessionKind } from '../platform/protocol.js';
import { isUuid } from '../platform/uuid.js';

import type { Admission, DeliveryPoint, Mandate, School } from './schemas.js';

/**
 * Reads of the traffic center's registry (schools, admission, mandates, delivery points) that
 * several use cases share, and the mapping of rows to the wire shapes. Writes stay in the use cases.
 */

/** Which delivery point asks in a session of this kind: an SWV request comes from an SWV point. */
export function purposeOfKind(kind: SessionKind): DeliveryPointPurpose {
  return kind === 'swv' ? 'SWV' : 'OV';
}

/**
 * Which of the source school's delivery points answer a session of this kind: an SWV request goes
 * to its SWV points only; a transfer (overstapdossier, binnenbrin) to its OV points and to the
 * points of a regional platform (RP) it uses.
 */
export function sourcePurposesOfKind(kind: SessionKind): DeliveryPointPurpose[] {
  return kind === 'swv' ? ['SWV'] : ['OV', 'RP'];
}

/** SQL: admission row `a` admits its school on day `$day` (a parameter placeholder). */
export const admittedOn = (day: string) =>
  `(a.qualified AND a.qualified_from <= ${day}::date AND (a.qualified_until IS NULL OR a.qualified_until >= ${day}::date))`;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

// ---- schools -----------------------------------------------------------------------------------

export interface SchoolRow {
  brin: string;
  vestiging: string;
  name: string;
  sector: School['sector'];
  board: string;
  region: string | null;
  place: string | null;
}
export const SCHOOL_COLUMNS = 'brin, vestiging, name, sector, board, region, place';

export function toSchool(row: SchoolRow): School {
  return {
    brin: row.brin,
    vestiging: row.vestiging,
    name: row.name,
    sector: row.sector,
    board: row.board,
    region: row.region,
    place: row.place,
  };
}

export async function findSchool(
  tx: Tx,
  brin: string,
  options: { lock?: boolean } = {},
): Promise<School | undefined> {
  const { rows } = await tx.query<SchoolRow>(
    `SELECT ${SCHOOL_COLUMNS} FROM tc.schools WHERE brin = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [brin],
  );
  return rows[0] ? toSchool(rows[0]) : undefined;
}

export async function requireSchool(tx: Tx, brin: string, options: { lock?: boolean } = {}): Promise<School> {
  const school = await findSchool(tx, brin, options);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { brin });
  return school;
}

// ---- admission ---------------------------------------------------------------------------------

interface AdmissionRow {
  brin: string;
  qualified: boolean;
  qualified_from: string | null;
  qualified_until: string | null;
  test_exchange_at: Date | null;
  note: string | null;
  admitted_today: boolean;
}

export async function admissionOf(tx: Tx, brin: string, today: string): Promise<Admission> {
  const { rows } = await tx.query<AdmissionRow>(
    `SELECT a.brin, a.qualified, a.qualified_from, a.qualified_until, a.test_exchange_at, a.note,
            ${admittedOn('$2')} AS admitted_today
       FROM tc.admission a WHERE a.brin = $1`,
    [brin, today],
  );
  const row = rows[0];
  if (!row) throw new AppError('SCHOOL_NOT_FOUND', { brin });
  return {
    brin: row.brin,
    qualified: row.qualified,
    qualifiedFrom: row.qualified_from,
    qualifiedUntil: row.qualified_until,
    testExchangeAt: iso(row.test_exchange_at),
    note: row.note,
    admittedToday: row.admitted_today,
  };
}

/** The admission state of a school for the chain: unknown, or admitted today or not. */
export async function admissionStatus(
  tx: Tx,
  brin: string,
  today: string,
): Promise<'unknown' | 'admitted' | 'not-admitted'> {
  const { rows } = await tx.query<{ admitted: boolean }>(
    `SELECT ${admittedOn('$2')} AS admitted FROM tc.admission a WHERE a.brin = $1`,
    [brin, today],
  );
  if (!rows[0]) return 'unknown';
  return rows[0].admitted ? 'admitted' : 'not-admitted';
}

// ---- supplier systems --------------------------------------------------------------------------

export async function requireSupplierSystem(tx: Tx, id: string): Promise<void> {
  const { rows } = isUuid(id)
    ? await tx.query('SELECT 1 FROM tc.supplier_systems WHERE id = $1', [id])
    : { rows: [] as unknown[] };
  if (rows.length === 0) throw new AppError('SUPPLIER_SYSTEM_NOT_FOUND', { supplierId: id });
}

// ---- mandates ----------------------------------------------------------------------------------

export interface MandateRow {
  supplier_id: string;
  brin: string;
  granted_at: Date;
  revoked_at: Date | null;
}
export const MANDATE_COLUMNS = 'supplier_id, brin, granted_at, revoked_at';

export function toMandate(row: MandateRow): Mandate {
  return {
    supplierId: row.supplier_id,
    brin: row.brin,
    grantedAt: row.granted_at.toISOString(),
    revokedAt: iso(row.revoked_at),
  };
}

// ---- delivery points ---------------------------------------------------------------------------

export interface DeliveryPointRow {
  routing_key: string;
  brin: string;
  supplier_id: string;
  url: string;
  purpose: DeliveryPointPurpose;
  public_key: string;
  active: boolean;
}
export const DELIVERY_POINT_COLUMNS = 'routing_key, brin, supplier_id, url, purpose, public_key, active';

export function toDeliveryPoint(row: DeliveryPointRow): DeliveryPoint {
  return {
    routingKey: row.routing_key,
    brin: row.brin,
    supplierId: row.supplier_id,
    url: row.url,
    purpose: row.purpose,
    publicKey: row.public_key,
    active: row.active,
  };
}

export async function findDeliveryPoint(tx: Tx, routingKey: string): Promise<DeliveryPoint | undefined> {
  const { rows } = await tx.query<DeliveryPointRow>(
    `SELECT ${DELIVERY_POINT_COLUMNS} FROM tc.delivery_points WHERE routing_key = $1`,
    [routingKey],
  );
  return rows[0] ? toDeliveryPoint(rows[0]) : undefined;
}

export interface DeliveryPointRefRow {
  routing_key: string;
  brin: string;
  vestiging: string;
  url: string;
  purpose: DeliveryPointPurpose;
  public_key: string;
}

function toRef(row: DeliveryPointRefRow): DeliveryPointRef {
  return {
    routingKey: row.routing_key,
    brin: row.brin,
    vestiging: row.vestiging,
    url: row.url,
    purpose: row.purpose,
    publicKey: row.public_key,
  };
}

/**
 * The delivery points the chain may use on `day`: active, of a school admitted that day, held by a
 * supplier that still has the school's mandate. Filtered by school and purpose(s) when given.
 */
export interface UsablePointsFilter {
  day: string;
  brin?: string;
  purpose?: DeliveryPointPurpose | readonly DeliveryPointPurpose[];
  routingKey?: string;
  /** Any of these points (instead of one routing key). */
  routingKeys?: readonly string[];
}

export async function usableDeliveryPoints(
  tx: Queryable,
  filter: UsablePointsFilter,
): Promise<DeliveryPointRef[]> {
  const usable = usablePoints(filter, 1);
  const { rows } = await tx.query<DeliveryPointRefRow>(
    `${usable.sql} ORDER BY d.brin, d.purpose, d.routing_key`,
    usable.params,
  );
  return rows.map(toRef);
}

/**
 * `usableDeliveryPoints`'s query as SQL (its parameters numbered from `firstParam`), for a statement
 * that acts on the answer at once (`WITH usable AS (…)`); read its rows with `deliveryPointRefs`.
 */
export function usablePoints(
  filter: UsablePointsFilter,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${firstParam + i}`;
  const purposes = filter.purpose === undefined ? null : [filter.purpose].flat();
  return {
    sql: `SELECT d.routing_key, d.brin, s.vestiging, d.url, d.purpose, d.public_key
       FROM tc.delivery_points d
       JOIN tc.schools s ON s.brin = d.brin
       JOIN tc.admission a ON a.brin = d.brin
       JOIN tc.mandates m ON m.supplier_id = d.supplier_id AND m.brin = d.brin AND m.revoked_at IS NULL
      WHERE d.active AND ${admittedOn($(0))}
        AND (${$(1)}::text IS NULL OR d.brin = ${$(1)})
        AND (${$(2)}::text[] IS NULL OR d.purpose = ANY(${$(2)}::text[]))
        AND (${$(3)}::text[] IS NULL OR d.routing_key = ANY(${$(3)}::text[]))`,
    params: [
      filter.day,
      filter.brin ?? null,
      purposes,
      filter.routingKeys ?? (filter.routingKey === undefined ? null : [filter.routingKey]),
    ],
  };
}

/** The rows of `usablePoints` as the chain hands them out. */
export function deliveryPointRefs(rows: readonly DeliveryPointRefRow[]): DeliveryPointRef[] {
  return rows.map(toRef);
}
