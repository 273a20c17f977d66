import { admittedOn } from './registry.js';

/**
 * A school's place on the connection path (DESIGN.md §6), as one word: the first step it still
 * lacks, in the order the servicedesk takes them —
 *
 * - `supplier`: no supplier system ever held the school's mandate (choose one and grant it);
 * - `mandate`: a supplier held it, but no mandate is current any more (revoked: grant it again);
 * - `deliveryPoint`: a current mandate, but no active delivery point of a mandated supplier;
 * - `testExchange`: no successful test exchange recorded;
 * - `qualification`: the path is complete, but the school is not admitted today (not qualified, or
 *   today lies outside its qualified from … until);
 * - `admitted`: the path is complete and the school may exchange today.
 *
 * The path is checked before admission: a school that is qualified but lost its mandate shows
 * `mandate`, because that is what it now lacks (the chain hands out no points without one).
 */
export const CONNECTION_STATUSES = [
  'supplier',
  'mandate',
  'deliveryPoint',
  'testExchange',
  'qualification',
  'admitted',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * SQL: the connection status of school `s` with admission row `a`, on day `day` (a parameter
 * placeholder such as `$1`). Same rules as set-admission's missing steps.
 */
export const connectionStatusSql = (day: string) => `(CASE
    WHEN NOT EXISTS (SELECT 1 FROM tc.mandates m WHERE m.brin = s.brin AND m.revoked_at IS NULL)
      THEN CASE WHEN EXISTS (SELECT 1 FROM tc.mandates m WHERE m.brin = s.brin) THEN 'mandate' ELSE 'supplier' END
    WHEN NOT EXISTS (
      SELECT 1 FROM tc.delivery_points d
        JOIN tc.mandates m ON m.supplier_id = d.supplier_id AND m.brin = d.brin AND m.revoked_at IS NULL
       WHERE d.brin = s.brin AND d.active)
      THEN 'deliveryPoint'
    WHEN a.test_exchange_at IS NULL THEN 'testExchange'
    WHEN NOT ${admittedOn(day)} THEN 'qualification'
    ELSE 'admitted'
  END)`;
