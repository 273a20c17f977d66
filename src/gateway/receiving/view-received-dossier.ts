import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { readDossier, renderDossierHtml } from '../../standard/index.js';
import { loadLatestReceived, loadRegistration } from './registration-store.js';
import { maySeeSupport, SUPPORT_CATEGORIES, withoutSupportInformation } from './support-information.js';

/**
 * The latest received dossier of a registration rendered for people (the standard's renderer: one
 * self-contained HTML page, no scripts), for the coordinator and others with `received:read`.
 * Support information (`support-information.ts`) is taken out of the model before rendering
 * unless the reader has `received:support` at the school; the page then says those parts are not
 * shown. Every view is audited, with whether support information was shown.
 */
export async function viewReceivedDossier(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string; lang?: 'nl' | 'en' },
): Promise<{ html: string; supportShown: boolean }> {
  authorize(ctx, 'received:read', input.schoolBrin);
  const support = maySeeSupport(ctx, input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    const row = await loadLatestReceived(tx, ctx.keyring, registration.id);
    const full = readDossier(row.xml);
    const html = renderDossierHtml(support ? full : withoutSupportInformation(full), {
      lang: input.lang ?? 'nl',
      now: ctx.now(),
      ...(support ? {} : { withheld: SUPPORT_CATEGORIES }),
    });
    await audit.record(tx, ctx, 'received.viewed', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { registrationId: registration.id, supportShown: support },
    });
    return { html, supportShown: support };
  });
}
