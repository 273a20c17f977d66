import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dossier, readDossier } from '../../src/standard/index.js';
import {
  type DemoAccount,
  type DemoServer,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
} from '../support/browser.js';

/**
 * The vo school in real Chromium: the administratie registers a pupil of po school 01AA through
 * the form (a wrong BSN first), uploads a CSV file (one bad line: nothing stored; then a good
 * one), requests all open dossiers; the po school sets two dossiers ready (API key) and the list
 * updates by itself; the received dossier is rendered, exported as XML, marked imported; another
 * is rejected with a reason. The coordinator sees the support information the administratie does
 * not. Every screen is captured and scanned with axe.
 */
const PO = '01AA';
const PO_NAME = 'Basisschool De Regenboog';
const VO = '21XX';

interface Pupil {
  dossierId: string;
  roepnaam?: string;
  voorvoegsel?: string;
  achternaam: string;
  bsn: string;
  geboortedatum: string;
  name: string;
  dossier: Dossier;
}

/** A BSN that fails the 11-check: the last digit of a valid one, changed. */
const wrongBsn = (bsn: string) => `${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`;
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

describe('the vo school (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];
  /** The po school's pupils: [0] has support information (registered through the form). */
  let pupils: Pupil[];

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
    const response = await fetch(`${server.url}/api/gw/schools/${brin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey(brin)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text.startsWith('<') ? text : text ? JSON.parse(text) : undefined;
  }
  /** The po school inspects a dossier with the parents and sets it ready for the vo school. */
  async function setReady(p: Pupil) {
    await gw(PO, 'POST', `/dossiers/${p.dossierId}/ter-inzage`);
    await gw(PO, 'POST', `/dossiers/${p.dossierId}/inspection`, { inzagedatum: '2026-03-02', akkoord: 'Ja' });
    await gw(PO, 'POST', `/dossiers/${p.dossierId}/klaarzetten`, { destinationBrin: VO });
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    dir = await mkdtemp(join(tmpdir(), 'overstap-e2e-vo-'));
    const list = (await gw(PO, 'GET', '/dossiers')) as Array<{ dossierId: string }>;
    const all: Pupil[] = [];
    for (const d of list) {
      const dossier = readDossier(
        Buffer.from((await gw(PO, 'GET', `/dossiers/${d.dossierId}/xml`)) as string),
      );
      const l = dossier.huidigeschool.leerling;
      all.push({
        dossierId: d.dossierId,
        ...(l.roepnaam ? { roepnaam: l.roepnaam } : {}),
        ...(l.voorvoegsel ? { voorvoegsel: l.voorvoegsel } : {}),
        achternaam: l.achternaam,
        bsn: l.bsn as string,
        geboortedatum: l.geboortedatum as string,
        name: [l.roepnaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
        dossier,
      });
    }
    const supported = all.find(
      (p) => p.dossier.huidigeschool.leerling.onderwijsondersteuning?.diagnose?.[0]?.code,
    );
    if (!supported) throw new Error('the demo po school has no pupil with support information');
    pupils = [supported, ...all.filter((p) => p !== supported)];
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function signedIn(prefix: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'nl-NL', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await signInByApi(page, server, account(prefix));
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const row = (page: Page, name: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  const csvLine = (p: Pupil, bsn = p.bsn) =>
    [p.achternaam, p.voorvoegsel ?? '', p.roepnaam ?? '', bsn, dutchDate(p.geboortedatum), PO, ''].join(';');
  const CSV_HEADER = 'achternaam;voorvoegsel;voornaam;bsn;geboortedatum;brin po-school;voorkeur';

  it('registrations by form and file, request all, an automatic update, import, reject; support information for the coordinator only', async () => {
    const journey = new Journey('vo-school');
    const [withSupport, second, third] = pupils;
    const page = await signedIn('administratie@21xx.demo');
    const listRequests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/gw/')) listRequests.push(`${r.method()} ${path}`);
    });
    await page.goto(`${server.url}/school/${VO}/aanmeldingen`);
    await heading(page, 'Aanmeldingen').waitFor();
    await page.getByText('Er zijn nog geen aanmeldingen.').waitFor();
    await page.getByText('3 aangesloten scholen gevonden.').waitFor();
    expect(listRequests).toEqual([`GET /api/gw/schools/${VO}/registrations`]);
    await journey.capture(page, 'registrations-empty');

    // ---- the form: a wrong BSN first -------------------------------------------------------------
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Aanmelding vastleggen' }) });
    if (withSupport.roepnaam) await form.getByLabel('Voornaam (roepnaam)').fill(withSupport.roepnaam);
    if (withSupport.voorvoegsel) await form.getByLabel('Voorvoegsel').fill(withSupport.voorvoegsel);
    await form.getByLabel('Achternaam').fill(withSupport.achternaam);
    await form.getByLabel('BSN').fill(wrongBsn(withSupport.bsn));
    await form.getByLabel('Geboortedatum').fill(dutchDate(withSupport.geboortedatum));
    await form.getByLabel('Zoek de basisschool').fill('Regenboog');
    await form.getByRole('radio', { name: new RegExp(PO_NAME) }).check();
    await form.getByLabel('Voorkeur').selectOption('1');
    await form.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect(summary.getByRole('link', { name: /geen geldig BSN/ }).getAttribute('href')).resolves.toBe(
      '#vo-new-bsn',
    );
    await expect(form.getByLabel('BSN').getAttribute('aria-invalid')).resolves.toBe('true');
    await journey.capture(page, 'form-wrong-bsn');

    await form.getByLabel('BSN').fill(withSupport.bsn);
    await form.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
    await page.getByText(`${withSupport.name} is aangemeld.`).waitFor();
    await row(page, withSupport.name).getByText('Aanmelding').waitFor();
    await expect(row(page, withSupport.name).textContent()).resolves.toContain(PO_NAME);
    await journey.capture(page, 'registered-by-form');

    // ---- the CSV upload: one bad line → every problem, nothing stored; then the good file --------
    const badFile = join(dir, 'aanmeldingen-fout.csv');
    const goodFile = join(dir, 'aanmeldingen.csv');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      badFile,
      `\uFEFF${CSV_HEADER}\r\n${csvLine(second)}\r\n${csvLine(third, wrongBsn(third.bsn))}\r\n`,
    );
    await writeFile(goodFile, `\uFEFF${CSV_HEADER}\r\n${csvLine(second)}\r\n${csvLine(third)}\r\n`);
    await page.getByLabel('CSV-bestand').setInputFiles(badFile);
    await page.getByRole('button', { name: 'Bestand aanleveren' }).click();
    const problems = page.getByRole('table').filter({ hasText: 'Wat is er mis' });
    await problems.waitFor();
    const problemRows = problems.getByRole('row');
    expect(await problemRows.count()).toBe(2);
    await expect(problemRows.nth(1).textContent()).resolves.toMatch(/^3bsnDit is geen geldig BSN/);
    await page.getByText('Er is niets opgeslagen').first().waitFor();
    expect(((await gw(VO, 'GET', '/registrations')) as unknown[]).length).toBe(1);
    await journey.capture(page, 'csv-errors');

    await page.getByLabel('CSV-bestand').setInputFiles(goodFile);
    await page.getByRole('button', { name: 'Bestand aanleveren' }).click();
    await page.getByText('2 aanmeldingen vastgelegd uit aanmeldingen.csv').waitFor();
    await row(page, third.name).waitFor();
    await page.getByText('3 van 3 aanmeldingen').waitFor();
    await journey.capture(page, 'csv-saved');

    // ---- request all open: nothing is ready yet ---------------------------------------------------
    await page.getByRole('button', { name: 'Alle open dossiers opvragen (3)' }).click();
    await page.getByText('3 dossiers opgevraagd.').waitFor();
    await page.getByText('3 × Nog niet klaargezet').waitFor();
    await row(page, withSupport.name).getByText('Wacht op klaarzetten').waitFor();
    await expect(row(page, withSupport.name).textContent()).resolves.toContain('vanzelf');
    await page.getByText('Deze lijst werkt zich elke 10 seconden vanzelf bij.').waitFor();
    await journey.capture(page, 'requested-all');

    // ---- the po school sets two dossiers ready: the list updates by itself -----------------------
    listRequests.length = 0;
    await setReady(withSupport);
    await setReady(third);
    await row(page, withSupport.name).getByText('Ontvangen', { exact: true }).waitFor({ timeout: 60_000 });
    await row(page, third.name).getByText('Ontvangen', { exact: true }).waitFor({ timeout: 30_000 });
    expect(listRequests.length).toBeGreaterThan(0);
    expect(new Set(listRequests)).toEqual(new Set([`GET /api/gw/schools/${VO}/registrations`]));
    await expect(page.getByRole('button', { name: /Ontvangen/ }).textContent()).resolves.toContain('2');
    await journey.capture(page, 'updated-automatically');

    // ---- the received dossier: rendered without support information for the administratie ------
    const diagnosis = withSupport.dossier.huidigeschool.leerling.onderwijsondersteuning?.diagnose?.[0];
    const supportText = diagnosis?.naam ?? diagnosis?.code[0] ?? '';
    expect(supportText).not.toBe('');
    await page.getByRole('link', { name: withSupport.name, exact: true }).click();
    await heading(page, withSupport.name).waitFor();
    await page
      .getByText('Ondersteuningsinformatie, zoals diagnoses en handelingsplannen, ziet alleen')
      .waitFor();
    const frame = page.frameLocator(`iframe[title="Overstapdossier van ${withSupport.name}"]`);
    await frame.getByRole('heading', { level: 1 }).waitFor();
    const shown = (await frame.locator('body').textContent()) ?? '';
    expect(shown).toContain(withSupport.achternaam);
    expect(shown).toContain('Niet getoond: u heeft hier geen toegang toe');
    expect(shown).not.toContain(supportText);
    await page.getByRole('heading', { name: 'Aanvragen' }).waitFor();
    await expect(page.getByRole('table', { name: /Alle aanvragen/ }).textContent()).resolves.toContain(
      'Vanzelf, na bericht van de school van herkomst',
    );
    await journey.capture(page, 'received-administratie');

    // Export for the administration: the complete XML, support information included.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporteren voor uw administratie (XML)' }).click(),
    ]);
    const exported = await readFile((await download.path()) as string, 'utf8');
    expect(readDossier(Buffer.from(exported)).huidigeschool.leerling.bsn).toBe(withSupport.bsn);
    expect(exported).toContain('<onderwijsondersteuning>');

    await page.getByRole('button', { name: 'Markeren als ingelezen' }).click();
    await page.getByText('Het dossier is gemarkeerd als ingelezen.').waitFor();
    await page.locator('.ovs-vo-next').getByText('Ingelezen', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Markeren als ingelezen' }).count()).resolves.toBe(0);
    await frame.getByRole('heading', { level: 1, name: withSupport.name }).waitFor();
    await page.locator('iframe').scrollIntoViewIfNeeded();
    await journey.capture(page, 'imported');

    // ---- another dossier rejected, with a required reason ----------------------------------------
    await page.getByRole('link', { name: 'Alle aanmeldingen' }).click();
    await page.getByRole('link', { name: third.name, exact: true }).click();
    await heading(page, third.name).waitFor();
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await page.getByRole('button', { name: 'Dossier afwijzen' }).click();
    await page.getByRole('link', { name: 'Vul de reden in waarom u het dossier afwijst.' }).waitFor();
    await journey.capture(page, 'reject-reason-required');
    await page.getByLabel('Reden van afwijzen').fill('De leerling is niet bij ons geplaatst.');
    await page.getByRole('button', { name: 'Dossier afwijzen' }).click();
    await page.getByText('Het dossier is afgewezen.').waitFor();
    await page.locator('.ovs-vo-next').getByText('Afgewezen', { exact: true }).waitFor();
    await page.getByText('De leerling is niet bij ons geplaatst.').waitFor();
    await journey.capture(page, 'rejected');

    // ---- LeerlingNietGevonden: correct the registration, then request again ----------------------
    const fourth = pupils[3];
    const mistaken = (await gw(VO, 'POST', '/registrations', {
      achternaam: fourth.achternaam,
      ...(fourth.voorvoegsel ? { voorvoegsel: fourth.voorvoegsel } : {}),
      ...(fourth.roepnaam ? { roepnaam: fourth.roepnaam } : {}),
      bsn: '123456782',
      geboortedatum: fourth.geboortedatum,
      sourceBrin: PO,
    })) as { registrationId: string };
    const notFound = await gw(VO, 'POST', `/registrations/${mistaken.registrationId}/request`);
    expect(notFound.result).toBe('LeerlingNietGevonden');
    await page.goto(`${server.url}/school/${VO}/aanmeldingen/${mistaken.registrationId}`);
    await heading(page, fourth.name).waitFor();
    await page.locator('.ovs-vo-next').getByText('Niet gevonden', { exact: true }).waitFor();
    await page.getByText('kent geen leerling met dit BSN').first().waitFor();
    await journey.capture(page, 'not-found');
    await page.getByRole('button', { name: 'Gegevens corrigeren' }).click();
    const correction = page.locator('form', { has: page.getByRole('button', { name: 'Correctie opslaan' }) });
    await expect(correction.getByLabel('BSN').inputValue()).resolves.toBe('123456782');
    await expect(correction.getByRole('radio', { name: new RegExp(PO_NAME) }).isChecked()).resolves.toBe(
      true,
    );
    await correction.getByLabel('BSN').fill(fourth.bsn);
    await correction.getByText('3 aangesloten scholen gevonden.').waitFor();
    await journey.capture(page, 'correcting');
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText('De aanmelding is gecorrigeerd. Vraag het dossier nu opnieuw op.').waitFor();
    await page.getByRole('button', { name: 'Opnieuw opvragen' }).click();
    await page.getByText('Opgevraagd: Nog niet klaargezet.').waitFor();
    await page.locator('.ovs-vo-next').getByText('Wacht op klaarzetten', { exact: true }).waitFor();
    await journey.capture(page, 'corrected-and-requested');

    // ---- the coordinator: the same dossier with its support information -------------------------
    const coordinator = await signedIn('coordinator@21xx.demo');
    await coordinator.goto(`${server.url}/school/${VO}/aanmeldingen`);
    await row(coordinator, withSupport.name).getByText('Ingelezen', { exact: true }).waitFor();
    await coordinator.getByRole('link', { name: withSupport.name, exact: true }).click();
    await heading(coordinator, withSupport.name).waitFor();
    const coordinatorFrame = coordinator.frameLocator('iframe[title^="Overstapdossier van"]');
    await coordinatorFrame.getByRole('heading', { level: 1 }).waitFor();
    const full = (await coordinatorFrame.locator('body').textContent()) ?? '';
    expect(full).toContain(supportText);
    expect(full).not.toContain('Niet getoond');
    await coordinator.getByText('Deze weergave bevat ook de ondersteuningsinformatie').waitFor();
    // Only what a coordinator may do: no XML export, no import or reject.
    await expect(
      coordinator.getByRole('link', { name: 'Exporteren voor uw administratie (XML)' }).count(),
    ).resolves.toBe(0);
    await coordinator.getByRole('link', { name: 'Exporteren als JSON' }).waitFor();
    await journey.capture(coordinator, 'received-coordinator');

    // ---- on a phone --------------------------------------------------------------------------------
    // (The same person on a phone-sized window: signing in twice within 30 s would reuse a TOTP code.)
    const phone = coordinator;
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/school/${VO}/aanmeldingen`);
    await row(phone, second.name).waitFor();
    await journey.capture(phone, 'registrations-phone');

    // In English, for who chose it.
    await phone.getByRole('button', { name: 'Switch to English' }).click();
    await heading(phone, 'Registrations').waitFor();
    await journey.capture(phone, 'registrations-phone-en');

    expect(journey.report()).toBe('');
  }, 600_000);
});
