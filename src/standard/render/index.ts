/**
 * Rendering a dossier for people: a readable Dutch overview for the parents' inspection and for
 * the receiving school, as one self-contained HTML page or as an A4 PDF.
 *
 * ```ts
 * const html = renderDossierHtml(readDossier(bytes));            // Dutch headings
 * const pdf = await renderDossierPdf(dossier, { lang: 'en' });   // English headings, Dutch data
 * ```
 */
import { dutchDay } from '../dutch-day.js';
import type { Dossier } from '../model.js';
import { type RenderOptions, renderDossierHtml } from './document.js';
import { displayName, formatDate } from './format.js';
import { htmlToPdf, type PdfOptions } from './pdf.js';
import { T } from './texts.js';

export {
  type CategoryState,
  type CategoryStatus,
  categoryStates,
  type RenderOptions,
  renderDossierHtml,
} from './document.js';
export { formatBoolean, formatCode, formatDate, formatSize } from './format.js';
export { escapeHtml } from './html.js';
export {
  chromiumPath,
  DEFAULT_CHROMIUM,
  htmlToPdf,
  isRenderError,
  type PdfOptions,
  RenderError,
} from './pdf.js';
export type { RenderLang } from './texts.js';

/** The dossier as an A4 PDF: the HTML rendering, printed by headless Chromium. */
export async function renderDossierPdf(
  dossier: Dossier,
  options: RenderOptions & Pick<PdfOptions, 'executablePath' | 'timeoutMs'> = {},
): Promise<Buffer> {
  const lang = options.lang ?? 'nl';
  const now = options.now ?? new Date();
  const html = renderDossierHtml(dossier, { ...options, now });
  const school = dossier.huidigeschool.naam.trim();
  return htmlToPdf(html, {
    executablePath: options.executablePath,
    timeoutMs: options.timeoutMs,
    headerLeft: `${T.docTitle[lang]} · ${displayName(dossier.huidigeschool.leerling)}`,
    headerRight: school,
    footerLeft: T.generatedOn(formatDate(dutchDay(now), lang))[lang],
    pageWord: T.pageOf[lang],
    ofWord: T.of[lang],
  });
}
