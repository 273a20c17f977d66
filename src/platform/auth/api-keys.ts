import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor, Permission } from '../context.js';
import type { Migration } from '../db/index.js';
import type { Db, Queryable, Subscription } from '../db/types.js';
import { AppError } from '../errors.js';

/** The channel on which platform.api_keys_changed (migration platform-203) says a key changed. */
const CHANGED_CHANNEL = 'overstap_api_keys';

/**
 * API keys for integrators and, until people sign in, for the web app: per school or per
 * supplier (several schools) or for the chain operator. Only a SHA-256 of the key is stored;
 * the key itself is shown once, when it is made.
 */
export const apiKeyMigrations: Migration[] = [
  {
    id: 'platform-201-api-keys',
    sql: `
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE platform.api_keys (
        id uuid PRIMARY KEY,
        key_hash text NOT NULL UNIQUE,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('school', 'supplier', 'operator')),
        schools text[] NOT NULL DEFAULT '{}',
        permissions text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );`,
  },
];

export interface NewApiKey {
  label: string;
  kind: 'school' | 'supplier' | 'operator';
  /** BRINs; ignored for operator keys, which act for every school. */
  schools: string[];
  permissions: Permission[];
}

/**
 * Every change of a key (a revocation, whatever writes it) tells every instance, which then forgets
 * the keys it had resolved (ApiKeyCache).
 */
export const API_KEYS_NOTIFY_MIGRATION: Migration = {
  id: 'platform-203-api-keys-notify',
  sql: `
      CREATE FUNCTION platform.api_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGED_CHANNEL}', OLD.id::text);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER api_keys_changed AFTER UPDATE OR DELETE ON platform.api_keys
        FOR EACH ROW EXECUTE FUNCTION platform.api_keys_changed();`,
};

/** The permissions each kind of key gets by default (`overstap apikey create`, POST /api/gw/api-keys). */
export const DEFAULT_KEY_PERMISSIONS: Record<
  'school-po' | 'school-vo' | 'supplier' | 'operator',
  Permission[]
> = {
  'school-po': ['dossier:read', 'dossier:write', 'dossier:inzage', 'dossier:klaarzetten'],
  'school-vo': ['registration:write', 'request:send', 'received:read', 'received:write'],
  supplier: [
    'dossier:read',
    'dossier:write',
    'dossier:inzage',
    'dossier:klaarzetten',
    'registration:write',
    'request:send',
    'received:read',
    'received:write',
  ],
  operator: ['tc:admin', 'tc:read', 'gateway:admin', 'audit:read'],
};

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(db: Queryable, input: NewApiKey): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  const key = `ovs_${randomBytes(32).toString('base64url')}`;
  await db.query(
    'INSERT INTO platform.api_keys (id, key_hash, label, kind, schools, permissions) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, hashKey(key), input.label, input.kind, input.schools, input.permissions],
  );
  return { id, key };
}

export async function revokeApiKey(db: Db, id: string): Promise<void> {
  await db.query('UPDATE platform.api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    id,
  ]);
  forgetResolvedApiKeys(db);
}

/**
 * Empties this instance's cache of resolved keys at once, after a change to a key has committed
 * here: the database's notification would do it a moment later, and the caller's next request
 * must already see the change. (Other instances hear of it through the notification.)
 */
export function forgetResolvedApiKeys(db: Db): void {
  caches.get(db)?.forget();
}

/** A resolved key is asked again after this long, whatever was heard. */
const CACHE_MS = 60_000;
const CACHE_SIZE = 10_000;

/**
 * The keys an instance resolved lately, so that a request does not look its key up again: two of
 * the fifteen statements of a transfer. A key that changes (a revocation) is forgotten at once:
 * the database notifies every instance of every change to platform.api_keys (a trigger), and this
 * cache is trusted only while it is listening (a broken listening connection, or one that came
 * back, empties it). Unknown keys are not kept (a key made a moment later must work).
 *
 * A lookup that started before a change and ends after the change was heard is not kept either
 * (`generation`), so a revocation is never overwritten by what was read just before it.
 */
class ApiKeyCache {
  readonly #entries = new Map<string, { actor: Actor; until: number }>();
  #generation = 0;
  #subscription: Subscription | undefined;
  /** Settles once the first LISTEN was tried. */
  readonly ready: Promise<void>;

  constructor(db: Db) {
    this.ready = db
      .listen(
        CHANGED_CHANNEL,
        () => this.forget(),
        () => this.forget(),
      )
      .then(
        (subscription) => {
          this.#subscription = subscription;
        },
        () => {}, // not listening: the cache stays unused
      );
  }

  get live(): boolean {
    return this.#subscription?.live === true;
  }

  get generation(): number {
    return this.#generation;
  }

  get(hash: string, now: number): Actor | undefined {
    if (!this.#subscription?.live) return undefined;
    const entry = this.#entries.get(hash);
    if (entry && entry.until > now) return entry.actor;
    if (entry) this.#entries.delete(hash);
    return undefined;
  }

  set(hash: string, actor: Actor, now: number, readInGeneration: number): void {
    if (!this.#subscription?.live || readInGeneration !== this.#generation) return;
    if (this.#entries.size >= CACHE_SIZE) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(hash, { actor, until: now + CACHE_MS });
  }

  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Db, ApiKeyCache>();

/**
 * Starts the instance's cache of resolved keys (it listens for changes) and says whether it is
 * used: true once it listens, false while it cannot (then every request looks its key up).
 */
export async function startApiKeyCache(db: Db): Promise<boolean> {
  const cache = cacheOf(db) as ApiKeyCache;
  await cache.ready;
  return cache.live;
}

function cacheOf(db: Queryable): ApiKeyCache | undefined {
  if (!('listen' in db && 'transaction' in db)) return undefined; // inside a transaction: no cache
  let cache = caches.get(db as Db);
  if (!cache) {
    cache = new ApiKeyCache(db as Db);
    caches.set(db as Db, cache);
  }
  return cache;
}

export async function resolveApiKey(db: Queryable, key: string): Promise<Actor | null> {
  if (!/^ovs_[\w-]{20,100}$/.test(key)) return null;
  const hash = hashKey(key);
  const cache = cacheOf(db);
  const now = Date.now();
  const known = cache?.get(hash, now);
  if (known) return known;
  const generation = cache?.generation ?? 0;
  const actor = await lookUpApiKey(db, hash);
  if (actor) cache?.set(hash, actor, now, generation);
  return actor;
}

async function lookUpApiKey(db: Queryable, hash: string): Promise<Actor | null> {
  const { rows } = await db.query<{ id: string; kind: string; schools: string[]; permissions: string[] }>(
    'SELECT id, kind, schools, permissions FROM platform.api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    kind: row.kind === 'operator' ? 'operator' : 'apikey',
    id: `apikey:${row.id}`,
    permissions: new Set(row.permissions as Permission[]),
    schools: row.kind === 'operator' ? 'all' : new Set(row.schools),
  };
}

/** A Fastify preHandler: resolves `Authorization: Bearer <key>` to the request's actor, or 401. */
export function requireApiKey(db: Queryable) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const actor = key ? await resolveApiKey(db, key) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    request.actor = actor;
  };
}
