import type { Migration } from '../platform/db/index.js';

/**
 * The gateway's shared core: the schools this gateway hosts and their delivery points. Each
 * hosted school has, per purpose, a delivery point with its own HPKE key pair; the private key
 * is stored encrypted at rest (keyring, AAD 'gw.delivery_points:<routing_key>').
 *
 * Sending-side tables use ids 'gw-1xx', receiving-side tables 'gw-2xx'.
 */
export const gatewayCoreMigrations: Migration[] = [
  {
    id: 'gw-001-core',
    sql: `
      CREATE SCHEMA IF NOT EXISTS gw;
      CREATE TABLE gw.schools (
        brin text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        vestiging text NOT NULL CHECK (vestiging ~ '^[0-9]{2}$'),
        name text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('po', 'vo', 'so', 'swv')),
        region text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brin)
      );
      CREATE TABLE gw.delivery_points (
        routing_key text PRIMARY KEY,
        brin text NOT NULL REFERENCES gw.schools (brin),
        purpose text NOT NULL CHECK (purpose IN ('OV', 'SWV', 'RP')),
        public_key text NOT NULL,
        private_key_enc bytea NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX delivery_points_one_active_per_purpose
        ON gw.delivery_points (brin, purpose) WHERE active;`,
  },
];
