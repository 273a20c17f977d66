import type { Migration } from '../platform/db/index.js';

/**
 * The traffic center's tables (schema `tc`). It is a broker: it knows schools, supplier systems,
 * mandates, delivery points, admission, sessions and outcome counts — and nothing about a pupil.
 * No column holds a name, a BSN, a birth date or a dossier: sessions carry a commitment (a salted
 * SHA-256, 43 base64url characters) and outcomes are counts per pair of schools.
 *
 * Rules live here as well as in code (STYLE.md "guarded twice"): formats are CHECKs, "one active
 * delivery point per school, purpose and supplier" is a partial unique index, and a session's
 * lifecycle (open → closed | expired, both final; tc-003) is a CHECK plus a trigger.
 */
export const trafficCenterMigrations: Migration[] = [
  {
    id: 'tc-001-registry',
    sql: `
      CREATE SCHEMA IF NOT EXISTS tc;

      CREATE TABLE tc.schools (
        brin text PRIMARY KEY CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        vestiging text NOT NULL CHECK (vestiging ~ '^[0-9]{2}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        sector text NOT NULL CHECK (sector IN ('po', 'vo', 'so', 'swv')),
        board text NOT NULL CHECK (length(board) BETWEEN 1 AND 200),
        region text CHECK (length(region) BETWEEN 1 AND 200),
        place text CHECK (length(place) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE tc.supplier_systems (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        certificate_fingerprint text NOT NULL UNIQUE CHECK (certificate_fingerprint ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE tc.mandates (
        supplier_id uuid NOT NULL REFERENCES tc.supplier_systems (id),
        brin text NOT NULL REFERENCES tc.schools (brin),
        granted_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (supplier_id, brin),
        CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
      );
      CREATE INDEX mandates_by_brin ON tc.mandates (brin) WHERE revoked_at IS NULL;

      CREATE TABLE tc.delivery_points (
        routing_key text PRIMARY KEY CHECK (routing_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$'),
        brin text NOT NULL REFERENCES tc.schools (brin),
        supplier_id uuid NOT NULL REFERENCES tc.supplier_systems (id),
        url text NOT NULL CHECK (url ~ '^https?://[^\\s]+$' AND length(url) <= 500),
        purpose text NOT NULL CHECK (purpose IN ('OV', 'SWV', 'RP')),
        public_key text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9_-]{43}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz,
        CHECK (active = (deactivated_at IS NULL))
      );
      CREATE UNIQUE INDEX delivery_points_one_active
        ON tc.delivery_points (brin, purpose, supplier_id) WHERE active;

      CREATE TABLE tc.admission (
        brin text PRIMARY KEY REFERENCES tc.schools (brin),
        qualified boolean NOT NULL DEFAULT false,
        qualified_from date,
        qualified_until date,
        test_exchange_at timestamptz,
        note text CHECK (length(note) <= 1000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT qualified OR qualified_from IS NOT NULL),
        CHECK (qualified_until IS NULL OR qualified_from IS NULL OR qualified_until >= qualified_from)
      );`,
  },
  {
    id: 'tc-002-sessions',
    sql: `
      -- The OSO-style result codes of platform/protocol.ts (RESULT_CODES), as of protocol v1.
      CREATE DOMAIN tc.result_code AS text CHECK (VALUE IN (
        'OverdrachtGeslaagd', 'NietGewijzigd', 'NietKlaargezet', 'DossierVerlopen',
        'GegevensKomenNietOvereen', 'LeerlingNietGevonden', 'SessieAfwijkend', 'OnbekendAanleverpunt',
        'GeenRelatieMetDoel', 'SessieReedsAfgemeld', 'VerstrekkerNietBekend', 'SchoolNietToegelaten',
        'GeenMandaat', 'OnbekendeSchool', 'TeVeelVerzoeken', 'OngeldigVerzoek', 'TechnischeFout'));

      CREATE TABLE tc.sessions (
        id uuid PRIMARY KEY,
        source_brin text NOT NULL REFERENCES tc.schools (brin),
        destination_brin text NOT NULL REFERENCES tc.schools (brin),
        destination_delivery_point text NOT NULL REFERENCES tc.delivery_points (routing_key),
        kind text NOT NULL CHECK (kind IN ('overstapdossier', 'binnenbrin', 'swv')),
        commitment text NOT NULL CHECK (commitment ~ '^[A-Za-z0-9_-]{43}$'),
        supplier_id uuid NOT NULL REFERENCES tc.supplier_systems (id),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        best_result tc.result_code,
        check_count integer NOT NULL DEFAULT 0 CHECK (check_count >= 0),
        CONSTRAINT sessions_closed_iff_result CHECK (
          (state = 'closed') = (closed_at IS NOT NULL AND best_result IS NOT NULL)
          AND (state = 'open') = (closed_at IS NULL AND best_result IS NULL))
      );
      CREATE INDEX sessions_open_by_created ON tc.sessions (created_at) WHERE state = 'open';

      -- The lifecycle in the database: open → closed and nothing else. A closed session is final,
      -- and what a session is about (schools, delivery point, kind, commitment, starter) never changes.
      CREATE FUNCTION tc.guard_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'closed' THEN
          RAISE EXCEPTION 'session % is closed; a closed session is final', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_closed_is_final';
        END IF;
        IF NEW.id <> OLD.id OR NEW.source_brin <> OLD.source_brin OR NEW.destination_brin <> OLD.destination_brin
           OR NEW.destination_delivery_point <> OLD.destination_delivery_point OR NEW.kind <> OLD.kind
           OR NEW.commitment <> OLD.commitment OR NEW.supplier_id <> OLD.supplier_id
           OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'what session % is about cannot change', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_immutable';
        END IF;
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER sessions_guard_update BEFORE UPDATE ON tc.sessions
        FOR EACH ROW EXECUTE FUNCTION tc.guard_session_update();

      -- Outcomes per pair of schools and day: counts only, never which pupil.
      CREATE TABLE tc.outcomes (
        source_brin text NOT NULL REFERENCES tc.schools (brin),
        destination_brin text NOT NULL REFERENCES tc.schools (brin),
        day date NOT NULL,
        result tc.result_code NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (source_brin, destination_brin, day, result)
      );`,
  },
  {
    id: 'tc-003-session-expiry',
    sql: `
      -- Sessions expire (session-states.ts): open → closed | expired. An open session past its
      -- expires_at (created_at + the traffic center's session lifetime, default 15 minutes) is marked
      -- expired, at a check or close of it or by the periodic sweep, and counted in tc.outcomes as
      -- 'SessieVerlopen'. Closed and expired are final.
      ALTER DOMAIN tc.result_code DROP CONSTRAINT result_code_check;
      ALTER DOMAIN tc.result_code ADD CONSTRAINT result_code_check CHECK (VALUE IN (
        'OverdrachtGeslaagd', 'NietGewijzigd', 'NietKlaargezet', 'DossierVerlopen',
        'GegevensKomenNietOvereen', 'LeerlingNietGevonden', 'SessieAfwijkend', 'OnbekendAanleverpunt',
        'GeenRelatieMetDoel', 'SessieReedsAfgemeld', 'SessieVerlopen', 'VerstrekkerNietBekend',
        'SchoolNietToegelaten', 'GeenMandaat', 'OnbekendeSchool', 'TeVeelVerzoeken', 'OngeldigVerzoek',
        'TechnischeFout'));

      ALTER TABLE tc.sessions ADD COLUMN expires_at timestamptz, ADD COLUMN expired_at timestamptz;
      ALTER TABLE tc.sessions DISABLE TRIGGER sessions_guard_update;
      UPDATE tc.sessions SET expires_at = created_at + interval '15 minutes';
      ALTER TABLE tc.sessions ENABLE TRIGGER sessions_guard_update;
      ALTER TABLE tc.sessions ALTER COLUMN expires_at SET NOT NULL;
      ALTER TABLE tc.sessions ADD CONSTRAINT sessions_expire_after_start CHECK (expires_at > created_at);
      ALTER TABLE tc.sessions DROP CONSTRAINT sessions_state_check;
      ALTER TABLE tc.sessions ADD CONSTRAINT sessions_state_check CHECK (state IN ('open', 'closed', 'expired'));
      ALTER TABLE tc.sessions DROP CONSTRAINT sessions_closed_iff_result;
      ALTER TABLE tc.sessions ADD CONSTRAINT sessions_state_fields CHECK (
        (state = 'open' AND closed_at IS NULL AND best_result IS NULL AND expired_at IS NULL)
        OR (state = 'closed' AND closed_at IS NOT NULL AND best_result IS NOT NULL AND expired_at IS NULL)
        OR (state = 'expired' AND expired_at IS NOT NULL AND closed_at IS NULL AND best_result IS NULL));
      CREATE INDEX sessions_open_by_expiry ON tc.sessions (expires_at) WHERE state = 'open';

      -- The lifecycle in the database: open → closed before expires_at, open → expired from
      -- expires_at on, and nothing else; closed and expired are final, and what a session is about
      -- (schools, delivery point, kind, commitment, starter, lifetime) never changes.
      CREATE OR REPLACE FUNCTION tc.guard_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state <> 'open' THEN
          RAISE EXCEPTION 'session % is %; a closed or expired session is final', OLD.id, OLD.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_closed_is_final';
        END IF;
        IF NEW.id <> OLD.id OR NEW.source_brin <> OLD.source_brin OR NEW.destination_brin <> OLD.destination_brin
           OR NEW.destination_delivery_point <> OLD.destination_delivery_point OR NEW.kind <> OLD.kind
           OR NEW.commitment <> OLD.commitment OR NEW.supplier_id <> OLD.supplier_id
           OR NEW.created_at <> OLD.created_at OR NEW.expires_at <> OLD.expires_at THEN
          RAISE EXCEPTION 'what session % is about cannot change', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_immutable';
        END IF;
        IF NEW.state = 'closed' AND NEW.closed_at >= OLD.expires_at THEN
          RAISE EXCEPTION 'session % expired before it was closed', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_close_before_expiry';
        END IF;
        IF NEW.state = 'expired' AND NEW.expired_at < OLD.expires_at THEN
          RAISE EXCEPTION 'session % has not expired yet', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_expire_after_lifetime';
        END IF;
        RETURN NEW;
      END
      $$;`,
  },
];
