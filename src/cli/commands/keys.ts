import { gatewayEncryptedColumns } from '../../gateway/index.js';
import { authEncryptedColumns } from '../../platform/auth/index.js';
import { loadConfig } from '../../platform/config.js';
import {
  formatKeyEntry,
  generateKey,
  retireKey,
  rotateEncryptedColumns,
} from '../../platform/crypto/index.js';
import type { Message } from '../../standard/errors.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { hasGateway, openStorage } from '../serve/storage.js';

/** The texts of `overstap keys`, Dutch first. */
export const KM = {
  summary: {
    nl: 'Maakt versleutelingssleutels en versleutelt de database opnieuw met de actieve sleutel.',
    en: 'Creates encryption keys and re-encrypts the database under the active key.',
  },
  description: {
    nl: 'overstap keys generate schrijft een nieuwe sleutel in de vorm van OVERSTAP_ENCRYPTION_KEYS (ID:base64) naar de standaarduitvoer.\nDossiers en verzegelde gegevens worden in de database versleuteld (AES-256-GCM). Zet in productie OVERSTAP_ENCRYPTION_KEYS="k1:…,k2:…" en OVERSTAP_ENCRYPTION_KEY_ID (de actieve sleutel; standaard de laatste) vanuit een geheimenkluis, los van de database en haar back-ups. Zonder die instelling maakt Overstap een ontwikkelsleutel in de datamap.\nWisselen: voeg de nieuwe sleutel achteraan toe (met OVERSTAP_ENCRYPTION_KEY_ID erop), herstart, en voer overstap keys rotate uit (met --retire OUD-ID); haal de oude sleutel pas daarna weg.',
    en: 'overstap keys generate writes a new key in the form of OVERSTAP_ENCRYPTION_KEYS (ID:base64) to standard output.\nDossiers and sealed data are encrypted in the database (AES-256-GCM). In production, set OVERSTAP_ENCRYPTION_KEYS="k1:…,k2:…" and OVERSTAP_ENCRYPTION_KEY_ID (the active key; default the last one) from a secret store, apart from the database and its backups. Without them, Overstap creates a development key in the data folder.\nRotation: append the new key (with OVERSTAP_ENCRYPTION_KEY_ID pointing at it), restart, and run overstap keys rotate (with --retire OLD-ID); remove the old key only after that.',
  },
  idOption: {
    nl: 'id van de sleutel (letters, cijfers, . _ -); standaard k plus datum en tijd',
    en: 'id of the key (letters, digits, . _ -); default k plus date and time',
  },
  missingAction: {
    nl: 'Geef een actie: overstap keys generate of overstap keys rotate',
    en: 'Give an action: overstap keys generate or overstap keys rotate',
  },
  unknownAction: (a: string): Message => ({
    nl: `Onbekende actie "${a}"; kies generate of rotate.`,
    en: `Unknown action "${a}"; choose generate or rotate.`,
  }),
  retireOption: {
    nl: 'bij rotate: trek deze oude sleutel daarna in (hij mag dan uit de configuratie)',
    en: 'with rotate: retire this old key afterwards (it may then leave the configuration)',
  },
  rotated: (n: number, key: string): Message => ({
    nl: `${n} versleutelde waarden opnieuw versleuteld met sleutel ${key}.`,
    en: `${n} encrypted values re-encrypted under key ${key}.`,
  }),
  retired: (key: string): Message => ({
    nl: `Sleutel ${key} is ingetrokken; haal hem nu uit OVERSTAP_ENCRYPTION_KEYS.`,
    en: `Key ${key} is retired; now remove it from OVERSTAP_ENCRYPTION_KEYS.`,
  }),
  badId: (id: string): Message => ({
    nl: `Het id "${id}" kan niet: gebruik 1 tot 64 letters, cijfers, punten, liggende streepjes of koppeltekens.`,
    en: `The id "${id}" cannot be used: use 1 to 64 letters, digits, dots, underscores or hyphens.`,
  }),
  hint: {
    nl: 'Voeg dit achteraan toe aan OVERSTAP_ENCRYPTION_KEYS (komma ertussen) en bewaar het als geheim; oude sleutels blijven nodig tot alle gegevens opnieuw versleuteld zijn.',
    en: 'Append this to OVERSTAP_ENCRYPTION_KEYS (comma between) and keep it as a secret; old keys remain needed until all data is re-encrypted.',
  },
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const keysCommand: Command = {
  name: 'keys',
  summary: KM.summary,
  description: KM.description,
  usage: 'generate [--id ID] | rotate [--retire ID]',
  options: {
    id: { type: 'string', arg: 'ID', help: KM.idOption },
    retire: { type: 'string', arg: 'ID', help: KM.retireOption },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (action === undefined) return fail(ctx, KM.missingAction);
    if (action === 'rotate' && rest.length === 0) return rotate(ctx, values.retire as string | undefined);
    if (action !== 'generate' || rest.length > 0) return fail(ctx, KM.unknownAction(positionals.join(' ')));
    const id = values.id === undefined ? defaultKeyId(new Date()) : String(values.id);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) return fail(ctx, KM.badId(id));
    ctx.stdout.write(`${formatKeyEntry(id, generateKey())}\n`);
    ctx.stderr.write(`${ctx.t(KM.hint)}\n`);
    return EXIT.OK;
  },
};

/**
 * Re-encrypts every encrypted value of this node's database under the active key (resumable: run
 * it again after an interruption), then optionally retires an old key.
 */
async function rotate(ctx: CliContext, retire: string | undefined): Promise<number> {
  const config = loadConfig();
  const { db, keyring } = await openStorage(config);
  try {
    const result = await rotateEncryptedColumns(db, keyring, [
      ...authEncryptedColumns,
      ...(hasGateway(config) ? gatewayEncryptedColumns : []),
    ]);
    ctx.stdout.write(`${ctx.t(KM.rotated(result.reencrypted, result.activeKeyId))}\n`);
    if (retire !== undefined && (await retireKey(db, keyring, retire))) {
      ctx.stdout.write(`${ctx.t(KM.retired(retire))}\n`);
    }
    return EXIT.OK;
  } finally {
    await db.close();
  }
}

/** k20250301-120000: sorts by age, and two keys made a second apart differ. */
export function defaultKeyId(now: Date): string {
  const iso = now.toISOString();
  return `k${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function fail(ctx: CliContext, message: Message): number {
  ctx.stderr.write(`${ctx.t(message)}\n`);
  return EXIT.USAGE;
}
