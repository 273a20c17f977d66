import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDossier } from '../../src/standard/index.js';
import {
  accountPages,
  type DemoServer,
  dayOfThisSchoolYear,
  Journey,
  launchChromium,
  startDemoServer,
} from '../support/browser.js';

/**
 * The region's monitoring in real Chromium against the demo server. The coordinator reads the
 * dashboard the demo filled with six weeks of counts (cards, both charts with their tables, the
 * table per school filtered and sorted), downloads the CSV and the PDF; with an earlier inspection
 * deadline and one school's fresh report through the federated gateway route, schools are behind.
 * A po school's administratie sees its own row, the regional totals and — after a real
 * registration and klaarzetten — the name of its pupil whose dossier waits; the vo school sees
 * the registration whose dossier has not arrived. "Bring up to date" replaces today's counts with
 * the gateway's real ones. Every screen is captured and scanned with axe; also on a phone. The
 * region's clock (and the browser's) is pinned to 2 November of the school year we are in: the demo's
 * counts grow towards its deadlines, so what lags depends on the day; the gateway's own data (a
 * registration, a dossier set ready) is made on the real clock, in the same school year.
 */
const REGION = 'eemland';
const PO = '01AA';
const VO = '21XX';

describe('the region’s monitoring (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const journey = new Journey('monitoring');
  const accounts = accountPages(
    () => browser,
    () => server,
    { acceptDownloads: true },
  );
  const { signedIn, pageErrors } = accounts;
  let pupil: { dossierId: string; name: string; bsn: string; achternaam: string; geboortedatum: string };

  const apiKey = (brin: string) => {
    const schools = server.credentials.schools as Array<{ brin: string; apiKey: string }>;
    const found = schools.find((s) => s.brin === brin);
    if (!found) throw new Error(`no demo API key for ${brin}`);
    return found.apiKey;
  };
  /** The API with a key (a school's administration system, or the operator). */
  async function call(key: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text.startsWith('<') ? text : text ? JSON.parse(text) : undefined;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer({}, { schoolDay: dayOfThisSchoolYear('11-02') }),
      launchChromium(),
    ]);
    const list = (await call(apiKey(PO), 'GET', `/api/gw/schools/${PO}/dossiers`)) as Array<{
      dossierId: string;
    }>;
    const xml = (await call(
      apiKey(PO),
      'GET',
      `/api/gw/schools/${PO}/dossiers/${list[0].dossierId}/xml`,
    )) as string;
    const l = readDossier(Buffer.from(xml)).huidigeschool.leerling;
    pupil = {
      dossierId: list[0].dossierId,
      name: [l.roepnaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
      bsn: l.bsn as string,
      achternaam: l.achternaam,
      geboortedatum: l.geboortedatum as string,
    };
  }, 300_000);

  afterAll(async () => {
    await accounts.close();
    await browser?.close();
    await server?.close();
  });

  const dashboardUrl = () => `${server.url}/regio/${REGION}/monitoring`;
  const dashboardJson = async (page: Page) =>
    (await (await page.request.get(`${server.url}/api/region/regions/${REGION}/monitoring`)).json()) as {
      today: string;
      schoolYear: string;
      schools: Array<{
        brin: string;
        readyNotRequested: number | null;
        cells: Record<string, { count: number | null; status: string }>;
      }>;
    };

  it('the coordinator reads the dashboard, filters and sorts the table, and exports it', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(`${server.url}/regio/${REGION}`);
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Monitoring Demo-regio Eemland');
    await page.getByRole('heading', { level: 3, name: 'Ingezien door ouders' }).waitFor();
    await expect.poll(() => page.getByText(/Laatst gemeld op/).count()).toBe(1);
    await journey.capture(page, 'dashboard');

    // the per-school table: all five schools, then filtered by name and by sector, then sorted
    await expect.poll(() => page.getByText('5 van de 5 scholen getoond.').count()).toBe(1);
    await page.getByLabel('Zoek een school').fill('dalton');
    await expect.poll(() => page.getByText('1 van de 5 scholen getoond.').count()).toBe(1);
    await page.getByLabel('Zoek een school').fill('');
    await page.getByLabel('Sector').selectOption('vo');
    await expect.poll(() => page.getByText('2 van de 5 scholen getoond.').count()).toBe(1);
    await page.getByLabel('Sector').selectOption('all');
    await page.getByRole('button', { name: /^School/ }).click();
    const names = await page.locator('.ovs-monitoring-table__name').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(await page.getByRole('columnheader', { name: /^School/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await page.getByRole('button', { name: /^School/ }).click();
    expect(await page.getByRole('columnheader', { name: /^School/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await page.getByRole('table', { name: 'Aantallen per school en mijlpaal' }).scrollIntoViewIfNeeded();
    await journey.capture(page, 'table-sorted');

    // the charts: images with a title and a description, and their numbers as tables
    const charts = page.getByRole('img');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    await page.getByText('Toon de cijfers als tabel').first().click();
    await page.getByRole('table', { name: 'Basisscholen: voortgang van de dossiers' }).waitFor();
    await journey.capture(page, 'chart-as-table');

    // exports: CSV and PDF
    const csv = await page.request.get(`${server.url}/api/region/regions/${REGION}/monitoring/export.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain(
      'BRIN;School;Sector;Plaats;Laatst gemeld;Vertrekkende leerlingen',
    );
    expect(text).toContain('Daltonschool De Sterrenkijker');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download als PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^monitoring-eemland-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('with a deadline passed, schools that lag are behind; one reported through the gateway route', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    const before = await dashboardJson(page);
    // the inspection deadline yesterday, the rest later (within the school year)
    const day = (offset: number) =>
      new Date(Date.parse(`${before.today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const end = Number(before.schoolYear.slice(5));
    const dates = {
      inspectedBy: day(-1),
      registeredBy: day(14),
      destinationKnownBy: day(28),
      readyBy: day(42),
      requestedBy: day(56),
      summerSwitch: `${end}-08-20`,
    };
    const session = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const saved = await page.request.put(
      `${server.url}/api/region/regions/${REGION}/timelines/${before.schoolYear}`,
      {
        data: dates,
        headers: { 'x-csrf-token': session.csrfToken },
      },
    );
    expect(saved.status()).toBe(200);

    // De Regenboog's gateway reports today that every parent has inspected (the federated route)
    const regenboog = before.schools.find((s) => s.brin === PO);
    const c = (k: string) => regenboog?.cells[k]?.count ?? 0;
    const recorded = await call(
      server.credentials.operatorKey as string,
      'POST',
      '/api/region/monitoring/snapshots',
      {
        snapshots: [
          {
            schoolBrin: PO,
            schoolYear: before.schoolYear,
            day: before.today,
            sending: {
              leaving: c('leaving'),
              inspected: c('leaving'),
              registrationsKnown: c('registrationsKnown'),
              setReady: c('setReady'),
              requested: c('requested'),
              delivered: c('delivered'),
              readyNotRequested: regenboog?.readyNotRequested ?? 0,
            },
            receiving: {
              registrations: 0,
              firstPreference: 0,
              requested: 0,
              received: 0,
              imported: 0,
              notArrived: 0,
            },
          },
        ],
      },
    );
    expect(recorded).toEqual({ recorded: 1, skipped: [] });

    await page.goto(dashboardUrl());
    await page.getByText(/scholen lopen achter op een deadline/).waitFor();
    const after = await dashboardJson(page);
    expect(after.schools.find((s) => s.brin === PO)?.cells.inspected.status).toBe('done');
    expect(after.schools.find((s) => s.brin === '03CC')?.cells.inspected.status).toBe('behind');
    await journey.capture(page, 'dashboard-behind');
    await page.getByLabel('Toestand').selectOption('behind');
    await expect.poll(() => page.getByText('2 van de 5 scholen getoond.').count()).toBe(1);
    await page.getByRole('table', { name: 'Aantallen per school en mijlpaal' }).scrollIntoViewIfNeeded();
    await journey.capture(page, 'table-behind');

    // on a phone, and in English
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Toestand').selectOption('all');
    await page.getByRole('heading', { level: 3, name: 'Ingezien door ouders' }).scrollIntoViewIfNeeded();
    await journey.capture(page, 'dashboard-phone');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 3, name: 'Inspected by parents' }).waitFor();
    await journey.capture(page, 'dashboard-phone-english');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ingezien door ouders' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a school sees its own row, the regional totals and its own pupils; the region sees counts', async () => {
    // 21XX registers the pupil (its notice reaches 01AA), 01AA inspects and sets the dossier ready
    await call(apiKey(VO), 'POST', `/api/gw/schools/${VO}/registrations`, {
      achternaam: pupil.achternaam,
      bsn: pupil.bsn,
      geboortedatum: pupil.geboortedatum,
      sourceBrin: PO,
      preferenceRank: 1,
    });
    const base = `/api/gw/schools/${PO}/dossiers/${pupil.dossierId}`;
    await call(apiKey(PO), 'POST', `${base}/ter-inzage`);
    await call(apiKey(PO), 'POST', `${base}/inspection`, { inzagedatum: '2026-11-20', akkoord: 'Ja' });
    await call(apiKey(PO), 'POST', `${base}/klaarzetten`, { destinationBrin: VO });

    const po = await signedIn('administratie@01aa.demo.test');
    await po.goto(`${server.url}/school/${PO}/vertrek`);
    await po.getByRole('link', { name: 'Voortgang' }).click();
    await po.getByRole('heading', { level: 1, name: 'Voortgang van Basisschool De Regenboog' }).waitFor();
    await journey.capture(po, 'school-po-this-year');
    // the demo's dossiers are of this school year, so its list is the one shown first
    const list = po.getByRole('table', { name: '1 dossiers klaargezet en nog niet opgevraagd' });
    await list.waitFor();
    expect(await list.getByRole('link', { name: pupil.name }).count()).toBe(1);
    expect(await po.getByRole('table', { name: /naast de regio Demo-regio Eemland/ }).count()).toBe(1);
    // its own row only: no other school of the region is named
    expect(await po.getByText('Daltonschool De Sterrenkijker').count()).toBe(0);
    await journey.capture(po, 'school-po');
    await list.getByRole('link', { name: pupil.name }).click();
    await po.waitForURL(`**/school/${PO}/vertrek/${pupil.dossierId}`);

    const vo = await signedIn('coordinator@21xx.demo.test');
    await vo.goto(`${server.url}/school/${VO}/voortgang`);
    const arrived = vo.getByRole('table', { name: '1 aanmeldingen zonder ontvangen dossier' });
    await arrived.waitFor();
    expect(await arrived.getByRole('link').count()).toBe(1);
    await journey.capture(vo, 'school-vo');

    // the school's staff cannot open the region's dashboard
    await po.goto(dashboardUrl());
    await po.getByText('Geen toegang tot deze regio').waitFor();
    expect((await po.request.get(`${server.url}/api/region/regions/${REGION}/monitoring`)).status()).toBe(
      403,
    );
    await journey.capture(po, 'school-no-access');
  });

  it('"bring up to date" replaces today’s counts with the gateway’s real ones', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(dashboardUrl());
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await page.getByText(/Gevraagd: de scholen melden hun aantallen opnieuw/).waitFor();
    // today's counts are now the gateway's: one registration at 21XX (today) whose dossier has not
    // arrived; the demo's 8 po dossiers of this school year are 01AA's leaving pupils (the pilot's
    // fictional pupils are not counted)
    await expect
      .poll(
        async () => (await dashboardJson(page)).schools.find((s) => s.brin === VO)?.cells.registrations.count,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    const now = await dashboardJson(page);
    expect(now.schools.find((s) => s.brin === PO)?.cells.leaving.count).toBe(8);
    expect(now.schools.find((s) => s.brin === VO)?.cells.received.count).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'Ingezien door ouders' }).waitFor();
    await journey.capture(page, 'dashboard-after-refresh');

    expect(pageErrors).toEqual([]);
    expect(journey.report()).toBe('');
  }, 60_000);
});
