import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { htmlToPdf, isRenderError } from '../../standard/index.js';
import { authorizeRegion, requireMember } from '../region-store.js';
import type { OkrDeps } from './deps.js';
import { ADDENDUM_TEXTS, type AddendumForm, addendumHtml, readAddendum } from './okr-addendum.js';

export interface PrintOkrAddendumInput {
  regionId: string;
  /** A member school printing the form for its pupils; without it the region's own people. */
  brin?: string;
  lang?: 'nl' | 'en';
}

/**
 * The blank addendum as an A4 PDF, to fill in by hand (name, date of birth and the region's
 * "not in OSO" fields, each with room to write). The region's people print it, and so do its
 * member schools.
 */
export async function printOkrAddendum(
  ctx: Ctx,
  deps: Pick<OkrDeps, 'chromiumPath'>,
  input: PrintOkrAddendumInput,
): Promise<{ pdf: Buffer; fileName: string }> {
  if (input.brin !== undefined) authorize(ctx, 'dossier:read', input.brin);
  else authorizeRegion(ctx, 'region:read', input.regionId);
  const lang = input.lang ?? 'nl';
  const form = await ctx.db.transaction(async (tx) => {
    if (input.brin !== undefined) await requireMember(tx, input.regionId, input.brin);
    return readAddendum(tx, input.regionId);
  });
  if (form.fieldCount === 0) throw new AppError('OKR_ADDENDUM_EMPTY', { regionId: input.regionId });
  return {
    pdf: await addendumPdf(form, addendumHtml(form, { lang }), lang, deps),
    fileName: addendumFileName(form),
  };
}

export function addendumFileName(form: Pick<AddendumForm, 'regionId'>): string {
  return `okr-addendum-${form.regionId}.pdf`;
}

/** Prints the page; a missing or failing Chromium answers PDF_UNAVAILABLE in the addendum's words. */
export async function addendumPdf(
  form: AddendumForm,
  html: string,
  lang: 'nl' | 'en',
  deps: Pick<OkrDeps, 'chromiumPath'>,
): Promise<Buffer> {
  try {
    return await htmlToPdf(html, {
      executablePath: deps.chromiumPath,
      headerLeft: ADDENDUM_TEXTS.title[lang],
      headerRight: form.regionName,
      pageWord: ADDENDUM_TEXTS.pageOf[lang],
      ofWord: ADDENDUM_TEXTS.of[lang],
    });
  } catch (e) {
    if (!isRenderError(e)) throw e;
    throw new AppError(
      'PDF_UNAVAILABLE',
      { reason: e.code },
      {
        nl: 'Het addendum kan nu niet als PDF worden gemaakt. Probeer het later opnieuw.',
        en: 'The addendum cannot be made as a PDF right now. Try again later.',
      },
    );
  }
}
