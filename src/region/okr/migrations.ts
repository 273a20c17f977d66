import type { Migration } from '../../platform/db/index.js';

/**
 * The tables of a region's OKR coverage (schema `region`, region-2xx): the region's transfer
 * report (OKR) as a list of fields, each with the suggestions Overstap made and the coordinator's
 * decision — the OSO elements it corresponds to, or "not in OSO". The rules of the use cases are
 * CHECKs here too: a decision "oso" names at least one element and only then, an open field has no
 * decision time, a region has at most 300 fields (positions 1–300, unique), and one field per
 * section and name.
 */
export const okrMigrations: Migration[] = [
  {
    id: 'region-200-okr-fields',
    sql: `
      CREATE TABLE region.okrs (
        region_id text PRIMARY KEY REFERENCES region.regions (id) ON DELETE CASCADE,
        -- the file the fields came from last, when they came from a file
        source_file text CHECK (length(source_file) BETWEEN 1 AND 255),
        updated_at timestamptz NOT NULL,
        -- the audit id of who changed it last (account:<uuid>, apikey:<uuid>, system)
        updated_by text NOT NULL
      );

      CREATE TABLE region.okr_fields (
        id uuid PRIMARY KEY,
        region_id text NOT NULL REFERENCES region.okrs (region_id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position BETWEEN 1 AND 300),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        section text CHECK (length(section) BETWEEN 1 AND 200),
        description text CHECK (length(description) BETWEEN 1 AND 1000),
        -- section and name, normalised (lower case, no accents or punctuation)
        match_key text NOT NULL CHECK (length(match_key) BETWEEN 2 AND 500),
        -- what the matcher suggested when the field was entered (matcher.ts Suggestion[])
        suggestions jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(suggestions) = 'array'),
        mapping text NOT NULL DEFAULT 'open' CHECK (mapping IN ('open', 'oso', 'not_in_oso')),
        -- element paths below dossier (catalogue.ts), only with mapping 'oso'
        elements text[] NOT NULL DEFAULT '{}',
        decided_at timestamptz,
        decided_by text,
        created_at timestamptz NOT NULL,
        CONSTRAINT okr_fields_elements CHECK (
          (mapping = 'oso') = (cardinality(elements) > 0) AND cardinality(elements) <= 10),
        CONSTRAINT okr_fields_decided CHECK (
          (mapping = 'open') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
        CONSTRAINT okr_fields_position UNIQUE (region_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT okr_fields_once UNIQUE (region_id, match_key)
      );
    `,
  },
];
