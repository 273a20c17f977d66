import type { Db } from './db/types.js';
import { AppError } from './errors.js';

/** What an actor may do. Use cases check one of these on their first line. */
export type Permission =
  // gateway, sending side
  | 'dossier:read'
  | 'dossier:write'
  | 'dossier:inzage'
  | 'dossier:klaarzetten'
  // gateway, receiving side
  | 'registration:write'
  | 'request:send'
  | 'received:read'
  | 'received:write'
  /** may see support information (zorg, handelingsplan, …) in a received dossier */
  | 'received:support'
  // gateway administration (schools hosted, delivery points)
  | 'gateway:admin'
  // people: invite and manage the people of a school
  | 'school:people'
  // region (issue 5)
  | 'region:read'
  | 'region:admin'
  // traffic center
  | 'tc:admin'
  | 'tc:read'
  // audit
  | 'audit:read';

/**
 * Who is acting: an API key of a school or supplier, a supplier system known by its certificate
 * (chain calls), the chain operator, the system itself (jobs, start-up), a person's account, or a
 * parent through an inspection link (`parent:<link id>`, no permissions: the link is the grant).
 */
export interface Actor {
  kind: 'apikey' | 'supplier' | 'operator' | 'system' | 'person' | 'parent';
  /** Stable id for the audit log (never a name of a pupil; an account or key id). */
  id: string;
  permissions: ReadonlySet<Permission> | 'all';
  /** BRINs this actor may act for. */
  schools: ReadonlySet<string> | 'all';
  /**
   * A person's permissions per school (BRIN; `region:<id>` for a region role), from their
   * memberships. `permissions` and `schools` then hold what holds everywhere (servicedesk).
   */
  grants?: ReadonlyMap<string, ReadonlySet<Permission>>;
}

/** Encryption at rest (AES-256-GCM with a key id per record). */
export interface Keyring {
  encrypt(plain: Uint8Array, aad?: string): Uint8Array;
  decrypt(sealed: Uint8Array, aad?: string): Uint8Array;
}

/** The context every use case receives. */
export interface Ctx {
  db: Db;
  actor: Actor;
  /** Correlates log lines, audit entries and chain calls of one request. */
  requestId: string;
  keyring: Keyring;
  now(): Date;
}

export function may(actor: Actor, permission: Permission, brin?: string): boolean {
  if (brin !== undefined && actor.grants?.get(brin)?.has(permission)) return true;
  const perm = actor.permissions === 'all' || actor.permissions.has(permission);
  const school = brin === undefined || actor.schools === 'all' || actor.schools.has(brin);
  return perm && school;
}

/** The first line of every use case: refuses with FORBIDDEN unless the actor may do this here. */
export function authorize(ctx: Pick<Ctx, 'actor'>, permission: Permission, brin?: string): void {
  if (!may(ctx.actor, permission, brin)) {
    throw new AppError('FORBIDDEN', { permission, ...(brin ? { brin } : {}) });
  }
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', permissions: 'all', schools: 'all' };
