import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_SCHOOL_DAY,
  type DemoServer,
  demoAccount,
  Journey,
  launchChromium,
  pinBrowserClock,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The regional coordinator in real Chromium against the demo server (Demo-regio Eemland): the
 * readiness of the member schools (a school without a technical contact shows it as missing), a
 * timeline in the wrong order refused with the explanation at the field, the fixed one saved with a
 * holiday warning, the settings (an invalid combination first), a contact recorded, and a school's
 * help page — for the coordinator and for someone of the school. Every screen is captured and
 * scanned with axe; a school's people get no region pages. The server's region clock and the
 * browser's are pinned to a day of school year 2026-2027 (DEMO_SCHOOL_DAY).
 */
describe('the region (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer({}, { schoolDay: DEMO_SCHOOL_DAY }),
      launchChromium(),
    ]);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    await pinBrowserClock(context, server);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };
  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const status = (page: Page, text: string | RegExp) =>
    page.getByRole('status').filter({ hasText: text }).first().waitFor();
  const menu = (page: Page) => page.getByRole('navigation', { name: 'Regiomenu' });
  /** A date of the timeline: its fieldset (legend '4. Dossiers klaargezet') with day, month and year. */
  const dateGroup = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
  const setDate = async (page: Page, legend: string, day: string) => {
    const [y, m, d] = day.split('-');
    const group = dateGroup(page, legend);
    await group.getByLabel('Dag').fill(String(Number(d)));
    await group.getByLabel('Maand').fill(String(Number(m)));
    await group.getByLabel('Jaar').fill(y);
  };

  it('lets the coordinator see readiness, set the timeline and the settings, and reach a school’s help page', async () => {
    const journey = new Journey('region');
    const page = await newPage();
    await signInByApi(page, server, demoAccount(server, 'coordinator@regio.demo.test'));

    // home: a tile for the region, by its name
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Demo-regio Eemland' }).click();
    await h1(page, 'Demo-regio Eemland');
    await page.getByText('4 van de 5 scholen zijn klaar voor de overstap.').waitFor();
    const dalton = page.getByRole('row', { name: /Daltonschool De Sterrenkijker/ });
    await expect(dalton.textContent()).resolves.toContain(
      'Rollen ingevuld: Nog niemand als technisch contact. Leg een contactpersoon vast of nodig iemand uit in die rol.',
    );
    await expect(dalton.getByText('1 punt open').count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('row', { name: /Het Amersfoorts Lyceum/ })
        .getByText('Klaar')
        .count(),
    ).resolves.toBe(1);
    // (the monitoring and OKR pages add their own items after these)
    expect((await menu(page).getByRole('link').allTextContents()).slice(0, 4)).toEqual([
      'Overzicht',
      'Tijdlijn',
      'Instellingen',
      'Contactpersonen',
    ]);
    await journey.capture(page, 'overview');

    // the timeline of 2026-2027 as the demo set it: five dates in order and the summer switch
    await page.goto(`${server.url}/regio/eemland/tijdlijn?jaar=2026-2027`);
    await h1(page, 'Tijdlijn 2026-2027');
    const readyBy = dateGroup(page, '4. Dossiers klaargezet');
    await expect(readyBy.getByLabel('Dag').inputValue()).resolves.toBe('9');
    await expect(readyBy.getByLabel('Maand').inputValue()).resolves.toBe('4');
    await readyBy.getByText('Gekozen: vrijdag 9 april 2027.').waitFor();
    await journey.capture(page, 'timeline');

    // set ready before the po schools know where pupils registered: refused, explained at the field
    await setDate(page, '4. Dossiers klaargezet', '2027-03-22');
    await page.getByRole('button', { name: 'Tijdlijn opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'De tijdlijn is niet opgeslagen' });
    await summary.waitFor();
    const explanation =
      '‘Dossiers klaargezet’ (22 maart 2027) moet na ‘Po-scholen weten waar is aangemeld’ (26 maart 2027) liggen: een po-school kan een dossier pas klaarzetten als zij weet bij welke school de leerling is aangemeld.';
    await expect(summary.getByRole('link', { name: explanation }).count()).resolves.toBe(1);
    await expect(readyBy.getByLabel('Dag').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(readyBy.locator('.utrecht-form-field-error-message').textContent()).resolves.toBe(
      explanation,
    );
    await expect(page.locator('.utrecht-form-field-error-message').count()).resolves.toBe(1);
    await journey.capture(page, 'timeline-refused');
    // the summary's link leads to the field
    await summary.getByRole('link', { name: explanation }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('timeline-readyBy-day');

    // fixed, but set ready in the May holiday: saved, with the holiday warning at the field (the
    // request date leaves the longer gap that last year's evaluation asks for, so no warning there)
    await setDate(page, '4. Dossiers klaargezet', '2027-04-26');
    await setDate(page, '5. Dossiers opgevraagd', '2027-05-28');
    await page.getByRole('button', { name: 'Tijdlijn opslaan' }).click();
    await status(page, 'De tijdlijn voor 2026-2027 is opgeslagen.');
    await page
      .getByText(
        'Klaargezette dossiers verlopen op 17 juli 2027: de zomerwissel van de regio staat op die dag.',
      )
      .waitFor();
    const warning =
      '‘Dossiers klaargezet’ (26 april 2027) valt in de meivakantie (regio midden: 24 april 2027 tot en met 2 mei 2027); scholen zijn dan dicht.';
    await page
      .getByRole('status')
      .filter({ hasText: 'Let op: 1 punt om naar te kijken' })
      .getByText(warning)
      .waitFor();
    await expect(page.locator('.ovs-region-field-warning').allTextContents()).resolves.toEqual([
      `Let op: ${warning}`,
    ]);
    await journey.capture(page, 'timeline-saved');

    // on a phone
    // (the same browser, so the same session: a second sign-in within 30 s would reuse the TOTP code)
    const phone = await page.context().newPage();
    phone.on('pageerror', (error) => pageErrors.push(`${phone.url()}: ${error.message}`));
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/regio/eemland/tijdlijn?jaar=2026-2027`);
    await h1(phone, 'Tijdlijn 2026-2027');
    await phone.getByText(warning).first().waitFor();
    await journey.capture(phone, 'timeline-phone');

    // settings: the final test via a platform without a platform is refused at the field
    await menu(page).getByRole('link', { name: 'Instellingen' }).click();
    await h1(page, 'Instellingen van de regio');
    await page.getByLabel('Via het regionale platform').check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const settingsSummary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await settingsSummary
      .getByText(/alleen via het regionale platform gaan als de regio een platform gebruikt/)
      .waitFor();
    await journey.capture(page, 'settings-refused');
    await page.getByLabel('Meer aanmeldingen per leerling, in volgorde van voorkeur').check();
    await page.getByLabel(/Eerst naar de school van eerste voorkeur/).check();
    await page.getByLabel('Onderwijs Transparant (POVO-module)').check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await status(page, 'De instellingen zijn opgeslagen.');
    await journey.capture(page, 'settings-saved');

    // the overview now asks every school for the platform's delivery point
    await menu(page).getByRole('link', { name: 'Overzicht' }).click();
    await page.getByText('0 van de 5 scholen zijn klaar voor de overstap.').waitFor();
    await expect(page.getByRole('row', { name: /Het Amersfoorts Lyceum/ }).textContent()).resolves.toContain(
      'Geen aanleverpunt voor het regionale platform Onderwijs Transparant (POVO-module) (RP).',
    );
    await journey.capture(page, 'overview-platform');

    // contacts: record the Daltonschool's technical contact
    await page
      .getByRole('row', { name: /Daltonschool De Sterrenkijker/ })
      .getByRole('link', { name: 'Contactpersonen van Daltonschool De Sterrenkijker' })
      .click();
    await h1(page, 'Contactpersonen');
    await page
      .getByRole('heading', { level: 3, name: 'Daltonschool De Sterrenkijker', exact: true })
      .waitFor();
    await page.locator('#school-contact-role').selectOption('technisch');
    await page.locator('#school-contact-name').fill('Sem Smit');
    await page.locator('#school-contact-email').fill('ict@03cc.demo.test');
    await page
      .locator('form')
      .filter({ has: page.locator('#school-contact-name') })
      .getByRole('button', { name: 'Toevoegen' })
      .click();
    await status(page, 'Sem Smit is toegevoegd.');
    await page.getByText('Sem Smit').first().waitFor();
    await journey.capture(page, 'contacts');

    // the Daltonschool's help page, as the coordinator sees it
    await page.goto(`${server.url}/school/03CC/hulp`);
    await h1(page, 'Hulp en contact voor Daltonschool De Sterrenkijker');
    await page.getByText('Marieke van Dam').waitFor();
    await page
      .getByText('Deze regio gebruikt het regionale platform Onderwijs Transparant (POVO-module).')
      .waitFor();
    await expect(
      page.getByRole('region', { name: 'Aansluiten: vraag het de servicedesk' }).textContent(),
    ).resolves.toContain('Sem Smit');
    await journey.capture(page, 'help-coordinator');

    // …and as someone of school 01AA, through the school's menu
    const school = await newPage();
    await signInByApi(school, server, demoAccount(server, 'leerkracht@01aa.demo.test'));
    await school.goto(`${server.url}/school/01AA/vertrek`);
    await school.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp' }).click();
    await h1(school, 'Hulp en contact voor Basisschool De Regenboog');
    await expect(
      school.getByRole('region', { name: 'Dagelijks gebruik: vraag het uw leverancier' }).textContent(),
    ).resolves.toContain('Overstap demo gateway');
    await expect(
      school.getByRole('region', { name: 'Aansluiten: vraag het de servicedesk' }).textContent(),
    ).resolves.toContain('Tom Terpstra');
    await journey.capture(school, 'help-school');

    expect(journey.report()).toBe('');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('gives a school’s people no region pages, and the API refuses them', async () => {
    const journey = new Journey('region-no-access');
    const page = await newPage();
    await signInByApi(page, server, demoAccount(server, 'administratie@01aa.demo.test'));
    await page.goto(`${server.url}/regio/eemland`);
    await page.getByRole('alert').filter({ hasText: 'Geen toegang tot deze regio' }).waitFor();
    await journey.capture(page, 'no-access');
    const api = await page.request.get(`${server.url}/api/region/regions/eemland/readiness`);
    expect(api.status()).toBe(403);
    // and someone of another school does not see this school's help page
    const help = await page.request.get(`${server.url}/api/region/schools/22YY/help`);
    expect(help.status()).toBe(403);
    expect(journey.report()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
