import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/platform/auth/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/context.js';
import { sendDueReminders, trafficCenterFacts } from '../../src/region/index.js';
import {
  accountPages,
  DEMO_SCHOOL_DAY,
  type DemoServer,
  Journey,
  launchChromium,
  startDemoServer,
} from '../support/browser.js';

/**
 * The region's reminders in real Chromium against the demo server (timeline 2026-2027 of the demo
 * region: parents have inspected by Friday 5 March 2027). The coordinator reads who gets which
 * reminder and when they go, is stopped at a number out of bounds, changes the first reminder to
 * four school days before, and sends "now" (on the pinned school day, DEMO_SCHOOL_DAY, there is
 * nothing to send).
 * The daily run is then done for Thursday 4 March 2027 — the last school day before the deadline —
 * through the real use case in the server's process; the server's own job runner mails the po
 * schools' administratie and groep 8 teachers. The coordinator sees the log; the administratie of
 * De Regenboog sees the notice on her school's page and marks it read. Every screen is captured
 * and scanned with axe.
 */
const REGION = 'eemland';
const PO = '01AA';

describe('the region’s reminders (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const journey = new Journey('reminders');
  const accounts = accountPages(
    () => browser,
    () => server,
  );
  const { signedIn, pageErrors } = accounts;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer({}, { schoolDay: DEMO_SCHOOL_DAY }),
      launchChromium(),
    ]);
  }, 300_000);

  afterAll(async () => {
    await accounts.close();
    await browser?.close();
    await server?.close();
  });

  it('the coordinator reads who is reminded when, changes the settings and sends now', async () => {
    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(`${server.url}/regio/${REGION}`);
    await page.getByRole('link', { name: 'Herinneringen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Herinneringen' }).waitFor();
    const duties = page.getByRole('table', {
      name: 'Per deadline de school en de rollen die een herinnering krijgen',
    });
    await duties.waitFor();
    expect(await duties.getByRole('row', { name: /Ouders hebben ingezien/ }).textContent()).toContain(
      'administratie en leerkracht groep 8',
    );
    const schedule = page.getByRole('table', { name: 'De komende herinneringen met deze instellingen' });
    expect(await schedule.getByRole('row').nth(1).textContent()).toContain('vrijdag 19 februari 2027');
    await journey.capture(page, 'reminders-page');

    const first = page.getByLabel('Eerste herinnering: aantal schooldagen vóór de deadline');
    await first.fill('1');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Vul een heel getal in van 2 tot en met 20.' })
      .first()
      .waitFor();
    await journey.capture(page, 'settings-refused');
    await first.fill('4');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    // four school days before Friday 5 March 2027 is Monday 1 March (the spring holiday ends 28 February)
    await expect.poll(() => schedule.getByRole('row').nth(1).textContent()).toContain('maandag 1 maart 2027');
    await journey.capture(page, 'settings-saved');

    await page.getByRole('button', { name: 'Herinneringen van vandaag nu versturen' }).click();
    // on the pinned school day (DEMO_SCHOOL_DAY) nothing is due: no deadline of the timeline is near
    await page
      .getByText(
        /Vandaag \(.+\) is geen schooldag|Er waren vandaag \(.+\) geen herinneringen meer te versturen/,
      )
      .waitFor();
    await page.getByText('In schooljaar 2026-2027 zijn nog geen herinneringen verstuurd.').waitFor();
    await journey.capture(page, 'send-now-nothing-due');
  });

  it('on the last school day before the deadline the schools are mailed, and the coordinator sees the log', async () => {
    const { db, keyring } = server.running;
    const run = await sendDueReminders(
      {
        db,
        keyring,
        actor: SYSTEM_ACTOR,
        requestId: 'e2e-daily-run',
        now: () => new Date('2027-03-04T06:00:00.000Z'),
      },
      { chain: trafficCenterFacts(db, keyring) },
      { regionId: REGION, trigger: 'daily' },
    );
    expect(run).toMatchObject({ schoolDay: true, due: [{ deadline: 'inspectedBy', kind: 'last_day' }] });
    expect(run.reminders).toBeGreaterThanOrEqual(1);
    // the server's own job runner sends the mails
    await expect
      .poll(
        async () => (await listOutbox(db, 500)).filter((m) => m.subject.startsWith('Herinnering:')).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(run.recipients);
    const mail = (await listOutbox(db, 500)).find(
      (m) => m.to === 'administratie@01aa.demo.test' && m.subject.startsWith('Herinnering:'),
    );
    expect(mail?.subject).toBe(
      'Herinnering: ‘Ouders hebben ingezien’ uiterlijk vrijdag 5 maart 2027 (Basisschool De Regenboog)',
    );
    expect(mail?.text).toContain(`${server.url}/school/${PO}/vertrek`);
    expect(mail?.text).toContain('Marieke van Dam (Regiocoördinator overstap po-vo)');

    const page = await signedIn('coordinator@regio.demo.test');
    await page.goto(`${server.url}/regio/${REGION}/herinneringen`);
    const log = page.getByRole('table', {
      name: /herinneringen in schooljaar 2026-2027, de nieuwste bovenaan/,
    });
    await log.waitFor();
    const row = log.getByRole('row', { name: /Basisschool De Regenboog/ });
    expect(await row.textContent()).toContain('Laatste schooldag ervoor');
    await row.getByText('Adressen', { exact: true }).click();
    await row.getByText('administratie@01aa.demo.test').waitFor();
    await log.scrollIntoViewIfNeeded();
    await journey.capture(page, 'log');
  });

  it('a po school’s administratie sees the notice on her school’s page and marks it read', async () => {
    const page = await signedIn('administratie@01aa.demo.test');
    await page.goto(`${server.url}/school/${PO}/vertrek`);
    const notices = page.getByRole('region', { name: /Herinneringen van de regio \(1 open\)/ });
    await notices.waitFor();
    await notices
      .getByRole('heading', {
        level: 3,
        name: 'Herinnering: ‘Ouders hebben ingezien’ uiterlijk vrijdag 5 maart 2027',
      })
      .waitFor();
    expect(await notices.textContent()).toContain(
      'Voor: administratie of leerkracht groep 8 · Demo-regio Eemland',
    );
    await journey.capture(page, 'school-notice');

    // the same notice on the school's progress page, and in English
    await page.getByRole('link', { name: 'Voortgang' }).click();
    await page.getByRole('region', { name: /Herinneringen van de regio/ }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page
      .getByRole('heading', { level: 3, name: 'Reminder: ‘Parents have inspected’ by Friday, 5 March 2027' })
      .waitFor();
    await journey.capture(page, 'school-progress-notice-english');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();

    await page.goto(`${server.url}/school/${PO}/vertrek`);
    await page.getByRole('button', { name: /^Gelezen: Herinnering/ }).click();
    await page.getByText('De melding is gemarkeerd als gelezen.').waitFor();
    // the list goes once the notices are fetched again
    await expect.poll(() => page.getByRole('region', { name: /Herinneringen van de regio/ }).count()).toBe(0);
    await journey.capture(page, 'school-notice-read');

    // another person of the school still has it open
    const teacher = await signedIn('leerkracht@01aa.demo.test');
    await teacher.goto(`${server.url}/school/${PO}/vertrek`);
    await teacher.getByRole('region', { name: /Herinneringen van de regio \(1 open\)/ }).waitFor();
    // and a vo school's people have none: the deadline is the po schools'
    const vo = await signedIn('administratie@21xx.demo.test');
    await vo.goto(`${server.url}/school/21XX/aanmeldingen`);
    await vo.getByRole('heading', { level: 1 }).waitFor();
    expect(await vo.getByRole('region', { name: /Herinneringen van de regio/ }).count()).toBe(0);
    expect((await vo.request.get(`${server.url}/api/region/schools/${PO}/notices`)).status()).toBe(403);

    expect(pageErrors).toEqual([]);
    expect(journey.report()).toBe('');
  }, 60_000);
});
