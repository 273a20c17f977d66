import type { Migration } from '../../platform/db/index.js';

/**
 * The reminders' tables (region-3xx). The rules of reminder-rules.ts are here as well (STYLE.md
 * "guarded twice"): the bounds of the settings, and above all the one reminder per region, school,
 * school year, deadline, kind and day (`reminders_once`) — two runs, or two instances, that decide
 * the same reminder insert the same key, and only the one whose insert wins sends it. A reminder
 * after a deadline is only for a school that is behind; a school's in-app notice is the reminder
 * itself (per school, never per pupil), read per person.
 */
export const reminderMigrations: Migration[] = [
  {
    id: 'region-300-reminders',
    sql: `
      -- a region without a row uses the defaults (reminder-rules.ts DEFAULT_REMINDER_SETTINGS)
      CREATE TABLE region.reminder_settings (
        region_id text PRIMARY KEY REFERENCES region.regions (id) ON DELETE CASCADE,
        enabled boolean NOT NULL,
        days_before integer NOT NULL CHECK (days_before BETWEEN 2 AND 20),
        last_school_day_before boolean NOT NULL,
        after_deadline boolean NOT NULL,
        repeat_after_school_days integer NOT NULL CHECK (repeat_after_school_days BETWEEN 3 AND 20),
        updated_at timestamptz NOT NULL,
        -- the audit id of who saved them (account:<uuid>, apikey:<uuid>)
        updated_by text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 200)
      );

      CREATE TABLE region.reminders (
        id uuid PRIMARY KEY,
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        brin text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
        school_year text NOT NULL CHECK (
          school_year ~ '^[0-9]{4}-[0-9]{4}$'
          AND right(school_year, 4)::int = left(school_year, 4)::int + 1),
        deadline_field text NOT NULL CHECK (
          deadline_field IN ('inspectedBy', 'registeredBy', 'destinationKnownBy', 'readyBy', 'requestedBy')),
        kind text NOT NULL CHECK (kind IN ('before', 'last_day', 'after')),
        -- the school day the reminder was due (a missed run sends it later, with this day)
        due_on date NOT NULL,
        deadline date NOT NULL,
        -- the in-app notice is open until this day (the deadline, or the next date for after-kinds)
        relevant_until date NOT NULL,
        -- the monitoring's status of the school for the deadline's milestone when it was decided
        status text NOT NULL CHECK (status IN ('on_track', 'behind', 'counted', 'empty', 'no_data')),
        -- the school's counts for that milestone then (never a pupil)
        count integer CHECK (count >= 0),
        out_of integer CHECK (out_of >= 0),
        -- the roles it was sent to; fallback: nobody held the deadline's roles, so directie/technisch
        roles text[] NOT NULL CHECK (
          cardinality(roles) BETWEEN 1 AND 5
          AND roles <@ ARRAY['administratie', 'leerkracht', 'directie', 'coordinator', 'technisch']::text[]),
        fallback boolean NOT NULL,
        recipients integer NOT NULL CHECK (recipients >= 0),
        trigger text NOT NULL CHECK (trigger IN ('daily', 'manual')),
        created_at timestamptz NOT NULL,
        -- the audit id of the run (system for the daily job, account:<uuid> for "send now")
        created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
        CONSTRAINT reminders_once UNIQUE (region_id, brin, school_year, deadline_field, kind, due_on),
        CONSTRAINT reminders_kind_day CHECK ((kind = 'after') = (due_on > deadline)),
        CONSTRAINT reminders_after_behind CHECK (kind <> 'after' OR status = 'behind'),
        CONSTRAINT reminders_until CHECK (relevant_until >= due_on),
        CONSTRAINT reminders_counts CHECK (out_of IS NULL OR count IS NULL OR count <= out_of)
      );
      CREATE INDEX reminders_school ON region.reminders (brin, created_at DESC);
      CREATE INDEX reminders_region ON region.reminders (region_id, school_year, created_at DESC);

      -- who a reminder's e-mail goes to; sent_at is set in the transaction that hands the mail over
      CREATE TABLE region.reminder_recipients (
        reminder_id uuid NOT NULL REFERENCES region.reminders (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254 AND email = lower(email)),
        roles text[] NOT NULL CHECK (
          cardinality(roles) BETWEEN 1 AND 5
          AND roles <@ ARRAY['administratie', 'leerkracht', 'directie', 'coordinator', 'technisch']::text[]),
        sent_at timestamptz,
        PRIMARY KEY (reminder_id, email)
      );

      -- a notice read by a person (their audit id), so each of the school's people has their own
      CREATE TABLE region.reminder_reads (
        reminder_id uuid NOT NULL REFERENCES region.reminders (id) ON DELETE CASCADE,
        reader text NOT NULL CHECK (length(reader) BETWEEN 1 AND 200),
        read_at timestamptz NOT NULL,
        PRIMARY KEY (reminder_id, reader)
      );
    `,
  },
];
