import { createHash } from 'node:crypto';
import type { Actor } from '../context.js';
import type { Db, Migration, Queryable } from '../db/index.js';
import { AppError } from '../errors.js';

/**
 * The audit log (issue 3 §5): every dossier read, change and delivery, with account, school, time
 * and request id, in an append-only table whose rows form a hash chain:
 *
 *   hash(n) = SHA-256( bytes of hash(n-1) || canonical JSON of entry n )      hash(0) = 64 zeros
 *
 * where the entry includes its own `seq`. Rows are numbered 1, 2, 3, … without gaps (assigned under
 * the chain lock, not by a sequence, so a rolled-back transaction leaves no hole), so a deleted row
 * shows as a gap, an edited row as a wrong hash, and a reordered row as both. A trigger refuses
 * UPDATE, DELETE and TRUNCATE; `verifyAuditChain` finds tampering even by someone who disabled it.
 * Removing rows at the end of the chain leaves a shorter valid chain: to catch that, keep the head
 * that `verifyAuditChain` returns somewhere else (a ticket, a monitoring system) and pass it back as
 * `expectedHead`.
 *
 * Entries carry no personal data: `subject` is an id (a dossier id, a session id), never a BSN, a
 * name or a birth date, and `recordAudit` refuses details that look like one.
 */
export const AUDIT_MIGRATION: Migration = {
  id: 'platform-102-audit',
  sql: `
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.audit_log (
  -- 1, 2, 3, … without gaps: assigned by recordAudit under the chain lock
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  school_brin text,
  action text NOT NULL CHECK (action <> ''),
  -- an id (dossier, session, request), never a BSN, a name or a birth date
  subject text,
  request_id text NOT NULL,
  -- never personal data
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- one successor per row: the chain cannot fork, whatever the isolation level of the appender
  CONSTRAINT audit_log_prev_hash_key UNIQUE (prev_hash),
  CONSTRAINT audit_log_hash_key UNIQUE (hash)
);
CREATE INDEX audit_log_subject ON platform.audit_log (subject) WHERE subject IS NOT NULL;
CREATE INDEX audit_log_school_at ON platform.audit_log (school_brin, at) WHERE school_brin IS NOT NULL;

CREATE FUNCTION platform.audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform.audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON platform.audit_log
  FOR EACH ROW EXECUTE FUNCTION platform.audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON platform.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_log_refuse_change();
`,
};

/**
 * The append as one statement (one round trip instead of three, so the chain lock is held for that
 * statement and the COMMIT only): takes the chain lock, reads the head with a fresh snapshot (a
 * VOLATILE function's statements each take one, so after waiting for the lock it sees the entry
 * that the previous holder committed), computes the hash and inserts the row. The hash is the one
 * `chainHash` computes: the caller passes the canonical JSON of the entry around its `seq`, as
 * UTF-8 bytes, and the function puts the seq it assigns in between.
 */
export const AUDIT_APPEND_MIGRATION: Migration = {
  id: 'platform-103-audit-append',
  sql: `
CREATE FUNCTION platform.audit_append(
  p_at timestamptz, p_actor_kind text, p_actor_id text, p_school_brin text, p_action text, p_subject text,
  p_request_id text, p_details jsonb, p_json_before_seq bytea, p_json_after_seq bytea
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  new_seq bigint;
  new_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(4857201905201);
  SELECT seq, hash INTO head_seq, head_hash FROM platform.audit_log ORDER BY seq DESC LIMIT 1;
  new_seq := coalesce(head_seq, 0) + 1;
  head_hash := coalesce(head_hash, repeat('0', 64));
  new_hash := encode(
    sha256(decode(head_hash, 'hex') || p_json_before_seq || convert_to(new_seq::text, 'UTF8') || p_json_after_seq),
    'hex');
  INSERT INTO platform.audit_log
    (seq, at, actor_kind, actor_id, school_brin, action, subject, request_id, details, prev_hash, hash)
  VALUES (new_seq, p_at, p_actor_kind, p_actor_id, p_school_brin, p_action, p_subject, p_request_id,
          p_details, head_hash, new_hash);
  RETURN new_seq;
END
$$;
`,
};

/** The advisory lock that orders appenders of the chain (held until the caller's commit; platform.audit_append takes it by number). */
export const AUDIT_CHAIN_LOCK = 4_857_201_905_201;
export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 1;

export interface AuditEntry {
  actor: Pick<Actor, 'kind' | 'id'>;
  requestId: string;
  /** What happened, dotted: 'dossier.read', 'dossier.klaargezet', 'dossier.delivered'. */
  action: string;
  schoolBrin?: string;
  /** What it happened to: an id, never personal data. */
  subject?: string;
  /** Extra facts, never personal data. */
  details?: object;
  at?: Date;
}

export interface AuditRecord {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string;
  schoolBrin: string | null;
  action: string;
  subject: string | null;
  requestId: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * Appends an entry to the audit log inside the caller's transaction, so the entry exists if and
 * only if the change it records does. Takes the chain lock (held until commit): appenders take
 * turns, so call this as the last statement of the transaction to hold it briefly. Run it in a
 * READ COMMITTED transaction (the default); under SERIALIZABLE a concurrent append makes the
 * transaction fail with a serialization error, which `Db.transaction` retries. Given the `Db`
 * itself instead of a transaction, it appends in a transaction of its own.
 */
export async function recordAudit(tx: Queryable | Db, entry: AuditEntry): Promise<void> {
  const append = auditAppend(entry, 1);
  await tx.query(`SELECT ${append.sql}`, append.params);
}

/**
 * The append of one entry as an SQL expression with its parameters, numbered from `firstParam`, for
 * a statement that makes a change and records it at once (`WITH changed AS (UPDATE … RETURNING …)
 * SELECT <sql> FROM changed`): one round trip, and outside a transaction the chain lock lasts only
 * as long as that statement.
 */
export function auditAppend(entry: AuditEntry, firstParam: number): { sql: string; params: unknown[] } {
  const details = normalizeDetails(entry.details);
  assertNoPersonalData(entry, details);
  const at = entry.at ?? new Date();
  if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', { field: 'at' });
  // platform.audit_append (AUDIT_APPEND_MIGRATION): in the caller's transaction it holds the chain
  // lock until that commits; in a statement of its own, as long as the statement.
  const [before, after] = entryJsonAroundSeq({
    at,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    schoolBrin: entry.schoolBrin ?? null,
    action: entry.action,
    subject: entry.subject ?? null,
    requestId: entry.requestId,
    details,
  });
  const $ = (i: number) => `$${firstParam + i}`;
  return {
    sql: `platform.audit_append(${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}::jsonb, ${$(8)}, ${$(9)})`,
    params: [
      at,
      entry.actor.kind,
      entry.actor.id,
      entry.schoolBrin ?? null,
      entry.action,
      entry.subject ?? null,
      entry.requestId,
      JSON.stringify(details),
      Buffer.from(before, 'utf8'),
      Buffer.from(after, 'utf8'),
    ],
  };
}

export interface AuditChainVerdict {
  ok: boolean;
  /** Rows found intact, from the start of the chain. */
  checked: number;
  /** The first row where the chain does not hold (for a missing tail: the first missing seq). */
  firstBrokenSeq?: number;
  reason?: 'edited' | 'missing-rows' | 'broken-link' | 'missing-tail' | 'head-mismatch';
  /** The last row of the chain, to keep elsewhere and pass back as `expectedHead` next time. */
  head?: { seq: number; hash: string };
}

/**
 * Walks the whole chain in order and checks every link: numbering without gaps, each row's
 * prev_hash equal to its predecessor's hash, each hash recomputed from the row. With
 * `expectedHead` (a head kept from an earlier run), also that the chain still reaches it.
 */
export async function verifyAuditChain(
  db: Queryable,
  options: { expectedHead?: { seq: number; hash: string }; batchSize?: number } = {},
): Promise<AuditChainVerdict> {
  const batchSize = options.batchSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let anchorSeen = false;
  const anchor = options.expectedHead;
  const broken = (seq: number, reason: NonNullable<AuditChainVerdict['reason']>): AuditChainVerdict => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    reason,
  });
  for (;;) {
    const { rows } = await db.query<{
      seq: number;
      at: Date;
      actor_kind: string;
      actor_id: string;
      school_brin: string | null;
      action: string;
      subject: string | null;
      request_id: string;
      details: Record<string, unknown>;
      prev_hash: string;
      hash: string;
    }>(
      `SELECT seq, at, actor_kind, actor_id, school_brin, action, subject, request_id, details, prev_hash, hash
         FROM platform.audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, batchSize],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return broken(seq, 'missing-rows');
      const record: AuditRecord = {
        seq,
        at: row.at instanceof Date ? row.at : new Date(row.at),
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        schoolBrin: row.school_brin,
        action: row.action,
        subject: row.subject,
        requestId: row.request_id,
        details: row.details,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
      if (chainHash(record) !== row.hash) return broken(seq, 'edited');
      if (row.prev_hash !== prevHash) return broken(seq, 'broken-link');
      if (anchor && anchor.seq === seq) {
        if (anchor.hash !== row.hash) return broken(seq, 'head-mismatch');
        anchorSeen = true;
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  if (anchor && !anchorSeen) return broken(expectedSeq, 'missing-tail');
  return { ok: true, checked, ...(checked > 0 ? { head: { seq: expectedSeq - 1, hash: prevHash } } : {}) };
}

type ChainedFields = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/** The entry as hashed: `v`, every field but the links, and its `seq`. */
function hashedEntry(record: ChainedFields, seq: number): Record<string, unknown> {
  return {
    v: FORMAT,
    seq,
    at: record.at.toISOString(),
    actorKind: record.actorKind,
    actorId: record.actorId,
    schoolBrin: record.schoolBrin,
    action: record.action,
    subject: record.subject,
    requestId: record.requestId,
    details: record.details,
  };
}

/** hash(n) = SHA-256(bytes of prev_hash || canonical JSON of the entry, its seq included). */
function chainHash(record: AuditRecord): string {
  return createHash('sha256')
    .update(Buffer.from(record.prevHash, 'hex'))
    .update(canonicalJson(hashedEntry(record, record.seq)), 'utf8')
    .digest('hex');
}

/**
 * The canonical JSON of an entry cut where its seq goes: `before + String(seq) + after` is
 * `canonicalJson(hashedEntry(record, seq))` for every seq (a top-level key, written as a number).
 */
function entryJsonAroundSeq(record: ChainedFields): [string, string] {
  const entry = hashedEntry(record, 0);
  const keys = Object.keys(entry)
    .filter((k) => entry[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let before = '{';
  let after = '';
  let seqSeen = false;
  for (const [i, k] of keys.entries()) {
    const name = `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`;
    if (k === 'seq') {
      before += name;
      seqSeen = true;
    } else if (seqSeen) after += name + canonicalJson(entry[k]);
    else before += name + canonicalJson(entry[k]);
  }
  return [before, `${after}}`];
}

/** JSON with object keys sorted at every level and no white space: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The details as they come back from jsonb: what JSON can say, nothing more (Dates become text). */
function normalizeDetails(details: object | undefined): Record<string, unknown> {
  if (details === undefined) return {};
  const json = JSON.parse(JSON.stringify(details)) as unknown;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new AppError('VALIDATION_FAILED', { field: 'details', reason: 'an object' });
  }
  return json as Record<string, unknown>;
}

const PERSONAL_KEYS = new Set([
  'bsn',
  'onderwijsnummer',
  'achternaam',
  'voornaam',
  'voornamen',
  'roepnaam',
  'voorvoegsel',
  'geboortedatum',
  'naam',
  'name',
  'surname',
  'lastname',
  'firstname',
  'familyname',
  'givenname',
  'birthdate',
  'dateofbirth',
  'identifiers',
]);
/** Nine digits is a BSN or an onderwijsnummer; no id of ours looks like that. */
const NINE_DIGITS = /^\s*\d{9}\s*$/;

function assertNoPersonalData(entry: AuditEntry, details: Record<string, unknown>): void {
  for (const field of ['action', 'requestId'] as const) {
    if (typeof entry[field] !== 'string' || entry[field] === '') {
      throw new AppError('VALIDATION_FAILED', { field, reason: 'required' });
    }
  }
  const refuse = (path: string) => new AppError('AUDIT_PERSONAL_DATA', { action: entry.action, path });
  if (entry.subject !== undefined && NINE_DIGITS.test(entry.subject)) throw refuse('subject');
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (NINE_DIGITS.test(value)) throw refuse(path);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (PERSONAL_KEYS.has(k.toLowerCase().replace(/[_\-\s]/g, ''))) throw refuse(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(details, 'details');
}
