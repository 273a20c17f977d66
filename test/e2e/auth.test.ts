import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoAccount,
  type DemoServer,
  Journey,
  launchChromium,
  signInByApi,
  startDemoServer,
  totp,
} from '../support/browser.js';

/**
 * Signing in with the web app in real Chromium against the demo server: password and code, wrong
 * input, the lock after five wrong passwords, signing out, a password reset and an invitation
 * through the development mail catcher (with the first-time set-up of the code app), the people
 * page, the language switch, and the CSRF check. Every screen is captured and scanned with axe.
 */
describe('signing in, invitations and password reset (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  /** A demo account by the start of its e-mail address (`administratie@01aa.demo…`). */
  const account = (prefix: string): DemoAccount & { name: string } => {
    const accounts = (server.credentials.accounts ?? []) as Array<DemoAccount & { name: string }>;
    const found = accounts.find((a) => a.email.startsWith(prefix));
    if (!found)
      throw new Error(`no demo account ${prefix}…; have ${accounts.map((a) => a.email).join(', ')}`);
    return found;
  };

  /** Errors thrown in any page: the app must not crash on any screen. */
  const pageErrors: string[] = [];
  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  /** What has the keyboard focus: tag, id and text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const e = document.activeElement;
      return { tag: e?.tagName.toLowerCase(), id: e?.id ?? '', text: e?.textContent?.trim() ?? '' };
    });

  const me = (page: Page) =>
    page.evaluate(async () => {
      const res = await fetch('/api/auth/me');
      return { status: res.status, body: res.ok ? await res.json() : null };
    });

  /** Six digits that are not the code of the previous, this or the next 30 seconds. */
  const wrongCode = (secret: string) => {
    const near = [-30_000, 0, 30_000].map((d) => totp(secret, Date.now() + d));
    return ['000000', '111111', '222222', '333333'].find((c) => !near.includes(c)) ?? '444444';
  };

  /** The path of the current page, with its query. */
  const where = (page: Page) => {
    const url = new URL(page.url());
    return `${url.pathname}${url.search}`;
  };

  it('signs in with password and code (keyboard only), refuses a wrong password, and signs out', async () => {
    const journey = new Journey('auth-sign-in');
    const admin = account('administratie@01aa.demo');
    const page = await newPage();

    await page.goto(`${server.url}/school/01AA/vertrek`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(where(page)).toBe('/inloggen?terug=%2Fschool%2F01AA%2Fvertrek');
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Inloggen' });
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel(/^Wachtwoord/);
    expect(await email.getAttribute('autocomplete')).toBe('username');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    await journey.capture(page, 'sign-in');

    // Nothing filled in: an error summary that links to both fields, and the fields say why.
    await page.getByRole('button', { name: 'Volgende' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Vul uw e-mailadres in.',
      'Vul uw wachtwoord in.',
    ]);
    expect(await focused(page)).toMatchObject({ tag: 'div' });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await journey.capture(page, 'sign-in-empty');

    // A wrong password: the same words as for an unknown address.
    await email.fill(admin.email);
    await password.fill('dit is niet het wachtwoord');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await summary.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    await journey.capture(page, 'wrong-password');
    await email.fill('niemand@nergens.demo.test');
    await password.fill('dit is niet het wachtwoord');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await summary.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Het e-mailadres of het wachtwoord klopt niet.',
    ]);

    // Now with the keyboard only, from a fresh page.
    await page.goto(`${server.url}/inloggen?terug=%2Fschool%2F01AA%2Fvertrek`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'signin-email' });
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'signin-password' });
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Code uit uw authenticator-app' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Code uit uw authenticator-app' });
    const code = page.getByLabel('Code van 6 cijfers');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await journey.capture(page, 'code');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'signin-code' });
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('De code bestaat uit precies 6 cijfers').waitFor();
    await journey.capture(page, 'code-too-short');
    await code.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(totp(admin.totpSecret));
    await page.keyboard.press('Enter');

    await page.waitForURL(`${server.url}/school/01AA/vertrek`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const signedIn = await me(page);
    expect(signedIn.body).toMatchObject({ state: 'signed_in', account: { email: admin.email } });
    await journey.capture(page, 'signed-in');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${server.url}/inloggen`);
    await page.getByText('U bent uitgelogd.').waitFor();
    expect((await me(page)).status).toBe(401);
    await journey.capture(page, 'signed-out');

    // The same page on a phone.
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/inloggen`);
    await phone.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await journey.capture(phone, 'sign-in-phone');

    expect(journey.report()).toBe('');
  }, 120_000);

  it('locks an account after five wrong passwords and says so in plain words', async () => {
    const journey = new Journey('auth-lock');
    const teacher = account('leerkracht@01aa.demo');
    const page = await newPage();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('E-mailadres').fill(teacher.email);
      await page.getByLabel(/^Wachtwoord/).fill(`fout wachtwoord nummer ${attempt}`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Volgende' }).click();
      expect((await answer).status()).toBe(attempt < 5 ? 401 : 423);
    }
    const locked = page.getByRole('alert').filter({ hasText: 'Account tijdelijk geblokkeerd' });
    await locked.waitFor();
    await locked.getByText('Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen').waitFor();
    await locked.getByText(/U kunt het weer proberen vanaf \d{2}:\d{2}\./).waitFor();
    await locked.getByRole('link', { name: 'Wachtwoord vergeten?' }).waitFor();
    await journey.capture(page, 'locked');

    // The right password does not help while the lock holds.
    await page.getByLabel(/^Wachtwoord/).fill(teacher.password);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Volgende' }).click();
    expect((await answer).status()).toBe(423);
    await locked.waitFor();

    expect(journey.report()).toBe('');
  }, 120_000);

  it('resets a forgotten password through the mail catcher, which also lifts the lock', async () => {
    const journey = new Journey('auth-password-reset');
    const teacher = account('leerkracht@01aa.demo');
    const page = await newPage();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1' });
    await journey.capture(page, 'request');

    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Vul uw e-mailadres in.' }).waitFor();
    await journey.capture(page, 'request-empty');

    // An unknown address gets the same answer as a known one.
    await page.getByLabel('E-mailadres').fill('onbekend@nergens.demo.test');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw mailbox' }).waitFor();
    await page.getByRole('button', { name: 'Ander e-mailadres invullen' }).click();
    await page.getByLabel('E-mailadres').fill(teacher.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw mailbox' }).waitFor();
    await page.getByText(`Als er een Overstap-account is met het adres ${teacher.email}`).waitFor();
    await journey.capture(page, 'request-sent');

    await page.goto(`${server.url}/dev/mail`);
    await page.getByRole('heading', { level: 1, name: 'Testmail' }).waitFor();
    await page.getByText('Deze pagina bestaat alleen zolang er geen mailserver is ingesteld').waitFor();
    const row = page.getByRole('row').filter({ hasText: teacher.email });
    await row.getByRole('link', { name: /Uw Overstap-wachtwoord herstellen/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'onbekend@nergens.demo.test' }).count()).toBe(0);
    await journey.capture(page, 'mail-list');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Uw Overstap-wachtwoord herstellen' }).waitFor();
    await journey.capture(page, 'mail');
    await page.getByRole('link', { name: /\/wachtwoord-herstellen\// }).click();

    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    const resetLink = page.url();
    await page.getByText('Eisen aan uw wachtwoord').waitFor();
    const fresh = page.getByLabel(/^Nieuw wachtwoord/);
    expect(await fresh.getAttribute('autocomplete')).toBe('new-password');
    await fresh.fill('te kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('te kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Het wachtwoord heeft 7 tekens; het moeten er minstens 12 zijn.' })
      .waitFor();
    await journey.capture(page, 'reset-too-short');

    const newPassword = 'lantaarn fiets regen koffie';
    await fresh.fill(newPassword);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw wachtwoord is gewijzigd' }).waitFor();
    await journey.capture(page, 'reset-done');

    // The lock of the previous test is gone: sign in with the new password.
    await page.getByRole('link', { name: 'Naar inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(teacher.email);
    await page.getByLabel(/^Wachtwoord/).fill(newPassword);
    await page.getByRole('button', { name: 'Volgende' }).click();
    // A reload during the second step continues there.
    await page.getByRole('heading', { level: 1, name: 'Code uit uw authenticator-app' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Code uit uw authenticator-app' }).waitFor();
    await page.getByLabel('Code van 6 cijfers').fill(totp(teacher.totpSecret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/school/01AA/vertrek`);

    expect((await me(page)).body?.account.email).toBe(teacher.email);

    // The link works once.
    await page.goto(resetLink);
    await page.getByLabel(/^Nieuw wachtwoord/).fill('nog een ander lang wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('nog een ander lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('alert').getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
    await journey.capture(page, 'reset-link-used');

    expect(journey.report()).toBe('');
  }, 120_000);

  let head: Page;

  it('invites a new person from the people page; the person sets a password, sets up the code app and sees only their school', async () => {
    const journey = new Journey('auth-invitation');
    const directie = account('directie@01aa.demo');
    head = await newPage();
    await signInByApi(head, server, directie);
    await head.goto(`${server.url}/school/01AA/mensen`);
    const title = head.getByRole('heading', { level: 1, name: /^Mensen van / });
    await title.waitFor();
    const table = head.getByRole('table');
    await table.getByRole('row').filter({ hasText: directie.email }).getByText('(u)').waitFor();
    await journey.capture(head, 'people');

    await head.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    const summary = head.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Vul de naam in.',
      'Vul het e-mailadres in.',
      'Kies een rol.',
    ]);
    await journey.capture(head, 'invite-empty');
    await summary.getByRole('link', { name: 'Kies een rol.' }).click();
    expect(await focused(head)).toMatchObject({ tag: 'select', id: 'invite-role' });

    const email = 'noor.nieuw@01aa.demo.test';
    await head.getByLabel(/^Naam/).fill('Noor Nieuw');
    await head.getByLabel('E-mailadres').fill(email);
    await head.getByRole('combobox', { name: /^Rol/ }).selectOption('leerkracht');
    await head.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await head.getByRole('status').getByText(`De uitnodiging is verstuurd naar ${email}.`).waitFor();
    const invitedRow = table.getByRole('row').filter({ hasText: email });
    await invitedRow.getByText('Uitgenodigd', { exact: true }).waitFor();
    await invitedRow.getByText('Leerkracht groep 8 (uitgenodigd)').waitFor();
    await journey.capture(head, 'invited');

    // The new person, in a browser of their own.
    const page = await newPage();
    await page.goto(`${server.url}/dev/mail`);
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('link', { name: /Uitnodiging voor Overstap/ }).click();
    await page.getByRole('heading', { level: 2, name: /Uitnodiging voor Overstap/ }).waitFor();
    await journey.capture(page, 'invitation-mail');
    await page.getByRole('link', { name: /\/uitnodiging\// }).click();

    await page.getByRole('heading', { level: 1, name: 'Welkom bij Overstap' }).waitFor();
    await page.getByText('Leerkracht groep 8', { exact: true }).waitFor();
    await page.getByText('Eisen aan uw wachtwoord').waitFor();
    expect(await page.getByLabel('E-mailadres (hiermee logt u in)').inputValue()).toBe(email);
    await journey.capture(page, 'invitation');
    await page.getByLabel(/^Nieuw wachtwoord/).fill('noor.nieuw');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('noor.nieuw');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /minstens 12 zijn/ })
      .waitFor();
    const password = 'noor kiest een lange zin';
    await page.getByLabel(/^Nieuw wachtwoord/).fill(password);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('noor kiest een andere zin');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'De twee wachtwoorden zijn niet gelijk.' })
      .waitFor();
    await journey.capture(page, 'invitation-mismatch');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw wachtwoord is ingesteld' }).waitFor();
    await journey.capture(page, 'invitation-accepted');

    // First sign-in: the e-mail address is filled in; then the code app is set up.
    await page.getByRole('link', { name: 'Naar inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(email);
    await page.getByLabel(/^Wachtwoord/).fill(password);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stel de code-app in' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Stel de code-app in' });
    const qr = page.getByRole('img', {
      name: `QR-code om Overstap (${email}) toe te voegen aan uw authenticator-app`,
    });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const shown = (await page.locator('#totp-secret').textContent()) ?? '';
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = shown.replace(/ /g, '');
    const enrolment = (await page.evaluate(async () => (await fetch('/api/auth/totp/enrolment')).json())) as {
      secret: string;
    };
    expect(secret).toBe(enrolment.secret);
    await journey.capture(page, 'enrol');
    await page.getByLabel('Code van 6 cijfers').fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Bevestigen en inloggen' }).click();
    await page.getByRole('alert').getByText('De code uit de authenticator-app klopt niet').first().waitFor();
    await journey.capture(page, 'enrol-wrong-code');
    await page.getByLabel('Code van 6 cijfers').fill(totp(secret));
    await page.getByRole('button', { name: 'Bevestigen en inloggen' }).click();

    // One school: home sends the person straight there.
    await page.waitForURL(`${server.url}/school/01AA/vertrek`);
    const mine = await me(page);
    expect(mine.body.memberships).toEqual([
      expect.objectContaining({ scope: 'school', brin: '01AA', roles: ['leerkracht'] }),
    ]);
    expect(Object.keys(mine.body.permissions)).toEqual(['01AA']);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await journey.capture(page, 'new-person-signed-in');

    // Another school's page: no access, on the page and at the API.
    await page.goto(`${server.url}/school/21XX/mensen`);
    await page.getByRole('alert').getByText('Geen toegang').waitFor();
    await journey.capture(page, 'other-school');
    const other = await page.evaluate(async () => (await fetch('/api/auth/schools/21XX/people')).status);
    expect(other).toBe(403);
    const ownPeople = await page.evaluate(async () => (await fetch('/api/auth/schools/01AA/people')).status);
    expect(ownPeople).toBe(403);

    // The head sees the new person as active, and takes the role away again.
    await head.reload();
    await invitedRow.getByText('Actief', { exact: true }).waitFor();
    await invitedRow.getByRole('button', { name: 'Rol Leerkracht groep 8 van Noor Nieuw intrekken' }).click();
    await head.getByRole('heading', { level: 3, name: 'Rol intrekken?' }).waitFor();
    expect(await focused(head)).toMatchObject({ tag: 'h3' });
    await journey.capture(head, 'confirm-remove');
    await head.getByRole('button', { name: 'Ja, intrekken' }).click();
    await head
      .getByRole('status')
      .getByText('De rol Leerkracht groep 8 van Noor Nieuw is ingetrokken.')
      .waitFor();
    await invitedRow.waitFor({ state: 'detached' });
    await journey.capture(head, 'removed');
    expect((await me(page)).body.memberships).toEqual([]);

    expect(journey.report()).toBe('');
  }, 180_000);

  it('switches the language to English and back, and keeps the choice in the account', async () => {
    const journey = new Journey('auth-language');
    await head.goto(`${server.url}/school/01AA/mensen`);
    await head.getByRole('heading', { level: 1, name: /^Mensen van / }).waitFor();
    const saved = head.waitForResponse(
      (r) => r.url().endsWith('/api/auth/me/language') && r.status() === 200,
    );
    await head.getByRole('button', { name: 'Switch to English' }).click();
    await head.getByRole('heading', { level: 1, name: /^People of / }).waitFor();
    await saved;
    expect(await head.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await me(head)).body.account.language).toBe('en');
    await journey.capture(head, 'people-english');

    const back = head.waitForResponse((r) => r.url().endsWith('/api/auth/me/language') && r.status() === 200);
    await head.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await head.getByRole('heading', { level: 1, name: /^Mensen van / }).waitFor();
    await back;
    expect((await me(head)).body.account.language).toBe('nl');

    const english = await newPage();
    await english.goto(`${server.url}/inloggen`);
    await english.getByRole('button', { name: 'Switch to English' }).click();
    await english.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await journey.capture(english, 'sign-in-english');
    await english.getByRole('button', { name: 'Next' }).click();
    await english.getByRole('alert').getByRole('link', { name: 'Enter your e-mail address.' }).waitFor();

    expect(journey.report()).toBe('');
  }, 60_000);

  it('refuses a change from the page without the CSRF header', async () => {
    const answers = await head.evaluate(async () => {
      const json = { 'content-type': 'application/json' };
      const bare = await fetch('/api/auth/me/language', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ language: 'en' }),
      });
      const invite = await fetch('/api/auth/invitations', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: 'csrf@01aa.demo.test',
          name: 'Zonder Token',
          brin: '01AA',
          role: 'leerkracht',
        }),
      });
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      const withToken = await fetch('/api/auth/me/language', {
        method: 'PUT',
        headers: { ...json, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ language: 'nl' }),
      });
      return {
        bare: { status: bare.status, code: (await bare.json()).code },
        invite: { status: invite.status, code: (await invite.json()).code },
        withToken: withToken.status,
      };
    });
    expect(answers).toEqual({
      bare: { status: 403, code: 'CSRF_INVALID' },
      invite: { status: 403, code: 'CSRF_INVALID' },
      withToken: 200,
    });
    const mails = await head.evaluate(async () => (await fetch('/api/dev/mail')).json());
    expect(mails.some((m: { to: string }) => m.to === 'csrf@01aa.demo.test')).toBe(false);
  });
});
