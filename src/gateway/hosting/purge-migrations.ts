import type { Migration } from '../../platform/db/index.js';

/**
 * Deleting a school's personal data once its hosting ended and `retain_until` has passed
 * (hosting/purge-ended-school.ts), applied after the hosting migrations ('gw-3xx').
 *
 * - `gw.schools.purged_at`: when the data was deleted — only for a school whose hosting ended, and
 *   only on a day after `retain_until` (UTC). The school row stays as the record of the purge;
 *   `purged_at`, the end of hosting and `retain_until` never change again and the row is not
 *   deleted, so the school is not hosted (or resumed) again under this record.
 * - No row with the school's BRIN (pupils, dossiers, registrations, requests, notices, feedback,
 *   links, koppelsleutels) is stored for a purged school: a trigger on each table refuses it. It
 *   locks the school row (FOR KEY SHARE) as the foreign key does, so an insert racing the purge
 *   (which locks it FOR UPDATE) either lands before it and is deleted, or fails.
 * - Indexes on the foreign keys the purge's deletes check (a version's readinesses and links, a
 *   readiness's koppelsleutels, a request's received dossier, a dossier's feedback), so that
 *   deleting a school's rows does not scan these tables once per row.
 */
/** The gw tables with a school's rows (a `school_brin` column) that refuse rows for a purged school. */
const PURGE_GUARDED_TABLES = [
  'pupils',
  'dossiers',
  'incoming_requests',
  'registration_notices',
  'koppelsleutels',
  'incoming_terugkoppelingen',
  'inspection_links',
  'registrations',
  'outgoing_requests',
  'swv_requests',
  'outgoing_terugkoppelingen',
];

export const hostingPurgeMigrations: Migration[] = [
  {
    id: 'gw-320-school-purged',
    sql: `
      ALTER TABLE gw.schools ADD COLUMN purged_at timestamptz,
        ADD CONSTRAINT schools_purged_after_retention
          CHECK (purged_at IS NULL OR (hosting_ended_at IS NOT NULL
                                       AND retain_until < (purged_at AT TIME ZONE 'UTC')::date));

      -- Named to run before the other update guards of gw.schools (triggers run in name order), so a
      -- purged school is refused as purged whatever else the update tries.
      CREATE FUNCTION gw.guard_school_purged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.purged_at IS NULL THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE' OR NEW.purged_at IS DISTINCT FROM OLD.purged_at
           OR NEW.hosting_ended_at IS DISTINCT FROM OLD.hosting_ended_at
           OR NEW.retain_until IS DISTINCT FROM OLD.retain_until THEN
          RAISE EXCEPTION 'the data of school % was purged; its record stays as it is', OLD.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_purged_is_final';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER schools_data_purged_guard BEFORE UPDATE OR DELETE ON gw.schools
        FOR EACH ROW EXECUTE FUNCTION gw.guard_school_purged();

      CREATE FUNCTION gw.refuse_purged_school_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        purged timestamptz;
      BEGIN
        SELECT s.purged_at INTO purged FROM gw.schools s WHERE s.brin = NEW.school_brin FOR KEY SHARE;
        IF purged IS NOT NULL THEN
          RAISE EXCEPTION 'the data of school % was purged; nothing is stored for it any more', NEW.school_brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_purged';
        END IF;
        RETURN NEW;
      END $$;
${PURGE_GUARDED_TABLES.map(
  (t) => `      CREATE TRIGGER ${t}_school_not_purged BEFORE INSERT ON gw.${t}
        FOR EACH ROW EXECUTE FUNCTION gw.refuse_purged_school_rows();
`,
).join('')}
      CREATE INDEX dossier_destinations_version ON gw.dossier_destinations (version_id);
      CREATE INDEX inspection_links_version ON gw.inspection_links (version_id);
      CREATE INDEX koppelsleutels_destination ON gw.koppelsleutels (destination_id);
      CREATE INDEX received_dossiers_request ON gw.received_dossiers (request_id);
      CREATE INDEX incoming_terugkoppelingen_dossier ON gw.incoming_terugkoppelingen (dossier_id);`,
  },
];
