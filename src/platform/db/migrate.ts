import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Db, Tx } from './types.js';

/**
 * One step of the schema. `id` is stable for ever and names its owner and order
 * ('platform-001-jobs', 'gw-101-dossiers', 'tc-001-schools'); `sql` may hold several statements and
 * use the schemas `platform`, `tc` (traffic center) and `gw` (gateway). A migration, once released,
 * is never edited: add a new one. Lists are append-only. Statements that cannot run in a transaction
 * (CREATE INDEX CONCURRENTLY) are not supported.
 */
export interface Migration {
  id: string;
  sql: string;
}

/** Held while migrating, so that instances starting together on one server take turns. */
const MIGRATION_LOCK = 4_857_201_905_113;

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS platform_migrations (
    id text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`;

async function takeMigrationLock(tx: Tx): Promise<void> {
  // A long migration (an index on a big table) must not hit the pool's statement timeout, nor must
  // an instance that waits here for another one's migrations.
  await tx.query('SET LOCAL statement_timeout = 0');
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Brings the schema up to date: applies, in the given order, each migration the database does not
 * have yet, each in its own transaction together with its row in `platform_migrations`, so a
 * migration is applied entirely or not at all. Safe to run twice and from several instances at
 * once (an advisory lock serializes them; each migration is applied once). Refuses with
 * DATABASE_SCHEMA_NEWER when the database holds a migration this code does not know — it was
 * upgraded by a newer version — and with MIGRATION_FAILED (rolled back) when a migration fails.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<{ applied: string[] }> {
  const known = new Set<string>();
  for (const m of migrations) {
    if (!m.id || known.has(m.id)) {
      throw new AppError('CONFIG_INVALID', {
        reason: 'migration ids must be non-empty and unique',
        id: m.id,
      });
    }
    known.add(m.id);
  }

  const present = await db.transaction(async (tx) => {
    await takeMigrationLock(tx);
    await tx.query(CREATE_LEDGER);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM platform_migrations');
    return new Set(rows.map((r) => r.id));
  });
  const unknown = [...present].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) throw new AppError('DATABASE_SCHEMA_NEWER', { unknownMigrations: unknown });

  const applied: string[] = [];
  for (const m of migrations) {
    if (present.has(m.id)) continue;
    const appliedHere = await db.transaction(async (tx) => {
      await takeMigrationLock(tx);
      const { rows } = await tx.query('SELECT 1 FROM platform_migrations WHERE id = $1', [m.id]);
      if (rows.length > 0) return false; // another instance applied it while we waited
      try {
        await tx.query(m.sql);
      } catch (e) {
        const sqlstate = (e as { code?: unknown }).code;
        throw new AppError('MIGRATION_FAILED', {
          id: m.id,
          ...(typeof sqlstate === 'string' ? { sqlstate } : {}),
          reason: (e as Error).message,
        });
      }
      await tx.query('INSERT INTO platform_migrations (id, checksum) VALUES ($1, $2)', [
        m.id,
        checksum(m.sql),
      ]);
      return true;
    });
    if (appliedHere) applied.push(m.id);
  }
  return { applied };
}
