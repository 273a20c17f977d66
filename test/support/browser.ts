import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { seedDemo } from '../../src/cli/serve/demo.js';
import { type RunningOverstap, startOverstap } from '../../src/cli/serve/start.js';
import { loadConfig } from '../../src/platform/config.js';
import { dutchDay, schoolYearOf } from '../../src/standard/index.js';
import { pgliteTemplate } from './databases.js';
import { freePort } from './processes.js';

/**
 * Browser journeys (test/e2e): the all-in-one server with the demo region, real headless Debian
 * Chromium driven by playwright-core (never a downloaded browser), a screenshot of every screen in
 * test-output/screenshots/<journey>/ and an axe accessibility scan (WCAG 2.1 A and AA).
 */
export const CHROMIUM = process.env.OVERSTAP_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

export interface DemoServer {
  running: RunningOverstap;
  /** http://localhost:<port> — "localhost", so that Chromium keeps Secure cookies on plain HTTP. */
  url: string;
  dataDir: string;
  /** data/demo-credentials.json as the demo seeding wrote it. */
  credentials: Record<string, unknown>;
  log(): string;
  close(): Promise<void>;
  /** With `schoolDay`: the clock of the region module and the demo's school year (see below). */
  regionNow?: () => Date;
}

/**
 * Starts the all-in-one server on PGlite in a fresh folder and seeds the demo region. With
 * `schoolDay` ('YYYY-MM-DD', from 08:00 UTC) the region module and the
 * demo's school year run on a clock that started on that day and goes on from there (the server's
 * `regionNow`): the timeline, reminders and dashboard of a test read the same whatever the date it
 * runs on. Browser contexts made by `pinBrowserClock` (and `accountPages`) follow that clock too.
 */
export async function startDemoServer(
  env: Record<string, string> = {},
  options: { schoolDay?: string } = {},
): Promise<DemoServer> {
  const regionNow = options.schoolDay ? clockFrom(`${options.schoolDay}T08:00:00Z`) : undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'overstap-e2e-'));
  const [port, chainPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    OVERSTAP_DATA_DIR: dataDir,
    PORT: String(port),
    OVERSTAP_CHAIN_PORT: String(chainPort),
    OVERSTAP_HOST: 'localhost',
    OVERSTAP_PUBLIC_CHAIN_URL: `https://localhost:${chainPort}`,
    OVERSTAP_PUBLIC_URL: `http://localhost:${port}`,
    ...env,
  });
  let log = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk) => {
    log += String(chunk);
  });
  const template = await pgliteTemplate();
  const running = await startOverstap(config, {
    ...(template ? { pgliteTemplate: template } : {}),
    logStream,
    logLevel: 'info',
    ...(regionNow ? { regionNow } : {}),
  });
  await seedDemo({
    db: running.db,
    keyring: running.keyring,
    tls: running.tls,
    publicChainUrl: config.publicChainUrl,
    dataDir,
    ...(regionNow ? { regionNow } : {}),
  });
  const credentials = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8'));
  return {
    running,
    url: `http://localhost:${port}`,
    dataDir,
    credentials,
    log: () => log,
    close: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    ...(regionNow ? { regionNow } : {}),
  };
}

/**
 * The school day the year-bound browser suites (region, reminders) run on: a Monday of school year
 * 2026-2027, before its first reminder (19 February 2027), so that their dates, the "upcoming"
 * reminders and "send now" read the same on any later date.
 */
export const DEMO_SCHOOL_DAY = '2026-11-02';

/**
 * A day (MM-DD) of the school year we are in now (1 August – 31 July), 'YYYY-MM-DD': for a suite
 * whose data the gateway creates on the real clock (and so in the real school year), but whose
 * region must be at a known point of that year.
 */
export function dayOfThisSchoolYear(monthDay: string, today = new Date()): string {
  const start = Number(schoolYearOf(dutchDay(today)).slice(0, 4));
  return `${monthDay >= '08-01' ? start : start + 1}-${monthDay}`;
}

/** A clock that reads `start` now and runs on with real time. */
function clockFrom(start: string): () => Date {
  const offset = Date.parse(start) - Date.now();
  if (!Number.isFinite(offset)) throw new Error(`schoolDay ${start}: not a day`);
  return () => new Date(Date.now() + offset);
}

/** The browser context's clock on the demo server's region clock, when that is pinned (before any page opens). */
export async function pinBrowserClock(context: BrowserContext, server: DemoServer): Promise<void> {
  if (server.regionNow) await context.clock.install({ time: server.regionNow() });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const axeSource = (() => {
  const require = createRequire(import.meta.url);
  let source: Promise<string> | undefined;
  return () => {
    source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    return source;
  };
})();

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA; returns the violations. */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline
  // scripts) does not block; a script tag would be.
  await page.evaluate(await axeSource());
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v: {
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }),
    );
  });
}

/** Readable form of violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

/**
 * One journey's screenshots, numbered in the order they are taken:
 * test-output/screenshots/<journey>/01-sign-in.png, …; each capture is also scanned with axe and
 * the violations are collected (assert on `violations` at the end of the journey).
 */
export class Journey {
  private count = 0;
  readonly violations: Array<{ screen: string; violations: AxeViolation[] }> = [];
  constructor(readonly name: string) {}

  async capture(page: Page, screen: string, options: { scan?: boolean } = {}): Promise<string> {
    const dir = join(SCREENSHOT_DIR, this.name);
    await mkdir(dir, { recursive: true });
    this.count += 1;
    const file = join(dir, `${String(this.count).padStart(2, '0')}-${screen}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (options.scan !== false) {
      const found = await axeScan(page);
      if (found.length > 0) this.violations.push({ screen, violations: found });
    }
    return file;
  }

  /** The collected axe violations as text ('' when none). */
  report(): string {
    return this.violations.map((v) => `[${v.screen}]\n${describeViolations(v.violations)}`).join('\n');
  }
}

/** A demo account as `data/demo-credentials.json` lists it. */
export interface DemoAccount {
  email: string;
  password: string;
  totpSecret: string;
}

/** The demo account with this e-mail address (see src/cli/serve/demo.ts). */
export function demoAccount(server: DemoServer, email: string): DemoAccount {
  const accounts = (server.credentials.accounts ?? []) as DemoAccount[];
  const found = accounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}; have ${accounts.map((a) => a.email).join(', ')}`);
  return found;
}

/**
 * RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written here independently of the server's own, so that
 * the browser tests check the server against a second implementation.
 */
export function totp(secretBase32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/**
 * Signs a demo account in through the API (password, then TOTP) inside the page's browser
 * context, so that the page has the session cookie. For journeys that are not about signing in.
 */
export async function signInByApi(page: Page, server: DemoServer, account: DemoAccount): Promise<void> {
  const login = await page.request.post(`${server.url}/api/auth/login`, {
    data: { email: account.email, password: account.password },
  });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const second = await page.request.post(`${server.url}/api/auth/totp`, {
    data: { code: totp(account.totpSecret) },
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!second.ok()) throw new Error(`TOTP failed: ${second.status()} ${await second.text()}`);
}

/**
 * One signed-in page per demo account (a TOTP code is good once, so an account signs in once per
 * suite), each in a context of its own; `pageErrors` collects the pages' script errors. Close it in
 * the suite's afterAll, before the browser.
 */
export function accountPages(
  browser: () => Browser,
  server: () => DemoServer,
  options: { acceptDownloads?: boolean } = {},
) {
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];
  return {
    pageErrors,
    async signedIn(email: string): Promise<Page> {
      const known = pages.get(email);
      if (known) return known;
      const context = await browser().newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'nl-NL',
        ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
      });
      contexts.push(context);
      await pinBrowserClock(context, server());
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${email}: ${e.message}`));
      await signInByApi(page, server(), demoAccount(server(), email));
      pages.set(email, page);
      return page;
    },
    async close(): Promise<void> {
      for (const c of contexts) await c.close().catch(() => undefined);
    },
  };
}
