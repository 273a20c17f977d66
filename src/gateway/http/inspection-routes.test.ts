import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { accountMigrations, createApiKey, listOutbox, outboxMailer } from '../../platform/auth/index.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { ALL_PERMISSIONS, dossierXml } from '../test-fixtures.js';
import { registerGatewayApiRoutes } from './api-routes.js';

const PO = '33PC';

describeEachDatabase(
  'the parents’ inspection over HTTP',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    let key: string;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        publicUrl: () => 'https://ouders.test/',
        mailer: outboxMailer(),
        inspectionLinkDays: 7,
        now: w.clock.now,
      });
      await api.ready();
      key = (
        await createApiKey(db(), { label: 't', kind: 'school', schools: [PO], permissions: ALL_PERMISSIONS })
      ).key;
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const school = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      api.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${key}`,
          ...(Buffer.isBuffer(body) ? { 'content-type': 'application/xml' } : {}),
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });

    /** A dossier put up for inspection and a link to it, made through the API. */
    async function linked(body: object = {}) {
      const xml = dossierXml(PO, { index: index++, seed: 'inspection-routes' });
      const birthDate = readDossier(xml).huidigeschool.leerling.geboortedatum ?? '';
      const { dossierId } = (await school('POST', `/api/gw/schools/${PO}/dossiers`, xml)).json();
      await school('POST', `/api/gw/schools/${PO}/dossiers/${dossierId}/ter-inzage`);
      const made = await school('POST', `/api/gw/schools/${PO}/dossiers/${dossierId}/inspection-link`, body);
      expect(made.statusCode).toBe(201);
      const { url, expiresAt, mailed } = made.json();
      const token = String(url).split('/inzage/')[1];
      return { dossierId, birthDate, url, token, expiresAt, mailed, base: `/api/inzage/${token}` };
    }

    it('makes the link with the configured public address and days, and mails it', async () => {
      const made = await linked({ email: 'ouder@example.test', language: 'nl' });
      expect(made.url).toMatch(/^https:\/\/ouders\.test\/inzage\/[A-Za-z0-9_-]{43}$/);
      expect(made.mailed).toBe(true);
      expect(new Date(made.expiresAt).getTime() - w.clock.now().getTime()).toBe(7 * 24 * 60 * 60_000);
      const mail = (await listOutbox(db())).find((m) => m.text.includes(made.url));
      expect(mail).toMatchObject({ to: 'ouder@example.test' });
      expect(mail?.subject).toContain('overstapdossier');
      const withoutMail = await linked();
      expect(withoutMail.mailed).toBe(false);
    });

    it('gives a session cookie scoped to the link after the check, and wants its CSRF token for the answer', async () => {
      const made = await linked();
      expect((await api.inject({ method: 'GET', url: made.base })).json()).toMatchObject({
        language: 'nl',
        checked: false,
      });
      const wrong = await api.inject({
        method: 'POST',
        url: `${made.base}/check`,
        payload: { geboortedatum: made.birthDate === '2014-01-01' ? '2014-01-02' : '2014-01-01' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'BIRTH_DATE_MISMATCH', details: { attemptsLeft: 4 } });
      expect(wrong.headers['set-cookie']).toBeUndefined();

      const check = await api.inject({
        method: 'POST',
        url: `${made.base}/check`,
        payload: { geboortedatum: made.birthDate },
      });
      expect(check.statusCode).toBe(200);
      expect(check.headers['cache-control']).toBe('no-store');
      const setCookie = String(check.headers['set-cookie']);
      expect(setCookie).toMatch(/^overstap_inzage=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain(`Path=${made.base}`);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Secure');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Max-Age=3600');
      const cookie = setCookie.split(';')[0];
      const { csrfToken } = check.json();

      const summary = await api.inject({ method: 'GET', url: `${made.base}/dossier`, headers: { cookie } });
      expect(summary.json()).toMatchObject({ schoolName: `School ${PO}`, csrfToken, consentRequired: false });
      const html = await api.inject({ method: 'GET', url: `${made.base}/dossier.html`, headers: { cookie } });
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toMatch(/^<!doctype html>/i);

      const noCsrf = await api.inject({
        method: 'POST',
        url: `${made.base}/response`,
        headers: { cookie },
        payload: { akkoord: 'Ja' },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json()).toMatchObject({ code: 'CSRF_INVALID' });
      const noReason = await api.inject({
        method: 'POST',
        url: `${made.base}/response`,
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { akkoord: 'Nee' },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: { reden: expect.any(String) } },
      });
      const answered = await api.inject({
        method: 'POST',
        url: `${made.base}/response`,
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { akkoord: 'Nee', reden: 'Klopt niet.', zienswijze: 'Onze kijk.' },
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({ state: 'ingezien', akkoord: 'Nee', viewAdded: true });
      expect(String(answered.headers['set-cookie'])).toContain('Max-Age=0');

      const gone = await api.inject({ method: 'GET', url: `${made.base}/dossier`, headers: { cookie } });
      expect(gone.statusCode).toBe(410);
      expect(gone.json()).toMatchObject({
        code: 'INSPECTION_LINK_INVALID',
        message: {
          nl: expect.stringContaining('Vraag de school'),
          en: expect.stringContaining('Ask the school'),
        },
        details: { reason: 'used' },
      });
    });

    it('does not let one link’s cookie read another link’s dossier', async () => {
      const a = await linked();
      const b = await linked();
      const check = await api.inject({
        method: 'POST',
        url: `${a.base}/check`,
        payload: { geboortedatum: a.birthDate },
      });
      const cookie = String(check.headers['set-cookie']).split(';')[0];
      for (const path of ['/dossier', '/dossier.html', '/dossier.pdf']) {
        const other = await api.inject({ method: 'GET', url: `${b.base}${path}`, headers: { cookie } });
        expect(other.statusCode).toBe(401);
        expect(other.json()).toMatchObject({ code: 'INSPECTION_SESSION_REQUIRED' });
      }
      const unknown = await api.inject({
        method: 'GET',
        url: '/api/inzage/not-a-token/dossier',
        headers: { cookie },
      });
      expect(unknown.statusCode).toBe(410);
    });
  },
  { migrations: [...chainTestMigrations, ...accountMigrations] },
);
