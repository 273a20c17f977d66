import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { htmlToPdf, isRenderError } from '../../standard/index.js';
import { authorizeRegion } from '../region-store.js';
import type { MonitoringDeps } from './deps.js';
import { loadDashboard, schoolYearFor } from './load-dashboard.js';
import { monitoringHtml } from './monitoring-html.js';
import { type Lang, longDate, WORDS } from './texts.js';

/**
 * The dashboard as an A4 PDF (region:read): the HTML of monitoring-html.ts printed by the standard
 * library's headless Chromium. Without Chromium: PDF_UNAVAILABLE. Audited (format and school year).
 */
export async function exportMonitoringPdf(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'chain' | 'outcomes' | 'chromium'>,
  input: { regionId: string; schoolYear?: string; lang?: Lang },
): Promise<{ filename: string; pdf: Buffer }> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const lang = input.lang ?? 'nl';
  const schoolYear = schoolYearFor(ctx, input.schoolYear);
  const d = await loadDashboard(ctx, deps, { regionId: input.regionId, schoolYear });
  let pdf: Buffer;
  try {
    pdf = await htmlToPdf(monitoringHtml(d, lang), {
      ...(deps.chromium ? { executablePath: deps.chromium } : {}),
      headerLeft: `${WORDS.title[lang]} · ${d.regionName}`,
      headerRight: `${WORDS.schoolYear[lang]} ${schoolYear}`,
      footerLeft: `${WORDS.madeOn[lang]} ${longDate(d.today, lang)}`,
      pageWord: lang === 'nl' ? 'Pagina' : 'Page',
      ofWord: lang === 'nl' ? 'van' : 'of',
    });
  } catch (e) {
    if (isRenderError(e)) {
      throw new AppError(
        'PDF_UNAVAILABLE',
        { reason: e.code },
        {
          nl: 'De PDF kan nu niet worden gemaakt. Probeer het later opnieuw, of download de CSV.',
          en: 'The PDF cannot be made right now. Try again later, or download the CSV.',
        },
      );
    }
    throw e;
  }
  await audit.record(ctx.db, ctx, 'region.monitoring.exported', {
    subject: input.regionId,
    details: { format: 'pdf', schoolYear, schools: d.schools.length },
  });
  return { filename: `monitoring-${d.regionId}-${schoolYear}-${d.today}.pdf`, pdf };
}
