/**
 * For the sign-in tests (not used by production code): the auth routes on a real HTTP server
 * (Fastify's inject), a clock the test moves, people with accounts, and a browser that keeps the
 * session cookie and sends the CSRF header the way the web app does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Actor, type Ctx, SYSTEM_ACTOR } from '../context.js';
import { createKeyring, generateKey } from '../crypto/index.js';
import type { Db } from '../db/index.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createAccount } from './create-account.js';
import type { AuthDeps, AuthLimits, SchoolDirectory } from './deps.js';
import { type CaughtMail, listOutbox, type Mailer, outboxMailer } from './mail.js';
import { requireCaller } from './require-caller.js';
import type { MembershipInput } from './roles.js';
import { registerAuthRoutes } from './routes.js';
import { SESSION_COOKIE } from './sessions.js';
import { newTotpSecret, totpCode, totpStep } from './totp.js';

export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export class MovableClock implements Clock {
  #now: Date;
  constructor(start = '2026-04-01T09:00:00.000Z') {
    this.#now = new Date(start);
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

export interface TestPerson {
  accountId: string;
  email: string;
  password: string;
  /** Null for a person who has not enrolled a second factor yet. */
  totpSecret: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One browser: its cookie jar (the session cookie) and the CSRF token the app was given. */
export class Browser {
  token: string | undefined;
  csrf: string | undefined;
  constructor(
    private readonly app: HttpServer,
    private readonly ip = '127.0.0.1',
  ) {}

  /** `csrf: null` leaves the header out; a string sends that instead of the session's token. */
  async request(method: Method, url: string, options: { body?: unknown; csrf?: string | null } = {}) {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.token ? { cookie: `${SESSION_COOKIE}=${this.token}` } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    this.keepCookie(res);
    return res;
  }

  private keepCookie(res: Awaited<ReturnType<HttpServer['inject']>>): void {
    const cookie = (
      res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>
    ).find((c) => c.name === SESSION_COOKIE);
    if (!cookie) return;
    const cleared =
      cookie.value === '' || cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
    this.token = cleared ? undefined : cookie.value;
  }
}

export interface AuthWorld {
  db: Db;
  deps: AuthDeps;
  api: HttpServer;
  clock: Clock;
  ctx(actor?: Actor): Ctx;
  /** A person with a password and (unless `enrolled: false`) an enrolled authenticator app. */
  person(
    membership: MembershipInput | null,
    options?: { enrolled?: boolean; language?: 'nl' | 'en' },
  ): Promise<TestPerson>;
  browser(ip?: string): Browser;
  /** The code of the person's app now, moving the clock a step on when this step was used. */
  code(person: TestPerson): string;
  /** Signs a person in through the API: password, then the code. */
  signedIn(person: TestPerson, ip?: string): Promise<Browser>;
  mails(): Promise<CaughtMail[]>;
  close(): Promise<void>;
}

export interface AuthWorldOptions {
  clock?: Clock;
  keyring?: AuthDeps['keyring'];
  limits?: Partial<AuthLimits>;
  mailer?: Mailer;
  schools?: SchoolDirectory;
  /** Register more routes (the gateway's, the traffic center's) on the same server before it is ready. */
  register?: (api: HttpServer, deps: AuthDeps) => void;
}

/** A GET and a POST that only a signed-in caller reaches: `/api/test/caller` answers who it is. */
export function registerCallerProbe(api: HttpServer, deps: AuthDeps): void {
  const preHandler = requireCaller(deps.db, { now: deps.now });
  const answer = async (request: { actor?: Actor }) => ({
    actor: request.actor?.id,
    kind: request.actor?.kind,
  });
  api.get('/api/test/caller', { preHandler }, answer);
  api.post('/api/test/caller', { preHandler }, answer);
}

export async function startAuthWorld(db: Db, options: AuthWorldOptions = {}): Promise<AuthWorld> {
  const clock = options.clock ?? new MovableClock();
  const keyring = options.keyring ?? createKeyring({ keys: { test: generateKey() }, activeKeyId: 'test' });
  const deps: AuthDeps = {
    db,
    keyring,
    mailer: options.mailer ?? outboxMailer(),
    publicUrl: () => 'http://overstap.test',
    schools:
      options.schools ??
      (async (brins) =>
        new Map(brins.map((b) => [b, { name: `School ${b}`, sector: b < '20' ? 'po' : 'vo' }]))),
    now: clock.now,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const api = await createHttpServer({ title: 'auth (test)', description: 'test', logLevel: 'silent' });
  registerAuthRoutes(api, deps);
  options.register?.(api, deps);
  await api.ready();
  const lastStep = new Map<string, number>();
  let n = 0;
  const world: AuthWorld = {
    db,
    deps,
    api,
    clock,
    ctx: (actor = SYSTEM_ACTOR) => ({ db, keyring, actor, requestId: randomUUID(), now: clock.now }),
    async person(membership, personOptions = {}) {
      n++;
      const email = `persoon${n}.${randomBytes(3).toString('hex')}@school.test`;
      const password = `een goed wachtwoord ${n}`;
      const totpSecret = personOptions.enrolled === false ? null : newTotpSecret();
      const { accountId } = await createAccount(world.ctx(), {
        email,
        name: `Persoon ${n}`,
        language: personOptions.language ?? 'nl',
        password,
        ...(totpSecret ? { totpSecret } : {}),
        memberships: membership ? [membership] : [],
      });
      return { accountId, email, password, totpSecret };
    },
    browser: (ip) => new Browser(api, ip),
    code(person) {
      if (!person.totpSecret) throw new Error('this person has no authenticator app');
      if (totpStep(clock.now()) <= (lastStep.get(person.totpSecret) ?? -1)) clock.advance(30_000);
      lastStep.set(person.totpSecret, totpStep(clock.now()));
      return totpCode(person.totpSecret, clock.now());
    },
    async signedIn(person, ip) {
      const browser = world.browser(ip);
      const login = await browser.request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
      browser.csrf = login.json().csrfToken;
      const totp = await browser.request('POST', '/api/auth/totp', { body: { code: world.code(person) } });
      if (totp.statusCode !== 200) throw new Error(`totp: ${totp.statusCode} ${totp.body}`);
      return browser;
    },
    mails: () => listOutbox(db),
    close: () => api.close(),
  };
  return world;
}

/** The token at the end of a link in a mail's text (`…/uitnodiging/<token>`). */
export function linkToken(mail: CaughtMail, path: 'uitnodiging' | 'wachtwoord-herstellen'): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no /${path}/ link in the mail`);
  return match[1];
}
