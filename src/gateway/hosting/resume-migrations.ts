import type { Migration } from '../../platform/db/index.js';

/**
 * Resuming the hosting of a school whose hosting ended (hosting/resume-hosting-school.ts), applied
 * after the hosting migrations ('gw-3xx'). Ending stays final for everything but a resume: the end
 * moment never moves, and it is cleared only together with a `hosting_resumed_at` stamped at or after
 * it. A stray `UPDATE … SET hosting_ended_at = NULL` is still refused.
 */
export const hostingResumeMigrations: Migration[] = [
  {
    id: 'gw-310-hosting-resumed',
    sql: `
      -- When the school's hosting last resumed (NULL: never).
      ALTER TABLE gw.schools ADD COLUMN hosting_resumed_at timestamptz;

      CREATE OR REPLACE FUNCTION gw.guard_school_hosting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.hosting_ended_at IS NOT NULL AND NEW.hosting_ended_at IS NULL THEN
          -- A resume: only with a resume stamp at or after the end (an earlier resume's stamp is before it).
          IF NEW.hosting_resumed_at IS NULL OR NEW.hosting_resumed_at < OLD.hosting_ended_at THEN
            RAISE EXCEPTION 'the hosting of school % has ended; only a resume (hosting_resumed_at) ends that', OLD.brin
              USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended_is_final';
          END IF;
        ELSIF OLD.hosting_ended_at IS NOT NULL AND NEW.hosting_ended_at IS DISTINCT FROM OLD.hosting_ended_at THEN
          RAISE EXCEPTION 'the hosting of school % has ended; that is final', OLD.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended_is_final';
        ELSIF NEW.hosting_resumed_at IS DISTINCT FROM OLD.hosting_resumed_at THEN
          RAISE EXCEPTION 'the hosting of school % resumes only from its end', OLD.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_resumed_from_end';
        END IF;
        IF NEW.hosting_ended_at IS NOT NULL AND OLD.hosting_ended_at IS NULL AND EXISTS (
          SELECT 1 FROM gw.delivery_points WHERE brin = NEW.brin AND active
        ) THEN
          RAISE EXCEPTION 'school % still has an active delivery point', NEW.brin
            USING ERRCODE = 'check_violation', CONSTRAINT = 'school_hosting_ended_without_points';
        END IF;
        RETURN NEW;
      END $$;`,
  },
];
