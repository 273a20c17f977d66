import * as audit from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors.js';
import { isRenderError, renderDossierHtml, renderDossierPdf } from '../../standard/index.js';
import {
  frozenDossier,
  type ParentCredentials,
  type ParentCtx,
  parentCtx,
  requireParentSession,
} from './inspection-links.js';

export interface ViewInspectionDossierInput extends ParentCredentials {
  format: 'html' | 'pdf';
  /** Language of the headings and fixed texts (default: the link's); the dossier's data stays as it is. */
  lang?: 'nl' | 'en';
}

export interface RenderedDossier {
  contentType: string;
  body: Buffer;
}

/**
 * The frozen version exactly as it will be sent, rendered for people by the standard library: a
 * self-contained HTML page (no scripts, its own CSP) or an A4 PDF through headless Chromium. The
 * version's own XML is read; nothing is taken from elsewhere. Audited (html or pdf).
 */
export async function viewInspectionDossier(
  ctx: ParentCtx,
  input: ViewInspectionDossierInput,
): Promise<RenderedDossier> {
  const at = ctx.now();
  const { dossier, version, lang } = await ctx.db.transaction(async (tx) => {
    const { link, dossier: row } = await requireParentSession(tx, input, at);
    const doc = await frozenDossier(tx, ctx.keyring, link);
    await audit.record(tx, parentCtx(ctx, link.id), 'inspection.viewed', {
      schoolBrin: link.school_brin,
      subject: row.id,
      details: { linkId: link.id, version: row.current_version, format: input.format },
    });
    return { dossier: doc, version: row.current_version, lang: input.lang ?? link.language };
  });
  if (input.format === 'html') {
    const html = renderDossierHtml(dossier, { lang, now: at });
    return { contentType: 'text/html; charset=utf-8', body: Buffer.from(html, 'utf8') };
  }
  try {
    return { contentType: 'application/pdf', body: await renderDossierPdf(dossier, { lang, now: at }) };
  } catch (e) {
    if (isRenderError(e)) throw new AppError('PDF_UNAVAILABLE', { reason: e.code, version });
    throw e;
  }
}
