import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gatewayMigrations } from '../../gateway/index.js';
import type { Config } from '../../platform/config.js';
import {
  createKeyring,
  loadOrCreateDevKeys,
  parseKeyConfig,
  type RotatingKeyring,
  verifyKeys,
} from '../../platform/crypto/index.js';
import {
  type Db,
  type Migration,
  migrate,
  type OpenDatabaseOptions,
  openDatabase,
} from '../../platform/db/index.js';
import { allPlatformMigrations } from '../../platform/migrations.js';
import { regionMigrations } from '../../region/index.js';
import { trafficCenterMigrations } from '../../trafficcenter/index.js';

export const hasTrafficCenter = (c: Config) => c.role === 'all' || c.role === 'trafficcenter';
export const hasGateway = (c: Config) => c.role === 'all' || c.role === 'gateway';
/** The region module reads the traffic center and sets the gateway's summer switch in-process (ADR 0006). */
export const hasRegion = (c: Config) => c.role === 'all';

/** The migrations of the parts a role runs. */
export function migrationsFor(config: Config): Migration[] {
  return [
    ...allPlatformMigrations,
    ...(hasTrafficCenter(config) ? trafficCenterMigrations : []),
    ...(hasGateway(config) ? gatewayMigrations : []),
    ...(hasRegion(config) ? regionMigrations : []),
  ];
}

/**
 * Opens what a node stands on: the database (PGlite in `<dataDir>/pglite`, or PostgreSQL from
 * DATABASE_URL) with its migrations applied, and the keyring (configured keys, or a development
 * key in the data folder), checked against the keys the database has used — a lost or wrong key
 * stops here, before anything is read or written.
 */
export async function openStorage(
  config: Config,
  options: Pick<OpenDatabaseOptions, 'pgliteTemplate' | 'onLongTurn'> = {},
): Promise<{ db: Db; keyring: RotatingKeyring }> {
  await mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { dataDir: join(config.dataDir, 'pglite'), ...options },
  );
  try {
    await migrate(db, migrationsFor(config));
    const keyOptions = config.encryptionKeys
      ? parseKeyConfig(config.encryptionKeys, config.encryptionKeyId)
      : await loadOrCreateDevKeys(config.dataDir);
    const keyring = createKeyring(keyOptions);
    await verifyKeys(db, keyring);
    return { db, keyring };
  } catch (e) {
    await db.close();
    throw e;
  }
}
