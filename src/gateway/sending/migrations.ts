import type { Migration } from '../../platform/db/index.js';

/**
 * The sending side of the gateway (ids 'gw-1xx'): pupils and their dossiers per school and school
 * year, frozen versions with the parents' inspection, the one ready destination, the requests this
 * gateway answered (for a later notice), where pupils registered, and the counters of failed
 * look-ups per requesting school.
 *
 * Personal data is never in a plain column: a pupil is found by `pupil_key` (an HMAC of the BSN or
 * onderwijsnummer with the gateway's secret, see pupils/pupil-key.ts); names, birth dates and
 * dossiers are keyring records bound to their row (AAD '<table>:<id>').
 *
 * The dossier lifecycle (DESIGN.md §5) is guarded twice: the table of allowed transitions in
 * lifecycle.ts and the same table here, enforced by a trigger; "one ready destination per dossier"
 * is a unique partial index, so two instances racing each other cannot break it.
 */
export const sendingMigrations: Migration[] = [
  {
    id: 'gw-101-secrets-pupils-dossiers',
    sql: `
      CREATE TABLE gw.secrets (
        name text PRIMARY KEY,
        value_enc bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE gw.pupils (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        pupil_key text NOT NULL,
        identity_enc bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (school_brin, pupil_key)
      );

      CREATE TABLE gw.dossier_states (state text PRIMARY KEY);
      INSERT INTO gw.dossier_states (state) VALUES
        ('concept'), ('ter_inzage'), ('ingezien'), ('klaargezet'), ('ingetrokken'), ('verlopen');

      CREATE TABLE gw.dossier_transitions (
        from_state text NOT NULL REFERENCES gw.dossier_states (state),
        to_state text NOT NULL REFERENCES gw.dossier_states (state),
        PRIMARY KEY (from_state, to_state)
      );
      INSERT INTO gw.dossier_transitions (from_state, to_state) VALUES
        ('concept', 'concept'), ('concept', 'ter_inzage'), ('concept', 'klaargezet'),
        ('ter_inzage', 'ingezien'), ('ter_inzage', 'concept'),
        ('ingezien', 'klaargezet'), ('ingezien', 'concept'),
        ('klaargezet', 'klaargezet'), ('klaargezet', 'ingetrokken'), ('klaargezet', 'verlopen'),
        ('klaargezet', 'concept'),
        ('ingetrokken', 'klaargezet'), ('ingetrokken', 'concept'),
        ('verlopen', 'klaargezet'), ('verlopen', 'concept');

      CREATE TABLE gw.dossiers (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        pupil_id uuid NOT NULL REFERENCES gw.pupils (id),
        schooljaar text NOT NULL CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'),
        profile text NOT NULL CHECK (profile IN ('POPO', 'POVO', 'VOVO', 'BB', 'POSWV', 'VOSWV')),
        state text NOT NULL REFERENCES gw.dossier_states (state),
        current_version integer NOT NULL CHECK (current_version >= 1),
        -- bumped by every change: a use case that read revision r only writes while it is still r
        revision integer NOT NULL DEFAULT 0,
        state_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (pupil_id, schooljaar)
      );
      CREATE INDEX dossiers_school_year ON gw.dossiers (school_brin, schooljaar);
      CREATE INDEX dossiers_ready ON gw.dossiers (school_brin) WHERE state = 'klaargezet';

      CREATE FUNCTION gw.guard_dossier_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state AND NOT EXISTS (
          SELECT 1 FROM gw.dossier_transitions WHERE from_state = OLD.state AND to_state = NEW.state
        ) THEN
          RAISE EXCEPTION 'dossier transition % -> % is not allowed', OLD.state, NEW.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dossier_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER dossiers_transition BEFORE UPDATE OF state ON gw.dossiers
        FOR EACH ROW EXECUTE FUNCTION gw.guard_dossier_transition();

      CREATE TABLE gw.dossier_versions (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES gw.dossiers (id),
        version integer NOT NULL CHECK (version >= 1),
        xml_enc bytea NOT NULL,
        size_bytes integer NOT NULL,
        findings_enc bytea NOT NULL,
        error_count integer NOT NULL,
        warning_count integer NOT NULL,
        origin text NOT NULL CHECK (origin IN ('import', 'generated', 'edit')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- put up for inspection: from here on the content is frozen
        frozen_at timestamptz,
        inspected_at timestamptz,
        inzagedatum date,
        akkoord text CHECK (akkoord IN ('Ja', 'Nee', 'Onbekend')),
        toestemming text CHECK (toestemming IN ('Ja', 'Nee', 'Onbekend')),
        UNIQUE (dossier_id, version),
        CHECK (inspected_at IS NULL OR (frozen_at IS NOT NULL AND inzagedatum IS NOT NULL AND akkoord IS NOT NULL))
      );

      CREATE TABLE gw.dossier_destinations (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES gw.dossiers (id),
        version_id uuid NOT NULL REFERENCES gw.dossier_versions (id),
        destination_brin text NOT NULL CHECK (destination_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        state text NOT NULL CHECK (state IN ('klaargezet', 'ingetrokken', 'verlopen')),
        ready_at timestamptz NOT NULL,
        ready_by text NOT NULL,
        ended_at timestamptz,
        CHECK ((state = 'klaargezet') = (ended_at IS NULL))
      );
      CREATE UNIQUE INDEX dossier_destinations_one_ready
        ON gw.dossier_destinations (dossier_id) WHERE state = 'klaargezet';
      CREATE INDEX dossier_destinations_by_dossier ON gw.dossier_destinations (dossier_id, ready_at DESC);`,
  },
  {
    id: 'gw-102-incoming-requests',
    sql: `
      -- Document requests this gateway answered, by pupil key only: a later klaarzetten for the
      -- requesting school sends it a notice.
      CREATE TABLE gw.incoming_requests (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        routing_key text NOT NULL,
        session_id text NOT NULL,
        destination_brin text NOT NULL,
        destination_routing_key text NOT NULL,
        pupil_key text NOT NULL,
        dossier_id uuid REFERENCES gw.dossiers (id),
        version integer,
        result text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX incoming_requests_pupil ON gw.incoming_requests (school_brin, pupil_key, destination_brin);

      -- Failed look-ups (LeerlingNietGevonden, GegevensKomenNietOvereen) per requesting school in
      -- the current hour; shared by every instance of this gateway.
      CREATE TABLE gw.lookup_failures (
        destination_brin text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0),
        blocked_until timestamptz
      );

      -- Where pupils registered (registration notices from receiving schools).
      CREATE TABLE gw.registration_notices (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        pupil_key text NOT NULL,
        destination_brin text NOT NULL CHECK (destination_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        preference_rank integer,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (school_brin, pupil_key, destination_brin)
      );`,
  },
  {
    id: 'gw-103-region-summer-switch',
    sql: `
      -- A region's own summer switch date (MM-DD). Schools of a region without a row follow the
      -- gateway-wide date (OVERSTAP_SUMMER_SWITCH, default 07-15).
      CREATE TABLE gw.region_summer_switch (
        region text PRIMARY KEY CHECK (length(region) BETWEEN 1 AND 200),
        month_day text NOT NULL CHECK (month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    id: 'gw-110-koppelsleutels-terugkoppelingen',
    sql: `
      -- Koppelsleutels of SWV dossiers, by keyed hash only (HMAC with gw.secrets 'pupil-key'): the key
      -- itself is shown once, when the dossier is set ready for a samenwerkingsverband. A key names
      -- one dossier for one destination; every klaarzetten of an SWV dossier issues a new one.
      CREATE TABLE gw.koppelsleutels (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        dossier_id uuid NOT NULL REFERENCES gw.dossiers (id),
        destination_id uuid NOT NULL REFERENCES gw.dossier_destinations (id),
        destination_brin text NOT NULL CHECK (destination_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        key_hash text NOT NULL CHECK (key_hash ~ '^[A-Za-z0-9_-]{43}$'),
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL,
        UNIQUE (school_brin, key_hash)
      );
      CREATE INDEX koppelsleutels_dossier ON gw.koppelsleutels (dossier_id);

      -- Only an SWV dossier has koppelsleutels, each for the school the readiness named.
      CREATE FUNCTION gw.guard_koppelsleutel() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM gw.dossiers d JOIN gw.dossier_destinations t ON t.dossier_id = d.id
           WHERE d.id = NEW.dossier_id AND d.school_brin = NEW.school_brin AND d.profile IN ('POSWV', 'VOSWV')
             AND t.id = NEW.destination_id AND t.destination_brin = NEW.destination_brin
        ) THEN
          RAISE EXCEPTION 'a koppelsleutel belongs to a readiness of an SWV dossier'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'koppelsleutel_swv_dossier';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER koppelsleutels_guard BEFORE INSERT OR UPDATE ON gw.koppelsleutels
        FOR EACH ROW EXECUTE FUNCTION gw.guard_koppelsleutel();

      -- Feedback (terugkoppeling) from schools that received a dossier of this school, matched to
      -- that dossier; the OSO XML is a keyring record bound to its row. A message id sent twice
      -- (the sender retries) is one message.
      CREATE TABLE gw.incoming_terugkoppelingen (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        dossier_id uuid NOT NULL REFERENCES gw.dossiers (id),
        from_brin text NOT NULL CHECK (from_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        message_id uuid NOT NULL,
        xml_enc bytea NOT NULL,
        size_bytes integer NOT NULL,
        received_at timestamptz NOT NULL,
        UNIQUE (school_brin, from_brin, message_id)
      );
      CREATE INDEX incoming_terugkoppelingen_school ON gw.incoming_terugkoppelingen (school_brin, received_at);`,
  },
  {
    id: 'gw-120-version-groep',
    sql: `
      -- The pupil's current group (groepscode of the last schoolloopbaan row, e.g. '8b') per version,
      -- so that the worklist can show and filter by group without decrypting every dossier. A group
      -- code is not personal data; versions stored before this migration have none.
      ALTER TABLE gw.dossier_versions ADD COLUMN groep text CHECK (groep IS NULL OR length(groep) <= 100);
      -- Deliveries of a dossier, counted in the worklist.
      CREATE INDEX incoming_requests_dossier ON gw.incoming_requests (dossier_id) WHERE dossier_id IS NOT NULL;`,
  },
  {
    id: 'gw-121-version-inspection-errors',
    sql: `
      -- Of a version's errors, those of the inspection rules (OVa.IZ01-IZ05: the parents have not
      -- inspected it yet). Until the inspection is recorded they are the open step, not the school's
      -- errors (inspection-findings.ts); counted here so that the worklist can tell them apart without
      -- decrypting findings. Versions stored before this migration count 0.
      ALTER TABLE gw.dossier_versions ADD COLUMN inspection_error_count integer NOT NULL DEFAULT 0
        CHECK (inspection_error_count >= 0 AND inspection_error_count <= error_count);`,
  },
  {
    id: 'gw-130-lookup-failure-sessions',
    sql: `
      -- The sessions whose failed look-up was counted in gw.lookup_failures: one request of a school
      -- (one session) counts once, however many of the source's delivery points on this gateway
      -- answered it (OV and RP both get a document request that finds nothing). The primary key
      -- settles two points or instances counting the same session at once. Rows older than the
      -- counter's window are of no use and are removed as new ones come in (lookup-limit.ts).
      CREATE TABLE gw.lookup_failure_sessions (
        session_id text PRIMARY KEY CHECK (length(session_id) BETWEEN 1 AND 100),
        destination_brin text NOT NULL,
        counted_at timestamptz NOT NULL
      );
      CREATE INDEX lookup_failure_sessions_counted ON gw.lookup_failure_sessions (counted_at);`,
  },
];
