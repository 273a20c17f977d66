import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dutchDay, htmlToPdf, isRenderError } from '../../standard/index.js';
import { authorizeRegion } from '../region-store.js';
import type { EvaluationDeps } from './deps.js';
import { evaluationHtml } from './evaluation-html.js';
import { loadResults } from './load-results.js';
import { type Lang, longDate, WORDS } from './texts.js';

/**
 * The results as an A4 PDF report (region:read): evaluation-html.ts printed by the standard
 * library's headless Chromium, with the same minimum group size as the page. Without Chromium:
 * PDF_UNAVAILABLE. Audited (format, not content).
 */
export async function exportEvaluationPdf(
  ctx: Ctx,
  deps: Pick<EvaluationDeps, 'chromium'>,
  input: { regionId: string; evaluationId: string; lang?: Lang },
): Promise<{ filename: string; pdf: Buffer }> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const lang = input.lang ?? 'nl';
  const d = await ctx.db.transaction((tx) => loadResults(tx, input));
  const today = dutchDay(ctx.now());
  let pdf: Buffer;
  try {
    pdf = await htmlToPdf(evaluationHtml(d, today, lang), {
      ...(deps.chromium ? { executablePath: deps.chromium } : {}),
      headerLeft: `${WORDS.title[lang]} · ${d.regionName}`,
      headerRight: `${WORDS.schoolYear[lang]} ${d.schoolYear}`,
      footerLeft: `${WORDS.madeOn[lang]} ${longDate(today, lang)}`,
      pageWord: lang === 'nl' ? 'Pagina' : 'Page',
      ofWord: lang === 'nl' ? 'van' : 'of',
    });
  } catch (err) {
    if (isRenderError(err)) {
      throw new AppError(
        'PDF_UNAVAILABLE',
        { reason: err.code },
        {
          nl: 'De PDF kan nu niet worden gemaakt. Probeer het later opnieuw, of download de CSV.',
          en: 'The PDF cannot be made right now. Try again later, or download the CSV.',
        },
      );
    }
    throw err;
  }
  await audit.record(ctx.db, ctx, 'region.evaluation.exported', {
    subject: d.evaluationId,
    details: { regionId: input.regionId, format: 'pdf', schoolYear: d.schoolYear },
  });
  return { filename: `evaluatie-${d.regionId}-${d.schoolYear}.pdf`, pdf };
}
