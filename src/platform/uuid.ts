/**
 * A UUID as PostgreSQL's `uuid` type takes it: 8-4-4-4-12 hexadecimal digits, either case. A use
 * case checks an id with `isUuid` before it goes into a query (a malformed id is "not found", not a
 * database error); a schema takes UUID_PATTERN.
 */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID = new RegExp(UUID_PATTERN);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
