import { join } from 'node:path';
import { createApiKey, revokeApiKey } from '../../platform/auth/api-keys.js';
import { loadConfig, type Role } from '../../platform/config.js';
import type { Permission } from '../../platform/context.js';
import { migrate, openDatabase } from '../../platform/db/index.js';
import type { Message } from '../../standard/index.js';
import { type Command, EXIT } from '../command.js';
import { migrationsFor } from '../serve/storage.js';

/** The permissions each kind of key gets unless --permission names them. */
const DEFAULTS: Record<'school-po' | 'school-vo' | 'supplier' | 'operator', Permission[]> = {
  'school-po': ['dossier:read', 'dossier:write', 'dossier:inzage', 'dossier:klaarzetten'],
  'school-vo': ['registration:write', 'request:send', 'received:read', 'received:write'],
  supplier: [
    'dossier:read',
    'dossier:write',
    'dossier:inzage',
    'dossier:klaarzetten',
    'registration:write',
    'request:send',
    'received:read',
    'received:write',
  ],
  operator: ['tc:admin', 'tc:read', 'gateway:admin', 'audit:read'],
};

const T = {
  summary: {
    nl: 'Maakt of trekt API-sleutels in voor scholen, leveranciers en de ketenbeheerder.',
    en: 'Creates or revokes API keys for schools, suppliers and the chain operator.',
  },
  description: {
    nl: 'overstap apikey create --kind school|supplier|operator [--school BRIN ...] [--sector po|vo] [--permission P ...] [--label TEKST]\noverstap apikey revoke ID\nDe sleutel wordt één keer getoond; alleen een hash wordt bewaard. Gebruikt dezelfde database als overstap serve (stop een PGlite-server eerst).',
    en: 'overstap apikey create --kind school|supplier|operator [--school BRIN ...] [--sector po|vo] [--permission P ...] [--label TEXT]\noverstap apikey revoke ID\nThe key is shown once; only a hash is kept. Uses the same database as overstap serve (stop a PGlite server first).',
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
    const role = values.role === undefined ? undefined : (String(values.role) as Role);
    const config = loadConfig(process.env, role ? { role } : {});
    const db = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
    );
    try {
      await migrate(db, migrationsFor(config));
      if (action === 'revoke') {
        await revokeApiKey(db, id);
        ctx.stdout.write(`${ctx.t(T.revoked(id))}\n`);
        return EXIT.OK;
      }
      const defaults =
        kind === 'school'
          ? DEFAULTS[values.sector === 'vo' ? 'school-vo' : 'school-po']
          : DEFAULTS[kind as 'supplier' | 'operator'];
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
