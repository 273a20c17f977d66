import type { Migration } from '../../platform/db/index.js';

/**
 * The receiving side of the gateway (ids 'gw-2xx'): registrations (aanmeldingen) of pupils at a
 * hosted school, the requests sent for them with their OSO result, and the dossiers received.
 *
 * Identities and dossiers are keyring records bound to their row; lookups go by `pupil_key` (the
 * gateway's HMAC of the BSN or onderwijsnummer). The registration lifecycle (DESIGN.md §5) is
 * guarded twice: lifecycle.ts in code and gw.registration_transitions enforced by a trigger here.
 */
export const receivingMigrations: Migration[] = [
  {
    id: 'gw-201-registrations',
    sql: `
      CREATE TABLE gw.registration_states (state text PRIMARY KEY);
      INSERT INTO gw.registration_states (state) VALUES
        ('aanmelding'), ('aangevraagd'), ('ontvangen'), ('wacht_op_klaarzetten'), ('niet_gevonden'), ('fout'),
        ('ingelezen'), ('afgewezen');

      CREATE TABLE gw.registration_transitions (
        from_state text NOT NULL REFERENCES gw.registration_states (state),
        to_state text NOT NULL REFERENCES gw.registration_states (state),
        PRIMARY KEY (from_state, to_state)
      );
      INSERT INTO gw.registration_transitions (from_state, to_state) VALUES
        ('aanmelding', 'aangevraagd'),
        ('aangevraagd', 'aangevraagd'), ('aangevraagd', 'ontvangen'), ('aangevraagd', 'wacht_op_klaarzetten'),
        ('aangevraagd', 'niet_gevonden'), ('aangevraagd', 'fout'), ('aangevraagd', 'ingelezen'),
        ('wacht_op_klaarzetten', 'aangevraagd'), ('niet_gevonden', 'aangevraagd'), ('fout', 'aangevraagd'),
        ('ontvangen', 'ingelezen'), ('ontvangen', 'afgewezen'), ('ontvangen', 'aangevraagd'),
        ('ingelezen', 'aangevraagd'), ('afgewezen', 'aangevraagd');

      CREATE TABLE gw.registrations (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        source_brin text NOT NULL CHECK (source_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        pupil_key text NOT NULL,
        identity_enc bytea NOT NULL,
        preference_rank integer CHECK (preference_rank BETWEEN 1 AND 20),
        state text NOT NULL REFERENCES gw.registration_states (state),
        revision integer NOT NULL DEFAULT 0,
        last_result text,
        last_result_at timestamptz,
        requested_at timestamptz,
        reject_reason_enc bytea,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (school_brin, pupil_key)
      );
      CREATE INDEX registrations_open ON gw.registrations (school_brin, state);
      CREATE INDEX registrations_pupil ON gw.registrations (pupil_key, source_brin);

      CREATE FUNCTION gw.guard_registration_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state AND NOT EXISTS (
          SELECT 1 FROM gw.registration_transitions WHERE from_state = OLD.state AND to_state = NEW.state
        ) THEN
          RAISE EXCEPTION 'registration transition % -> % is not allowed', OLD.state, NEW.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER registrations_transition BEFORE UPDATE OF state ON gw.registrations
        FOR EACH ROW EXECUTE FUNCTION gw.guard_registration_transition();

      CREATE TABLE gw.outgoing_requests (
        id uuid PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES gw.registrations (id),
        school_brin text NOT NULL,
        source_brin text NOT NULL,
        session_id text,
        source_routing_key text,
        trigger text NOT NULL CHECK (trigger IN ('manual', 'bulk', 'notice', 'retry')),
        only_if_changed_since timestamptz,
        result text NOT NULL,
        requested_at timestamptz NOT NULL,
        answered_at timestamptz NOT NULL
      );
      CREATE INDEX outgoing_requests_registration ON gw.outgoing_requests (registration_id, requested_at DESC);

      CREATE TABLE gw.received_dossiers (
        id uuid PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES gw.registrations (id),
        request_id uuid NOT NULL REFERENCES gw.outgoing_requests (id),
        source_brin text NOT NULL,
        xml_enc bytea NOT NULL,
        size_bytes integer NOT NULL,
        findings_enc bytea NOT NULL,
        error_count integer NOT NULL,
        warning_count integer NOT NULL,
        profile text,
        version_ready_at timestamptz,
        received_at timestamptz NOT NULL,
        imported_at timestamptz
      );
      CREATE INDEX received_dossiers_registration ON gw.received_dossiers (registration_id, received_at DESC);`,
  },
  {
    id: 'gw-210-swv-requests-terugkoppelingen',
    sql: `
      -- A samenwerkingsverband's requests for SWV dossiers: by source school and koppelsleutel (no
      -- BSN). The key is a keyring record bound to its row (needed to ask again), found by keyed
      -- hash. The lifecycle is the registration's (same states, same transition table and trigger).
      CREATE TABLE gw.swv_requests (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        source_brin text NOT NULL CHECK (source_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        key_hash text NOT NULL CHECK (key_hash ~ '^[A-Za-z0-9_-]{43}$'),
        koppelsleutel_enc bytea NOT NULL,
        state text NOT NULL REFERENCES gw.registration_states (state)
          CHECK (state IN ('aanmelding', 'aangevraagd', 'ontvangen', 'wacht_op_klaarzetten', 'niet_gevonden', 'fout')),
        revision integer NOT NULL DEFAULT 0,
        last_result text,
        last_result_at timestamptz,
        requested_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (school_brin, source_brin, key_hash)
      );
      CREATE TRIGGER swv_requests_transition BEFORE UPDATE OF state ON gw.swv_requests
        FOR EACH ROW EXECUTE FUNCTION gw.guard_registration_transition();

      CREATE TABLE gw.swv_received_dossiers (
        id uuid PRIMARY KEY,
        swv_request_id uuid NOT NULL REFERENCES gw.swv_requests (id),
        session_id text NOT NULL,
        source_brin text NOT NULL,
        source_routing_key text NOT NULL,
        xml_enc bytea NOT NULL,
        size_bytes integer NOT NULL,
        findings_enc bytea NOT NULL,
        error_count integer NOT NULL,
        warning_count integer NOT NULL,
        profile text NOT NULL CHECK (profile IN ('POSWV', 'VOSWV')),
        version_ready_at timestamptz,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX swv_received_dossiers_request ON gw.swv_received_dossiers (swv_request_id, received_at DESC);

      -- Feedback (terugkoppeling) this school sends about pupils whose dossier it received: built,
      -- validated and stored (XML encrypted) at once, delivered by a job. wachtrij → afgeleverd |
      -- geweigerd, and those two are final (a trigger).
      CREATE TABLE gw.outgoing_terugkoppelingen (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        registration_id uuid NOT NULL REFERENCES gw.registrations (id),
        source_brin text NOT NULL CHECK (source_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        xml_enc bytea NOT NULL,
        size_bytes integer NOT NULL,
        state text NOT NULL CHECK (state IN ('wachtrij', 'afgeleverd', 'geweigerd')),
        result text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        answered_at timestamptz,
        CHECK ((state = 'wachtrij') = (answered_at IS NULL AND result IS NULL))
      );
      CREATE INDEX outgoing_terugkoppelingen_registration ON gw.outgoing_terugkoppelingen (registration_id);

      CREATE FUNCTION gw.guard_terugkoppeling_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state <> 'wachtrij' AND NEW.state IS DISTINCT FROM OLD.state THEN
          RAISE EXCEPTION 'terugkoppeling % is % and stays so', OLD.id, OLD.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'terugkoppeling_final';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER outgoing_terugkoppelingen_state BEFORE UPDATE OF state ON gw.outgoing_terugkoppelingen
        FOR EACH ROW EXECUTE FUNCTION gw.guard_terugkoppeling_state();`,
  },
];
