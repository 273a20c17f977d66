/**
 * PDF through headless Chromium (playwright-core with the system's Chromium; never a downloaded
 * browser). JavaScript is off and every network request is refused: the page is self-contained
 * and the dossier's contents are untrusted.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import type { Message } from '../errors.js';
import { escapeHtml } from './html.js';

export type RenderErrorCode = 'CHROMIUM_MISSING' | 'PDF_FAILED';

/** A PDF could not be made; the message says why, in Dutch and English. */
export class RenderError extends Error {
  readonly code: RenderErrorCode;
  readonly messages: Message;
  constructor(code: RenderErrorCode, messages: Message, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.name = 'RenderError';
    this.code = code;
    this.messages = messages;
  }
}

export function isRenderError(e: unknown): e is RenderError {
  return e instanceof RenderError;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium to use: `OVERSTAP_CHROMIUM`, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const p = env.OVERSTAP_CHROMIUM?.trim();
  return p ? p : DEFAULT_CHROMIUM;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfOptions {
  /** Chromium executable; default `chromiumPath()`. */
  executablePath?: string;
  /** Running header, left and right (plain text). */
  headerLeft?: string;
  headerRight?: string;
  /** Running footer, left (plain text); the right side holds "Pagina X van Y". */
  footerLeft?: string;
  /** Words for "Pagina" and "van" in the footer. */
  pageWord?: string;
  ofWord?: string;
  /** Launch and render timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
}

const MARGIN = { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' };
const FONT = `font-family:'Segoe UI','Helvetica Neue',Arial,'Liberation Sans',sans-serif;font-size:7.5pt;color:#4f5b67;`;

function band(left: string, right: string): string {
  return `<div style="${FONT}width:100%;margin:0 16mm;display:flex;justify-content:space-between;gap:8mm;"><span>${left}</span><span>${right}</span></div>`;
}

/** Renders a self-contained HTML page to an A4 PDF with a running header and page numbers. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new RenderError('CHROMIUM_MISSING', {
      nl: `Chromium is niet gevonden op ${executablePath}. Installeer het (Debian/Ubuntu: apt-get install chromium) of wijs het aan met OVERSTAP_CHROMIUM. Overstap downloadt zelf geen browser.`,
      en: `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: apt-get install chromium) or point OVERSTAP_CHROMIUM at it. Overstap never downloads a browser.`,
    });
  }
  const timeout = options.timeoutMs ?? 60_000;
  let browser: Browser | undefined;
  try {
    // Loaded on first use: most users of the library never print a PDF.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const e = (s: string | undefined) => escapeHtml(s ?? '');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: band(e(options.headerLeft), e(options.headerRight)),
      footerTemplate: band(
        e(options.footerLeft),
        `${e(options.pageWord ?? 'Pagina')} <span class="pageNumber"></span> ${e(options.ofWord ?? 'van')} <span class="totalPages"></span>`,
      ),
      margin: MARGIN,
    });
    return pdf;
  } catch (err) {
    if (err instanceof RenderError) throw err;
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new RenderError(
      'PDF_FAILED',
      {
        nl: `De PDF kon niet worden gemaakt met Chromium (${executablePath}): ${detail}`,
        en: `The PDF could not be made with Chromium (${executablePath}): ${detail}`,
      },
      { cause: err },
    );
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
