import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFingerprint } from '../../src/platform/pki/index.js';
import { closeSession, getSchool, startSession } from '../../src/trafficcenter/index.js';
import {
  type DemoAccount,
  type DemoServer,
  demoAccount,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The servicedesk in real Chromium against the demo server: the overview, finding a school,
 * registering a new one (a wrong BRIN first), admitting a supplier by fingerprint, granting the
 * mandate, registering a delivery point, recording a test exchange and qualifying — after which the
 * school is in the public list — and withdrawing another school's qualification with a reason,
 * after which it is not. A school's staff gets no access, neither in the app nor in the API. Every
 * screen is captured and scanned with axe.
 */
describe('the servicedesk (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // A few closed sessions, as the demo gateway would close them, so that there are outcomes to read.
    for (const result of ['OverdrachtGeslaagd', 'OverdrachtGeslaagd', 'NietKlaargezet'] as const) {
      await exchange('01AA', '21XX', result);
    }
    await exchange('02BB', '22YY', 'LeerlingNietGevonden');
  }, 180_000);

  /** A session from a requesting school to a source school, closed with a result (chain use cases). */
  async function exchange(
    sourceBrin: string,
    destinationBrin: string,
    bestResult: 'OverdrachtGeslaagd' | 'NietKlaargezet' | 'LeerlingNietGevonden',
  ) {
    const { db, tls } = server.running;
    const operator = { kind: 'system', id: 'system', permissions: 'all', schools: 'all' } as const;
    const destination = await getSchool(
      { db, actor: operator, requestId: 'e2e', keyring: server.running.keyring, now: () => new Date() },
      destinationBrin,
    );
    const chain = {
      db,
      requestId: `e2e-${randomBytes(4).toString('hex')}`,
      now: () => new Date(),
      peerFingerprint: certificateFingerprint(tls.cert),
    };
    const started = await startSession(chain, {
      sourceBrin,
      destinationBrin,
      destinationDeliveryPoint: destination.deliveryPoints[0].routingKey,
      kind: 'overstapdossier',
      commitment: randomBytes(32).toString('base64url'),
    });
    if (started.result !== 'ok') throw new Error(started.result);
    const closed = await closeSession(chain, started.sessionId, { bestResult });
    if (closed.result !== 'ok') throw new Error(closed.result);
  }

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** The demo account with this role (and school), whatever its e-mail address. */
  const account = (role: string, brin?: string): DemoAccount => {
    const accounts = (server.credentials.accounts ?? []) as Array<
      DemoAccount & { role: string; brin?: string }
    >;
    const found = accounts.find((a) => a.role === role && (brin === undefined || a.brin === brin));
    if (!found) throw new Error(`no demo account ${role} ${brin ?? ''}`);
    return demoAccount(server, found.email);
  };

  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const status = (page: Page, text: string | RegExp) =>
    page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('takes a new school along the connection path into the public list, and another one out', async () => {
    const journey = new Journey('servicedesk');
    const page = await newPage();
    await signInByApi(page, server, account('servicedesk'));

    // the overview: every demo school is connected
    await page.goto(`${server.url}/servicedesk`);
    await h1(page, 'Servicedesk');
    await page.getByText('De Overstapservice kent 5 scholen; 5 daarvan zijn aangesloten').waitFor();
    // (the demo's finished pilot adds two successful sessions 01AA → 21XX of its own: ADR 0007)
    const outcomes = page.getByRole('table', { name: /6 uitwisselingen tussen 2 paren scholen/ });
    await expect(outcomes.getByRole('row').allTextContents()).resolves.toEqual([
      'UitkomstAantal',
      'Overdracht geslaagd4',
      'Niet klaargezet1',
      'Leerling niet gevonden1',
    ]);
    const menu = page.getByRole('navigation', { name: 'Servicedeskmenu' });
    await expect(menu.getByRole('link').allTextContents()).resolves.toEqual([
      'Overzicht',
      'Scholen',
      'Leveranciers',
      'Uitwisselingen',
    ]);
    await journey.capture(page, 'overview');

    // find a school
    await menu.getByRole('link', { name: 'Scholen' }).click();
    await h1(page, 'Scholen');
    await page.getByLabel('Zoek op naam, BRIN, plaats of bestuur').fill('kompas');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 school gevonden').waitFor();
    await journey.capture(page, 'schools-search');
    await page.getByRole('link', { name: 'Openbare Basisschool Het Kompas' }).click();
    await h1(page, 'Openbare Basisschool Het Kompas');
    await page
      .getByText('Deze school heeft de hele aansluitroute doorlopen en mag vandaag uitwisselen.')
      .waitFor();
    await page.getByRole('table', { name: 'Geschiedenis van de school' }).waitFor();
    await journey.capture(page, 'school-connected');

    // register a new school: a wrong BRIN first
    await page.goto(`${server.url}/servicedesk/scholen`);
    await page.getByRole('link', { name: 'School registreren' }).click();
    await h1(page, 'School registreren');
    await page.locator('#new-school-brin').fill('3Q1Q');
    await page.getByLabel('Naam van de school').fill('Basisschool De Wilgenhoek');
    await page.getByLabel('Soort onderwijs').selectOption('po');
    await page.locator('#new-school-board').fill('Stichting Onderwijs Eemland');
    await page.locator('#new-school-region').fill('Demo-regio Eemland');
    await page.locator('#new-school-place').fill('Baarn');
    await page.getByRole('button', { name: 'School registreren' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Een BRIN is twee cijfers en twee letters, bijvoorbeeld 01AA.',
    ]);
    await expect(page.locator('#new-school-brin').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.utrecht-form-field-error-message').allTextContents()).resolves.toEqual([
      'Een BRIN is twee cijfers en twee letters, bijvoorbeeld 01AA.',
    ]);
    await journey.capture(page, 'new-school-error');
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new-school-brin');
    await page.locator('#new-school-brin').fill('31qq');
    await page.getByRole('button', { name: 'School registreren' }).click();
    await h1(page, 'Basisschool De Wilgenhoek');
    expect(page.url()).toBe(`${server.url}/servicedesk/scholen/31QQ`);
    await status(page, 'Basisschool De Wilgenhoek is geregistreerd');
    await page
      .getByText(
        'Deze school mag vandaag niet uitwisselen. Nog nodig: een leverancier met mandaat, een actief aanleverpunt, een geslaagde testuitwisseling, de kwalificatie.',
      )
      .waitFor();
    await journey.capture(page, 'new-school-registered');

    // admit a supplier system by its certificate's fingerprint
    await menu.getByRole('link', { name: 'Leveranciers' }).click();
    await h1(page, 'Leveranciers');
    await page.getByLabel('Naam van het systeem').fill('Eemland LAS');
    await page.getByLabel('Vingerafdruk (SHA-256) invullen').check();
    const fingerprint = randomBytes(32).toString('hex').toUpperCase().match(/../g)?.join(':') ?? '';
    await page.getByLabel('SHA-256-vingerafdruk').fill(fingerprint);
    await journey.capture(page, 'supplier-form');
    await page.getByRole('button', { name: 'Leverancier toelaten' }).click();
    await status(page, 'Eemland LAS is toegelaten.');
    await page.getByRole('table').getByRole('link', { name: 'Eemland LAS' }).waitFor();
    await journey.capture(page, 'supplier-admitted');

    // grant the mandate, register a delivery point
    await page.goto(`${server.url}/servicedesk/scholen/31QQ`);
    await h1(page, 'Basisschool De Wilgenhoek');
    await page.locator('#grant-supplier').selectOption({ label: 'Eemland LAS' });
    await page.getByRole('button', { name: 'Mandaat geven' }).click();
    await status(page, 'Eemland LAS heeft nu het mandaat voor Basisschool De Wilgenhoek.');
    await page.getByLabel('Routeringssleutel').fill('31qq-ov-eemland');
    await page
      .getByLabel('Adres (URL)')
      .fill('https://las.eemland.test/chain/v1/delivery-points/31qq-ov-eemland');
    await page.getByLabel('Publieke sleutel').fill(randomBytes(32).toString('base64url'));
    await page.getByRole('button', { name: 'Aanleverpunt registreren' }).click();
    await status(page, 'Aanleverpunt 31qq-ov-eemland is geregistreerd en actief.');
    const points = page.getByRole('table', { name: 'Aanleverpunten van deze school' });
    await expect(points.getByRole('row').nth(1).textContent()).resolves.toContain('Actief');
    await journey.capture(page, 'mandate-and-point');

    // record a test exchange, then qualify
    await page.getByRole('button', { name: 'Testuitwisseling vastleggen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Testuitwisseling vastleggen' }).waitFor();
    await journey.capture(page, 'test-exchange-confirm');
    await page.getByRole('button', { name: 'Testuitwisseling vastleggen' }).click();
    await status(page, 'De geslaagde testuitwisseling is vastgelegd.');
    await page.getByText('Alle stappen zijn gedaan: de school kan nu worden gekwalificeerd.').waitFor();
    await page.getByRole('button', { name: 'Kwalificeren' }).click();
    await page.getByRole('heading', { name: 'Basisschool De Wilgenhoek kwalificeren?' }).waitFor();
    await journey.capture(page, 'qualify-confirm');
    await page.getByRole('button', { name: 'Ja, kwalificeren' }).click();
    await status(page, 'Basisschool De Wilgenhoek is gekwalificeerd en mag vanaf vandaag uitwisselen.');
    await page
      .getByText('Deze school heeft de hele aansluitroute doorlopen en mag vandaag uitwisselen.')
      .waitFor();
    await journey.capture(page, 'qualified');

    // … and so it is in the public list
    await page.goto(`${server.url}/scholen?q=31QQ`);
    await page.getByText('1 school gevonden').waitFor();
    await page.getByRole('cell', { name: 'Basisschool De Wilgenhoek' }).waitFor();
    await journey.capture(page, 'public-list-with-new-school');

    // withdraw another school's qualification: a reason is required
    await page.goto(`${server.url}/servicedesk/scholen/03CC`);
    await h1(page, 'Daltonschool De Sterrenkijker');
    await page.getByRole('button', { name: 'Kwalificatie intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, kwalificatie intrekken' }).click();
    const reasonSummary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await reasonSummary
      .getByRole('link', { name: 'Vul de reden in waarom de kwalificatie wordt ingetrokken.' })
      .waitFor();
    await expect(page.getByLabel('Reden').getAttribute('aria-invalid')).resolves.toBe('true');
    await journey.capture(page, 'unqualify-without-reason');
    await page.getByLabel('Reden').fill('Certificaat van de leverancier verlopen');
    await page.getByRole('button', { name: 'Ja, kwalificatie intrekken' }).click();
    await status(page, 'De kwalificatie van Daltonschool De Sterrenkijker is ingetrokken.');
    const history = page.getByRole('table', { name: 'Geschiedenis van de school' });
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toContain(
      'Reden: Certificaat van de leverancier verlopen',
    );
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toContain('Servicedesk');
    await journey.capture(page, 'unqualified');

    await page.goto(`${server.url}/scholen?q=03CC`);
    await page.getByText('Geen toegelaten school gevonden voor “03CC”.').waitFor();
    await journey.capture(page, 'public-list-without-unqualified');

    // the list filters by what is missing
    await page.goto(`${server.url}/servicedesk/scholen?status=qualification`);
    await page.getByText('1 school gevonden').waitFor();
    await page.getByRole('link', { name: 'Daltonschool De Sterrenkijker' }).waitFor();
    await journey.capture(page, 'schools-awaiting-qualification');

    // the exchanges: filters with an error summary
    await page.goto(`${server.url}/servicedesk/uitwisselingen`);
    await h1(page, 'Uitwisselingen');
    await page.getByText('6 uitwisselingen tussen 2 paren scholen, sinds het begin.').waitFor();
    await journey.capture(page, 'exchanges');
    await page.getByLabel('BRIN van een school (niet verplicht)').fill('1');
    await page.getByRole('button', { name: 'Toon uitwisselingen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Een BRIN is twee cijfers en twee letters, bijvoorbeeld 01AA.' })
      .waitFor();
    await page.getByLabel('BRIN van een school (niet verplicht)').fill('01AA');
    await page.getByRole('button', { name: 'Toon uitwisselingen' }).click();
    await page.waitForURL(/brin=01AA/);
    await page.getByText('5 uitwisselingen tussen 1 paar scholen, sinds het begin.').waitFor();
    const pair = page.getByRole('table').getByRole('row').nth(1);
    await expect(pair.textContent()).resolves.toContain('Basisschool De Regenboog');
    await expect(pair.textContent()).resolves.toContain('Niet klaargezet: 1');
    await journey.capture(page, 'exchanges-filtered');

    // English, and a phone
    await page.goto(`${server.url}/servicedesk/scholen/31QQ`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Basisschool De Wilgenhoek');
    await page.getByRole('heading', { level: 2, name: 'Connection path' }).waitFor();
    await journey.capture(page, 'school-english');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByRole('heading', { level: 2, name: 'Aansluitroute' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await journey.capture(page, 'school-phone');
    await page.goto(`${server.url}/servicedesk`);
    await h1(page, 'Servicedesk');
    await page.getByText(/De Overstapservice kent 6 scholen/).waitFor();
    await journey.capture(page, 'overview-phone');

    expect(journey.report()).toBe('');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('gives a school’s staff no access to the servicedesk, in the app nor in the API', async () => {
    const journey = new Journey('servicedesk-no-access');
    const page = await newPage();
    await signInByApi(page, server, account('administratie', '01AA'));
    await page.goto(`${server.url}/servicedesk/scholen`);
    await h1(page, 'Servicedesk');
    await page.getByRole('heading', { name: 'Geen toegang tot de servicedesk' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Servicedeskmenu' }).count()).resolves.toBe(0);
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await journey.capture(page, 'no-access');

    for (const path of [
      '/api/tc/schools',
      '/api/tc/statistics/connection',
      '/api/tc/schools/01AA',
      '/api/tc/suppliers',
    ]) {
      const answer = await page.request.get(`${server.url}${path}`);
      expect([path, answer.status()]).toEqual([path, 403]);
      expect((await answer.json()).code).toBe('FORBIDDEN');
    }
    const me = await (await page.request.get(`${server.url}/api/auth/me`)).json();
    const change = await page.request.post(`${server.url}/api/tc/schools/01AA/admission`, {
      data: { action: 'unqualify', note: 'geprobeerd' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(change.status()).toBe(403);
    expect(journey.report()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
