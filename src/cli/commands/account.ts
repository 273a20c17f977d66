import { randomUUID } from 'node:crypto';
import {
  base32Decode,
  createAccount,
  invitePerson,
  isSchoolRole,
  type MembershipInput,
  outboxMailer,
  ROLES,
  totpCode,
} from '../../platform/auth/index.js';
import { loadConfig } from '../../platform/config.js';
import { type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import { isAppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { openStorage } from '../serve/storage.js';

const T = {
  summary: {
    nl: 'Maakt accounts voor mensen (web-app) en toont TOTP-codes.',
    en: 'Creates accounts for people (web app) and shows TOTP codes.',
  },
  description: {
    nl: 'overstap account create --email E --name N --role ROL [--brin BRIN] [--region REGIO] [--language nl|en] [--password-stdin]\n  ROL: administratie, leerkracht, directie, coordinator, technisch (met --brin), regiocoordinator (met --region) of servicedesk.\n  Toont een uitnodigingslink (eenmalig, 7 dagen geldig) of zet, met --password-stdin, het wachtwoord dat op de standaardinvoer staat. De tweede factor (TOTP) stelt de persoon in bij de eerste aanmelding.\noverstap account totp-code --secret BASE32\n  Toont de huidige code van een TOTP-geheim (demo en ondersteuning).\nGebruikt dezelfde database als overstap serve (stop een PGlite-server eerst).',
    en: 'overstap account create --email E --name N --role ROLE [--brin BRIN] [--region REGION] [--language nl|en] [--password-stdin]\n  ROLE: administratie, leerkracht, directie, coordinator, technisch (with --brin), regiocoordinator (with --region) or servicedesk.\n  Prints an invitation link (one use, valid 7 days) or, with --password-stdin, sets the password given on standard input. The person enrols the second factor (TOTP) at the first sign-in.\noverstap account totp-code --secret BASE32\n  Prints the current code of a TOTP secret (demos and support).\nUses the same database as overstap serve (stop a PGlite server first).',
  },
  bad: (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` }),
  invited: (id: string, link: string): Message => ({
    nl: `Account ${id} aangemaakt. Stuur de persoon deze eenmalige link (7 dagen geldig):\n${link}`,
    en: `Account ${id} created. Send the person this one-time link (valid 7 days):\n${link}`,
  }),
  created: (id: string): Message => ({
    nl: `Account ${id} aangemaakt met het opgegeven wachtwoord; de tweede factor volgt bij de eerste aanmelding.`,
    en: `Account ${id} created with the given password; the second factor follows at the first sign-in.`,
  }),
  refused: (m: Message): Message => ({ nl: `Geweigerd: ${m.nl}`, en: `Refused: ${m.en}` }),
};

export const accountCommand: Command = {
  name: 'account',
  summary: T.summary,
  description: T.description,
  usage: 'create|totp-code …',
  options: {
    email: {
      type: 'string',
      arg: 'E-MAIL',
      help: { nl: 'e-mailadres (de inlognaam)', en: 'e-mail address (the login)' },
    },
    name: { type: 'string', arg: 'NAAM', help: { nl: 'naam van de persoon', en: 'name of the person' } },
    role: { type: 'string', arg: 'ROL', help: { nl: 'rol (zie hieronder)', en: 'role (see below)' } },
    brin: {
      type: 'string',
      arg: 'BRIN',
      help: { nl: 'school van een schoolrol', en: 'school of a school role' },
    },
    region: {
      type: 'string',
      arg: 'REGIO',
      help: { nl: 'regio van een regiocoördinator', en: 'region of a regional coordinator' },
    },
    language: {
      type: 'string',
      arg: 'nl|en',
      help: { nl: 'taal van de persoon', en: 'language of the person' },
    },
    'password-stdin': {
      type: 'boolean',
      help: { nl: 'lees het wachtwoord van de standaardinvoer', en: 'read the password from standard input' },
    },
    secret: {
      type: 'string',
      arg: 'BASE32',
      help: { nl: 'TOTP-geheim (base32)', en: 'TOTP secret (base32)' },
    },
    json: { type: 'boolean', help: { nl: 'uitvoer als JSON', en: 'output as JSON' } },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (rest.length > 0) return usage(ctx, rest.join(' '));
    if (action === 'totp-code') {
      const secret = String(values.secret ?? '');
      if (!base32Decode(secret)) return usage(ctx, '--secret BASE32');
      ctx.stdout.write(`${totpCode(secret, new Date())}\n`);
      return EXIT.OK;
    }
    if (action !== 'create') return usage(ctx, 'create | totp-code');
    const email = String(values.email ?? '').trim();
    const name = String(values.name ?? '').trim();
    const language = String(values.language ?? 'nl');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return usage(ctx, '--email');
    if (name === '') return usage(ctx, '--name');
    if (language !== 'nl' && language !== 'en') return usage(ctx, '--language nl|en');
    const membership = membershipOf(values);
    if (typeof membership === 'string') return usage(ctx, membership);
    const password = values['password-stdin'] ? await readStdin() : undefined;
    if (password === '') return usage(ctx, '--password-stdin');

    const config = loadConfig();
    const { db, keyring } = await openStorage(config);
    const useCtx: Ctx = {
      db,
      keyring,
      actor: SYSTEM_ACTOR,
      requestId: `cli-${randomUUID()}`,
      now: () => new Date(),
    };
    try {
      const person = { email, name, language: language as 'nl' | 'en' };
      if (password !== undefined) {
        const created = await createAccount(useCtx, { ...person, password, memberships: [membership] });
        ctx.stdout.write(
          values.json ? `${JSON.stringify(created)}\n` : `${ctx.t(T.created(created.accountId))}\n`,
        );
        return EXIT.OK;
      }
      const invitation = await invitePerson(
        useCtx,
        { mailer: outboxMailer(), publicUrl: () => config.publicUrl },
        { ...person, membership },
        { mail: false },
      );
      ctx.stdout.write(
        values.json
          ? `${JSON.stringify({ accountId: invitation.accountId, link: invitation.link, expiresAt: invitation.expiresAt })}\n`
          : `${ctx.t(T.invited(invitation.accountId, invitation.link))}\n`,
      );
      return EXIT.OK;
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      ctx.stderr.write(`${ctx.t(T.refused(e.messages))}\n`);
      return EXIT.FINDINGS;
    } finally {
      await db.close();
    }
  },
};

function membershipOf(values: Record<string, unknown>): MembershipInput | string {
  const role = String(values.role ?? '');
  if (!(ROLES as readonly string[]).includes(role)) return `--role ${ROLES.join('|')}`;
  if (isSchoolRole(role)) {
    const brin = String(values.brin ?? '');
    return /^[0-9]{2}[A-Z]{2}$/.test(brin) ? { scope: 'school', brin, role } : '--brin BRIN';
  }
  if (role === 'regiocoordinator') {
    const regionId = String(values.region ?? '').trim();
    return regionId !== '' ? { scope: 'region', regionId, role } : '--region';
  }
  return { scope: 'servicedesk', role: 'servicedesk' };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function usage(ctx: CliContext, what: string): number {
  ctx.stderr.write(`${ctx.t(T.bad(what))}\n${ctx.t(T.description)}\n`);
  return EXIT.USAGE;
}
