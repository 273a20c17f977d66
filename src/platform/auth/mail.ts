import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import type { MailContent } from './mail-messages.js';

export interface OutgoingMail extends MailContent {
  to: string;
}

/**
 * Sends people's e-mails: through an SMTP server (OVERSTAP_SMTP_URL), or — without one, in
 * development — into `platform.mail_outbox`, which the mail catcher (/api/dev/mail) shows.
 * Call `send` after the transaction that made the token committed: a mail must not go out for a
 * change that was rolled back.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(db: Queryable, mail: OutgoingMail, at: Date): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  from: string;
}

export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) return outboxMailer();
  const transport = createTransport(options.smtpUrl, { from: options.from });
  return {
    kind: 'smtp',
    async send(_db, mail) {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (e) {
        // The address and the link stay out of the error: only what kind of failure it was.
        throw new AppError('MAIL_FAILED', { reason: (e as { code?: string }).code ?? 'smtp-error' });
      }
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(): Mailer {
  return {
    kind: 'outbox',
    async send(db, mail, at) {
      await db.query(
        `INSERT INTO platform.mail_outbox (id, to_address, subject, text_body, html_body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), mail.to, mail.subject, mail.text, mail.html, at],
      );
    },
    close: () => {},
  };
}

export interface CaughtMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/** The development mail catcher: the latest mails of the outbox, newest first. */
export async function listOutbox(db: Queryable, limit = 100): Promise<CaughtMail[]> {
  const { rows } = await db.query<{
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string;
    created_at: Date;
  }>(
    `SELECT id, to_address, subject, text_body, html_body, created_at FROM platform.mail_outbox
      ORDER BY seq DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    sentAt: r.created_at.toISOString(),
  }));
}
