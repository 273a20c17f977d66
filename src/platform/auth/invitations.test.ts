import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { allPlatformMigrations } from '../migrations.js';
import { createMailer } from './mail.js';
import { type AuthWorld, linkToken, startAuthWorld } from './test-harness.js';
import { totpCode } from './totp.js';

const ADMIN = { scope: 'school', brin: '01AA', role: 'administratie' } as const;
const DAY = 24 * 60 * 60_000;

describeEachDatabase(
  'invitations and password resets',
  (db) => {
    let w: AuthWorld;
    beforeAll(async () => {
      w = await startAuthWorld(db());
    });
    afterAll(async () => {
      await w?.close();
    });

    const mailTo = async (email: string) => {
      const mails = (await w.mails()).filter((m) => m.to === email);
      return mails[0];
    };

    it('an administratie invites a person; the mailed link sets a password once; the person signs in and enrols', async () => {
      const admin = await w.signedIn(await w.person(ADMIN));
      const email = `nieuw.${Date.now()}@school.test`;
      const invited = await admin.request('POST', '/api/auth/invitations', {
        body: { email, name: 'Nina Nieuw', brin: '01AA', role: 'leerkracht' },
      });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toEqual({
        invitationId: expect.any(String),
        accountId: expect.any(String),
        email,
        expiresAt: new Date(w.clock.now().getTime() + 7 * DAY).toISOString(),
      });
      expect(invited.body).not.toMatch(/uitnodiging/); // the link goes by mail only

      const mail = await mailTo(email);
      expect(mail.subject).toBe('Uitnodiging voor Overstap (School 01AA)');
      expect(mail.text).toContain('Beste Nina Nieuw');
      expect(mail.text).toContain('leerkracht groep 8');
      expect(mail.html).toContain('href="http://overstap.test/uitnodiging/');
      const token = linkToken(mail, 'uitnodiging');

      const view = await w.browser().request('GET', `/api/auth/invitations/${token}`);
      expect(view.json()).toEqual({
        email,
        name: 'Nina Nieuw',
        schoolName: 'School 01AA',
        role: 'leerkracht',
      });

      const weak = await w.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password: 'te kort' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
      const asEmail = await w.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password: email },
      });
      expect(asEmail.json().code).toBe('PASSWORD_TOO_WEAK');

      const password = 'mijn eigen goede wachtwoord';
      const accepted = await w.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password },
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toEqual({ email });
      const again = await w.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password: 'nog een ander wachtwoord' },
      });
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('TOKEN_INVALID');
      expect((await w.browser().request('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(410);

      const browser = w.browser();
      const login = await browser.request('POST', '/api/auth/login', { body: { email, password } });
      expect(login.json().state).toBe('totp_enrolment_required');
      browser.csrf = login.json().csrfToken;
      const { secret } = (await browser.request('GET', '/api/auth/totp/enrolment')).json();
      await browser.request('POST', '/api/auth/totp/enrolment', {
        body: { code: totpCode(secret, w.clock.now()) },
      });
      const me = (await browser.request('GET', '/api/auth/me')).json();
      expect(me.memberships).toEqual([
        { scope: 'school', brin: '01AA', schoolName: 'School 01AA', sector: 'po', roles: ['leerkracht'] },
      ]);
      expect(me.permissions).toEqual({ '01AA': ['dossier:read', 'dossier:write'] });

      const { rows } = await db().query<{ action: string; school_brin: string | null }>(
        `SELECT action, school_brin FROM platform.audit_log
          WHERE action IN ('auth.invitation.created', 'auth.invitation.accepted', 'auth.membership.added')
            AND (subject = $1 OR details->>'accountId' = $1)
          ORDER BY seq`,
        [invited.json().accountId],
      );
      expect(rows).toEqual([
        { action: 'auth.invitation.created', school_brin: '01AA' },
        { action: 'auth.invitation.accepted', school_brin: '01AA' },
        { action: 'auth.membership.added', school_brin: '01AA' },
      ]);
    });

    it('writes the invitation in the language of a person who has an account', async () => {
      const admin = await w.signedIn(await w.person(ADMIN));
      const existing = await w.person(
        { scope: 'school', brin: '02BB', role: 'directie' },
        { language: 'en' },
      );
      const res = await admin.request('POST', '/api/auth/invitations', {
        body: { email: existing.email.toUpperCase(), name: 'Other Name', brin: '01AA', role: 'directie' },
      });
      expect(res.json().accountId).toBe(existing.accountId); // e-mail addresses ignore case
      const mail = await mailTo(existing.email);
      expect(mail.subject).toBe('Invitation to Overstap (School 01AA)');
      expect(mail.text).toContain('as school management at School 01AA');
    });

    it('an invitation link expires after 7 days', async () => {
      const admin = await w.signedIn(await w.person(ADMIN));
      const email = `laat.${Date.now()}@school.test`;
      await admin.request('POST', '/api/auth/invitations', {
        body: { email, name: 'Lotte Laat', brin: '01AA', role: 'coordinator' },
      });
      const token = linkToken(await mailTo(email), 'uitnodiging');
      w.clock.advance(7 * DAY - 60_000);
      expect((await w.browser().request('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(200);
      w.clock.advance(60_000);
      expect((await w.browser().request('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(410);
      const late = await w.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password: 'een goed wachtwoord hoor' },
      });
      expect(late.statusCode).toBe(410);
    });

    it('a password reset answers 202 for any address, mails a one-hour single-use link and ends the sessions', async () => {
      const person = await w.person(ADMIN);
      const session = await w.signedIn(person);
      const before = (await w.mails()).length;
      const unknown = await w.browser().request('POST', '/api/auth/password-reset', {
        body: { email: 'onbekend@school.test' },
      });
      expect(unknown.statusCode).toBe(202);
      expect(await w.mails()).toHaveLength(before);

      const asked = await w
        .browser()
        .request('POST', '/api/auth/password-reset', { body: { email: person.email } });
      expect(asked.statusCode).toBe(202);
      const mail = await mailTo(person.email);
      expect(mail.subject).toBe('Uw Overstap-wachtwoord herstellen');
      const token = linkToken(mail, 'wachtwoord-herstellen');

      const weak = await w.browser().request('POST', `/api/auth/password-reset/${token}`, {
        body: { password: 'kort' },
      });
      expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
      const newPassword = 'een gloednieuw wachtwoord';
      const done = await w.browser().request('POST', `/api/auth/password-reset/${token}`, {
        body: { password: newPassword },
      });
      expect(done.statusCode).toBe(204);
      expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401); // sessions ended
      const reused = await w.browser().request('POST', `/api/auth/password-reset/${token}`, {
        body: { password: 'nog weer een ander wachtwoord' },
      });
      expect(reused.statusCode).toBe(410);

      const old = await w.browser().request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(old.statusCode).toBe(401);
      await w.signedIn({ ...person, password: newPassword });

      // a link runs out after an hour
      await w.browser().request('POST', '/api/auth/password-reset', { body: { email: person.email } });
      const second = linkToken(await mailTo(person.email), 'wachtwoord-herstellen');
      expect(second).not.toBe(token);
      w.clock.advance(60 * 60_000);
      const expired = await w.browser().request('POST', `/api/auth/password-reset/${second}`, {
        body: { password: 'te laat gekozen wachtwoord' },
      });
      expect(expired.statusCode).toBe(410);
    });

    it('sends at most three reset mails an hour to one address, still answering 202', async () => {
      const person = await w.person(ADMIN);
      const count = async () => (await w.mails()).filter((m) => m.to === person.email).length;
      for (let i = 0; i < 5; i++) {
        const res = await w
          .browser()
          .request('POST', '/api/auth/password-reset', { body: { email: person.email } });
        expect(res.statusCode).toBe(202);
      }
      expect(await count()).toBe(3);
    });

    it('shows the development mail catcher only to a browser on this machine', async () => {
      expect((await w.browser('127.0.0.1').request('GET', '/api/dev/mail')).statusCode).toBe(200);
      const remote = await w.browser('10.1.2.3').request('GET', '/api/dev/mail');
      expect(remote.statusCode).toBe(404);
      expect(remote.json().code).toBe('NOT_FOUND');
    });

    it('sends mails through the SMTP server when one is configured, and then has no mail catcher', async () => {
      const smtp = await startSmtpSink();
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'Overstap <noreply@overstap.test>',
      });
      const viaSmtp = await startAuthWorld(db(), { clock: w.clock, mailer });
      try {
        expect((await viaSmtp.browser().request('GET', '/api/dev/mail')).statusCode).toBe(404);
        const person = await viaSmtp.person(ADMIN);
        const outboxBefore = (await w.mails()).length;
        const res = await viaSmtp.browser().request('POST', '/api/auth/password-reset', {
          body: { email: person.email },
        });
        expect(res.statusCode).toBe(202);
        expect(smtp.messages).toHaveLength(1);
        expect(smtp.messages[0].to).toBe(`<${person.email}>`);
        expect(smtp.messages[0].data).toContain('Subject: Uw Overstap-wachtwoord herstellen');
        expect(smtp.messages[0].data).toContain('/wachtwoord-herstellen/');
        expect(await w.mails()).toHaveLength(outboxBefore);
      } finally {
        mailer.close();
        await viaSmtp.close();
        await smtp.close();
      }
    });
  },
  { migrations: allPlatformMigrations },
);

/** The smallest SMTP server that takes mail (RFC 5321 without extensions), to see what is sent. */
async function startSmtpSink(): Promise<{
  port: number;
  messages: Array<{ to: string; data: string }>;
  close(): Promise<void>;
}> {
  const messages: Array<{ to: string; data: string }> = [];
  const server: Server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let to = '';
    socket.write('220 sink.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push({ to, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink.test\r\n');
        else if (verb === 'RCPT') {
          to = line.replace(/^RCPT TO:\s*/i, '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
