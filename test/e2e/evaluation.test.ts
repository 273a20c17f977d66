import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoServer,
  demoAccount,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The region's evaluation in real Chromium against the demo server. The coordinator makes this
 * school year's evaluation, opens it, mails the administration's link and copies the parents'; a
 * parent answers on a phone without an account; with five parents the results show their bars (the
 * teachers, with none, stay hidden), and the coordinator downloads the report. The demo's evaluation
 * of last school year is alive with results, its findings — and a new one — show beside their dates
 * on this year's timeline with the suggestion of a longer gap. Closed, the link says so. Every screen
 * is captured and scanned with axe.
 */
const REGION = 'eemland';
const COORDINATOR = 'coordinator@regio.demo.test';
const PHONE = { width: 390, height: 844 };

describe('the region’s evaluation (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const journey = new Journey('evaluation');
  let coordinator: Page;
  let parentsLink = '';
  let evaluationUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    contexts.push(context);
    coordinator = await context.newPage();
    coordinator.on('pageerror', (e) => pageErrors.push(`coordinator: ${e.message}`));
    await signInByApi(coordinator, server, demoAccount(server, COORDINATOR));
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'nl-NL',
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`phone: ${e.message}`));
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('the coordinator makes this year’s evaluation, opens it, mails one link and copies the parents’', async () => {
    const page = coordinator;
    await page.goto(`${server.url}/regio/${REGION}`);
    await page
      .getByRole('navigation', { name: 'Regiomenu' })
      .getByRole('link', { name: 'Evaluatie' })
      .click();
    await heading(page, 'Evaluatie').waitFor();
    // the demo's evaluation of last school year is listed, closed
    const list = page.getByRole('table', { name: 'Evaluaties per schooljaar, de nieuwste bovenaan' });
    await list.getByRole('cell', { name: 'Gesloten' }).waitFor();
    await journey.capture(page, 'list');

    await expect.poll(() => page.getByLabel('Over welk schooljaar?').inputValue()).toMatch(/^\d{4}-\d{4}$/);
    const year = await page.getByLabel('Over welk schooljaar?').inputValue();
    await page.getByLabel(/^Directie/).uncheck();
    await page.getByRole('button', { name: 'Evaluatie maken' }).click();
    await heading(page, `Evaluatie ${year}`).waitFor();
    evaluationUrl = page.url();
    await page.getByText('Nog niemand kan antwoorden.').waitFor();
    await journey.capture(page, 'concept');

    await page.getByRole('button', { name: 'Evaluatie openen' }).click();
    await page.getByRole('heading', { name: 'De evaluatie is open' }).waitFor();
    // the administration's link goes by mail to the member schools' administrations
    const admin = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Administratie' }) });
    await admin.getByRole('button', { name: 'Link maken en mailen' }).click();
    await page.getByText(/^Gemaild naar \d+ personen\.$/).waitFor();
    const mails = (await (await page.request.get(`${server.url}/api/dev/mail`)).json()) as Array<{
      to: string;
      subject: string;
    }>;
    expect(
      mails.filter((m) => m.subject.startsWith(`Vragenlijst over de overstap ${year}`)).map((m) => m.to),
    ).toEqual(expect.arrayContaining(['administratie@01aa.demo.test', 'administratie@02bb.demo.test']));
    // the parents' link: only to copy
    const parents = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ouders' }) });
    expect(await parents.getByRole('button', { name: /mailen/ }).count()).toBe(0);
    await parents.getByRole('button', { name: 'Link maken om te kopiëren' }).click();
    await parents.getByText('De link (alleen nu te zien)').waitFor();
    parentsLink = (await parents.getByText(/\/evaluatie\//).textContent()) ?? '';
    expect(parentsLink).toMatch(new RegExp(`^${server.url}/evaluatie/[A-Za-z0-9_-]{43}$`));
    await journey.capture(page, 'links');
  });

  it('a parent answers on a phone, without an account', async () => {
    const page = await phone();
    await page.goto(parentsLink);
    await heading(page, /^Vragenlijst over de overstap/).waitFor();
    // no "sign in" for someone behind a link
    expect(await page.getByRole('link', { name: 'Inloggen' }).count()).toBe(0);
    await journey.capture(page, 'parent-phone');

    // sending nothing says what to do
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByRole('alert').getByText('Beantwoord minstens één vraag voordat u verstuurt.').waitFor();
    await journey.capture(page, 'parent-phone-empty');

    // every statement is a fieldset with its question as the legend
    const time = page.getByRole('group', {
      name: 'Ik had genoeg tijd om het dossier van mijn kind te lezen.',
    });
    await time.getByLabel('Ja, helemaal').check();
    await page
      .getByRole('group', { name: 'Ik begreep wat er in het dossier stond.' })
      .getByLabel('Een beetje')
      .check();
    await page
      .getByRole('group', { name: 'Heeft de school het dossier met u besproken?' })
      .getByLabel('Ja')
      .check();
    await page
      .getByLabel('Wat kan er beter? Schrijf het hier op.')
      .fill('Een uitleg in <b>gewone</b> woorden.');
    await page.getByText('Nog 964 tekens.').waitFor();
    await journey.capture(page, 'parent-phone-filled');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt voor uw antwoorden' }).waitFor();
    await journey.capture(page, 'parent-phone-thanks');

    // four more parents (the same link, through the API), so that the group is big enough to show
    const token = parentsLink.slice(parentsLink.lastIndexOf('/') + 1);
    for (const [value, text] of [
      [2, 'Te weinig tijd om alles te lezen.'],
      [3, 'Duidelijk genoeg.'],
      [4, 'Prima zo.'],
      [1, '=1+1'],
    ] as const) {
      const res = await fetch(`${server.url}/api/evaluatie/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { 'ouders.time.inspectedBy': value, ...(text ? { 'ouders.open.better': text } : {}) },
        }),
      });
      expect(res.status).toBe(201);
    }
  });

  it('the coordinator sees the parents’ bars, the teachers hidden, and downloads the report', async () => {
    const page = coordinator;
    await page.goto(`${evaluationUrl}/resultaten`);
    await heading(page, /^Resultaten evaluatie/).waitFor();
    const parents = page.getByRole('region', { name: 'Ouders' });
    await parents.getByText('5 ingevulde vragenlijsten').waitFor();
    const bar = parents.getByRole('img', {
      name: /^Ik had genoeg tijd om het dossier van mijn kind te lezen\./,
    });
    expect(await bar.getAttribute('aria-label')).toBe(
      'Ik had genoeg tijd om het dossier van mijn kind te lezen. Nee, helemaal niet: 1, Nee: 1, Een beetje: 1, Ja: 1, Ja, helemaal: 1; gemiddeld 3,0',
    );
    // the open answers as written: escaped, not made bold, in alphabetical order
    const texts = parents.getByRole('list').filter({ hasText: 'Duidelijk genoeg.' });
    expect(await texts.getByRole('listitem').allTextContents()).toEqual([
      '=1+1',
      'Duidelijk genoeg.',
      'Een uitleg in <b>gewone</b> woorden.',
      'Prima zo.',
      'Te weinig tijd om alles te lezen.',
    ]);
    expect(await parents.locator('b').count()).toBe(0);
    const teachers = page.getByRole('region', { name: 'Leerkracht groep 8' });
    await teachers.getByRole('heading', { name: 'Te weinig antwoorden om te tonen' }).waitFor();
    await parents.getByRole('heading', { name: /^Ouders: stellingen/ }).scrollIntoViewIfNeeded();
    await journey.capture(page, 'results');
    await parents.getByText('Toon de cijfers als tabel').first().click();
    await parents.getByRole('table', { name: 'Ouders: stellingen' }).waitFor();
    await journey.capture(page, 'results-table');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download als PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^evaluatie-eemland-\d{4}-\d{4}\.pdf$/);
    const id = evaluationUrl.slice(evaluationUrl.lastIndexOf('/') + 1);
    const csv = await page.request.get(
      `${server.url}/api/region/regions/${REGION}/evaluations/${id}/export.csv`,
    );
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Ouders;5;ouders.time.inspectedBy;');
  }, 60_000);

  it('last year’s results and findings feed this year’s timeline, with a longer gap suggested', async () => {
    const page = coordinator;
    await page.goto(`${server.url}/regio/${REGION}/evaluatie`);
    const list = page.getByRole('table', { name: 'Evaluaties per schooljaar, de nieuwste bovenaan' });
    const last = await list.getByRole('row').filter({ hasText: 'Gesloten' }).getByRole('link').first();
    await last.click();
    await page
      .getByRole('navigation', { name: 'Onderdelen van de evaluatie' })
      .getByRole('link', { name: 'Resultaten' })
      .click();
    await heading(page, /^Resultaten evaluatie/).waitFor();
    // the demo's answers: enough to show most roles, the region's own two hidden
    await page.getByRole('region', { name: 'Ouders' }).getByText('14 ingevulde vragenlijsten').waitFor();
    await page
      .getByRole('region', { name: 'Regiocoördinator' })
      .getByText('Te weinig antwoorden om te tonen')
      .first()
      .waitFor();
    await page
      .getByRole('img', { name: /^Dossiers opgevraagd: gemiddeld \d,\d, \d+ antwoorden; Te weinig tijd$/ })
      .waitFor();
    await journey.capture(page, 'demo-results');

    await page
      .getByRole('navigation', { name: 'Onderdelen van de evaluatie' })
      .getByRole('link', { name: 'Bevindingen' })
      .click();
    await heading(page, /^Bevindingen evaluatie/).waitFor();
    await page.getByLabel('Over welke datum?').selectOption('readyBy');
    await page.getByLabel('Bevinding', { exact: true }).fill('Klaarzetten kan een week eerder beginnen.');
    await page.getByRole('button', { name: 'Bevinding vastleggen' }).click();
    await page.getByRole('heading', { name: 'De bevinding is vastgelegd' }).waitFor();
    await journey.capture(page, 'findings');

    await page.getByRole('link', { name: /^Naar de tijdlijn van / }).click();
    await page.getByRole('heading', { name: /^Uit de evaluatie van / }).waitFor();
    // beside its date: the findings, and the warning that the gap is still as short as last year
    await page.getByText('Klaarzetten kan een week eerder beginnen.').waitFor();
    await page.getByText(/Meer tijd tussen klaarzetten en opvragen/).waitFor();
    await page
      .getByRole('status')
      .getByText(/vonden de deelnemers dat er te weinig tijd was voor ‘Dossiers opgevraagd’/)
      .waitFor();
    await journey.capture(page, 'timeline-with-findings');
  }, 60_000);

  it('closed, the link says so; a wrong link says it does not work', async () => {
    const page = coordinator;
    await page.goto(evaluationUrl);
    await page.getByRole('button', { name: 'Evaluatie sluiten' }).click();
    await page.getByRole('button', { name: 'Ja, sluiten' }).click();
    await page.getByRole('heading', { name: 'De evaluatie is gesloten' }).waitFor();
    await journey.capture(page, 'closed');

    const parent = await phone();
    await parent.goto(parentsLink);
    await heading(parent, 'Deze vragenlijst is gesloten').waitFor();
    await journey.capture(parent, 'parent-phone-closed');
    await parent.goto(`${server.url}/evaluatie/${'x'.repeat(43)}`);
    await heading(parent, 'Deze link werkt niet').waitFor();
    await journey.capture(parent, 'parent-phone-wrong-link');

    expect(pageErrors).toEqual([]);
    expect(journey.report()).toBe('');
  });
});
