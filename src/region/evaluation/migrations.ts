import type { Migration } from '../../platform/db/index.js';

/**
 * The evaluation's tables (region-5xx). Guarded twice (STYLE.md): an evaluation goes concept → open
 * → gesloten and never back (a trigger refuses any other change of state, a CHECK ties the state to
 * its timestamps); an answer can only be stored while its evaluation is open, for a role the
 * evaluation asks (a trigger). Anonymity is in the shape of the tables: a response has a random id,
 * its role and the day — there is no column for an account, an e-mail address, an IP address, the
 * link or a time finer than the day — and its answers are values only.
 */
export const evaluationMigrations: Migration[] = [
  {
    id: 'region-500-evaluations',
    sql: `
      CREATE TABLE region.evaluations (
        id uuid PRIMARY KEY,
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        school_year text NOT NULL CHECK (
          school_year ~ '^[0-9]{4}-[0-9]{4}$'
          AND right(school_year, 4)::int = left(school_year, 4)::int + 1),
        state text NOT NULL DEFAULT 'concept' CHECK (state IN ('concept', 'open', 'gesloten')),
        -- the roles asked (evaluation/questions.ts EVALUATION_ROLES)
        roles text[] NOT NULL CHECK (
          cardinality(roles) BETWEEN 1 AND 6
          AND roles <@ ARRAY['administratie', 'directie', 'leerkracht', 'coordinator', 'ouders', 'regio']::text[]),
        created_at timestamptz NOT NULL,
        -- the audit id of the coordinator (account:<uuid>, apikey:<uuid>, system)
        created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
        opened_at timestamptz,
        closed_at timestamptz,
        -- one evaluation per region and school year: its findings feed the next year's timeline
        UNIQUE (region_id, school_year),
        CONSTRAINT evaluations_state_times CHECK (
          (state = 'concept' AND opened_at IS NULL AND closed_at IS NULL)
          OR (state = 'open' AND opened_at IS NOT NULL AND closed_at IS NULL)
          OR (state = 'gesloten' AND opened_at IS NOT NULL AND closed_at IS NOT NULL))
      );

      CREATE FUNCTION region.guard_evaluation_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state
           AND NOT ((OLD.state = 'concept' AND NEW.state = 'open')
                    OR (OLD.state = 'open' AND NEW.state = 'gesloten')) THEN
          RAISE EXCEPTION 'evaluation transition % -> % is not allowed', OLD.state, NEW.state
            USING ERRCODE = 'check_violation', CONSTRAINT = 'evaluation_transition';
        END IF;
        IF NEW.roles IS DISTINCT FROM OLD.roles AND OLD.state <> 'concept' THEN
          RAISE EXCEPTION 'the roles of an evaluation change only while it is a concept'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'evaluation_roles_fixed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER evaluations_transition BEFORE UPDATE ON region.evaluations
        FOR EACH ROW EXECUTE FUNCTION region.guard_evaluation_transition();

      -- one link per role: only the SHA-256 of its token is kept; a new link replaces the old one
      CREATE TABLE region.evaluation_links (
        evaluation_id uuid NOT NULL REFERENCES region.evaluations (id) ON DELETE CASCADE,
        role text NOT NULL
          CHECK (role IN ('administratie', 'directie', 'leerkracht', 'coordinator', 'ouders', 'regio')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        made_at timestamptz NOT NULL,
        made_by text NOT NULL CHECK (length(made_by) BETWEEN 1 AND 200),
        -- how many people the link was mailed to when it was made (0: shown to copy only)
        mailed integer NOT NULL DEFAULT 0 CHECK (mailed >= 0),
        PRIMARY KEY (evaluation_id, role)
      );

      -- one row per submission; nothing in it says who, from where or when within the day
      CREATE TABLE region.evaluation_responses (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES region.evaluations (id) ON DELETE CASCADE,
        role text NOT NULL
          CHECK (role IN ('administratie', 'directie', 'leerkracht', 'coordinator', 'ouders', 'regio')),
        submitted_on date NOT NULL
      );
      CREATE INDEX evaluation_responses_evaluation ON region.evaluation_responses (evaluation_id, role);

      CREATE FUNCTION region.guard_evaluation_response() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM region.evaluations
           WHERE id = NEW.evaluation_id AND state = 'open' AND NEW.role = ANY (roles)
        ) THEN
          RAISE EXCEPTION 'answers are taken only while the evaluation is open, for a role it asks'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'evaluation_response_open';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER evaluation_responses_open BEFORE INSERT OR UPDATE ON region.evaluation_responses
        FOR EACH ROW EXECUTE FUNCTION region.guard_evaluation_response();

      CREATE TABLE region.evaluation_answers (
        response_id uuid NOT NULL REFERENCES region.evaluation_responses (id) ON DELETE CASCADE,
        question_id text NOT NULL CHECK (question_id ~ '^[a-z]+\\.[a-z]+\\.[a-zA-Z]+$'),
        likert smallint CHECK (likert BETWEEN 1 AND 5),
        yes_no boolean,
        open_text text CHECK (length(open_text) BETWEEN 1 AND 1000),
        PRIMARY KEY (response_id, question_id),
        CONSTRAINT evaluation_answers_one_value CHECK (num_nonnulls(likert, yes_no, open_text) = 1)
      );

      -- what the coordinator concluded from the results, per date of the timeline (null: in general)
      CREATE TABLE region.evaluation_findings (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES region.evaluations (id) ON DELETE CASCADE,
        milestone text CHECK (milestone IN
          ('inspectedBy', 'registeredBy', 'destinationKnownBy', 'readyBy', 'requestedBy', 'summerSwitch')),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL,
        created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200)
      );
      CREATE INDEX evaluation_findings_evaluation ON region.evaluation_findings (evaluation_id);
    `,
  },
];
