import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import {
  createKeyring,
  DEV_KEY_FILE,
  formatKeyEntry,
  generateKey,
  KEYS_MIGRATION,
  loadOrCreateDevKeys,
  parseKeyConfig,
  type RotatingKeyring,
  retireKey,
  rotateEncryptedColumns,
  verifyKeys,
} from './keyring.js';

const text = new TextEncoder();
const k1 = generateKey();
const k2 = generateKey();

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('keyring', () => {
  it('decrypts what it encrypted, with a fresh IV each time', () => {
    const keyring = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
    const plain = text.encode('<dossier>… gevoelige inhoud …</dossier>');
    const a = keyring.encrypt(plain);
    const b = keyring.encrypt(plain);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from('dossier'))).toBe(false);
    expect(Buffer.from(keyring.decrypt(a)).equals(Buffer.from(plain))).toBe(true);
    expect(keyring.decrypt(keyring.encrypt(new Uint8Array(0)))).toHaveLength(0);
  });

  it('writes version 1, the key id, a 12-byte IV and a 16-byte tag before the ciphertext', () => {
    const keyring = createKeyring({ keys: { 'key-2025.a': k1 }, activeKeyId: 'key-2025.a' });
    const sealed = Buffer.from(keyring.encrypt(text.encode('abc')));
    expect(sealed[0]).toBe(1);
    expect(sealed[1]).toBe('key-2025.a'.length);
    expect(sealed.subarray(2, 12).toString('ascii')).toBe('key-2025.a');
    expect(sealed.length).toBe(2 + 10 + 12 + 16 + 3);
    expect(keyring.keyIdOf(sealed)).toBe('key-2025.a');
  });

  it('binds a record to its AAD: another row’s AAD or none fails', () => {
    const keyring = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
    const sealed = keyring.encrypt(text.encode('x'), 'gw.dossier_versions:1');
    expect(new TextDecoder().decode(keyring.decrypt(sealed, 'gw.dossier_versions:1'))).toBe('x');
    expect(errorOf(() => keyring.decrypt(sealed, 'gw.dossier_versions:2')).code).toBe(
      'ENCRYPTION_KEY_MISSING',
    );
    expect(errorOf(() => keyring.decrypt(sealed)).code).toBe('ENCRYPTION_KEY_MISSING');
  });

  it('throws ENCRYPTION_KEY_MISSING, never garbage, for a missing key, a wrong key or a damaged record', () => {
    const old = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
    const sealed = old.encrypt(text.encode('geheim'));
    const missing = errorOf(() => createKeyring({ keys: { k2 }, activeKeyId: 'k2' }).decrypt(sealed));
    expect(missing.code).toBe('ENCRYPTION_KEY_MISSING');
    expect(missing.details).toMatchObject({ keyId: 'k1', reason: 'key-not-configured' });
    const wrong = errorOf(() => createKeyring({ keys: { k1: k2 }, activeKeyId: 'k1' }).decrypt(sealed));
    expect(wrong.details).toMatchObject({ keyId: 'k1', reason: 'authentication-failed' });
    for (let i = 0; i < sealed.length; i++) {
      const damaged = Buffer.from(sealed);
      damaged[i] ^= 0x20;
      expect(errorOf(() => old.decrypt(damaged)).code).toBe('ENCRYPTION_KEY_MISSING');
    }
    expect(errorOf(() => old.decrypt(sealed.subarray(0, 20))).code).toBe('ENCRYPTION_KEY_MISSING');
    expect(errorOf(() => old.decrypt(new Uint8Array(0))).code).toBe('ENCRYPTION_KEY_MISSING');
  });

  it('decrypts records of older keys and encrypts under the active one', () => {
    const before = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
    const after = createKeyring({ keys: { k1, k2 }, activeKeyId: 'k2' });
    const old = before.encrypt(text.encode('oud'));
    expect(new TextDecoder().decode(after.decrypt(old))).toBe('oud');
    expect(after.keyIdOf(after.encrypt(text.encode('nieuw')))).toBe('k2');
    expect(after.keyIds().sort()).toEqual(['k1', 'k2']);
  });

  it('refuses keys that are not 32 bytes and an active key that is not configured', () => {
    expect(errorOf(() => createKeyring({ keys: { k1: new Uint8Array(16) }, activeKeyId: 'k1' })).code).toBe(
      'CONFIG_INVALID',
    );
    expect(errorOf(() => createKeyring({ keys: { k1 }, activeKeyId: 'k9' })).code).toBe('CONFIG_INVALID');
    expect(errorOf(() => createKeyring({ keys: { 'k 1': k1 }, activeKeyId: 'k 1' })).code).toBe(
      'CONFIG_INVALID',
    );
  });
});

describe('key configuration', () => {
  it('reads OVERSTAP_ENCRYPTION_KEYS with the last key active unless OVERSTAP_ENCRYPTION_KEY_ID says otherwise', () => {
    const env = `${formatKeyEntry('k1', k1)}, ${formatKeyEntry('k2', k2)}`;
    const config = parseKeyConfig(env);
    expect(config.activeKeyId).toBe('k2');
    expect(Buffer.from(config.keys.k1).equals(Buffer.from(k1))).toBe(true);
    expect(parseKeyConfig(env, 'k1').activeKeyId).toBe('k1');
    const keyring = createKeyring(parseKeyConfig(env, 'k1'));
    expect(keyring.keyIdOf(keyring.encrypt(text.encode('x')))).toBe('k1');
  });

  it('says which entry is wrong without repeating any key', () => {
    const good = formatKeyEntry('k1', k1);
    const cases = [
      '',
      'k1',
      `${good},${good}`,
      `k1:${Buffer.alloc(31).toString('base64')}`,
      'k1:not*base64',
      `${good},k2:`,
    ];
    for (const value of cases) {
      const e = errorOf(() => parseKeyConfig(value));
      expect(e.code).toBe('CONFIG_INVALID');
      expect(JSON.stringify(e.details)).not.toContain(Buffer.from(k1).toString('base64'));
    }
    expect(errorOf(() => parseKeyConfig(good, 'k2')).details).toMatchObject({
      variable: 'OVERSTAP_ENCRYPTION_KEY_ID',
    });
  });
});

describe('development keys', () => {
  it('creates a key file with mode 0600 in the data folder once, and reads it back after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overstap-keys-'));
    try {
      const first = await loadOrCreateDevKeys(join(dir, 'data'));
      const file = join(dir, 'data', DEV_KEY_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const again = await loadOrCreateDevKeys(join(dir, 'data'));
      expect(again.activeKeyId).toBe(first.activeKeyId);
      expect(
        Buffer.from(again.keys[again.activeKeyId]).equals(Buffer.from(first.keys[first.activeKeyId])),
      ).toBe(true);
      expect(JSON.parse(await readFile(file, 'utf8')).activeKeyId).toBe(first.activeKeyId);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives every process that starts at once the same key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overstap-keys-'));
    try {
      const all = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKeys(dir)));
      const keys = new Set(all.map((c) => Buffer.from(c.keys[c.activeKeyId]).toString('hex')));
      expect(keys.size).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const SECRETS_TABLE = {
  id: 'test-rotation-secrets',
  sql: `
    CREATE SCHEMA test_rot;
    CREATE TABLE test_rot.secrets (id bigint PRIMARY KEY, secret bytea, other bytea);`,
};
const aad = (id: string) => `test_rot.secrets:${id}`;
const targets = [
  { table: 'test_rot.secrets', idColumn: 'id', column: 'secret', aad },
  { table: 'test_rot.secrets', idColumn: 'id', column: 'other' },
];

describeEachDatabase(
  'encryption keys in the database',
  (db) => {
    const only1 = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
    const both = createKeyring({ keys: { k1, k2 }, activeKeyId: 'k2' });
    const only2 = createKeyring({ keys: { k2 }, activeKeyId: 'k2' });

    beforeEach(async () => {
      await db().query('DELETE FROM platform.encryption_keys');
      await db().query('DELETE FROM test_rot.secrets');
    });

    async function fill(keyring: RotatingKeyring, n: number, start = 1): Promise<void> {
      for (let id = start; id < start + n; id++) {
        await db().query('INSERT INTO test_rot.secrets (id, secret, other) VALUES ($1, $2, $3)', [
          id,
          keyring.encrypt(text.encode(`geheim ${id}`), aad(String(id))),
          id % 3 === 0 ? null : keyring.encrypt(text.encode(`ander ${id}`)),
        ]);
      }
    }

    async function keyIdsInTable(keyring: RotatingKeyring, d: Db = db()) {
      const { rows } = await d.query<{ secret: Uint8Array; other: Uint8Array | null }>(
        'SELECT secret, other FROM test_rot.secrets',
      );
      const count: Record<string, number> = {};
      for (const r of rows) {
        for (const v of [r.secret, r.other]) {
          if (v) count[keyring.keyIdOf(v)] = (count[keyring.keyIdOf(v)] ?? 0) + 1;
        }
      }
      return count;
    }

    it('registers the active key at the first start and accepts it at every next start', async () => {
      expect(await verifyKeys(db(), only1)).toEqual({ keyIds: ['k1'] });
      expect(await verifyKeys(db(), only1)).toEqual({ keyIds: ['k1'] });
      const { rows } = await db().query<{ key_id: string; check_value: Uint8Array }>(
        'SELECT key_id, check_value FROM platform.encryption_keys',
      );
      expect(rows.map((r) => r.key_id)).toEqual(['k1']);
      expect(only1.keyIdOf(rows[0].check_value)).toBe('k1');
    });

    it('refuses to start when a key the database used is lost, naming it in Dutch and English', async () => {
      await verifyKeys(db(), only1);
      const e = await rejection(verifyKeys(db(), only2));
      expect(e.code).toBe('ENCRYPTION_KEY_MISSING');
      expect(e.details).toEqual({ keyId: 'k1', reason: 'key-not-configured' });
      expect(e.messages.nl).toContain('"k1"');
      expect(e.messages.en).toContain('"k1"');
      // nothing was registered on the failed start
      const { rows } = await db().query('SELECT key_id FROM platform.encryption_keys');
      expect(rows).toEqual([{ key_id: 'k1' }]);
    });

    it('refuses to start with another key under a known id', async () => {
      await verifyKeys(db(), only1);
      const impostor = createKeyring({ keys: { k1: k2 }, activeKeyId: 'k1' });
      const e = await rejection(verifyKeys(db(), impostor));
      expect(e.code).toBe('ENCRYPTION_KEY_MISSING');
      expect(e.details).toEqual({ keyId: 'k1', reason: 'key-wrong' });
      const older = createKeyring({ keys: { k1: k2, k2 }, activeKeyId: 'k2' });
      expect((await rejection(verifyKeys(db(), older))).details).toMatchObject({ keyId: 'k1' });
    });

    it('re-encrypts every value under the active key, keeps the contents, and is idempotent', async () => {
      await verifyKeys(db(), only1);
      await fill(only1, 25);
      await verifyKeys(db(), both);
      await fill(both, 3, 100); // written after the switch: already under k2
      const result = await rotateEncryptedColumns(db(), both, targets, { batchSize: 7 });
      // 25 secrets and the 17 'other' values that are not NULL; the 3 new rows are not touched
      expect(result.reencrypted).toBe(25 + 17);
      expect(result.targets).toEqual([
        { table: 'test_rot.secrets', column: 'secret', reencrypted: 25 },
        { table: 'test_rot.secrets', column: 'other', reencrypted: 17 },
      ]);
      expect(result.batches).toBe(4 + 3);
      expect(await keyIdsInTable(both)).toEqual({ k2: 25 + 17 + 3 + 2 });
      const { rows } = await db().query<{ id: number; secret: Uint8Array; other: Uint8Array | null }>(
        'SELECT id, secret, other FROM test_rot.secrets ORDER BY id',
      );
      for (const r of rows) {
        expect(new TextDecoder().decode(only2.decrypt(r.secret, aad(String(r.id))))).toBe(`geheim ${r.id}`);
        if (r.other) expect(new TextDecoder().decode(only2.decrypt(r.other))).toBe(`ander ${r.id}`);
      }
      expect((await rotateEncryptedColumns(db(), both, targets)).reencrypted).toBe(0);

      // Now k1 can go: retire it, and a start without it succeeds.
      expect(await retireKey(db(), both, 'k1')).toBe(true);
      expect(await verifyKeys(db(), only2)).toEqual({ keyIds: ['k2'] });
      await expect(retireKey(db(), both, 'k2')).rejects.toThrow(AppError);
    });

    it('resumes an interrupted rotation where it stopped', async () => {
      await fill(only1, 30);
      let batches = 0;
      await expect(
        rotateEncryptedColumns(db(), both, targets.slice(0, 1), {
          batchSize: 4,
          onBatch: () => {
            if (++batches === 3) throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      const partial = await keyIdsInTable(both);
      expect(partial.k2).toBe(12); // three committed batches
      const rest = await rotateEncryptedColumns(db(), both, targets, { batchSize: 4 });
      expect(rest.targets[0].reencrypted).toBe(18);
      expect(await keyIdsInTable(both)).toEqual({ k2: 30 + 20 });
    });

    it('stops with ENCRYPTION_KEY_MISSING at a value whose key is gone, keeping what it did', async () => {
      await fill(only1, 6);
      const k0 = createKeyring({ keys: { k0: generateKey() }, activeKeyId: 'k0' });
      await db().query('UPDATE test_rot.secrets SET secret = $1 WHERE id = 5', [
        k0.encrypt(text.encode('x'), aad('5')),
      ]);
      const e = await rejection(rotateEncryptedColumns(db(), both, targets.slice(0, 1), { batchSize: 2 }));
      expect(e.code).toBe('ENCRYPTION_KEY_MISSING');
      expect(e.details).toMatchObject({ keyId: 'k0' });
      const { rows } = await db().query<{ id: number; secret: Uint8Array }>(
        'SELECT id, secret FROM test_rot.secrets',
      );
      const under = Object.fromEntries(rows.map((r) => [r.id, both.keyIdOf(r.secret)]));
      expect(under).toEqual({ 1: 'k2', 2: 'k2', 3: 'k2', 4: 'k2', 5: 'k0', 6: 'k1' });
    });

    it('refuses table and column names that are not plain identifiers', async () => {
      const bad = [{ table: 'test_rot.secrets; DROP TABLE x', idColumn: 'id', column: 'secret' }];
      expect((await rejection(rotateEncryptedColumns(db(), both, bad))).code).toBe('VALIDATION_FAILED');
    });
  },
  { migrations: [KEYS_MIGRATION, SECRETS_TABLE] },
);
