import { formatKeyEntry, generateKey } from '../../platform/crypto/index.js';
import type { Message } from '../../standard/errors.js';
import { type CliContext, type Command, EXIT } from '../command.js';

/** The texts of `overstap keys`, Dutch first. */
export const KM = {
  summary: {
    nl: 'Maakt versleutelingssleutels voor de gegevens in de database.',
    en: 'Creates encryption keys for the data in the database.',
  },
  description: {
    nl: 'overstap keys generate schrijft een nieuwe sleutel in de vorm van OVERSTAP_ENCRYPTION_KEYS (ID:base64) naar de standaarduitvoer.\nDossiers en verzegelde gegevens worden in de database versleuteld (AES-256-GCM). Zet in productie OVERSTAP_ENCRYPTION_KEYS="k1:…,k2:…" en OVERSTAP_ENCRYPTION_KEY_ID (de actieve sleutel; standaard de laatste) vanuit een geheimenkluis, los van de database en haar back-ups. Zonder die instelling maakt Overstap een ontwikkelsleutel in de datamap.\nWisselen: voeg de nieuwe sleutel achteraan toe, herstart, en laat alle gegevens opnieuw versleutelen; haal de oude sleutel pas daarna weg.',
    en: 'overstap keys generate writes a new key in the form of OVERSTAP_ENCRYPTION_KEYS (ID:base64) to standard output.\nDossiers and sealed data are encrypted in the database (AES-256-GCM). In production, set OVERSTAP_ENCRYPTION_KEYS="k1:…,k2:…" and OVERSTAP_ENCRYPTION_KEY_ID (the active key; default the last one) from a secret store, apart from the database and its backups. Without them, Overstap creates a development key in the data folder.\nRotation: append the new key, restart, and have all data re-encrypted; remove the old key only after that.',
  },
  idOption: {
    nl: 'id van de sleutel (letters, cijfers, . _ -); standaard k plus datum en tijd',
    en: 'id of the key (letters, digits, . _ -); default k plus date and time',
  },
  missingAction: {
    nl: 'Geef een actie: overstap keys generate',
    en: 'Give an action: overstap keys generate',
  },
  unknownAction: (a: string): Message => ({
    nl: `Onbekende actie "${a}"; kies generate.`,
    en: `Unknown action "${a}"; choose generate.`,
  }),
  badId: (id: string): Message => ({
    nl: `Het id "${id}" kan niet: gebruik 1 tot 64 letters, cijfers, punten, liggende streepjes of koppeltekens.`,
    en: `The id "${id}" cannot be used: use 1 to 64 letters, digits, dots, underscores or hyphens.`,
  }),
  hint: {
    nl: 'Voeg dit achteraan toe aan OVERSTAP_ENCRYPTION_KEYS (komma ertussen) en bewaar het als geheim; oude sleutels blijven nodig tot alle gegevens opnieuw versleuteld zijn.',
    en: 'Append this to OVERSTAP_ENCRYPTION_KEYS (comma between) and keep it as a secret; old keys remain needed until all data is re-encrypted.',
  },
} satisfies Record<string, Message | ((a: string) => Message)>;

export const keysCommand: Command = {
  name: 'keys',
  summary: KM.summary,
  description: KM.description,
  usage: 'generate [--id ID]',
  options: {
    id: { type: 'string', arg: 'ID', help: KM.idOption },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (action === undefined) return fail(ctx, KM.missingAction);
    if (action !== 'generate' || rest.length > 0) return fail(ctx, KM.unknownAction(positionals.join(' ')));
    const id = values.id === undefined ? defaultKeyId(new Date()) : String(values.id);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) return fail(ctx, KM.badId(id));
    ctx.stdout.write(`${formatKeyEntry(id, generateKey())}\n`);
    ctx.stderr.write(`${ctx.t(KM.hint)}\n`);
    return EXIT.OK;
  },
};

/** k20250301-120000: sorts by age, and two keys made a second apart differ. */
export function defaultKeyId(now: Date): string {
  const iso = now.toISOString();
  return `k${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function fail(ctx: CliContext, message: Message): number {
  ctx.stderr.write(`${ctx.t(message)}\n`);
  return EXIT.USAGE;
}
