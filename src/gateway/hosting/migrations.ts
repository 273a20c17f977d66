import type { Migration } from '../../platform/db/index.js';

/**
 * The hosting of schools over time (ids 'gw-3xx', applied after the sending and receiving tables,
 * which they guard too): earlier key pairs of delivery points after a key rotation, and the end of
 * hosting a school (its delivery points inactive, nothing ready any more, its data kept until
 * `retain_until`).
 */
export const hostingMigrations: Migration[] = [
  {
    id: 'gw-301-delivery-point-keys',
    sql: `
      -- Earlier key pairs of a delivery point, after a key rotation (hosting/rotate-delivery-point-key.ts):
      -- a box sealed to the previous public key is still opened until usable_until (the grace
      -- period); then the private key is destroyed (set to NULL) and never comes back.
      CREATE TABLE gw.delivery_point_keys (
        id uuid PRIMARY KEY,
        routing_key text NOT NULL REFERENCES gw.delivery_points (routing_key),
        public_key text NOT NULL,
        private_key_enc bytea,
        retired_at timestamptz NOT NULL,
        usable_until timestamptz NOT NULL,
        destroyed_at timestamptz,
        CHECK (usable_until >= retired_at),
        CHECK ((private_key_enc IS NULL) = (destroyed_at IS NOT NULL))
      );
      CREATE INDEX delivery_point_keys_usable ON gw.delivery_point_keys (routing_key, usable_until)
        WHERE private_key_enc IS NOT NULL;

      CREATE FUNCTION gw.guard_delivery_point_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.private_key_enc IS NULL AND NEW.private_key_enc IS NOT NULL THEN
          RAISE EXCEPTION 'a destroyed key of delivery point % does not come back', OLD.routing_key
            USING ERRCODE = 'check_violation', CONSTRAINT = 'delivery_point_key_destroyed_is_final';
        END IF;
        IF NEW.routing_key <> OLD.routing_key OR NEW.public_key <> OLD.public_key
           OR NEW.retired_at <> OLD.retired_at OR NEW.usable_until > OLD.usable_until THEN
          RAISE EXCEPTION 'an earlier key of delivery point % cannot change or live longer', OLD.routing_key
            USING ERRCODE = 'check_violation', CONSTRAINT = 'delivery_point_key_immutable';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER delivery_point_keys_guard BEFORE UPDATE ON gw.delivery_point_keys
        FOR EACH ROW EXECUTE FUNCTION gw.guard_delivery_point_key();`,
  },
  {
    id: 'gw-302-hosting-ended',
    sql: `
      -- A school this gateway stopped hosting (hosting/stop-hosting-school.ts): its data stays, for
      -- reading and export, until retain_until; it has no active delivery point and no dossier ready.
      ALTER TABLE gw.schools ADD COLUMN hosting_ended_at timestamptz, ADD COLUMN retain_until date,
        ADD CONSTRAINT schools_hosting_ended_retained
          CHECK ((hosting_ended_at IS NULL) = (retain_until IS NULL));

      CREATE FUNCTION gw.guard_school_hosting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.hosting_ended_at IS NOT NULL AND NEW.hosting_ended_at IS DISTINCT FROM OLD.hosting_ended_at THEN
          RAISE EXCEPTION 'the hosting of school % has ended; that is final', OLD.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended_is_final';
        END IF;
        IF NEW.hosting_ended_at IS NOT NULL AND OLD.hosting_ended_at IS NULL AND EXISTS (
          SELECT 1 FROM gw.delivery_points WHERE brin = NEW.brin AND active
        ) THEN
          RAISE EXCEPTION 'school % still has an active delivery point', NEW.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended_without_points';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER schools_hosting_guard BEFORE UPDATE ON gw.schools
        FOR EACH ROW EXECUTE FUNCTION gw.guard_school_hosting();

      -- Neither an active delivery point nor a ready dossier for a school whose hosting ended. The
      -- school row is locked (FOR KEY SHARE) whatever it holds: a stop, which locks it FOR UPDATE,
      -- and a klaarzetten or a new point take turns, so the later one sees the other's outcome.
      CREATE FUNCTION gw.guard_hosted_school() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        school text;
        ended timestamptz;
      BEGIN
        IF TG_TABLE_NAME = 'delivery_points' THEN
          IF NOT NEW.active THEN RETURN NEW; END IF;
          school := NEW.brin;
        ELSE
          IF NEW.state <> 'klaargezet' THEN RETURN NEW; END IF;
          SELECT d.school_brin INTO school FROM gw.dossiers d WHERE d.id = NEW.dossier_id;
        END IF;
        SELECT s.hosting_ended_at INTO ended FROM gw.schools s WHERE s.brin = school FOR KEY SHARE;
        IF ended IS NOT NULL THEN
          RAISE EXCEPTION 'the hosting of school % has ended', school
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER delivery_points_hosted BEFORE INSERT OR UPDATE OF active ON gw.delivery_points
        FOR EACH ROW EXECUTE FUNCTION gw.guard_hosted_school();
      CREATE TRIGGER dossier_destinations_hosted BEFORE INSERT OR UPDATE OF state ON gw.dossier_destinations
        FOR EACH ROW EXECUTE FUNCTION gw.guard_hosted_school();`,
  },
];
