import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractAttachment, listAttachments, readDossier } from '../../src/standard/index.js';
import {
  type DemoAccount,
  type DemoServer,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The parents' inspection in real Chromium on a phone (390×844): the school (administratie of
 * 01AA, signed in through the API) puts a demo dossier up for inspection and makes a link; the
 * parent, in a browser of their own, gets a wrong birth date refused, sees the dossier, downloads
 * the PDF, is told a "Nee" needs a reason, answers with a reason and a view, and gets the
 * confirmation. The school then sees the inspection (akkoord Nee) and the view as an attachment;
 * the link no longer works. Every screen is captured and scanned with axe.
 */
describe('the parents’ inspection (browser, phone)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** The school's API calls, with the signed-in session of administratie@01aa.demo and its CSRF token. */
  async function schoolApi() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    // The demo e-mail addresses may carry a suffix (…demo.test): find the account by its start.
    const accounts = (server.credentials.accounts ?? []) as DemoAccount[];
    const admin = accounts.find((a) => a.email.startsWith('administratie@01aa.demo'));
    if (!admin)
      throw new Error(`no administratie@01aa.demo…; have ${accounts.map((a) => a.email).join(', ')}`);
    await signInByApi(page, server, admin);
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.ok()).toBe(true);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const request: APIRequestContext = page.request;
    const school = `${server.url}/api/gw/schools/01AA`;
    return {
      get: (path: string) => request.get(`${school}${path}`),
      post: (path: string, data?: unknown) =>
        request.post(`${school}${path}`, { data: data ?? {}, headers: { 'x-csrf-token': csrfToken } }),
    };
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('a parent checks, reads, downloads and answers on a phone; the school sees it; the link is used up', async () => {
    const journey = new Journey('parent-inspection');
    const school = await schoolApi();

    // ---- the school: a demo dossier up for inspection, and a link (mailed) ----------------------
    const list = (await (await school.get('/dossiers')).json()) as Array<{
      dossierId: string;
      state: string;
    }>;
    const dossierId = list.find((d) => d.state === 'concept')?.dossierId;
    expect(dossierId).toBeDefined();
    expect((await school.post(`/dossiers/${dossierId}/ter-inzage`)).status()).toBe(200);
    const made = await school.post(`/dossiers/${dossierId}/inspection-link`, {
      email: 'ouders.e2e@example.test',
      language: 'nl',
    });
    expect(made.status()).toBe(201);
    const { url, mailed } = (await made.json()) as { url: string; mailed: boolean };
    expect(url).toMatch(new RegExp(`^${server.url}/inzage/[A-Za-z0-9_-]{43}$`));
    expect(mailed).toBe(true);
    const token = url.split('/inzage/')[1];
    const xml = await (await school.get(`/dossiers/${dossierId}/xml`)).body();
    const leerling = readDossier(xml).huidigeschool.leerling;
    const birthDate = leerling.geboortedatum ?? '';
    const [year, month, day] = birthDate.split('-');
    const firstName = leerling.roepnaam ?? leerling.voornaam?.[0] ?? '';

    // ---- the parent, in a browser of their own, on a phone ---------------------------------------
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    await heading(page, 'Het overstapdossier van uw kind').waitFor();
    await page.getByText('Stap 1 van 4').waitFor();
    // no sign-in link for parents
    expect(await page.getByRole('link', { name: 'Inloggen' }).count()).toBe(0);
    await journey.capture(page, 'check');

    // a wrong birth date: error summary and the field's error
    const wrongYear = String(Number(year) - 1);
    await page.getByLabel('Dag').fill(String(Number(day)));
    await page.getByLabel('Maand').fill(String(Number(month)));
    await page.getByLabel('Jaar').fill(wrongYear);
    await page.getByRole('button', { name: 'Verder' }).click();
    const summary = page.locator('.ovs-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Deze geboortedatum klopt niet');
    expect(await summary.textContent()).toContain('nog 4 keer');
    expect(await page.getByLabel('Jaar').getAttribute('aria-invalid')).toBe('true');
    await journey.capture(page, 'check-wrong-date');

    // the right one: the dossier is shown
    await page.getByLabel('Jaar').fill(year);
    await page.getByRole('button', { name: 'Verder' }).click();
    await heading(page, `Het overstapdossier van ${firstName}`).waitFor();
    await page.getByText('Stap 2 van 4').waitFor();
    const frame = page.frameLocator(`iframe[title="Overstapdossier van ${firstName}"]`);
    await frame
      .getByRole('heading', { name: /Overstapadvies/ })
      .first()
      .waitFor();
    expect(await page.locator('iframe').getAttribute('sandbox')).toBe('');
    await journey.capture(page, 'read');

    // the PDF downloads
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('link', { name: 'Download het dossier (PDF)' }).click(),
    ]);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // the answer: "Nee" without a reason is refused at the field
    await page.getByRole('button', { name: 'Verder naar uw antwoord' }).click();
    await heading(page, 'Uw antwoord').waitFor();
    await journey.capture(page, 'answer');
    await page.getByLabel('Nee, ik ben het niet eens').check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Schrijf op waarmee u het niet eens bent');
    const reason = page.getByLabel('Waarmee bent u het niet eens? En waarom?');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await journey.capture(page, 'answer-no-reason');

    // with a reason and a view: the confirmation
    const view = 'Onze zoon leest thuis elke dag. Wij denken dat havo beter past dan vmbo-t.';
    await reason.fill('Het advies is te laag volgens ons.');
    await page.getByLabel('Uw mening over het dossier (niet verplicht)').fill(view);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await heading(page, 'Bedankt! Uw antwoord is verstuurd').waitFor();
    await page.getByText('Uw mening gaat als bijlage mee met het dossier.').waitFor();
    await page.getByText('Stap 4 van 4').waitFor();
    await journey.capture(page, 'done');

    // ---- the school sees the inspection and the view ----------------------------------------------
    const after = (await (await school.get('/dossiers')).json()) as Array<{
      dossierId: string;
      state: string;
      inspection: { akkoord: string } | null;
    }>;
    expect(after.find((d) => d.dossierId === dossierId)).toMatchObject({
      state: 'ingezien',
      inspection: { akkoord: 'Nee' },
    });
    const stored = readDossier(await (await school.get(`/dossiers/${dossierId}/xml`)).body());
    expect(stored.inzage).toMatchObject({
      akkoord: 'Nee',
      redennietakkoord: 'Het advies is te laag volgens ons.',
    });
    const attachment = listAttachments(stored).find((a) => a.omschrijving === 'Zienswijze ouders');
    expect(attachment).toBeDefined();
    const [file] = extractAttachment(attachment?.document ?? { bestandsnaam: '', bestandsinhoud: '' });
    expect(Buffer.from(file.data).toString('utf8')).toContain(view);

    // ---- the link no longer works ---------------------------------------------------------------
    await page.reload();
    await heading(page, 'Deze link werkt niet meer').waitFor();
    await page.getByText('Met deze link is al een antwoord gegeven').waitFor();
    await journey.capture(page, 'link-used');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await heading(page, 'This link no longer works').waitFor();
    await journey.capture(page, 'link-used-en');
    const gone = await context.request.get(`${server.url}/api/inzage/${token}`);
    expect(gone.status()).toBe(410);

    // nothing of the birth date or the view in the server's log
    expect(server.log()).not.toContain(birthDate);
    expect(server.log()).not.toContain(view);
    expect(server.log()).not.toContain(token);

    expect(journey.report()).toBe('');
  }, 240_000);
});
