import type { OutgoingMail } from '../../platform/auth/index.js';

type MailContent = Omit<OutgoingMail, 'to'>;

/**
 * The e-mail that brings parents their inspection link, in plain Dutch (B1) or English. It names
 * the school, not the child: an address can be mistyped. Values put into the HTML are escaped.
 */
export function inspectionMail(
  language: 'nl' | 'en',
  v: { schoolName: string; link: string; expiresAt: Date },
): MailContent {
  const until = v.expiresAt.toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
  const t =
    language === 'en'
      ? {
          subject: `The transfer dossier of your child (${v.schoolName})`,
          lines: [
            'Dear parent or carer,',
            `${v.schoolName} made the transfer dossier of your child. This dossier goes to the new school. Before it goes, you may read it.`,
            'Open the link below. You need the date of birth of your child. Then you read the dossier, say whether you agree, and you may add your own view.',
            `The link works once and until ${until}.`,
            'Questions? Contact the school.',
          ],
          label: 'Read the dossier',
        }
      : {
          subject: `Het overstapdossier van uw kind (${v.schoolName})`,
          lines: [
            'Beste ouder of verzorger,',
            `${v.schoolName} heeft het overstapdossier van uw kind gemaakt. Dit dossier gaat naar de nieuwe school. Voordat het gaat, mag u het lezen.`,
            'Open de link hieronder. U heeft de geboortedatum van uw kind nodig. Daarna leest u het dossier, zegt u of u het ermee eens bent, en kunt u uw eigen mening toevoegen.',
            `De link werkt één keer en tot en met ${until}.`,
            'Vragen? Neem contact op met de school.',
          ],
          label: 'Het dossier lezen',
        };
  const paragraphs = t.lines.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return {
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${v.link}\n`,
    html: `<!doctype html>
<html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">
${paragraphs}
<p><a href="${escapeHtml(v.link)}">${escapeHtml(t.label)}</a></p>
</body></html>
`,
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
