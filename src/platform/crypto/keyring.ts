import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keyring } from '../context.js';
import type { Db, Migration, Queryable } from '../db/index.js';
import { AppError } from '../errors.js';

/**
 * Encryption at rest: AES-256-GCM with a random 12-byte IV per record and the key id inside every
 * record, so that keys can be rotated while old records stay readable.
 *
 * Record format, version 1:
 *
 *   [0]        0x01 (format version)
 *   [1]        L, the length of the key id (1..64)
 *   [2..2+L)   key id, ASCII [A-Za-z0-9._-]
 *   next 12    IV
 *   next 16    GCM tag
 *   rest       ciphertext
 *
 * The GCM additional data is the header (version, L, key id) followed by the caller's AAD in UTF-8,
 * so neither the key id nor the binding to a row (e.g. 'gw.dossier_versions:<id>') can be changed
 * without the tag failing. Decryption never returns garbage: a missing key, a wrong key, a wrong
 * AAD or a damaged record all throw AppError('ENCRYPTION_KEY_MISSING').
 */
export const RECORD_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface KeyringOptions {
  /** Key id → 32 raw key bytes. */
  keys: Record<string, Uint8Array>;
  /** The key new records are encrypted with; older keys only decrypt. */
  activeKeyId: string;
}

export interface RotatingKeyring extends Keyring {
  readonly activeKeyId: string;
  /** Every key id this keyring can decrypt, the active one included. */
  keyIds(): string[];
  /** The key id a record was encrypted with (read from its header, no decryption). */
  keyIdOf(sealed: Uint8Array): string;
}

const RUNTIME_DECRYPT_FAILED = {
  nl: 'Versleutelde gegevens konden niet worden ontsleuteld: de sleutel ontbreekt of is onjuist, of de gegevens zijn beschadigd.',
  en: 'Encrypted data could not be decrypted: the key is missing or wrong, or the data is damaged.',
};

export function createKeyring(options: KeyringOptions): RotatingKeyring {
  const keys = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(options.keys)) {
    assertKeyId(id);
    if (key.length !== KEY_BYTES) {
      throw new AppError('CONFIG_INVALID', {
        keyId: id,
        reason: `an encryption key must be ${KEY_BYTES} bytes`,
      });
    }
    keys.set(id, Buffer.from(key));
  }
  const activeKeyId = options.activeKeyId;
  const active = keys.get(activeKeyId);
  if (!active) {
    throw new AppError('CONFIG_INVALID', {
      keyId: activeKeyId,
      reason: 'the active encryption key id is not among the configured keys',
    });
  }
  const activeHeader = header(activeKeyId);

  return {
    activeKeyId,
    keyIds: () => [...keys.keys()],
    keyIdOf: (sealed) => parseRecord(sealed).keyId,

    encrypt(plain, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', active, iv);
      cipher.setAAD(additionalData(activeHeader, aad));
      const ct = cipher.update(plain);
      const rest = cipher.final(); // empty for GCM
      // One copy of the ciphertext (records of dossiers are hundreds of kilobytes), not two.
      return Buffer.concat([activeHeader, iv, cipher.getAuthTag(), ct, rest]);
    },

    decrypt(sealed, aad) {
      const record = parseRecord(sealed);
      const key = keys.get(record.keyId);
      if (!key) {
        throw new AppError(
          'ENCRYPTION_KEY_MISSING',
          { keyId: record.keyId, reason: 'key-not-configured' },
          RUNTIME_DECRYPT_FAILED,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, record.iv);
        decipher.setAAD(additionalData(record.header, aad));
        decipher.setAuthTag(record.tag);
        const plain = decipher.update(record.ciphertext);
        const rest = decipher.final(); // empty for GCM: no second copy of the plaintext then
        return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
      } catch {
        throw new AppError(
          'ENCRYPTION_KEY_MISSING',
          { keyId: record.keyId, reason: 'authentication-failed' },
          RUNTIME_DECRYPT_FAILED,
        );
      }
    },
  };
}

/** A new random 32-byte key. */
export function generateKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/** One entry of OVERSTAP_ENCRYPTION_KEYS: `<id>:<base64 of 32 bytes>`. */
export function formatKeyEntry(keyId: string, key: Uint8Array): string {
  assertKeyId(keyId);
  return `${keyId}:${Buffer.from(key).toString('base64')}`;
}

/**
 * Reads the key configuration: `OVERSTAP_ENCRYPTION_KEYS="k1:<base64 32 bytes>,k2:<…>"` and,
 * optionally, `OVERSTAP_ENCRYPTION_KEY_ID=k2` for the active key. Without an active key id, the
 * last key in the list is active (append a new key to rotate). Throws CONFIG_INVALID, naming the
 * variable and the entry but never a key.
 */
export function parseKeyConfig(keysValue: string, activeKeyId?: string): KeyringOptions {
  const keys: Record<string, Uint8Array> = {};
  const entries = keysValue
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) {
    throw new AppError('CONFIG_INVALID', { variable: 'OVERSTAP_ENCRYPTION_KEYS', reason: 'no keys given' });
  }
  let last = '';
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const b64 = colon < 0 ? '' : entry.slice(colon + 1).trim();
    const bad = (reason: string) =>
      new AppError('CONFIG_INVALID', {
        variable: 'OVERSTAP_ENCRYPTION_KEYS',
        entry: i + 1,
        keyId: id,
        reason,
      });
    if (!KEY_ID.test(id)) throw bad('each entry is <id>:<base64>, the id of letters, digits, . _ -');
    if (id in keys) throw bad('a key id appears twice');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw bad('the key is not base64');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== KEY_BYTES) throw bad(`the key is ${key.length} bytes, not ${KEY_BYTES}`);
    keys[id] = new Uint8Array(key);
    last = id;
  }
  const active = activeKeyId?.trim() || last;
  if (!(active in keys)) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_ENCRYPTION_KEY_ID',
      keyId: active,
      reason: 'the active key id is not in OVERSTAP_ENCRYPTION_KEYS',
    });
  }
  return { keys, activeKeyId: active };
}

/** The file in the data folder that holds the embedded default's generated key. */
export const DEV_KEY_FILE = 'encryption-keys.dev.json';

/**
 * For the embedded default only (a newcomer's `npm start`, tests): reads the key file in the data
 * folder, or creates one with a new key (mode 0600). The key then lives beside the data it
 * protects, which protects nothing against someone who has the folder: **production must configure
 * OVERSTAP_ENCRYPTION_KEYS (and OVERSTAP_ENCRYPTION_KEY_ID) from a secret store** and keep the keys
 * apart from the database and its backups. Safe when several processes start at once: the file is
 * created atomically, and whoever loses the race reads the winner's key.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<KeyringOptions> {
  const file = join(dataDir, DEV_KEY_FILE);
  const existing = await readDevKeys(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const keyId = `dev-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  const content = `${JSON.stringify({ activeKeyId: keyId, keys: { [keyId]: Buffer.from(generateKey()).toString('base64') } }, null, 2)}\n`;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, file); // atomic: fails with EEXIST when another process was first
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  const created = await readDevKeys(file);
  if (!created) throw new AppError('CONFIG_INVALID', { file, reason: 'the key file could not be created' });
  return created;
}

async function readDevKeys(file: string): Promise<KeyringOptions | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const json = JSON.parse(text) as { activeKeyId: string; keys: Record<string, string> };
    const list = Object.entries(json.keys)
      .map(([id, b64]) => `${id}:${b64}`)
      .join(',');
    return parseKeyConfig(list, json.activeKeyId);
  } catch (e) {
    throw new AppError('CONFIG_INVALID', {
      file,
      reason: `the key file cannot be read${e instanceof AppError ? `: ${String(e.details.reason)}` : ''}`,
    });
  }
}

// ---- start-up check ----------------------------------------------------------------------------

/** Records which keys the database has data under, each with a check value encrypted by it. */
export const KEYS_MIGRATION: Migration = {
  id: 'platform-101-keys',
  sql: `
CREATE SCHEMA IF NOT EXISTS platform;
CREATE TABLE IF NOT EXISTS platform.encryption_keys (
  key_id text PRIMARY KEY,
  check_value bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};

const CHECK_PLAINTEXT = 'overstap encryption key check v1';
const checkAad = (keyId: string) => `platform.encryption_keys:${keyId}`;

/**
 * The start-up check. Registers the active key (with a check value encrypted under it) and, for
 * every key the database has ever recorded, verifies that the keyring has it and that it decrypts
 * its check value. A lost key, or a different key under a known id, throws
 * AppError('ENCRYPTION_KEY_MISSING', { keyId }) — before anything can write unreadable data.
 */
export async function verifyKeys(db: Queryable, keyring: RotatingKeyring): Promise<{ keyIds: string[] }> {
  const { rows } = await db.query<{ key_id: string; check_value: Uint8Array }>(
    'SELECT key_id, check_value FROM platform.encryption_keys ORDER BY created_at, key_id',
  );
  for (const row of rows) checkRow(keyring, row.key_id, row.check_value);
  if (!rows.some((r) => r.key_id === keyring.activeKeyId)) {
    const check = keyring.encrypt(Buffer.from(CHECK_PLAINTEXT), checkAad(keyring.activeKeyId));
    await db.query(
      'INSERT INTO platform.encryption_keys (key_id, check_value) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING',
      [keyring.activeKeyId, check],
    );
    // Another instance may have registered the same id a moment earlier, possibly with another key.
    const again = await db.query<{ check_value: Uint8Array }>(
      'SELECT check_value FROM platform.encryption_keys WHERE key_id = $1',
      [keyring.activeKeyId],
    );
    checkRow(keyring, keyring.activeKeyId, again.rows[0].check_value);
  }
  return { keyIds: [...new Set([...rows.map((r) => r.key_id), keyring.activeKeyId])] };
}

function checkRow(keyring: RotatingKeyring, keyId: string, checkValue: Uint8Array): void {
  if (!keyring.keyIds().includes(keyId)) {
    throw new AppError(
      'ENCRYPTION_KEY_MISSING',
      { keyId, reason: 'key-not-configured' },
      startupMessage(keyId, false),
    );
  }
  let ok = false;
  try {
    ok =
      keyring.keyIdOf(checkValue) === keyId &&
      Buffer.from(keyring.decrypt(checkValue, checkAad(keyId))).toString() === CHECK_PLAINTEXT;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new AppError('ENCRYPTION_KEY_MISSING', { keyId, reason: 'key-wrong' }, startupMessage(keyId, true));
}

function startupMessage(keyId: string, wrong: boolean) {
  return wrong
    ? {
        nl: `De versleutelingssleutel "${keyId}" in de configuratie is niet de sleutel waarmee de database is versleuteld. Overstap start niet, om geen onleesbare gegevens te maken. Zet de juiste sleutel in OVERSTAP_ENCRYPTION_KEYS.`,
        en: `The encryption key "${keyId}" in the configuration is not the key the database was encrypted with. Overstap does not start, so as not to produce unreadable data. Put the right key in OVERSTAP_ENCRYPTION_KEYS.`,
      }
    : {
        nl: `De database bevat gegevens versleuteld met sleutel "${keyId}", maar die sleutel staat niet in OVERSTAP_ENCRYPTION_KEYS. Overstap start niet. Voeg de sleutel weer toe (houd oude sleutels tot "overstap keys rotate" klaar is).`,
        en: `The database holds data encrypted with key "${keyId}", but that key is not in OVERSTAP_ENCRYPTION_KEYS. Overstap does not start. Add the key back (keep old keys until "overstap keys rotate" has finished).`,
      };
}

// ---- rotation ----------------------------------------------------------------------------------

export interface EncryptedColumn {
  /** Table, optionally schema-qualified: 'gw.dossier_versions'. */
  table: string;
  idColumn: string;
  /** A bytea column holding keyring records (NULL allowed). */
  column: string;
  /** The AAD the records of this column were encrypted with, from the row id. */
  aad?: (id: string) => string;
}

export interface RotationResult {
  activeKeyId: string;
  /** Values re-encrypted under the active key, in total and per column. */
  reencrypted: number;
  batches: number;
  targets: Array<{ table: string; column: string; reencrypted: number }>;
}

/**
 * Re-encrypts, under the active key, every value of the given columns that is under another key.
 * Works in batches (each batch one transaction, rows locked), so it can run beside a live server;
 * it is idempotent and resumable: values already under the active key are not touched, so an
 * interrupted rotation simply continues where it stopped. A value whose key is missing stops the
 * rotation with ENCRYPTION_KEY_MISSING (earlier batches stay committed).
 *
 * After it finished, the old keys may leave the configuration once `retireKey` removed them from
 * platform.encryption_keys (every instance must run with the new active key first).
 */
export async function rotateEncryptedColumns(
  db: Db,
  keyring: RotatingKeyring,
  targets: EncryptedColumn[],
  options: {
    batchSize?: number;
    onBatch?: (progress: { table: string; column: string; done: number }) => void;
  } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 200;
  const prefix = header(keyring.activeKeyId);
  const result: RotationResult = {
    activeKeyId: keyring.activeKeyId,
    reencrypted: 0,
    batches: 0,
    targets: [],
  };
  for (const target of targets) {
    const table = qualifiedName(target.table);
    const id = identifier(target.idColumn);
    const col = identifier(target.column);
    let done = 0;
    let after: unknown;
    for (;;) {
      // The transaction may run again after a deadlock: it returns the last id rather than set it.
      const batch = await db.transaction(async (tx) => {
        const params: unknown[] = [prefix.length, prefix, batchSize];
        const from = after === undefined ? '' : `AND ${id} > $4`;
        if (after !== undefined) params.push(after);
        const { rows } = await tx.query<{ id: unknown; value: Uint8Array }>(
          `SELECT ${id} AS id, ${col} AS value FROM ${table}
            WHERE ${col} IS NOT NULL AND substring(${col} FROM 1 FOR $1) <> $2 ${from}
            ORDER BY ${id} LIMIT $3 FOR UPDATE`,
          params,
        );
        for (const row of rows) {
          const aad = target.aad?.(String(row.id));
          const plain = keyring.decrypt(row.value, aad);
          await tx.query(`UPDATE ${table} SET ${col} = $1 WHERE ${id} = $2`, [
            keyring.encrypt(plain, aad),
            row.id,
          ]);
        }
        return { count: rows.length, last: rows.at(-1)?.id };
      });
      const count = batch.count;
      if (count === 0) break;
      after = batch.last;
      done += count;
      result.batches++;
      options.onBatch?.({ table: target.table, column: target.column, done });
      if (count < batchSize) break;
    }
    result.reencrypted += done;
    result.targets.push({ table: target.table, column: target.column, reencrypted: done });
  }
  return result;
}

/**
 * Forgets a key in platform.encryption_keys, after a rotation moved every value off it, so that
 * the start-up check no longer asks for it. Refuses to forget the active key.
 */
export async function retireKey(db: Queryable, keyring: RotatingKeyring, keyId: string): Promise<boolean> {
  if (keyId === keyring.activeKeyId) {
    throw new AppError('CONFLICT', { keyId, reason: 'the active key cannot be retired' });
  }
  const r = await db.query('DELETE FROM platform.encryption_keys WHERE key_id = $1', [keyId]);
  return r.rowCount > 0;
}

// ---- record format -----------------------------------------------------------------------------

function assertKeyId(id: string): void {
  if (!KEY_ID.test(id)) {
    throw new AppError('CONFIG_INVALID', {
      keyId: id,
      reason: 'a key id is 1 to 64 letters, digits, dots, underscores or hyphens',
    });
  }
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([RECORD_VERSION, id.length]), id]);
}

function additionalData(head: Uint8Array, aad: string | undefined): Buffer {
  return Buffer.concat([head, Buffer.from(aad ?? '', 'utf8')]);
}

function parseRecord(sealed: Uint8Array) {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const malformed = (reason: string) =>
    new AppError('ENCRYPTION_KEY_MISSING', { reason }, RUNTIME_DECRYPT_FAILED);
  if (buf.length < 2) throw malformed('record-too-short');
  if (buf[0] !== RECORD_VERSION) throw malformed('unknown-record-version');
  const idLength = buf[1];
  const headerLength = 2 + idLength;
  if (idLength === 0 || buf.length < headerLength + IV_BYTES + TAG_BYTES) throw malformed('record-too-short');
  const keyId = buf.subarray(2, headerLength).toString('ascii');
  if (!KEY_ID.test(keyId)) throw malformed('bad-key-id');
  return {
    keyId,
    header: buf.subarray(0, headerLength),
    iv: buf.subarray(headerLength, headerLength + IV_BYTES),
    tag: buf.subarray(headerLength + IV_BYTES, headerLength + IV_BYTES + TAG_BYTES),
    ciphertext: buf.subarray(headerLength + IV_BYTES + TAG_BYTES),
  };
}

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!SQL_NAME.test(name))
    throw new AppError('VALIDATION_FAILED', { name, reason: 'not a plain SQL identifier' });
  return `"${name}"`;
}

function qualifiedName(name: string): string {
  return name.split('.').map(identifier).join('.');
}
