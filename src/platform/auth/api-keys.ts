import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor, Permission } from '../context.js';
import type { Migration } from '../db/index.js';
import type { Queryable } from '../db/types.js';
import { AppError } from '../errors.js';

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

export async function revokeApiKey(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE platform.api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    id,
  ]);
}

export async function resolveApiKey(db: Queryable, key: string): Promise<Actor | null> {
  if (!/^ovs_[\w-]{20,100}$/.test(key)) return null;
  const { rows } = await db.query<{ id: string; kind: string; schools: string[]; permissions: string[] }>(
    'SELECT id, kind, schools, permissions FROM platform.api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hashKey(key)],
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
