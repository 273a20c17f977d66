import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountPages,
  type DemoServer,
  Journey,
  launchChromium,
  startDemoServer,
} from '../support/browser.js';

/**
 * The region's pilot in real Chromium against the demo server (ADR 0007). The coordinator finds the
 * demo's finished pilot — its pair exchanged both dossiers through the demo's own chain at start-up
 * — makes a new pilot (empty form and an end before the start refused in words), and tells the
 * suppliers and the servicedesk the dates. The po school's administration makes and sets ready the
 * pilot dossiers from its pilot page; the vo school's administration requests and imports them; the
 * coordinator's checklist fills in from the chain; the servicedesk sees the pilots to come. Every
 * screen is captured and scanned with axe; also on a phone.
 */
const REGION = 'eemland';

const DAY = 86_400_000;
const isoIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('the region’s pilot (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const journey = new Journey('pilot');
  const accounts = accountPages(
    () => browser,
    () => server,
  );
  const { signedIn, pageErrors } = accounts;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    await accounts.close();
    await browser?.close();
    await server?.close();
  });

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const status = (page: Page, text: string | RegExp) =>
    page.getByRole('status').filter({ hasText: text }).first().waitFor();
  const setDate = async (page: Page, legend: string, day: string) => {
    const [y, m, d] = day.split('-');
    const group = page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel('Dag').fill(String(Number(d)));
    await group.getByLabel('Maand').fill(String(Number(m)));
    await group.getByLabel('Jaar').fill(y);
  };
  /** The badges of a pair's step table, row by row: [step, regular, support]. */
  const stepRows = async (page: Page, caption: RegExp) =>
    (await page.getByRole('table', { name: caption }).first().getByRole('row').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );

  it('shows the coordinator the demo’s finished pilot, filled in from the chain', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(`${server.url}/regio/${REGION}`);
    await page.getByRole('navigation', { name: 'Regiomenu' }).getByRole('link', { name: 'Pilot' }).click();
    await h1(page, 'Pilots');
    const row = page.getByRole('row', { name: /Pilot overstapdossier/ });
    await expect(row.textContent()).resolves.toMatch(/Afgerond.*1 van 1.*Bericht op/);
    await journey.capture(page, 'list');

    await row.getByRole('link', { name: 'Pilot overstapdossier' }).click();
    await h1(page, 'Pilot overstapdossier');
    await page.getByText('1 van de 1 paren hebben beide dossiers uitgewisseld en ingelezen.').waitFor();
    const done = ['Gedaan', 'Gedaan'];
    expect(await stepRows(page, /Stappen van de twee pilotdossiers van Basisschool De Regenboog/)).toEqual([
      ['Stap', 'Regulier dossier', 'Dossier met ondersteuning (zorg)'],
      ['Klaargezet door de po-school', ...done],
      ['Opgevraagd door de vo-school', ...done],
      ['Afgeleverd via de keten', ...done],
      ['Ingelezen door de vo-school', ...done],
    ]);
    await expect(page.locator('.ovs-pilot-checklist li').allInnerTexts()).resolves.toEqual([
      'Gedaan Scholen en paren gekozen',
      'Gedaan Leveranciers en servicedesk op de hoogte van de data',
      'Gedaan Alle scholen aangesloten (toegelaten, aanleverpunt, testuitwisseling)',
      'Gedaan Elk paar heeft beide dossiers uitgewisseld en ingelezen',
    ]);
    await page.getByText('Basisschool De Regenboog heeft de pilotdossiers klaargezet').waitFor();
    await page.getByText('Het Amersfoorts Lyceum heeft de pilotdossiers ingelezen').waitFor();
    await journey.capture(page, 'finished-pilot');
  });

  const startsOn = isoIn(7);
  const endsOn = isoIn(28);

  it('lets the coordinator make a pilot, refusing what cannot work in words', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(`${server.url}/regio/${REGION}/pilots`);
    await page.getByRole('link', { name: 'Nieuwe pilot' }).click();
    await h1(page, 'Nieuwe pilot');
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Vul de naam van de pilot in.',
      'Vul een bestaande datum in bij ‘Eerste dag’: dag, maand en jaar in cijfers.',
      'Vul een bestaande datum in bij ‘Laatste dag’: dag, maand en jaar in cijfers.',
      'Kies bij paar 1 een po-school en een vo-school.',
    ]);
    await journey.capture(page, 'form-empty');

    // the last day before the first: the server refuses it at the field, nothing stored
    await page.getByLabel('Naam van de pilot').fill('Pilot najaar');
    await setDate(page, 'Eerste dag', endsOn);
    await setDate(page, 'Laatste dag', startsOn);
    const pair1 = page.getByRole('group', { name: 'Paar 1' });
    await pair1.getByLabel('Po-school (stuurt)').selectOption('01AA');
    await pair1.getByLabel('Vo-school (ontvangt)').selectOption('21XX');
    await page.getByRole('button', { name: 'Nog een paar' }).click();
    const pair2 = page.getByRole('group', { name: 'Paar 2' });
    await pair2.getByLabel('Po-school (stuurt)').selectOption('03CC');
    await pair2.getByLabel('Vo-school (ontvangt)').selectOption('22YY');
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    await summary.getByRole('link', { name: /ligt vóór de begindatum/ }).waitFor();
    const lastDay = page.getByRole('group', { name: 'Laatste dag', exact: true });
    await expect(lastDay.getByLabel('Dag').getAttribute('aria-invalid')).resolves.toBe('true');
    await journey.capture(page, 'form-refused');

    await setDate(page, 'Eerste dag', startsOn);
    await setDate(page, 'Laatste dag', endsOn);
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    await h1(page, 'Pilot najaar');
    await status(page, 'De pilot ‘Pilot najaar’ is aangemaakt.');
    await page.getByText('Gepland', { exact: true }).first().waitFor();
    await expect(page.getByText('Nog niet begonnen').count()).resolves.toBe(2);
    await journey.capture(page, 'new-pilot');
  });

  it('tells the suppliers and the servicedesk the dates', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.getByLabel('E-mailadres van Overstap demo gateway').fill('geen-adres');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Er is iets niet goed ingevuld' })
      .getByRole('link', { name: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@leverancier.nl.' })
      .waitFor();
    await page.getByLabel('E-mailadres van Overstap demo gateway').fill('support@las.demo.test');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await status(page, 'Het bericht is verstuurd aan 2 ontvangers.');
    await page.getByText(/Leveranciers en servicedesk bericht \(2 ontvangers\)/).waitFor();
    await journey.capture(page, 'notified');
    const mails = (await (await page.request.get(`${server.url}/api/dev/mail`)).json()) as Array<{
      to: string;
      subject: string;
    }>;
    expect(
      mails
        .filter((m) => m.subject.startsWith('Pilot Pilot najaar'))
        .map((m) => m.to)
        .sort(),
    ).toEqual(['servicedesk@demo.test', 'support@las.demo.test']);
  });

  it('lets the po school set its pilot dossiers ready and the vo school request and import them', async () => {
    const po = await signedIn('administratie@01aa.demo.test');
    await po.goto(`${server.url}/school/01AA/vertrek`);
    await po.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Pilot' }).click();
    await h1(po, 'Pilot van de regio');
    const najaar = po.getByRole('region', { name: /^Pilot najaar/ });
    await najaar.getByRole('button', { name: 'Pilotdossiers aanmaken en klaarzetten' }).click();
    await status(po, 'Uitkomst');
    await expect(najaar.getByRole('status').locator('li').allTextContents()).resolves.toEqual([
      'Regulier dossier: Klaargezet',
      'Dossier met ondersteuning: Klaargezet',
    ]);
    await najaar
      .getByText('Uw school heeft haar stap gedaan; nu is Het Amersfoorts Lyceum aan de beurt.')
      .waitFor();
    // its own pilot list, apart from the worklist: four fictional pupils (two pilots)
    const sending = po.getByRole('table', { name: 'Pilotdossiers over fictieve leerlingen' });
    await expect(sending.getByRole('row').count()).resolves.toBe(5);
    await journey.capture(po, 'po-prepared');
    const worklist = (await (
      await po.request.get(`${server.url}/api/gw/schools/01AA/dossiers`)
    ).json()) as unknown[];
    expect(worklist).toHaveLength(8);

    const vo = await signedIn('administratie@21xx.demo.test');
    await vo.goto(`${server.url}/school/21XX/pilot`);
    await h1(vo, 'Pilot van de regio');
    const voNajaar = vo.getByRole('region', { name: /^Pilot najaar/ });
    await voNajaar.getByRole('button', { name: 'Aanmelden en dossiers opvragen' }).click();
    await status(vo, 'Uitkomst');
    await expect(voNajaar.getByRole('status').locator('li').allTextContents()).resolves.toEqual([
      'Regulier dossier: Ontvangen (Dossier ontvangen)',
      'Dossier met ondersteuning: Ontvangen (Dossier ontvangen)',
    ]);
    await voNajaar.getByRole('button', { name: 'Ontvangen dossiers markeren als ingelezen' }).click();
    await voNajaar.getByText('Klaar: beide dossiers zijn via de keten uitgewisseld en ingelezen.').waitFor();
    const receiving = vo.getByRole('table', { name: 'Aangemelde fictieve leerlingen en hun dossiers' });
    await expect(receiving.getByRole('row').count()).resolves.toBe(5);
    await expect(receiving.getByRole('cell', { name: 'Ja', exact: true }).count()).resolves.toBe(4);
    await journey.capture(vo, 'vo-imported');

    // the coordinator's checklist filled itself in from the chain
    const coordinator = await signedIn('coordinator@regio.demo.test');
    await coordinator.reload();
    await h1(coordinator, 'Pilot najaar');
    await coordinator
      .getByText('1 van de 2 paren hebben beide dossiers uitgewisseld en ingelezen.')
      .waitFor();
    const first = await stepRows(coordinator, /van Basisschool De Regenboog naar Het Amersfoorts Lyceum/);
    expect(first.slice(1).map((r) => r.slice(1))).toEqual([
      ['Gedaan', 'Gedaan'],
      ['Gedaan', 'Gedaan'],
      ['Gedaan', 'Gedaan'],
      ['Gedaan', 'Gedaan'],
    ]);
    await journey.capture(coordinator, 'checklist-filled');

    // on a phone, and in English
    await vo.setViewportSize({ width: 390, height: 844 });
    await journey.capture(vo, 'vo-phone');
    await vo.getByRole('button', { name: 'Switch to English' }).click();
    await h1(vo, 'The region’s pilot');
    await vo.getByText('Regular dossier: Imported').waitFor();
    await journey.capture(vo, 'vo-phone-en');
  });

  it('shows the servicedesk the pilots to come', async () => {
    const page = await signedIn('servicedesk@demo.test');
    await page.goto(`${server.url}/servicedesk`);
    await h1(page, 'Servicedesk');
    const table = page.getByRole('table', { name: 'Pilots die nog lopen of nog komen' });
    await table.waitFor();
    await expect(table.getByRole('row', { name: /Pilot najaar/ }).textContent()).resolves.toContain(
      'Daltonschool De Sterrenkijker (03CC)',
    );
    await table.scrollIntoViewIfNeeded();
    await journey.capture(page, 'servicedesk');
    // a school's people do not get the servicedesk's list
    const school = await signedIn('administratie@01aa.demo.test');
    expect((await school.request.get(`${server.url}/api/region/pilots/upcoming`)).status()).toBe(403);
  });

  it('found no accessibility violations and no script errors', () => {
    expect(journey.report()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
