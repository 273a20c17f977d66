import { join } from 'node:path';
import { createApiKey, DEFAULT_KEY_PERMISSIONS, revokeApiKey } from '../../platform/auth/api-keys.js';
import { loadConfig, type Role } from '../../platform/config.js';
import type { Permission } from '../../platform/context.js';
import { migrate, openDatabase } from '../../platform/db/index.js';
import { isAppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import { apiTarget, postToApi } from '../api-client.js';
import { report } from '../api-command.js';
import { type Command, EXIT, type ParsedArgs } from '../command.js';
import { migrationsFor } from '../serve/storage.js';

const T = {
  summary: {
    nl: 'Maakt of trekt API-sleutels in voor scholen, leveranciers en de ketenbeheerder.',
    en: 'Creates or revokes API keys for schools, suppliers and the chain operator.',
  },
  description: {
    nl: 'overstap apikey create --kind school|supplier|operator [--school BRIN ...] [--sector po|vo] [--permission P ...] [--label TEKST]\noverstap apikey revoke ID\nDe sleutel wordt één keer getoond; alleen een hash wordt bewaard. Gebruikt dezelfde database als overstap serve (stop een PGlite-server eerst).\nMet --url URL via de API van een draaiende gateway, met de sleutel van de beheerder in OVERSTAP_API_KEY: sleutels voor scholen en leveranciers van scholen die de gateway bedient, met de standaardrechten van hun soort.',
    en: 'overstap apikey create --kind school|supplier|operator [--school BRIN ...] [--sector po|vo] [--permission P ...] [--label TEXT]\noverstap apikey revoke ID\nThe key is shown once; only a hash is kept. Uses the same database as overstap serve (stop a PGlite server first).\nWith --url URL through the API of a running gateway, with the operator’s key in OVERSTAP_API_KEY: keys for schools and suppliers of schools the gateway hosts, with the default permissions of their kind.',
  },
  kind: { nl: 'school, supplier of operator', en: 'school, supplier or operator' },
  school: { nl: 'BRIN waarvoor de sleutel geldt (herhaalbaar)', en: 'BRIN the key is for (repeatable)' },
  sector: {
    nl: 'po of vo: bepaalt de standaardrechten van een schoolsleutel',
    en: 'po or vo: sets the default permissions of a school key',
  },
  permission: {
    nl: 'recht (herhaalbaar), bijv. dossier:klaarzetten',
    en: 'permission (repeatable), e.g. dossier:klaarzetten',
  },
  label: { nl: 'omschrijving', en: 'description' },
  role: {
    nl: 'rol van de database (all, trafficcenter, gateway)',
    en: 'role of the database (all, trafficcenter, gateway)',
  },
  bad: (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` }),
  created: (id: string, key: string): Message => ({
    nl: `API-sleutel ${id} aangemaakt. Bewaar hem nu; hij wordt niet opnieuw getoond:\n${key}`,
    en: `API key ${id} created. Keep it now; it is not shown again:\n${key}`,
  }),
  useUrl: {
    nl: 'Draait de server? Maak en trek sleutels voor scholen en leveranciers dan in via zijn API: voeg --url URL toe, met de sleutel van de beheerder in OVERSTAP_API_KEY.',
    en: 'Is the server running? Then create and revoke keys for schools and suppliers through its API: add --url URL, with the operator’s key in OVERSTAP_API_KEY.',
  },
  revoked: (id: string): Message => ({ nl: `API-sleutel ${id} ingetrokken.`, en: `API key ${id} revoked.` }),
};

export const apikeyCommand: Command = {
  name: 'apikey',
  summary: T.summary,
  description: T.description,
  usage: 'create|revoke …',
  options: {
    kind: { type: 'string', arg: 'SOORT', help: T.kind },
    school: { type: 'string', multiple: true, arg: 'BRIN', help: T.school },
    sector: { type: 'string', arg: 'po|vo', help: T.sector },
    permission: { type: 'string', multiple: true, arg: 'RECHT', help: T.permission },
    label: { type: 'string', arg: 'TEKST', help: T.label },
    role: { type: 'string', arg: 'ROL', help: T.role },
    json: { type: 'boolean', help: { nl: 'uitvoer als JSON', en: 'output as JSON' } },
    url: {
      type: 'string',
      arg: 'URL',
      help: {
        nl: 'via de API van de draaiende server op dit adres (alleen school en supplier)',
        en: 'through the API of the running server at this address (school and supplier only)',
      },
    },
  },
  async run({ values, positionals }, ctx) {
    const [action, id] = positionals;
    const kind = String(values.kind ?? '');
    const schools = (values.school as string[] | undefined) ?? [];
    if (action === 'create') {
      if (!['school', 'supplier', 'operator'].includes(kind)) return usage(ctx, '--kind');
      if (kind !== 'operator' && schools.length === 0) return usage(ctx, '--school');
      if (schools.some((b) => !/^[0-9]{2}[A-Z]{2}$/.test(b))) return usage(ctx, '--school BRIN');
    } else if (action !== 'revoke' || !id) {
      return usage(ctx, 'create | revoke ID');
    }
    if (values.url !== undefined) return throughApi(ctx, values, action, id, kind, schools);
    const role = values.role === undefined ? undefined : (String(values.role) as Role);
    const config = loadConfig(process.env, role ? { role } : {});
    let db: Awaited<ReturnType<typeof openDatabase>>;
    try {
      db = await openDatabase(
        config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
      );
    } catch (e) {
      if (!(isAppError(e) && e.code === 'DATA_DIR_IN_USE')) throw e;
      // a running PGlite server holds the folder: keys for schools and suppliers can go through its API
      ctx.stderr.write(`${ctx.t(e.messages)}\n${ctx.t(T.useUrl)}\n`);
      return EXIT.USAGE;
    }
    try {
      await migrate(db, migrationsFor(config));
      if (action === 'revoke') {
        await revokeApiKey(db, id);
        ctx.stdout.write(`${ctx.t(T.revoked(id))}\n`);
        return EXIT.OK;
      }
      const defaults =
        kind === 'school'
          ? DEFAULT_KEY_PERMISSIONS[values.sector === 'vo' ? 'school-vo' : 'school-po']
          : DEFAULT_KEY_PERMISSIONS[kind as 'supplier' | 'operator'];
      const created = await createApiKey(db, {
        label: String(values.label ?? `${kind} ${schools.join(',')}`.trim()),
        kind: kind as 'school' | 'supplier' | 'operator',
        schools,
        permissions: ((values.permission as Permission[] | undefined) ?? defaults) as Permission[],
      });
      ctx.stdout.write(
        values.json ? `${JSON.stringify(created)}\n` : `${ctx.t(T.created(created.id, created.key))}\n`,
      );
      return EXIT.OK;
    } finally {
      await db.close();
    }
  },
};

function usage(ctx: Parameters<Command['run']>[1], what: string): number {
  ctx.stderr.write(`${ctx.t(T.bad(what))}\n${ctx.t(T.description)}\n`);
  return EXIT.USAGE;
}

/** create / revoke through a running gateway's API (POST /api/gw/api-keys, …/{id}/revoke). */
async function throughApi(
  ctx: Parameters<Command['run']>[1],
  values: ParsedArgs['values'],
  action: string,
  id: string | undefined,
  kind: string,
  schools: string[],
): Promise<number> {
  if (action === 'create' && kind === 'operator') return usage(ctx, '--kind school|supplier (--url)');
  if (values.permission !== undefined) return usage(ctx, '--permission (--url)');
  const target = apiTarget(ctx, values.url);
  if (typeof target === 'number') return target;
  if (action === 'revoke') {
    const answer = await postToApi(ctx, target, `/api/gw/api-keys/${encodeURIComponent(String(id))}/revoke`);
    if (!answer.ok) return answer.exitCode;
    ctx.stdout.write(`${ctx.t(T.revoked(String(id)))}\n`);
    return EXIT.OK;
  }
  const answer = await postToApi<{ id: string; key: string }>(ctx, target, '/api/gw/api-keys', {
    kind,
    schools,
    ...(values.sector === 'po' || values.sector === 'vo' ? { sector: values.sector } : {}),
    ...(typeof values.label === 'string' ? { label: values.label } : {}),
  });
  return report(ctx, answer, values.json, (k) => [ctx.t(T.created(k.id, k.key))]);
}
