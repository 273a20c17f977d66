import { expect, it } from 'vitest';
import { describeEachDatabase, testServerUrl } from '../../../test/support/databases.js';
import { migrate, openDatabase } from '../db/index.js';
import { allPlatformMigrations } from '../migrations.js';
import { createApiKey, resolveApiKey, revokeApiKey, startApiKeyCache } from './api-keys.js';

const newKey = (db: Parameters<typeof createApiKey>[0], label: string) =>
  createApiKey(db, { label, kind: 'school', schools: ['01AA'], permissions: ['dossier:read'] });

/** Asks until `check` holds or two seconds passed; a notification arrives a moment after the commit. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (const end = Date.now() + 2000; Date.now() < end; ) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

describeEachDatabase('resolving API keys, with the cache of each instance', (db, target) => {
  it('keeps a resolved key, and forgets it at once when the key changes, however it is changed', async () => {
    await migrate(db(), allPlatformMigrations);
    expect(await startApiKeyCache(db())).toBe(true);
    const kept = await newKey(db(), 'kept');
    const actor = await resolveApiKey(db(), kept.key);
    expect(actor).toMatchObject({ kind: 'apikey', id: `apikey:${kept.id}` });

    // Without the trigger a change goes unheard: the instance still answers from its cache — which
    // shows that it has one.
    await db().query('ALTER TABLE platform.api_keys DISABLE TRIGGER api_keys_changed');
    await db().query('UPDATE platform.api_keys SET revoked_at = now() WHERE id = $1', [kept.id]);
    expect(await resolveApiKey(db(), kept.key)).toBe(actor);
    await db().query('ALTER TABLE platform.api_keys ENABLE TRIGGER api_keys_changed');

    // With it, any change empties the cache: the revoked key is refused, a plain UPDATE included.
    const other = await newKey(db(), 'other');
    expect(await resolveApiKey(db(), other.key)).not.toBeNull();
    await db().query('UPDATE platform.api_keys SET label = label WHERE id = $1', [other.id]);
    expect(await eventually(async () => (await resolveApiKey(db(), kept.key)) === null)).toBe(true);

    // A revocation through this instance holds for its very next request.
    const revoked = await newKey(db(), 'revoked here');
    expect(await resolveApiKey(db(), revoked.key)).not.toBeNull();
    await revokeApiKey(db(), revoked.id);
    expect(await resolveApiKey(db(), revoked.key)).toBeNull();

    // A key made after a failed look-up works at once (unknown keys are not kept).
    const unknown = 'ovs_not-yet-made-not-yet-made-not-yet';
    expect(await resolveApiKey(db(), unknown)).toBeNull();
    expect(await resolveApiKey(db(), (await newKey(db(), 'fresh')).key)).not.toBeNull();
  });

  it('refuses a key on this instance as soon as another instance revoked it', async () => {
    await migrate(db(), allPlatformMigrations);
    const other = await target.openInstance();
    expect(await startApiKeyCache(db())).toBe(true);
    const made = await newKey(db(), 'shared');
    expect(await resolveApiKey(db(), made.key)).not.toBeNull();
    await revokeApiKey(other, made.id);
    expect(await eventually(async () => (await resolveApiKey(db(), made.key)) === null)).toBe(true);
  });

  if (target.kind === 'postgres') {
    it('does not trust its cache while its listening connection is down, and listens again', async () => {
      await migrate(db(), allPlatformMigrations);
      expect(await startApiKeyCache(db())).toBe(true);
      const made = await newKey(db(), 'while-down');
      expect(await resolveApiKey(db(), made.key)).not.toBeNull();

      // The server ends the listening connection (as a restart would); a change made meanwhile
      // without a notification is still seen, because the cache is not used until it listens again.
      await db().query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'overstap-listen' AND datname = current_database()`,
      );
      await db().query('ALTER TABLE platform.api_keys DISABLE TRIGGER api_keys_changed');
      await db().query('UPDATE platform.api_keys SET revoked_at = now() WHERE id = $1', [made.id]);
      await db().query('ALTER TABLE platform.api_keys ENABLE TRIGGER api_keys_changed');
      expect(await eventually(async () => (await resolveApiKey(db(), made.key)) === null)).toBe(true);

      // It connects again and caches again: a second key is kept, and forgotten on its revocation.
      const again = await newKey(db(), 'after');
      expect(
        await eventually(async () => {
          const first = await resolveApiKey(db(), again.key);
          return first !== null && (await resolveApiKey(db(), again.key)) === first;
        }),
      ).toBe(true);
      await revokeApiKey(db(), again.id);
      expect(await eventually(async () => (await resolveApiKey(db(), again.key)) === null)).toBe(true);
    });

    it('keeps no keys behind a connection pooler (no prepared statements), which passes no notifications', async () => {
      const pooled = await openDatabase({ url: testServerUrl(), preparedStatements: false });
      try {
        expect(await startApiKeyCache(pooled)).toBe(false);
      } finally {
        await pooled.close();
      }
    });
  }
});
