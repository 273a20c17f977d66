import type { Migration } from '../../platform/db/index.js';

/**
 * Several instances of one gateway on one PostgreSQL database (ids 'gw-4xx'): each running instance
 * keeps a heartbeat row, and a request in flight (registration or SWV request 'aangevraagd') records
 * the instance that holds it, so that any instance can tell a request whose process died from one
 * that is still running (instances/gateway-instance.ts, receiving/release-interrupted-requests.ts).
 */
export const instanceMigrations: Migration[] = [
  {
    id: 'gw-401-instances-request-holders',
    sql: `
      -- last_seen is the database's clock (clock_timestamp()), so that instances on hosts whose
      -- clocks differ judge each other by one clock.
      CREATE TABLE gw.instances (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._:-]{1,120}$'),
        host text NOT NULL CHECK (length(host) BETWEEN 1 AND 255),
        pid integer NOT NULL,
        started_at timestamptz NOT NULL,
        last_seen timestamptz NOT NULL
      );

      -- The instance that holds a request in flight: only while 'aangevraagd' (leaving that state
      -- lets go of it, whoever moves the registration).
      ALTER TABLE gw.registrations ADD COLUMN requested_by text,
        ADD CONSTRAINT registrations_held_only_while_requested
          CHECK (requested_by IS NULL OR state = 'aangevraagd');
      CREATE INDEX registrations_held ON gw.registrations (requested_by) WHERE state = 'aangevraagd';
      CREATE FUNCTION gw.let_go_of_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state <> 'aangevraagd' THEN
          NEW.requested_by := NULL;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER registrations_let_go BEFORE UPDATE OF state ON gw.registrations
        FOR EACH ROW EXECUTE FUNCTION gw.let_go_of_request();`,
  },
  {
    id: 'gw-402-swv-request-holders',
    sql: `
      -- A samenwerkingsverband's request by koppelsleutel in flight records its holder the same way,
      -- so that a crashed instance's SWV requests are released like its registrations.
      ALTER TABLE gw.swv_requests ADD COLUMN requested_by text,
        ADD CONSTRAINT swv_requests_held_only_while_requested
          CHECK (requested_by IS NULL OR state = 'aangevraagd');
      CREATE INDEX swv_requests_held ON gw.swv_requests (requested_by) WHERE state = 'aangevraagd';
      CREATE TRIGGER swv_requests_let_go BEFORE UPDATE OF state ON gw.swv_requests
        FOR EACH ROW EXECUTE FUNCTION gw.let_go_of_request();`,
  },
];
