import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDossier } from '../../src/standard/index.js';
import {
  type DemoAccount,
  type DemoServer,
  Journey,
  launchChromium,
  startDemoServer,
  totp,
} from '../support/browser.js';

/**
 * The main journey of issue 4, in real Chromium on one demo server, through the web pages only
 * (people sign in through the sign-in form with their password and TOTP code): the vo
 * administratie registers a pupil of po school 01AA and requests the dossier — not ready yet; the
 * po administratie sees in the worklist where the pupil registered, puts the dossier up for
 * inspection and invites the parents; a parent opens the link (from the development mail catcher)
 * on a phone, checks the birth date, reads and agrees; the po administratie sees the inspection
 * and sets the dossier ready for that school; the vo page updates by itself (the ready notice, then
 * an automatic request); the vo coordinator reads the received dossier; the vo administratie
 * exports the XML and marks it imported. Every screen is captured and scanned with axe.
 */
const PO = { brin: '01AA', name: 'Basisschool De Regenboog' };
const VO = { brin: '21XX', name: 'Het Amersfoorts Lyceum' };
const PARENT_EMAIL = 'ouders.journey@example.test';

interface Pupil {
  dossierId: string;
  roepnaam?: string;
  voornaam: string;
  voorvoegsel?: string;
  achternaam: string;
  bsn: string;
  geboortedatum: string;
  /** As the pages write it: roepnaam (or first name), voorvoegsel, achternaam. */
  name: string;
}

const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

describe('the main journey (browser): registered, inspected by the parents, ready, received, imported', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let pupil: Pupil;

  const account = (prefix: string) => {
    const accounts = (server.credentials.accounts ?? []) as DemoAccount[];
    const found = accounts.find((a) => a.email.startsWith(prefix));
    if (!found) throw new Error(`no ${prefix}…; have ${accounts.map((a) => a.email).join(', ')}`);
    return found;
  };
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // Test setup: the pupil's name, BSN and birth date, as the parents would tell the vo school,
    // read from the po school's dossier with its API key (demo-credentials.json).
    const schools = server.credentials.schools as Array<{ brin: string; apiKey: string }>;
    const key = schools.find((s) => s.brin === PO.brin)?.apiKey;
    const gw = async (path: string) => {
      const response = await fetch(`${server.url}/api/gw/schools/${PO.brin}${path}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.ok).toBe(true);
      return response;
    };
    const list = (await (await gw('/dossiers')).json()) as Array<{ dossierId: string; state: string }>;
    const concept = list.find((d) => d.state === 'concept');
    if (!concept) throw new Error('the demo po school has no concept dossier');
    const l = readDossier(Buffer.from(await (await gw(`/dossiers/${concept.dossierId}/xml`)).arrayBuffer()))
      .huidigeschool.leerling;
    const voornaam = l.roepnaam ?? l.voornaam?.[0] ?? '';
    pupil = {
      dossierId: concept.dossierId,
      ...(l.roepnaam ? { roepnaam: l.roepnaam } : {}),
      voornaam,
      ...(l.voorvoegsel ? { voorvoegsel: l.voorvoegsel } : {}),
      achternaam: l.achternaam,
      bsn: l.bsn as string,
      geboortedatum: l.geboortedatum as string,
      name: [voornaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
    };
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    contexts.push(context);
    return context.newPage();
  }

  /** Signs in through the sign-in form (password, then the code of the authenticator app). */
  async function signIn(page: Page, journey: Journey, who: DemoAccount, to: string, screen: string) {
    await page.goto(`${server.url}/inloggen?terug=${encodeURIComponent(to)}`);
    await heading(page, 'Inloggen').waitFor();
    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByLabel(/^Wachtwoord/).fill(who.password);
    await journey.capture(page, `${screen}-sign-in`);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await heading(page, 'Code uit uw authenticator-app').waitFor();
    await page.getByLabel('Code van 6 cijfers').fill(totp(who.totpSecret));
    await journey.capture(page, `${screen}-code`);
    await page.getByLabel('Code van 6 cijfers').press('Enter');
    await page.waitForURL(`${server.url}${to}`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  }

  it('a po user sets a dossier ready after a parent agreed via the inspection link; a vo user requests and imports it', async () => {
    const journey = new Journey('journey');
    const voList = `/school/${VO.brin}/aanmeldingen`;
    const poList = `/school/${PO.brin}/vertrek`;
    const row = (page: Page) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: pupil.name, exact: true }) });

    // ---- 1. the vo administratie registers the pupil and asks for the dossier: not ready yet ------
    const vo = await newPage();
    await signIn(vo, journey, account('administratie@21xx.demo'), voList, 'vo-administratie');
    await heading(vo, 'Aanmeldingen').waitFor();
    await vo.getByText('Er zijn nog geen aanmeldingen.').waitFor();
    await journey.capture(vo, 'vo-registrations-empty');

    const form = vo.locator('form', { has: vo.getByRole('button', { name: 'Aanmelding vastleggen' }) });
    if (pupil.roepnaam) await form.getByLabel('Voornaam (roepnaam)').fill(pupil.roepnaam);
    if (pupil.voorvoegsel) await form.getByLabel('Voorvoegsel').fill(pupil.voorvoegsel);
    await form.getByLabel('Achternaam').fill(pupil.achternaam);
    await form.getByLabel('BSN').fill(pupil.bsn);
    await form.getByLabel('Geboortedatum').fill(dutchDate(pupil.geboortedatum));
    await form.getByLabel('Zoek de basisschool').fill('Regenboog');
    await form.getByRole('radio', { name: /Sterrenkijker/ }).waitFor({ state: 'detached' });
    await form.getByRole('radio', { name: new RegExp(PO.name) }).check();
    await form.getByLabel('Voorkeur').selectOption('1');
    await journey.capture(vo, 'vo-registration-form');
    await form.getByRole('button', { name: 'Aanmelding vastleggen' }).click();
    await vo.getByText(`${pupil.name} is aangemeld.`).waitFor();
    await row(vo).getByText('Aanmelding', { exact: true }).waitFor();
    await journey.capture(vo, 'vo-registered');

    await row(vo)
      .getByRole('button', { name: new RegExp(`^Opvragen\\s*: dossier van ${pupil.name}$`) })
      .click();
    await vo.getByText(`Dossier van ${pupil.name} opgevraagd: Nog niet klaargezet.`).waitFor();
    await row(vo).getByText('Wacht op klaarzetten').waitFor();
    await vo.getByText('Deze lijst werkt zich elke 10 seconden vanzelf bij.').waitFor();
    await journey.capture(vo, 'vo-requested-not-ready');

    // ---- 2. the po administratie: the pupil in the worklist, where they registered --------------
    const po = await newPage();
    await signIn(po, journey, account('administratie@01aa.demo'), poList, 'po-administratie');
    await heading(po, 'Vertrekkende leerlingen').waitFor();
    await po.getByRole('table').waitFor();
    // The registration notice travels over the chain as a job: the worklist shows it once it came.
    for (let i = 0; i < 60; i++) {
      if ((await row(po).getByText(VO.name).count()) > 0) break;
      await po.waitForTimeout(1000);
      await po.reload();
      await po.getByRole('table').waitFor();
    }
    await row(po).getByText(VO.name).waitFor();
    await expect(row(po).textContent()).resolves.toContain('In orde');
    await journey.capture(po, 'po-worklist');

    await po.getByLabel('Zoek op naam').fill(pupil.achternaam);
    await po.getByRole('link', { name: pupil.name, exact: true }).click();
    await heading(po, pupil.name).waitFor();
    const summary = po.locator('.utrecht-data-list', { hasText: 'Aangemeld bij' });
    await expect(summary.textContent()).resolves.toContain(`${VO.name} (${VO.brin})`);
    // A concept that was not inspected: no inspection shown, nothing for the school to fix.
    await po.getByText('Wacht op de inzage door de ouders').waitFor();
    await expect(po.getByText('Los eerst de fouten in het dossier op.').count()).resolves.toBe(0);
    await journey.capture(po, 'po-dossier');

    // Up for inspection, and the parents invited by mail.
    await po.getByRole('button', { name: 'Ter inzage leggen' }).click();
    await po.getByText('Het dossier ligt nu ter inzage.').waitFor();
    await po.getByLabel('E-mailadres van de ouders (niet verplicht)').fill(PARENT_EMAIL);
    await po.getByRole('button', { name: 'Link maken' }).click();
    const link = po.getByLabel('Link voor de ouders');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/inzage/[A-Za-z0-9_-]{43}$`));
    await po.getByText(`De link is gemaild naar ${PARENT_EMAIL}.`).waitFor();
    await journey.capture(po, 'po-inspection-invited');

    // ---- 3. the parent: the mail, then the link on a phone -----------------------------------
    const parent = await newPage({ phone: true });
    await parent.goto(`${server.url}/dev/mail`);
    await heading(parent, 'Testmail').waitFor();
    const mail = parent.getByRole('row').filter({ hasText: PARENT_EMAIL });
    await mail
      .getByRole('link', { name: new RegExp(`Het overstapdossier van uw kind \\(${PO.name}\\)`) })
      .click();
    await parent.getByRole('heading', { level: 2, name: /Het overstapdossier van uw kind/ }).waitFor();
    await journey.capture(parent, 'parent-mail');
    await parent.getByRole('link', { name: url }).click();

    await heading(parent, 'Het overstapdossier van uw kind').waitFor();
    const [year, month, day] = pupil.geboortedatum.split('-');
    await parent.getByLabel('Dag').fill(String(Number(day)));
    await parent.getByLabel('Maand').fill(String(Number(month)));
    await parent.getByLabel('Jaar').fill(year);
    await journey.capture(parent, 'parent-check');
    await parent.getByRole('button', { name: 'Verder' }).click();
    await heading(parent, `Het overstapdossier van ${pupil.voornaam}`).waitFor();
    const dossierFrame = parent.frameLocator(`iframe[title="Overstapdossier van ${pupil.voornaam}"]`);
    await dossierFrame
      .getByRole('heading', { name: /Overstapadvies/ })
      .first()
      .waitFor();
    // The frozen version does not claim an inspection that has not happened.
    const shownToParent = (await dossierFrame.locator('body').textContent()) ?? '';
    expect(shownToParent).toContain('nog niet ingezien');
    expect(shownToParent).not.toMatch(/ingezien op/);
    await journey.capture(parent, 'parent-read');
    await parent.getByRole('button', { name: 'Verder naar uw antwoord' }).click();
    await heading(parent, 'Uw antwoord').waitFor();
    await parent.getByLabel('Ja, ik ben het eens').check();
    await journey.capture(parent, 'parent-answer');
    await parent.getByRole('button', { name: 'Versturen' }).click();
    await heading(parent, 'Bedankt! Uw antwoord is verstuurd').waitFor();
    await journey.capture(parent, 'parent-done');

    // ---- 4. the po administratie sees the inspection and sets the dossier ready ----------------
    await po.reload();
    await heading(po, pupil.name).waitFor();
    await expect(po.locator('.ovs-po-status').textContent()).resolves.toContain('Ingezien');
    const inspection = po.locator('#inzage');
    await expect(inspection.textContent()).resolves.toContain('Eens met het dossier');
    await expect(po.getByText('Wacht op de inzage door de ouders').count()).resolves.toBe(0);
    await journey.capture(po, 'po-inspected');
    await po.getByRole('button', { name: `Klaarzetten voor ${VO.name}` }).click();
    await po.getByText(`Het dossier staat klaar voor ${VO.name} (${VO.brin}) sinds`).waitFor();
    await journey.capture(po, 'po-ready');

    // ---- 5. the vo page updates by itself: notice, automatic request, received ----------------
    await row(vo).getByText('Ontvangen', { exact: true }).waitFor({ timeout: 90_000 });
    // The earlier answer ("not ready yet") no longer stands beside it.
    await expect(vo.getByText(`opgevraagd: Nog niet klaargezet`).count()).resolves.toBe(0);
    await journey.capture(vo, 'vo-received-automatically');

    // ---- 6. the vo coordinator reads the received dossier --------------------------------------
    const coordinator = await newPage();
    await signIn(coordinator, journey, account('coordinator@21xx.demo'), voList, 'vo-coordinator');
    await coordinator.getByRole('link', { name: pupil.name, exact: true }).click();
    await heading(coordinator, pupil.name).waitFor();
    const received = coordinator.frameLocator(`iframe[title="Overstapdossier van ${pupil.name}"]`);
    await received.getByRole('heading', { level: 1 }).waitFor();
    const shown = (await received.locator('body').textContent()) ?? '';
    expect(shown).toContain(pupil.achternaam);
    expect(shown).toMatch(/ingezien op/);
    await coordinator.locator('iframe').scrollIntoViewIfNeeded();
    await journey.capture(coordinator, 'vo-coordinator-dossier');

    // ---- 7. the vo administratie exports the XML and marks it imported -----------------------
    await vo.getByRole('link', { name: pupil.name, exact: true }).click();
    await heading(vo, pupil.name).waitFor();
    await journey.capture(vo, 'vo-received');
    const [download] = await Promise.all([
      vo.waitForEvent('download'),
      vo.getByRole('link', { name: 'Exporteren voor uw administratie (XML)' }).click(),
    ]);
    const exported = readDossier(await readFile((await download.path()) as string));
    expect(exported.huidigeschool.leerling.bsn).toBe(pupil.bsn);
    expect(exported.inzage).toMatchObject({ inzage: true, akkoord: 'Ja' });
    await vo.getByRole('button', { name: 'Markeren als ingelezen' }).click();
    await vo.getByText('Het dossier is gemarkeerd als ingelezen.').waitFor();
    await vo.locator('.ovs-vo-next').getByText('Ingelezen', { exact: true }).waitFor();
    await journey.capture(vo, 'vo-imported');

    expect(journey.report()).toBe('');
  }, 480_000);
});
