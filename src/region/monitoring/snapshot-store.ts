import type { Queryable } from '../../platform/db/index.js';
import { SNAPSHOT_FIELDS, type SnapshotCounts } from './milestones.js';

/** Reads and writes of region.milestone_snapshots, shared by the monitoring's use cases. */

/** The column of each count. */
export const SNAPSHOT_COLUMNS: Record<keyof SnapshotCounts, string> = {
  leaving: 'leaving',
  inspected: 'inspected',
  registrationsKnown: 'registrations_known',
  setReady: 'set_ready',
  requested: 'requested',
  delivered: 'delivered',
  readyNotRequested: 'ready_not_requested',
  registrations: 'registrations',
  firstPreference: 'first_preference',
  dossiersRequested: 'dossiers_requested',
  received: 'received',
  imported: 'imported',
  notArrived: 'not_arrived',
};

const COUNT_COLUMNS = SNAPSHOT_FIELDS.map((f) => SNAPSHOT_COLUMNS[f]);

export interface StoredSnapshot {
  brin: string;
  day: string;
  counts: SnapshotCounts;
  reportedAt: string;
}

type Row = Record<string, number | string | Date> & { brin: string; day: string; reported_at: Date };

function toSnapshot(row: Row): StoredSnapshot {
  const counts = Object.fromEntries(
    SNAPSHOT_FIELDS.map((f) => [f, Number(row[SNAPSHOT_COLUMNS[f]])]),
  ) as unknown as SnapshotCounts;
  return { brin: row.brin, day: row.day, counts, reportedAt: row.reported_at.toISOString() };
}

/** Stores a school's counts of a day; a later report of the same day replaces it. */
export async function upsertSnapshot(
  tx: Queryable,
  input: {
    brin: string;
    schoolYear: string;
    day: string;
    counts: SnapshotCounts;
    reportedAt: Date;
    reportedBy: string;
  },
): Promise<void> {
  const values = SNAPSHOT_FIELDS.map((f) => input.counts[f]);
  const placeholders = values.map((_, i) => `$${i + 4}`).join(', ');
  const n = values.length + 4;
  await tx.query(
    `INSERT INTO region.milestone_snapshots (brin, school_year, day, ${COUNT_COLUMNS.join(', ')}, reported_at, reported_by)
     VALUES ($1, $2, $3::date, ${placeholders}, $${n}, $${n + 1})
     ON CONFLICT (brin, school_year, day) DO UPDATE SET
       ${COUNT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       reported_at = EXCLUDED.reported_at, reported_by = EXCLUDED.reported_by`,
    [input.brin, input.schoolYear, input.day, ...values, input.reportedAt, input.reportedBy],
  );
}

/** Every snapshot of these schools in a school year up to and including a day, oldest first. */
export async function snapshotsOf(
  tx: Queryable,
  brins: readonly string[],
  schoolYear: string,
  until: string,
): Promise<StoredSnapshot[]> {
  if (brins.length === 0) return [];
  const { rows } = await tx.query<Row>(
    `SELECT brin, to_char(day, 'YYYY-MM-DD') AS day, ${COUNT_COLUMNS.join(', ')}, reported_at
       FROM region.milestone_snapshots
      WHERE school_year = $1 AND brin = ANY($2::text[]) AND day <= $3::date
      ORDER BY day, brin`,
    [schoolYear, [...brins], until],
  );
  return rows.map(toSnapshot);
}

/** Which of these schools are a member of at least one region. */
export async function membersOfAnyRegion(tx: Queryable, brins: readonly string[]): Promise<Set<string>> {
  if (brins.length === 0) return new Set();
  const { rows } = await tx.query<{ brin: string }>(
    'SELECT DISTINCT brin FROM region.member_schools WHERE brin = ANY($1::text[])',
    [[...brins]],
  );
  return new Set(rows.map((r) => r.brin));
}
