/**
 * Errors from PostgreSQL, the same on PGlite and on a server. Both drivers attach things to their
 * errors that can hold personal data: the row's values in `detail` ("Key (bsn)=(123456789) already
 * exists"), and PGlite also the query's `params`. A `DatabaseError` keeps what code needs to decide
 * (the SQLSTATE `code`, the `constraint`, `table`, `column`) and never carries parameters; the
 * server's `detail` stays reachable for a developer at a debugger but is not enumerable, so loggers
 * and `JSON.stringify` do not write it out.
 */
export class DatabaseError extends Error {
  /** SQLSTATE, e.g. '23505' for a unique violation. */
  readonly code: string;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly schema: string | undefined;
  declare readonly detail: string | undefined;

  constructor(
    message: string,
    fields: {
      code: string;
      constraint?: string;
      table?: string;
      column?: string;
      schema?: string;
      detail?: string;
    },
  ) {
    super(message);
    this.name = 'DatabaseError';
    this.code = fields.code;
    this.constraint = fields.constraint;
    this.table = fields.table;
    this.column = fields.column;
    this.schema = fields.schema;
    Object.defineProperty(this, 'detail', { value: fields.detail, enumerable: false });
  }
}

/** SQLSTATEs that code decides on. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  inFailedTransaction: '25P02',
  queryCanceled: '57014',
} as const;

interface DriverError {
  message: string;
  code: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  detail?: string;
}

/** An error as thrown by `pg` or PGlite for a statement PostgreSQL refused. */
function isDriverError(e: unknown): e is DriverError {
  if (!(e instanceof Error)) return false;
  const { code, severity } = e as Partial<DriverError>;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/**
 * Turns a driver's error into a `DatabaseError` (dropping parameters and row values); anything else
 * (a connection refused, an error thrown by the caller's own code) passes through unchanged.
 */
export function toDatabaseError(e: unknown): unknown {
  if (e instanceof DatabaseError || !isDriverError(e)) return e;
  const error = new DatabaseError(e.message, {
    code: e.code,
    constraint: e.constraint ?? undefined,
    table: e.table ?? undefined,
    column: e.column ?? undefined,
    schema: e.schema ?? undefined,
    detail: e.detail ?? undefined,
  });
  return error;
}

function sqlState(e: unknown): string | undefined {
  if (e instanceof DatabaseError || isDriverError(e)) return e.code;
  return undefined;
}

/** True when PostgreSQL refused a row because a unique constraint or index already holds its key. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  if (sqlState(e) !== SQLSTATE.uniqueViolation) return false;
  return constraint === undefined || (e as DatabaseError).constraint === constraint;
}

/** True for the errors that a transaction retries by itself: serialization failures and deadlocks. */
export function isRetryableTransactionError(e: unknown): boolean {
  const code = sqlState(e);
  return code === SQLSTATE.serializationFailure || code === SQLSTATE.deadlockDetected;
}
