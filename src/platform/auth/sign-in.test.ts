import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createKeyring, generateKey, rotateEncryptedColumns } from '../crypto/index.js';
import { allPlatformMigrations } from '../migrations.js';
import { authEncryptedColumns } from './accounts.js';
import { createApiKey } from './api-keys.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions.js';
import { type AuthWorld, MovableClock, registerCallerProbe, startAuthWorld } from './test-harness.js';
import { totpCode } from './totp.js';

const SCHOOL = { scope: 'school', brin: '01AA', role: 'administratie' } as const;

describeEachDatabase(
  'signing in',
  (db, target) => {
    let w: AuthWorld;
    beforeAll(async () => {
      w = await startAuthWorld(db(), { register: registerCallerProbe });
    });
    afterAll(async () => {
      await w?.close();
    });

    it('a half-signed-in session cannot call the API; the code from the app completes the sign-in', async () => {
      const person = await w.person(SCHOOL);
      const browser = w.browser();
      const login = await browser.request('POST', '/api/auth/login', {
        body: { email: person.email.toUpperCase(), password: person.password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toEqual({
        state: 'totp_required',
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      });
      browser.csrf = login.json().csrfToken;
      const halfToken = browser.token;
      expect(halfToken).toBeDefined();

      expect((await browser.request('GET', '/api/test/caller')).statusCode).toBe(401);
      const refused = await browser.request('POST', '/api/test/caller');
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED', details: { state: 'totp_required' } });
      const me = await browser.request('GET', '/api/auth/me');
      expect(me.json()).toMatchObject({ state: 'totp_required', memberships: [], permissions: {} });

      const totp = await browser.request('POST', '/api/auth/totp', { body: { code: w.code(person) } });
      expect(totp.statusCode).toBe(200);
      expect(totp.json()).toEqual({ state: 'signed_in' });
      expect(browser.token).not.toBe(halfToken); // a fresh token once fully signed in
      const caller = await browser.request('POST', '/api/test/caller');
      expect(caller.json()).toEqual({ actor: `account:${person.accountId}`, kind: 'person' });

      const meAfter = await browser.request('GET', '/api/auth/me');
      expect(meAfter.json()).toEqual({
        state: 'signed_in',
        csrfToken: browser.csrf,
        account: { id: person.accountId, email: person.email, name: expect.any(String), language: 'nl' },
        memberships: [
          {
            scope: 'school',
            brin: '01AA',
            schoolName: 'School 01AA',
            sector: 'po',
            roles: ['administratie'],
          },
        ],
        permissions: { '01AA': expect.arrayContaining(['dossier:klaarzetten', 'school:people']) },
        global: [],
      });
      // the old half session's token no longer opens anything
      const old = w.browser();
      old.token = halfToken;
      expect((await old.request('GET', '/api/auth/me')).statusCode).toBe(401);
    });

    it('sets the session cookie HttpOnly, Secure, SameSite=Strict for the whole site', async () => {
      const person = await w.person(SCHOOL);
      const res = await w.api.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: person.email, password: person.password },
      });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^overstap_session=[\w-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Secure');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/');
    });

    it('a new account enrols its authenticator app at the first sign-in, then needs its codes', async () => {
      const person = await w.person(SCHOOL, { enrolled: false });
      const browser = w.browser();
      const login = await browser.request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(login.json().state).toBe('totp_enrolment_required');
      browser.csrf = login.json().csrfToken;
      expect((await browser.request('POST', '/api/auth/totp', { body: { code: '123456' } })).statusCode).toBe(
        409,
      );

      const enrolment = await browser.request('GET', '/api/auth/totp/enrolment');
      expect(enrolment.statusCode).toBe(200);
      const { secret, otpauthUri, qrSvg } = enrolment.json();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUri).toContain(`secret=${secret}`);
      expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // asking again shows the same secret (the app may have scanned it already)
      expect((await browser.request('GET', '/api/auth/totp/enrolment')).json().secret).toBe(secret);

      const wrong = await browser.request('POST', '/api/auth/totp/enrolment', {
        body: { code: totpCode(secret, new Date(w.clock.now().getTime() + 10 * 60_000)) },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('TOTP_INVALID');
      const done = await browser.request('POST', '/api/auth/totp/enrolment', {
        body: { code: totpCode(secret, w.clock.now()) },
      });
      expect(done.json()).toEqual({ state: 'signed_in' });
      expect((await browser.request('GET', '/api/test/caller')).statusCode).toBe(200);
      // the secret is stored encrypted, never as such
      const { rows } = await db().query<{ enc: Uint8Array }>(
        'SELECT totp_secret_enc AS enc FROM platform.accounts WHERE id = $1',
        [person.accountId],
      );
      expect(Buffer.from(rows[0].enc).toString('latin1')).not.toContain(secret);

      w.clock.advance(30_000);
      const again = await w.browser().request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(again.json().state).toBe('totp_required');
    });

    it('answers a wrong e-mail address and a wrong password alike', async () => {
      const person = await w.person(SCHOOL);
      const unknown = await w.browser().request('POST', '/api/auth/login', {
        body: { email: 'niemand@school.test', password: person.password },
      });
      const wrong = await w.browser().request('POST', '/api/auth/login', {
        body: { email: person.email, password: 'niet het wachtwoord' },
      });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(unknown.json().code).toBe('SIGN_IN_FAILED');
      expect(unknown.headers['set-cookie']).toBeUndefined();
    });

    it('five wrong passwords lock the account for 15 minutes, even against the right password', async () => {
      const person = await w.person(SCHOOL);
      const attempt = (password: string) =>
        w.browser().request('POST', '/api/auth/login', { body: { email: person.email, password } });
      for (let i = 0; i < 4; i++) expect((await attempt(`fout wachtwoord ${i}`)).statusCode).toBe(401);
      const fifth = await attempt('fout wachtwoord 5');
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
      expect((await attempt(person.password)).statusCode).toBe(423);
      w.clock.advance(14 * 60_000);
      expect((await attempt(person.password)).statusCode).toBe(423);
      w.clock.advance(61_000);
      expect((await attempt(person.password)).statusCode).toBe(200);

      const { rows } = await db().query<{ action: string; details: object }>(
        `SELECT action, details FROM platform.audit_log WHERE actor_id = $1 ORDER BY seq`,
        [`account:${person.accountId}`],
      );
      expect(rows.map((r) => r.action)).toEqual([
        ...Array(5).fill('auth.sign-in.failed'),
        'auth.account.locked',
        'auth.sign-in.failed',
        'auth.sign-in.failed',
        'auth.sign-in.password-accepted',
      ]);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(person.password);
      expect(text).not.toContain('fout wachtwoord');
    });

    it('accepts a code once: the same code again is refused, and five wrong codes drop the session', async () => {
      const person = await w.person(SCHOOL);
      const first = await w.signedIn(person);
      expect((await first.request('GET', '/api/test/caller')).statusCode).toBe(200);
      const usedCode = totpCode(person.totpSecret as string, w.clock.now());

      const second = w.browser();
      const login = await second.request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      second.csrf = login.json().csrfToken;
      const replay = await second.request('POST', '/api/auth/totp', { body: { code: usedCode } });
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toMatchObject({ code: 'TOTP_INVALID', details: { sessionDropped: false } });
      for (let i = 0; i < 3; i++) {
        expect(
          (await second.request('POST', '/api/auth/totp', { body: { code: '000000' } })).statusCode,
        ).toBe(401);
      }
      const last = await second.request('POST', '/api/auth/totp', { body: { code: '999999' } });
      // the fifth failure in a row also locks the account (passwords and codes count together)
      expect(last.statusCode).toBe(423);
      expect(last.json().code).toBe('ACCOUNT_LOCKED');
      expect(second.token).toBeUndefined(); // the cookie was cleared
      expect((await second.request('GET', '/api/auth/me')).statusCode).toBe(401);
      const { rows } = await db().query('SELECT 1 FROM platform.web_sessions WHERE account_id = $1', [
        person.accountId,
      ]);
      expect(rows).toHaveLength(1); // only the first browser's session is left
    });

    it('refuses a state-changing request with a session but without, or with a wrong, CSRF header', async () => {
      const browser = await w.signedIn(await w.person(SCHOOL));
      const without = await browser.request('POST', '/api/test/caller', { csrf: null });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe('CSRF_INVALID');
      const wrong = await browser.request('POST', '/api/test/caller', { csrf: `${browser.csrf?.slice(1)}x` });
      expect(wrong.statusCode).toBe(403);
      expect(
        (await browser.request('PUT', '/api/auth/me/language', { body: { language: 'en' }, csrf: null }))
          .statusCode,
      ).toBe(403);
      expect((await browser.request('POST', '/api/auth/logout', { csrf: null })).statusCode).toBe(403);
      // reads need no header; with the right one, changes go through
      expect((await browser.request('GET', '/api/test/caller', { csrf: null })).statusCode).toBe(200);
      expect((await browser.request('POST', '/api/test/caller')).statusCode).toBe(200);
      const lang = await browser.request('PUT', '/api/auth/me/language', { body: { language: 'en' } });
      expect(lang.json()).toEqual({ language: 'en' });
      expect((await browser.request('GET', '/api/auth/me')).json().account.language).toBe('en');
    });

    it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
      const person = await w.person(SCHOOL);
      const idle = await w.signedIn(person);
      w.clock.advance(SESSION_IDLE_MS - 60_000);
      expect((await idle.request('GET', '/api/test/caller')).statusCode).toBe(200);
      w.clock.advance(SESSION_IDLE_MS - 60_000); // idle time started again at the last request
      expect((await idle.request('GET', '/api/test/caller')).statusCode).toBe(200);
      w.clock.advance(SESSION_IDLE_MS + 1000);
      expect((await idle.request('GET', '/api/test/caller')).statusCode).toBe(401);

      const busy = await w.signedIn(person);
      const end = w.clock.now().getTime() + SESSION_ABSOLUTE_MS;
      while (w.clock.now().getTime() + 20 * 60_000 < end) {
        w.clock.advance(20 * 60_000);
        expect((await busy.request('GET', '/api/test/caller')).statusCode).toBe(200);
      }
      w.clock.advance(end - w.clock.now().getTime());
      expect((await busy.request('GET', '/api/test/caller')).statusCode).toBe(401);
    });

    it('signs out: the session ends and the cookie is cleared', async () => {
      const browser = await w.signedIn(await w.person(SCHOOL));
      const token = browser.token;
      const out = await browser.request('POST', '/api/auth/logout');
      expect(out.statusCode).toBe(204);
      expect(browser.token).toBeUndefined();
      const stale = w.browser();
      stale.token = token;
      expect((await stale.request('GET', '/api/test/caller')).statusCode).toBe(401);
      expect((await stale.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    });

    it('still takes API keys, with no session and no CSRF header', async () => {
      const { key } = await createApiKey(db(), {
        label: 'test',
        kind: 'school',
        schools: ['01AA'],
        permissions: ['dossier:read'],
      });
      const res = await w.api.inject({
        method: 'POST',
        url: '/api/test/caller',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.json()).toMatchObject({ kind: 'apikey' });
      const bad = await w.api.inject({
        method: 'GET',
        url: '/api/test/caller',
        headers: { authorization: 'Bearer nope' },
      });
      expect(bad.statusCode).toBe(401);
    });

    it('limits sign-in attempts per IP address in the database, across instances', async () => {
      const limits = { signInPerIp: { limit: 3, windowMs: 10 * 60_000 } };
      const one = await startAuthWorld(await target.openInstance(), { clock: w.clock, limits });
      const two = await startAuthWorld(await target.openInstance(), { clock: w.clock, limits });
      try {
        const person = await one.person(SCHOOL);
        const body = { email: person.email, password: person.password };
        const ip = '192.0.2.44';
        expect((await one.browser(ip).request('POST', '/api/auth/login', { body })).statusCode).toBe(200);
        expect((await two.browser(ip).request('POST', '/api/auth/login', { body })).statusCode).toBe(200);
        expect((await one.browser(ip).request('POST', '/api/auth/login', { body })).statusCode).toBe(200);
        const fourth = await two.browser(ip).request('POST', '/api/auth/login', { body });
        expect(fourth.statusCode).toBe(429);
        expect(fourth.json().code).toBe('RATE_LIMITED');
        // another address is not affected; the limit lifts with the next window
        expect(
          (await two.browser('192.0.2.45').request('POST', '/api/auth/login', { body })).statusCode,
        ).toBe(200);
        w.clock.advance(10 * 60_000);
        expect((await one.browser(ip).request('POST', '/api/auth/login', { body })).statusCode).toBe(200);
      } finally {
        await one.close();
        await two.close();
      }
    });
  },
  { migrations: allPlatformMigrations },
);

describeEachDatabase(
  'TOTP secrets and key rotation',
  (db) => {
    it('keeps the TOTP secrets readable through a key rotation (overstap keys rotate)', async () => {
      const k1 = generateKey();
      const before = createKeyring({ keys: { k1 }, activeKeyId: 'k1' });
      const after = createKeyring({ keys: { k1, k2: generateKey() }, activeKeyId: 'k2' });
      const clock = new MovableClock();
      const old = await startAuthWorld(db(), { clock, keyring: before });
      const person = await old.person(SCHOOL);
      const pending = await old.person(SCHOOL, { enrolled: false });
      const enrolling = old.browser();
      const login = await enrolling.request('POST', '/api/auth/login', {
        body: { email: pending.email, password: pending.password },
      });
      enrolling.csrf = login.json().csrfToken;
      const { secret } = (await enrolling.request('GET', '/api/auth/totp/enrolment')).json();
      await old.close();

      const rotated = await rotateEncryptedColumns(db(), after, authEncryptedColumns);
      expect(rotated.targets).toEqual([
        { table: 'platform.accounts', column: 'totp_secret_enc', reencrypted: expect.any(Number) },
        { table: 'platform.web_sessions', column: 'pending_totp_enc', reencrypted: expect.any(Number) },
      ]);
      expect(rotated.targets.every((t) => t.reencrypted >= 1)).toBe(true);
      const fresh = await startAuthWorld(db(), { clock, keyring: after });
      try {
        expect((await (await fresh.signedIn(person)).request('GET', '/api/auth/me')).json().state).toBe(
          'signed_in',
        );
        const sameBrowser = fresh.browser();
        sameBrowser.token = enrolling.token;
        sameBrowser.csrf = enrolling.csrf;
        expect((await sameBrowser.request('GET', '/api/auth/totp/enrolment')).json().secret).toBe(secret);
      } finally {
        await fresh.close();
      }
    });
  },
  { migrations: allPlatformMigrations },
);
