import type { Migration } from '../../platform/db/index.js';

/**
 * The monitoring's one table: what a gateway reported about a school on a day (ADR 0006,
 * monitoring). Counts only, each its own integer column — there is no column a pupil's id, name or
 * date could go into — and the counts that are parts of others may not exceed them (CHECKs), so no
 * reporter can store a snapshot that the dashboard could not read.
 */
export const monitoringMigrations: Migration[] = [
  {
    id: 'region-100-milestone-snapshots',
    sql: `
      CREATE TABLE region.milestone_snapshots (
        brin text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        school_year text NOT NULL CHECK (
          school_year ~ '^[0-9]{4}-[0-9]{4}$'
          AND right(school_year, 4)::int = left(school_year, 4)::int + 1),
        day date NOT NULL,
        -- sending side, in leaving pupils (one transfer dossier each)
        leaving integer NOT NULL CHECK (leaving >= 0),
        inspected integer NOT NULL CHECK (inspected >= 0),
        registrations_known integer NOT NULL CHECK (registrations_known >= 0),
        set_ready integer NOT NULL CHECK (set_ready >= 0),
        requested integer NOT NULL CHECK (requested >= 0),
        delivered integer NOT NULL CHECK (delivered >= 0),
        ready_not_requested integer NOT NULL CHECK (ready_not_requested >= 0),
        -- receiving side, in registrations (one per pupil at the school)
        registrations integer NOT NULL CHECK (registrations >= 0),
        first_preference integer NOT NULL CHECK (first_preference >= 0),
        dossiers_requested integer NOT NULL CHECK (dossiers_requested >= 0),
        received integer NOT NULL CHECK (received >= 0),
        imported integer NOT NULL CHECK (imported >= 0),
        not_arrived integer NOT NULL CHECK (not_arrived >= 0),
        reported_at timestamptz NOT NULL,
        -- the audit id of the reporter (system, apikey:<uuid>, account:<uuid>)
        reported_by text NOT NULL CHECK (length(reported_by) BETWEEN 1 AND 200),
        PRIMARY KEY (brin, school_year, day),
        CONSTRAINT milestone_snapshots_sending CHECK (
          inspected <= leaving AND registrations_known <= leaving AND set_ready <= leaving
          AND requested <= leaving AND delivered <= leaving AND ready_not_requested <= set_ready),
        CONSTRAINT milestone_snapshots_receiving CHECK (
          first_preference <= registrations AND dossiers_requested <= registrations
          AND received <= registrations AND imported <= registrations AND not_arrived <= registrations),
        CONSTRAINT milestone_snapshots_day CHECK (
          day BETWEEN make_date(left(school_year, 4)::int, 8, 1) AND make_date(left(school_year, 4)::int + 1, 7, 31))
      );
      CREATE INDEX milestone_snapshots_year ON region.milestone_snapshots (school_year, brin, day);
    `,
  },
];
