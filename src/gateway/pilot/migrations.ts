import type { Migration } from '../../platform/db/index.js';

/**
 * Pilot mode at the gateway (ids 'gw-5xx', ADR 0007): dossiers and registrations of a region's pilot
 * are about fictional pupils with a BSN from the range RvIG keeps for tests, and they are marked so.
 *
 * - `gw.pupils.pilot`: the pupil's number is a test BSN (set by code from the number, which is only
 *   stored as a keyed hash); it never changes.
 * - `gw.dossiers.pilot_ref/pilot_kind`: the region's pilot pair and which of its two dossiers
 *   (regular, support). A pilot dossier is about a pilot pupil and a production dossier about a real
 *   one (a trigger), and it stays what it was created as.
 * - `gw.registrations.pilot_ref/pilot_kind`: the same on the receiving side; unchangeable.
 * - `gw.received_dossiers.pilot`: taken from its registration by a trigger, whoever inserts it.
 *
 * Pilot rows stay out of the monitoring's counts and the schools' worklists (their queries filter
 * on `pilot_ref IS NULL`); they have their own lists.
 */
export const pilotMigrations: Migration[] = [
  {
    id: 'gw-501-pilot',
    sql: `
      ALTER TABLE gw.pupils ADD COLUMN pilot boolean NOT NULL DEFAULT false;

      ALTER TABLE gw.dossiers
        ADD COLUMN pilot_ref uuid,
        ADD COLUMN pilot_kind text CHECK (pilot_kind IN ('regular', 'support')),
        ADD CONSTRAINT dossiers_pilot_both CHECK ((pilot_ref IS NULL) = (pilot_kind IS NULL));
      CREATE UNIQUE INDEX dossiers_pilot_once ON gw.dossiers (school_brin, pilot_ref, pilot_kind)
        WHERE pilot_ref IS NOT NULL;

      ALTER TABLE gw.registrations
        ADD COLUMN pilot_ref uuid,
        ADD COLUMN pilot_kind text CHECK (pilot_kind IN ('regular', 'support')),
        ADD CONSTRAINT registrations_pilot_both CHECK ((pilot_ref IS NULL) = (pilot_kind IS NULL));
      CREATE UNIQUE INDEX registrations_pilot_once ON gw.registrations (school_brin, pilot_ref, pilot_kind)
        WHERE pilot_ref IS NOT NULL;

      ALTER TABLE gw.received_dossiers ADD COLUMN pilot boolean NOT NULL DEFAULT false;

      CREATE FUNCTION gw.guard_pilot_pupil() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.pilot IS DISTINCT FROM OLD.pilot THEN
          RAISE EXCEPTION 'a pupil stays a pilot pupil or a real one'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'pupil_pilot_fixed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER pupils_pilot BEFORE UPDATE OF pilot ON gw.pupils
        FOR EACH ROW EXECUTE FUNCTION gw.guard_pilot_pupil();

      CREATE FUNCTION gw.guard_pilot_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (NEW.pilot_ref IS DISTINCT FROM OLD.pilot_ref
                                 OR NEW.pilot_kind IS DISTINCT FROM OLD.pilot_kind) THEN
          RAISE EXCEPTION 'a dossier stays a pilot dossier or a production dossier'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dossier_pilot_fixed';
        END IF;
        IF (NEW.pilot_ref IS NOT NULL) IS DISTINCT FROM (SELECT p.pilot FROM gw.pupils p WHERE p.id = NEW.pupil_id) THEN
          RAISE EXCEPTION 'a pilot dossier is about a pupil with a test BSN, a production dossier about a real pupil'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dossier_pilot_pupil';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER dossiers_pilot BEFORE INSERT OR UPDATE OF pilot_ref, pilot_kind, pupil_id ON gw.dossiers
        FOR EACH ROW EXECUTE FUNCTION gw.guard_pilot_dossier();

      CREATE FUNCTION gw.guard_pilot_registration() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.pilot_ref IS DISTINCT FROM OLD.pilot_ref OR NEW.pilot_kind IS DISTINCT FROM OLD.pilot_kind THEN
          RAISE EXCEPTION 'a registration stays a pilot registration or a production one'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_pilot_fixed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER registrations_pilot BEFORE UPDATE OF pilot_ref, pilot_kind ON gw.registrations
        FOR EACH ROW EXECUTE FUNCTION gw.guard_pilot_registration();

      -- A received dossier is pilot exactly when its registration is, whoever inserts or changes it.
      CREATE FUNCTION gw.mark_pilot_received() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.pilot := coalesce(
          (SELECT r.pilot_ref IS NOT NULL FROM gw.registrations r WHERE r.id = NEW.registration_id), false);
        RETURN NEW;
      END $$;
      CREATE TRIGGER received_dossiers_pilot BEFORE INSERT OR UPDATE ON gw.received_dossiers
        FOR EACH ROW EXECUTE FUNCTION gw.mark_pilot_received();
    `,
  },
];
