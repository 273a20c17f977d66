import type { Actor, Ctx, Keyring } from '../context.js';
import type { Db } from '../db/index.js';
import type { Mailer } from './mail.js';
import type { RateLimit } from './rate-limit.js';

/** Names and sectors of schools, for people's pages and mails (the gateway knows them). */
export type SchoolDirectory = (
  brins: readonly string[],
) => Promise<Map<string, { name: string; sector: string }>>;

export interface AuthLimits {
  /** Password attempts from one IP address. */
  signInPerIp: RateLimit;
  /** Password attempts for one e-mail address (whether or not it has an account). */
  signInPerEmail: RateLimit;
  /** Password-reset requests from one IP address (429 beyond). */
  resetPerIp: RateLimit;
  /** Password-reset mails to one address (silently none beyond: the answer is always 202). */
  resetPerEmail: RateLimit;
  /** Wrong passwords or codes in a row before the account locks. */
  maxFailures: number;
  lockMs: number;
  /** Wrong codes in one half-signed-in session before it is dropped. */
  maxTotpFailures: number;
  invitationMs: number;
  resetMs: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  signInPerIp: { limit: 100, windowMs: 10 * 60_000 },
  signInPerEmail: { limit: 10, windowMs: 15 * 60_000 },
  resetPerIp: { limit: 20, windowMs: 60 * 60_000 },
  resetPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  maxFailures: 5,
  lockMs: 15 * 60_000,
  maxTotpFailures: 5,
  invitationMs: 7 * 24 * 60 * 60_000,
  resetMs: 60 * 60_000,
};

/** What people's sign-in needs from the process that runs it. */
export interface AuthDeps {
  db: Db;
  keyring: Keyring;
  mailer: Mailer;
  /** Where people reach the web app (links in mails): config.publicUrl. */
  publicUrl: () => string;
  schools?: SchoolDirectory;
  limits?: Partial<AuthLimits>;
  now?: () => Date;
}

export const limitsOf = (deps: Pick<AuthDeps, 'limits'>): AuthLimits => ({
  ...DEFAULT_AUTH_LIMITS,
  ...deps.limits,
});
export const clockOf = (deps: Pick<AuthDeps, 'now'>) => deps.now ?? (() => new Date());

/** Who is calling, as far as the HTTP layer knows before anyone signed in. */
export interface Caller {
  requestId: string;
  ip: string;
}

/** The audit actor of an account (or of someone who named no known account). */
export const accountActor = (accountId: string | null): Actor => ({
  kind: 'person',
  id: accountId ? `account:${accountId}` : 'anonymous',
  permissions: new Set(),
  schools: new Set(),
});

/** A use-case context for an account's own actions (sign-in steps, language). */
export function accountCtx(deps: AuthDeps, caller: Caller, accountId: string | null): Ctx {
  return {
    db: deps.db,
    keyring: deps.keyring,
    actor: accountActor(accountId),
    requestId: caller.requestId,
    now: clockOf(deps),
  };
}

export async function schoolNames(
  deps: Pick<AuthDeps, 'schools'>,
  brins: readonly string[],
): Promise<Map<string, { name: string; sector: string }>> {
  if (brins.length === 0 || !deps.schools) return new Map();
  return deps.schools(brins);
}
