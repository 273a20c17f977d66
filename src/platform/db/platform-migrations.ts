import type { Migration } from './migrate.js';

/**
 * The platform's own tables, in schema `platform`. Ids 'platform-0xx' are storage and jobs; the audit
 * log and keys use 'platform-1xx'.
 */
export const platformMigrations: Migration[] = [
  {
    id: 'platform-001-jobs',
    sql: `
      CREATE SCHEMA IF NOT EXISTS platform;

      -- Durable jobs (src/platform/jobs): enqueued in the transaction of the change that needs them,
      -- claimed with FOR UPDATE SKIP LOCKED, leased while running, retried with backoff.
      CREATE TABLE platform.jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind <> ''),
        -- idempotency key: enqueueing a kind with a key it already has is a no-op
        key text,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        locked_by text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK ((state = 'running') = (locked_until IS NOT NULL)),
        CHECK ((state IN ('done', 'failed')) = (finished_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX jobs_kind_key ON platform.jobs (kind, key) WHERE key IS NOT NULL;
      CREATE INDEX jobs_due ON platform.jobs (run_at) WHERE state = 'pending';
      CREATE INDEX jobs_leased ON platform.jobs (locked_until) WHERE state = 'running';`,
  },
];
