import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dutchDay,
  generateDossier,
  readDossier,
  schoolYearOf,
  writeDossier,
} from '../../src/standard/index.js';
import {
  type DemoAccount,
  type DemoServer,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The po school in real Chromium: the worklist of a school with 120 leaving pupils (one request),
 * one dossier from an error through a new version, advice, an attachment, the parents' inspection
 * (link and paper), klaarzetten for the school the pupil registered at and withdrawing; bulk actions
 * for a group; setting ready again after the summer switch; what a leerkracht may not do; the
 * worklist on a phone. Every screen is captured and
 * scanned with axe.
 */
const PO = '01AA';
const LYCEUM = { brin: '21XX', name: 'Het Amersfoorts Lyceum' };
const EEM = { brin: '22YY', name: 'Scholengemeenschap De Eem' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface ListItem {
  dossierId: string;
  state: string;
  groep: string | null;
  pupil: { achternaam: string; roepnaam?: string; voorvoegsel?: string };
  registeredAt: Array<{ brin: string; preferenceRank: number | null; schoolName: string | null }>;
}

describe('the po school (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** The dossier the journey follows: imported with an error, registered at two schools. */
  let journeyDossier: { dossierId: string; name: string; fixedXml: Buffer };
  /** Two inspected dossiers registered at the Lyceum, for the bulk klaarzetten. */
  let readyForBulk: string[];

  const apiKey = (brin: string) => {
    const schools = server.credentials.schools as Array<{ brin: string; apiKey: string }>;
    const found = schools.find((s) => s.brin === brin);
    if (!found) throw new Error(`no demo API key for ${brin}`);
    return found.apiKey;
  };
  const account = (prefix: string) => {
    const accounts = (server.credentials.accounts ?? []) as DemoAccount[];
    const found = accounts.find((a) => a.email.startsWith(prefix));
    if (!found) throw new Error(`no ${prefix}…; have ${accounts.map((a) => a.email).join(', ')}`);
    return found;
  };
  /** The gateway API as a school's administration system (API key). */
  async function gw(brin: string, method: string, path: string, body?: unknown) {
    const xml = Buffer.isBuffer(body);
    const response = await fetch(`${server.url}/api/gw/schools/${brin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey(brin)}`,
        ...(body === undefined ? {} : { 'content-type': xml ? 'application/xml' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: xml ? new Uint8Array(body as Buffer) : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text.startsWith('<') ? text : text ? JSON.parse(text) : undefined;
  }
  async function register(dossierId: string, at: Array<[string, number]>) {
    const xml = (await gw(PO, 'GET', `/dossiers/${dossierId}/xml`)) as string;
    const l = readDossier(Buffer.from(xml)).huidigeschool.leerling;
    for (const [school, rank] of at) {
      await gw(school, 'POST', '/registrations', {
        achternaam: l.achternaam,
        ...(l.voorvoegsel ? { voorvoegsel: l.voorvoegsel } : {}),
        bsn: l.bsn,
        geboortedatum: l.geboortedatum,
        sourceBrin: PO,
        preferenceRank: rank,
      });
    }
  }
  // the demo's dossiers are of this school year (the worklist shows the latest year)
  const SCHOOL_YEAR = schoolYearOf(dutchDay(new Date()));
  const list = async () => (await gw(PO, 'GET', '/dossiers')) as ListItem[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // The journey's dossier: the school's address is missing (a `fout`, OVa.SL01) until a new version.
    const model = () =>
      generateDossier(
        {
          profile: 'POVO',
          seed: 'e2e-po-journey',
          schooljaar: SCHOOL_YEAR,
          attachments: 'none',
          school: { brincode: PO, vestigingscode: '00', naam: 'Basisschool De Regenboog' },
        },
        0,
      );
    const broken = model();
    delete broken.huidigeschool.adreslijst;
    const imported = await gw(PO, 'POST', '/dossiers', writeDossier(broken));
    const l = broken.huidigeschool.leerling;
    journeyDossier = {
      dossierId: imported.dossierId,
      name: [l.roepnaam ?? l.voornaam?.[0], l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
      fixedXml: writeDossier(model()),
    };
    // The demo school holds 8 pupils; with the journey's and these 111 it has 120 leaving pupils.
    const indexes = Array.from({ length: 111 }, (_, i) => 8 + i);
    for (let i = 0; i < indexes.length; i += 4) {
      await Promise.all(
        indexes.slice(i, i + 4).map((index) =>
          gw(PO, 'POST', '/dossiers/generated', {
            profile: 'POVO',
            seed: `demo-${PO}`,
            index,
            schooljaar: SCHOOL_YEAR,
          }),
        ),
      );
    }
    await register(journeyDossier.dossierId, [
      [LYCEUM.brin, 1],
      [EEM.brin, 2],
    ]);
    const all = await list();
    readyForBulk = all
      .filter((d) => d.state === 'concept' && d.dossierId !== journeyDossier.dossierId)
      .slice(-2)
      .map((d) => d.dossierId);
    for (const id of readyForBulk) {
      await register(id, [[LYCEUM.brin, 1]]);
      await gw(PO, 'POST', `/dossiers/${id}/ter-inzage`);
      await gw(PO, 'POST', `/dossiers/${id}/inspection`, { inzagedatum: '2026-03-02', akkoord: 'Ja' });
    }
    // Registration notices travel over the chain as jobs: wait until the po school knows them.
    for (let i = 0; i < 120; i++) {
      const known = (await list()).filter((d) => d.registeredAt.length > 0).length;
      if (known >= 3) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** A TOTP code is good once: the same account signs in again only in a later 30-second step. */
  const lastStep = new Map<string, number>();
  async function signedIn(prefix: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    const who = account(prefix);
    if (lastStep.get(who.email) === Math.floor(Date.now() / 30_000)) {
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
    }
    await signInByApi(page, server, who);
    lastStep.set(who.email, Math.floor(Date.now() / 30_000));
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('the worklist of 120 pupils in one request; one dossier from an error to ready and withdrawn', async () => {
    const journey = new Journey('po-school');
    expect((await list()).length).toBe(120);
    const page = await signedIn('administratie@01aa.demo');

    // ---- the worklist: ONE request for the list data --------------------------------------------
    const listRequests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/gw/')) listRequests.push(`${r.method()} ${path}`);
    });
    await page.goto(`${server.url}/school/${PO}/vertrek`);
    await heading(page, 'Vertrekkende leerlingen').waitFor();
    await page.getByRole('table').waitFor();
    await page.getByText('120 van 120 leerlingen').waitFor();
    expect(await page.getByRole('row').count()).toBe(121);
    expect(listRequests).toEqual([`GET /api/gw/schools/${PO}/dossiers`]);
    await journey.capture(page, 'worklist');

    // Sorting by group and searching by name stay in the page: no further request.
    await page.getByRole('button', { name: 'Groep', exact: true }).click();
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Groep');
    await page.getByLabel('Zoek op naam').fill(journeyDossier.name.split(' ').at(-1) ?? '');
    await page.getByRole('link', { name: journeyDossier.name, exact: true }).waitFor();
    expect(listRequests).toHaveLength(1);
    await journey.capture(page, 'worklist-search');

    // ---- the dossier: a finding in plain words, at its section ----------------------------------
    await page.getByRole('link', { name: journeyDossier.name, exact: true }).click();
    await heading(page, journeyDossier.name).waitFor();
    await page.getByText('Los eerst de fouten in het dossier op.').first().waitFor();
    const findings = page.locator('.ovs-po-finding-group', {
      has: page.getByRole('heading', { name: 'School' }),
    });
    await findings.getByText('Fout').first().waitFor();
    await expect(findings.textContent()).resolves.toContain('OVa.SL01');
    await journey.capture(page, 'dossier-with-error');

    // A new version from the administration (XML upload) solves it.
    await page.getByLabel('OSO-XML-bestand').setInputFiles({
      name: 'dossier.xml',
      mimeType: 'application/xml',
      buffer: journeyDossier.fixedXml,
    });
    await page.getByRole('button', { name: 'Nieuwe versie inlezen' }).click();
    await page.getByText('Het dossier is ingelezen als versie 2.').waitFor();
    await page.getByText('Geen bevindingen').waitFor();
    await journey.capture(page, 'new-version');

    // ---- advice: an error summary first, then saved as a new version ----------------------------
    await page.getByLabel('Schooladvies', { exact: true }).selectOption({ label: 'Havo' });
    await page.getByLabel('Aandachtspunten voor de nieuwe school').fill('Heeft baat bij een vaste mentor.');
    await page.getByLabel('Ja, graag contact').check();
    await page.getByLabel('Contactpersoon', { exact: true }).fill('');
    await page.getByLabel('Telefoonnummer van de contactpersoon').fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Vul in wie de nieuwe school kan bellen.' }).waitFor();
    await journey.capture(page, 'advice-errors');
    await page.getByLabel('Contactpersoon', { exact: true }).fill('Meester Jansen');
    await page.getByLabel('Telefoonnummer van de contactpersoon').fill('033 123 45 67');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen als versie 3.').waitFor();
    await journey.capture(page, 'advice-saved');

    // ---- the regional OKR addendum as an attachment --------------------------------------------
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'okr-addendum.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByLabel('Omschrijving (niet verplicht)').fill('Regionaal OKR-addendum');
    await page.getByRole('button', { name: 'Bijlage toevoegen' }).click();
    await page.getByText('Bijlage okr-addendum.pdf is toegevoegd (versie 4).').waitFor();
    await expect(
      page.locator('td[data-label="Bestand"]', { hasText: 'okr-addendum.pdf' }).textContent(),
    ).resolves.toContain('Regionaal OKR-addendum');
    await journey.capture(page, 'attachment');

    // ---- the parents' inspection: up for inspection, a link, then on paper ----------------------
    await page.getByRole('button', { name: 'Ter inzage leggen' }).click();
    await page.getByText('Het dossier ligt nu ter inzage.').waitFor();
    await page.getByLabel('E-mailadres van de ouders (niet verplicht)').fill('ouders.po-e2e@example.test');
    await page.getByRole('button', { name: 'Link maken' }).click();
    const link = page.getByLabel('Link voor de ouders');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${server.url}/inzage/`));
    await page.getByText('De link is gemaild naar ouders.po-e2e@example.test.').waitFor();
    await journey.capture(page, 'inspection-link');

    await page.getByRole('button', { name: 'Inzage vastleggen' }).click();
    await page.getByRole('link', { name: 'Kies of de ouders het eens zijn met het dossier.' }).waitFor();
    await journey.capture(page, 'inspection-errors');
    await page
      .getByRole('group', { name: 'Zijn de ouders het eens met het dossier?' })
      .getByLabel('Ja')
      .check();
    await page.getByRole('button', { name: 'Inzage vastleggen' }).click();
    await page.getByText('De inzage is vastgelegd.').waitFor();
    await journey.capture(page, 'inspected');

    // ---- klaarzetten for the registered school (first choice), then withdraw --------------------
    const choice = page.getByRole('group', { name: 'Voor welke school zet u het dossier klaar?' });
    await expect(choice.getByLabel(new RegExp(`${LYCEUM.name}.*1e keus`)).isChecked()).resolves.toBe(true);
    await choice.getByLabel(new RegExp(`${EEM.name}.*2e keus`)).waitFor();
    await expect(page.getByLabel('BRIN-code van de nieuwe school').count()).resolves.toBe(0);
    await page.getByRole('button', { name: `Klaarzetten voor ${LYCEUM.name}` }).click();
    await page.getByText(`Het dossier staat klaar voor ${LYCEUM.name} (${LYCEUM.brin}) sinds`).waitFor();
    await journey.capture(page, 'ready');

    await page.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText(`Het dossier voor ${LYCEUM.name} is ingetrokken op`).waitFor();
    await expect(page.locator('.ovs-po-status').textContent()).resolves.toContain('Ingetrokken');
    await journey.capture(page, 'withdrawn');

    expect(journey.report()).toBe('');
  }, 240_000);

  it('bulk actions for a group: a confirmation that says what will happen, then per dossier what did', async () => {
    const journey = new Journey('po-bulk');
    const page = await signedIn('administratie@01aa.demo');
    await page.goto(`${server.url}/school/${PO}/vertrek`);
    await page.getByRole('table').waitFor();

    // Set the two inspected, registered dossiers ready for the school of their first choice.
    await page
      .getByRole('button', { name: /Ingezien/ })
      .first()
      .click();
    await page.getByRole('checkbox', { name: /Selecteer alle 2 getoonde leerlingen/ }).check();
    await page.getByRole('button', { name: 'Klaarzetten voor de aangemelde school' }).click();
    const confirm = page.getByRole('region', { name: 'Dossiers van 2 leerlingen klaarzetten?' });
    await confirm.waitFor();
    await confirm.getByText(`2 voor ${LYCEUM.name}`).waitFor();
    await journey.capture(page, 'confirm-ready');
    await confirm.getByRole('button', { name: 'Ja, zet 2 dossiers klaar' }).click();
    await page.getByText('Gelukt: 2. Stond al zo: 0. Niet gelukt: 0.').waitFor();
    await journey.capture(page, 'ready-done');
    const ready = (await list()).filter((d) => readyForBulk.includes(d.dossierId));
    expect(ready.map((d) => d.state)).toEqual(['klaargezet', 'klaargezet']);

    // A whole group up for inspection.
    await page.getByRole('button', { name: /^\d+\s*Alle$/ }).click();
    const groups = await page.getByLabel('Groep', { exact: true }).locator('option').allTextContents();
    const group = groups.find((g) => /^8/.test(g)) ?? groups[1];
    await page.getByLabel('Groep', { exact: true }).selectOption({ label: group });
    const inGroup = (await list()).filter((d) => d.groep === group);
    const concepts = inGroup.filter((d) => d.state === 'concept').length;
    await page
      .getByRole('checkbox', { name: `Selecteer alle ${inGroup.length} getoonde leerlingen` })
      .check();
    await page.getByRole('button', { name: 'Ter inzage leggen' }).click();
    const confirmInspect = page.getByRole('region', {
      name: `Dossiers van ${inGroup.length} leerlingen ter inzage leggen?`,
    });
    await confirmInspect.waitFor();
    await confirmInspect.getByText(`${concepts} dossiers gaan ter inzage.`).waitFor();
    await journey.capture(page, 'confirm-inspection');
    await confirmInspect.getByRole('button', { name: `Ja, leg ${concepts} dossiers ter inzage` }).click();
    await page.getByText(`Gelukt: ${concepts}. Stond al zo: 0. Niet gelukt: 0.`).waitFor();
    await journey.capture(page, 'inspection-done');
    const after = (await list()).filter((d) => d.groep === group);
    expect(after.filter((d) => d.state === 'ter_inzage').length).toBeGreaterThanOrEqual(concepts);
    expect(after.some((d) => d.state === 'concept')).toBe(false);

    // The summer switch expires what was ready; the school sets it ready again for the same school.
    const switched = await fetch(`${server.url}/api/gw/summer-switch`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.credentials.operatorKey as string}`,
        'content-type': 'application/json',
      },
      // The demo region has a summer switch date of its own (demo-region.ts): switch that region.
      body: JSON.stringify({
        asOf: new Date(Date.now() + 60_000).toISOString(),
        region: 'Demo-regio Eemland',
      }),
    });
    // these two, and the two dossiers of the demo's finished pilot at this school (demo-pilot.ts)
    expect(await switched.json()).toMatchObject({ expired: 4 });
    await page.goto(`${server.url}/school/${PO}/vertrek/${readyForBulk[0]}`);
    await page.getByText(`Het dossier voor ${LYCEUM.name} is verlopen bij de zomerwissel op`).waitFor();
    await expect(page.locator('.ovs-po-status').textContent()).resolves.toContain('Verlopen');
    await journey.capture(page, 'expired');
    await page.getByRole('button', { name: `Opnieuw klaarzetten voor ${LYCEUM.name}` }).click();
    await page.getByText(`Het dossier staat klaar voor ${LYCEUM.name} (${LYCEUM.brin}) sinds`).waitFor();
    await journey.capture(page, 'ready-again');

    expect(journey.report()).toBe('');
  }, 180_000);

  it('a leerkracht may edit the advice but sees no klaarzetten, inspection or bulk actions', async () => {
    const journey = new Journey('po-leerkracht');
    const page = await signedIn('leerkracht@01aa.demo');
    await page.goto(`${server.url}/school/${PO}/vertrek`);
    await page.getByRole('table').waitFor();
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: 'Klaarzetten voor de aangemelde school' }).count(),
    ).resolves.toBe(0);
    await journey.capture(page, 'worklist');

    const readyId = readyForBulk[0];
    await page.goto(`${server.url}/school/${PO}/vertrek/${readyId}`);
    await page.getByRole('heading', { name: 'Advies en aandachtspunten' }).waitFor();
    await expect(page.getByRole('button', { name: /^Klaarzetten/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Intrekken' }).count()).resolves.toBe(0);
    await page.getByText('Klaarzetten en intrekken doet de administratie van de school.').waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).waitFor();
    await journey.capture(page, 'dossier');
    expect(journey.report()).toBe('');
  }, 120_000);

  it('the worklist on a phone (390 px wide) fits the screen', async () => {
    const journey = new Journey('po-phone');
    const page = await signedIn('administratie@01aa.demo', { width: 390, height: 844 });
    await page.goto(`${server.url}/school/${PO}/vertrek`);
    await page.getByRole('table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await journey.capture(page, 'worklist-phone');
    expect(journey.report()).toBe('');
  }, 120_000);
});
