import type { Migration } from '../../platform/db/index.js';

const ELEVEN_CHECK = `(9 * substr(bsn, 1, 1)::int + 8 * substr(bsn, 2, 1)::int + 7 * substr(bsn, 3, 1)::int
  + 6 * substr(bsn, 4, 1)::int + 5 * substr(bsn, 5, 1)::int + 4 * substr(bsn, 6, 1)::int
  + 3 * substr(bsn, 7, 1)::int + 2 * substr(bsn, 8, 1)::int - substr(bsn, 9, 1)::int) % 11 = 0`;

/**
 * The region's pilot (ids 'region-4xx', ADR 0007): a pilot with a period, its pairs of a po and a vo
 * school, the two fictional pupils of each pair (a test BSN each, given once in the whole
 * installation), and the pilot's log (changes, the notification of suppliers and servicedesk, the
 * schools' steps). The rules live here as well as in code: the period's order and length, a pair of
 * two different schools, once per pilot; a pupil number from the RvIG test range that passes the
 * 11-check and is nobody else's.
 */
export const pilotMigrations: Migration[] = [
  {
    id: 'region-400-pilots',
    sql: `
      CREATE TABLE region.pilots (
        id uuid PRIMARY KEY,
        region_id text NOT NULL REFERENCES region.regions (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL,
        -- the audit id of who made it (account:<uuid>, apikey:<uuid>, system)
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pilots_period CHECK (starts_on <= ends_on AND ends_on <= starts_on + 366)
      );
      CREATE UNIQUE INDEX pilots_name_key ON region.pilots (region_id, lower(name));
      CREATE INDEX pilots_ends_on ON region.pilots (ends_on);

      -- the po school sends its two pilot dossiers to the vo school
      CREATE TABLE region.pilot_pairs (
        id uuid PRIMARY KEY,
        pilot_id uuid NOT NULL REFERENCES region.pilots (id) ON DELETE CASCADE,
        po_brin text NOT NULL CHECK (po_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        vo_brin text NOT NULL CHECK (vo_brin ~ '^[0-9]{2}[A-Z]{2}$'),
        created_at timestamptz NOT NULL,
        UNIQUE (pilot_id, po_brin, vo_brin),
        CONSTRAINT pilot_pairs_two_schools CHECK (po_brin <> vo_brin)
      );
      CREATE INDEX pilot_pairs_po ON region.pilot_pairs (po_brin);
      CREATE INDEX pilot_pairs_vo ON region.pilot_pairs (vo_brin);

      -- The fictional pupils of a pair: a regular dossier and a support dossier. The number is from
      -- the range RvIG keeps for tests (no person has one), passes the 11-check, and is given once:
      -- the sequence never gives a number twice, the unique key refuses it anyway.
      CREATE SEQUENCE region.pilot_test_numbers MINVALUE 0 MAXVALUE 9999 START 0 NO CYCLE;
      CREATE TABLE region.pilot_pupils (
        pair_id uuid NOT NULL REFERENCES region.pilot_pairs (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('regular', 'support')),
        bsn text NOT NULL UNIQUE CHECK (bsn ~ '^99999[0-9]{4}$' AND ${ELEVEN_CHECK}),
        PRIMARY KEY (pair_id, kind)
      );

      CREATE TABLE region.pilot_log (
        id uuid PRIMARY KEY,
        -- the order of the entries (several may share a moment)
        seq bigint GENERATED ALWAYS AS IDENTITY,
        pilot_id uuid NOT NULL REFERENCES region.pilots (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        event text NOT NULL CHECK (event IN ('created', 'changed', 'pair_added', 'pair_removed', 'notified',
          'dossiers_prepared', 'dossiers_requested', 'dossiers_imported')),
        -- the pair (poBrin, voBrin), the results per kind, or whom a notification went to; no pupil
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX pilot_log_pilot ON region.pilot_log (pilot_id, seq);
    `,
  },
];
