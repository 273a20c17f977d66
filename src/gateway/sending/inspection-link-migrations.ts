import type { Migration } from '../../platform/db/index.js';

/**
 * The parents' inspection link (issue 4): one link per frozen version, found by the SHA-256 of its
 * random token (the token itself is never stored), and the short sessions a parent gets after the
 * birth-date check, found the same way. Neither table holds a birth date, an e-mail address or the
 * parents' view: the birth date is compared with the frozen version's own, the view goes into that
 * version (encrypted) as an attachment.
 *
 * "One link per version" is a unique partial index over the links that are not replaced or used:
 * a new link for the version replaces the previous one in the same transaction.
 */
export const inspectionLinkMigrations: Migration[] = [
  {
    id: 'gw-150-inspection-links',
    sql: `
      CREATE TABLE gw.inspection_links (
        id uuid PRIMARY KEY,
        school_brin text NOT NULL REFERENCES gw.schools (brin),
        dossier_id uuid NOT NULL REFERENCES gw.dossiers (id),
        version_id uuid NOT NULL REFERENCES gw.dossier_versions (id),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        language text NOT NULL CHECK (language IN ('nl', 'en')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
        -- wrong birth dates in a row; at the limit the link is blocked for good
        failed_checks integer NOT NULL DEFAULT 0 CHECK (failed_checks >= 0),
        blocked_at timestamptz,
        replaced_at timestamptz,
        used_at timestamptz,
        CHECK (used_at IS NULL OR (replaced_at IS NULL AND blocked_at IS NULL))
      );
      CREATE UNIQUE INDEX inspection_links_one_per_version
        ON gw.inspection_links (version_id) WHERE replaced_at IS NULL AND used_at IS NULL;
      CREATE INDEX inspection_links_dossier ON gw.inspection_links (dossier_id);

      -- A parent's session after the birth-date check: the cookie holds a random token, this table
      -- its SHA-256 and the CSRF token that state-changing requests must send.
      CREATE TABLE gw.inspection_sessions (
        id uuid PRIMARY KEY,
        link_id uuid NOT NULL REFERENCES gw.inspection_links (id),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
      );
      CREATE INDEX inspection_sessions_link ON gw.inspection_sessions (link_id);`,
  },
];
