/**
 * Values in and out, made the same on PGlite and on a PostgreSQL server, so that code never asks
 * which one it runs on:
 *
 * out (result columns)  bigint/count(*) → number (a JS bigint beyond 2^53) · date → 'YYYY-MM-DD'
 *                       string (a birth date must not shift with the time zone) · timestamptz →
 *                       Date · json/jsonb → parsed value · bytea → Uint8Array (a Buffer on pg) ·
 *                       numeric → string · arrays → arrays
 * in (parameters)       Date → ISO 8601 string · bigint → string · plain object → JSON text ·
 *                       Uint8Array → bytea · arrays → PostgreSQL arrays (for `= ANY($1)`).
 *                       A JSON array for a json/jsonb column must be passed as
 *                       `JSON.stringify(value)`: a JS array means a PostgreSQL array.
 */

const OID_BYTEA = 17;
const OID_INT8 = 20;
const OID_DATE = 1082;

export function parseInt8(text: string): number | bigint {
  const n = BigInt(text);
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

const keepText = (text: string): string => text;

/**
 * bytea on PGlite, in its text form '\x<hex>', through Buffer's native hex codec: PGlite's own
 * parser and serializer go byte by byte through JS strings, which for an encrypted dossier of
 * 100 KB costs milliseconds per row read or written. Same values in and out (a plain Uint8Array).
 */
function parseBytea(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.slice(2), 'hex'));
}

function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

/** Result parsers by type oid, for PGlite (whose defaults already give numbers for bigint). */
export const pgliteParsers: Record<number, (text: string) => unknown> = {
  [OID_BYTEA]: parseBytea,
  [OID_DATE]: keepText,
};

/** Parameter serializers by type oid, for PGlite. */
export const pgliteSerializers: Record<number, (value: unknown) => string> = {
  [OID_BYTEA]: serializeBytea,
};

/** Result parsers by type oid that override the `pg` defaults (which give strings for bigint). */
export const postgresParsers: Record<number, (text: string) => unknown> = {
  [OID_INT8]: parseInt8,
  [OID_DATE]: keepText,
};

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function normalizeParams(params: readonly unknown[] | undefined): unknown[] | undefined {
  if (params === undefined || params.length === 0) return undefined;
  return params.map((v) => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'bigint') return v.toString();
    if (v !== null && typeof v === 'object' && isPlainObject(v)) return JSON.stringify(v);
    return v;
  });
}
