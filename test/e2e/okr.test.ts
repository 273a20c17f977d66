import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OKR_CSV } from '../../src/region/okr/demo-okr.js';
import {
  type DemoServer,
  demoAccount,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * OKR coverage in real Chromium, as the demo region's coordinator: the demo OKR (27 fields, mapped),
 * a file with mistakes refused per row, a new version of the OKR uploaded (decisions of known fields
 * kept), the sure suggestions taken over and one field corrected by hand, the coverage, the addendum
 * and its PDF; then a po school fills in the addendum for a pupil and it lands among the dossier's
 * attachments. Every screen is captured and scanned with axe; one on a phone, one in English.
 */
const REGION = 'eemland';
const PO = '01AA';
const COORDINATOR = 'coordinator@regio.demo.test';
const ADMIN = 'administratie@01aa.demo.test';

/** The demo OKR with three fields more: one the synonym list knows, one it knows is not in OSO, one it does not. */
const NEW_OKR = `${DEMO_OKR_CSV}Eindadvies;Advies;Het advies na de eindtoets
Huiswerkattitude;Ontwikkeling;Maakt de leerling zijn huiswerk?
Rekenvaardigheid;Leerresultaten;Beheersing van de rekenstrategieën
`;

describe('OKR coverage (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** A TOTP code is good once: the same account signs in again only in a later 30-second step. */
  const lastStep = new Map<string, number>();
  async function signedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    if (lastStep.get(email) === Math.floor(Date.now() / 30_000)) {
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
    }
    await signInByApi(page, server, demoAccount(server, email));
    lastStep.set(email, Math.floor(Date.now() / 30_000));
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const field = (page: Page, name: string) =>
    page.locator('article.ovs-okr-field', {
      has: page.getByRole('heading', { level: 3, name, exact: true }),
    });

  it('the coordinator uploads the OKR, confirms and corrects, and sees the coverage and the addendum', async () => {
    const journey = new Journey('okr');
    const page = await signedIn(COORDINATOR);

    // ---- the demo OKR: every field decided ----------------------------------------------------------
    await page.goto(`${server.url}/regio/${REGION}`);
    await page.getByRole('link', { name: 'OKR-dekking' }).click();
    await heading(page, 'OKR-dekking').waitFor();
    await page.getByText('Het OKR heeft 27 velden.').waitFor();
    await page.getByText('6 in het addendum').waitFor();
    await field(page, 'Werkhouding').getByText('In het addendum').waitFor();
    await journey.capture(page, 'fields-demo');

    // ---- a file with mistakes: every problem per row, nothing stored -----------------------------------
    await page
      .getByRole('navigation', { name: 'Onderdelen van OKR-dekking' })
      .getByRole('link', { name: 'OKR aanleveren' })
      .click();
    await heading(page, 'OKR aanleveren').waitFor();
    await journey.capture(page, 'upload');
    await page.getByLabel('Bestand met velden').setInputFiles({
      name: 'okr-fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'veldnaam;sectie;omschrijving\nSchooladvies;Advies;\n;Advies;Alleen uitleg\nschooladvies;advies;\n',
      ),
    });
    await page.getByRole('button', { name: 'Bestand inlezen' }).click();
    const problems = page.locator('.ovs-okr-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('er is niets opgeslagen');
    await expect(problems.textContent()).resolves.toContain('Regel 3, veldnaam');
    await expect(problems.textContent()).resolves.toContain('ook al op regel 2');
    await journey.capture(page, 'upload-errors');

    // ---- the new OKR: decisions of the 27 known fields are kept ----------------------------------------
    await page.getByLabel('Bestand met velden').setInputFiles({
      name: 'okr-eemland-2028.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(NEW_OKR),
    });
    await page.getByRole('button', { name: 'Bestand inlezen' }).click();
    await page.getByText('30 velden ingelezen uit okr-eemland-2028.csv.').waitFor();
    await page.getByText('Bij 27 velden is uw eerdere beoordeling bewaard.').waitFor();
    await journey.capture(page, 'upload-done');

    // ---- the suggestions: take over the sure ones, correct the last one by hand ------------------------
    await page.getByRole('link', { name: 'Naar de velden en voorstellen' }).click();
    await heading(page, 'OKR-dekking').waitFor();
    await page.getByLabel(/Toon alleen velden die nog bevestigd moeten worden/).check();
    await expect(field(page, 'Eindadvies').textContent()).resolves.toContain('Overstapadvies › Schooladvies');
    await expect(field(page, 'Huiswerkattitude').textContent()).resolves.toContain('Niet in OSO');
    await journey.capture(page, 'open-fields');
    await page.getByRole('button', { name: 'Neem 2 zekere voorstellen over' }).click();
    await page.getByText('2 voorstellen overgenomen.').waitFor();
    const reken = field(page, 'Rekenvaardigheid');
    await reken.getByRole('button', { name: /^(Aanpassen|Wijzigen)/ }).click();
    await reken.getByLabel('Element van OSO').selectOption('huidigeschool/leerling/toetslijst');
    await journey.capture(page, 'correcting');
    await reken.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('‘Rekenvaardigheid’ is aangepast.').waitFor();
    await page.getByText('Alle velden zijn beoordeeld.').waitFor();
    await journey.capture(page, 'all-decided');

    // ---- the coverage ----------------------------------------------------------------------------------
    await page
      .getByRole('navigation', { name: 'Onderdelen van OKR-dekking' })
      .getByRole('link', { name: 'Dekking' })
      .click();
    await heading(page, 'Dekking van het OKR').waitFor();
    // the groups come with the coverage, which may arrive after the page's heading
    await page.getByRole('heading', { name: 'Niet in OSO: in het addendum (7)' }).waitFor();
    await page.getByRole('heading', { name: 'Mag niet mee van po naar vo (1)' }).waitFor();
    await expect(
      page.getByRole('table', { name: /Gaat mee als de school het meestuurt/ }).textContent(),
    ).resolves.toContain('Rekenvaardigheid');
    await journey.capture(page, 'coverage');

    // ---- the addendum and its PDF ----------------------------------------------------------------------
    await page.getByRole('link', { name: 'Naar het addendum' }).click();
    await heading(page, 'Regionaal OKR-addendum').waitFor();
    await page.getByText('Het addendum heeft 7 velden.').waitFor();
    await page.locator('.ovs-okr-preview').getByText('Huiswerkattitude').waitFor();
    expect(await page.locator('.ovs-okr-preview').getByText('Schooladvies').count()).toBe(0);
    await journey.capture(page, 'addendum');
    const pdf = await page.request.get(`${server.url}/api/region/regions/${REGION}/okr/addendum.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // ---- in English --------------------------------------------------------------------------------------
    await page
      .getByRole('navigation', { name: 'Onderdelen van OKR-dekking' })
      .getByRole('link', { name: 'Dekking' })
      .click();
    await page.getByRole('button', { name: /English|Engels/ }).click();
    await heading(page, 'Coverage of the OKR').waitFor();
    await journey.capture(page, 'coverage-english');
    await page.getByRole('button', { name: /Nederlands|Dutch/ }).click();
    await heading(page, 'Dekking van het OKR').waitFor();

    expect(journey.report()).toBe('');
  }, 300_000);

  it('the fields on a phone', async () => {
    const journey = new Journey('okr-phone');
    const page = await signedIn(COORDINATOR, { width: 390, height: 844 });
    await page.goto(`${server.url}/regio/${REGION}/okr`);
    await heading(page, 'OKR-dekking').waitFor();
    await field(page, 'Werkhouding').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await journey.capture(page, 'fields-phone');
    expect(journey.report()).toBe('');
  }, 120_000);

  it('a po school fills in the addendum for a pupil and it lands among the dossier’s attachments', async () => {
    const journey = new Journey('okr-school');
    const page = await signedIn(ADMIN);
    const dossiers = (await (
      await page.request.get(`${server.url}/api/gw/schools/${PO}/dossiers`)
    ).json()) as Array<{
      dossierId: string;
    }>;
    const dossierId = dossiers[0].dossierId;
    await page.goto(`${server.url}/school/${PO}/vertrek/${dossierId}`);
    await page.getByRole('link', { name: 'Regionaal OKR-addendum invullen' }).click();
    await heading(page, /Regionaal OKR-addendum voor /).waitFor();
    await page.getByLabel('Werkhouding').waitFor();
    await journey.capture(page, 'form');

    // Nothing filled in: the error summary says so.
    await page.getByRole('button', { name: 'Toevoegen aan het dossier' }).click();
    await page.getByRole('alert').getByText('Vul minstens één veld in.').waitFor();
    await journey.capture(page, 'form-empty');

    await page.getByLabel('Werkhouding').fill('Werkt zelfstandig en geconcentreerd; vraagt op tijd om hulp.');
    await page.getByLabel('Thuissituatie').fill('Woont om de week bij vader en moeder.');
    await page.getByLabel('Ingevuld door').fill('J. de Groot, leerkracht groep 8');
    await page.getByRole('button', { name: 'Toevoegen aan het dossier' }).click();
    await heading(page, 'Addendum toegevoegd').waitFor();
    await page.getByText(`okr-addendum-${REGION}.pdf staat nu bij de bijlagen`).waitFor();
    await journey.capture(page, 'form-done');

    await page.getByRole('link', { name: 'Naar het dossier', exact: true }).click();
    await page.getByText(`okr-addendum-${REGION}.pdf`).first().waitFor();
    await page.getByText('Regionaal OKR-addendum Demo-regio Eemland').first().waitFor();
    await journey.capture(page, 'dossier-attachments');
    expect(journey.report()).toBe('');
  }, 180_000);
});
