import type { Migration } from '../platform/db/index.js';
import { evaluationMigrations } from './evaluation/migrations.js';
import { monitoringMigrations } from './monitoring/migrations.js';
import { okrMigrations } from './okr/migrations.js';
import { pilotMigrations } from './pilot/migrations.js';
import { reminderMigrations } from './reminders/migrations.js';

/**
 * The region module's tables (schema `region`): regions with their settings, member schools,
 * timelines per school year, and the contacts of schools and regions. Rules live here as well as
 * in code (STYLE.md "guarded twice"): the settings that depend on each other, the order of a
 * timeline's dates and their place in the school year are CHECKs, so no second instance and no
 * hand-written SQL can store a timeline that timeline-rules.ts would refuse.
 */
export const regionMigrations: Migration[] = [
  {
    id: 'region-001-regions',
    sql: `
      CREATE SCHEMA IF NOT EXISTS region;

      CREATE TABLE region.regions (
        -- a short code for URLs and memberships (platform.memberships scope 'region')
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        -- the name schools carry as their region at the traffic center and the gateway
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        registrations_per_pupil text NOT NULL DEFAULT 'one'
          CHECK (registrations_per_pupil IN ('one', 'several')),
        -- with several registrations: first preference first, the next after a placement decision;
        -- or only to the school of placement (central matching)
        dossier_order text CHECK (dossier_order IN ('first_preference', 'after_placement')),
        platform text NOT NULL DEFAULT 'none'
          CHECK (platform IN ('none', 'onderwijs_transparant', 'triple_w_ict', 'other')),
        platform_name text CHECK (length(platform_name) BETWEEN 1 AND 200),
        eindtoets_route text NOT NULL DEFAULT 'oso' CHECK (eindtoets_route IN ('oso', 'platform')),
        holiday_region text NOT NULL CHECK (holiday_region IN ('noord', 'midden', 'zuid')),
        min_gap_school_days integer NOT NULL DEFAULT 5 CHECK (min_gap_school_days BETWEEN 1 AND 30),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT regions_order CHECK ((registrations_per_pupil = 'one') = (dossier_order IS NULL)),
        CONSTRAINT regions_platform_name CHECK ((platform = 'other') = (platform_name IS NOT NULL)),
        CONSTRAINT regions_eindtoets CHECK (eindtoets_route = 'oso' OR platform <> 'none')
      );
      CREATE UNIQUE INDEX regions_name_key ON region.regions (lower(name));

      -- many to many: a school may be in more than one region
      CREATE TABLE region.member_schools (
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        brin text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (region_id, brin)
      );
      CREATE INDEX member_schools_brin ON region.member_schools (brin);

      CREATE TABLE region.timelines (
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        school_year text NOT NULL CHECK (
          school_year ~ '^[0-9]{4}-[0-9]{4}$'
          AND right(school_year, 4)::int = left(school_year, 4)::int + 1),
        inspected_by date NOT NULL,
        registered_by date NOT NULL,
        destination_known_by date NOT NULL,
        ready_by date NOT NULL,
        requested_by date NOT NULL,
        summer_switch date NOT NULL,
        updated_at timestamptz NOT NULL,
        -- the audit id of who saved it (account:<uuid>, apikey:<uuid>, system)
        updated_by text NOT NULL,
        PRIMARY KEY (region_id, school_year),
        -- DESIGN.md §6: each date after the one before it
        CONSTRAINT timelines_order CHECK (
          inspected_by < registered_by AND registered_by < destination_known_by
          AND destination_known_by < ready_by AND ready_by < requested_by AND requested_by < summer_switch),
        -- deadlines within the school year (1 August – 31 July), the switch in the summer at its end
        CONSTRAINT timelines_school_year CHECK (
          inspected_by >= make_date(left(school_year, 4)::int, 8, 1)
          AND requested_by <= make_date(left(school_year, 4)::int + 1, 7, 31)
          AND summer_switch BETWEEN make_date(left(school_year, 4)::int + 1, 6, 1)
                                AND make_date(left(school_year, 4)::int + 1, 9, 30))
      );

      -- the people of a school per role, as the region records them (people with an account and a
      -- school role count too; they are read from platform.memberships)
      CREATE TABLE region.school_contacts (
        id uuid PRIMARY KEY,
        brin text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        role text NOT NULL
          CHECK (role IN ('administratie', 'leerkracht', 'directie', 'coordinator', 'technisch')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        phone text CHECK (phone ~ '^\\+?[0-9][0-9 ()-]{5,19}$'),
        created_at timestamptz NOT NULL,
        CONSTRAINT school_contacts_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL)
      );
      CREATE UNIQUE INDEX school_contacts_once ON region.school_contacts (brin, role, lower(name));

      -- the region's own people, for the help page of its schools
      CREATE TABLE region.region_contacts (
        id uuid PRIMARY KEY,
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- what the person does for the region, e.g. 'Regiocoördinator' or 'Projectleider overstap'
        function text NOT NULL CHECK (length(function) BETWEEN 1 AND 200),
        email text CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        phone text CHECK (phone ~ '^\\+?[0-9][0-9 ()-]{5,19}$'),
        created_at timestamptz NOT NULL,
        CONSTRAINT region_contacts_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL)
      );
      CREATE INDEX region_contacts_region ON region.region_contacts (region_id);
    `,
  },
  // the monitoring's snapshots (region-1xx)
  ...monitoringMigrations,
  // the OKR coverage: the region's transfer report and its mapping (region-2xx)
  ...okrMigrations,
  // the reminders before and after the timeline's deadlines (region-3xx)
  ...reminderMigrations,
  // the pilot: pairs of schools exchanging dossiers of fictional pupils (region-4xx, ADR 0007)
  ...pilotMigrations,
  // the evaluation: questionnaires per role, anonymous answers, findings (region-5xx)
  ...evaluationMigrations,
];
