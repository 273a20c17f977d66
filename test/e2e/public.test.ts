import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, Journey, launchChromium, startDemoServer } from '../support/browser.js';

/** The public list of admitted schools: no sign-in, search, Dutch and English, accessible. */
describe('public list of admitted schools (browser)', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets anyone search the admitted schools without signing in', async () => {
    const journey = new Journey('public-schools');
    const page = await browser.newPage();
    await page.goto(`${server.url}/scholen`);
    await page.getByRole('heading', { level: 1, name: 'Aangesloten scholen' }).waitFor();
    const table = page.getByRole('table');
    await expect(table.getByRole('row').count()).resolves.toBeGreaterThanOrEqual(5);
    await journey.capture(page, 'list');

    await page.getByLabel('Zoek op naam, BRIN of plaats').fill('21XX');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 school gevonden').waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(2);
    expect(page.url()).toContain('q=21XX');
    await journey.capture(page, 'search');

    await page.getByLabel('Zoek op naam, BRIN of plaats').fill('bestaat-niet');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen toegelaten school gevonden').waitFor();
    await journey.capture(page, 'none-found');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admitted schools' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await journey.capture(page, 'english');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/scholen`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await journey.capture(page, 'phone');
    await page.close();

    expect(journey.report()).toBe('');
  });

  it('answers unknown API paths with the JSON error shape and client-side paths with the app', async () => {
    const api = await fetch(`${server.url}/api/bestaat-niet`);
    expect(api.status).toBe(404);
    expect((await api.json()).code).toBe('NOT_FOUND');
    const app = await fetch(`${server.url}/school/01AA/vertrek`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await app.text()).toContain('<div id="root">');
  });
});
