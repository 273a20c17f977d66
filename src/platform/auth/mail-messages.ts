/**
 * The texts of the e-mails people get, Dutch and English: the recipient's language decides. Each
 * entry gives a subject, a plain text and an HTML body; values put into the HTML are escaped.
 */
export type MailLanguage = 'nl' | 'en';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Role names as people read them. */
export const ROLE_NAMES: Record<string, Record<MailLanguage, string>> = {
  administratie: { nl: 'administratie', en: 'administration' },
  leerkracht: { nl: 'leerkracht groep 8', en: 'year 8 teacher' },
  directie: { nl: 'directie', en: 'school management' },
  coordinator: { nl: 'brugklas-/instroomcoördinator', en: 'intake coordinator' },
  technisch: { nl: 'technisch contact', en: 'technical contact' },
  regiocoordinator: { nl: 'regiocoördinator', en: 'regional coordinator' },
  servicedesk: { nl: 'servicedesk', en: 'service desk' },
};

function html(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
${body}
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>
</body></html>
`;
}

export const MAIL_MESSAGES = {
  invitation(
    lang: MailLanguage,
    v: { name: string; place: string; role: string; link: string; days: number },
  ): MailContent {
    const role = ROLE_NAMES[v.role]?.[lang] ?? v.role;
    if (lang === 'en') {
      const lines = [
        `Dear ${v.name},`,
        `You have been invited to Overstap, the school-to-school transfer service, as ${role} at ${v.place}.`,
        `Choose a password through the link below; it works once and for ${v.days} days. After that you sign in with your e-mail address, your password and a code from an authenticator app.`,
        'If you did not expect this invitation, ignore this e-mail.',
      ];
      return {
        subject: `Invitation to Overstap (${v.place})`,
        text: `${lines.join('\n\n')}\n\n${v.link}\n`,
        html: html(lines, { href: v.link, label: 'Accept the invitation' }),
      };
    }
    const lines = [
      `Beste ${v.name},`,
      `U bent uitgenodigd voor Overstap, de overstapservice onderwijs, als ${role} bij ${v.place}.`,
      `Kies een wachtwoord via de link hieronder; die werkt één keer en ${v.days} dagen lang. Daarna meldt u zich aan met uw e-mailadres, uw wachtwoord en een code uit een authenticator-app.`,
      'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
    ];
    return {
      subject: `Uitnodiging voor Overstap (${v.place})`,
      text: `${lines.join('\n\n')}\n\n${v.link}\n`,
      html: html(lines, { href: v.link, label: 'Uitnodiging aannemen' }),
    };
  },

  passwordReset(lang: MailLanguage, v: { name: string; link: string; minutes: number }): MailContent {
    if (lang === 'en') {
      const lines = [
        `Dear ${v.name},`,
        `Someone asked to reset the password of your Overstap account. Choose a new password through the link below; it works once and for ${v.minutes} minutes.`,
        'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      ];
      return {
        subject: 'Reset your Overstap password',
        text: `${lines.join('\n\n')}\n\n${v.link}\n`,
        html: html(lines, { href: v.link, label: 'Choose a new password' }),
      };
    }
    const lines = [
      `Beste ${v.name},`,
      `Er is gevraagd het wachtwoord van uw Overstap-account te herstellen. Kies een nieuw wachtwoord via de link hieronder; die werkt één keer en ${v.minutes} minuten lang.`,
      'Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.',
    ];
    return {
      subject: 'Uw Overstap-wachtwoord herstellen',
      text: `${lines.join('\n\n')}\n\n${v.link}\n`,
      html: html(lines, { href: v.link, label: 'Nieuw wachtwoord kiezen' }),
    };
  },
};
