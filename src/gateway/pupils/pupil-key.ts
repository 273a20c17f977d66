import { createHmac, randomBytes } from 'node:crypto';
import type { Keyring } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';

/**
 * How the gateway finds a pupil without keeping a BSN in an index: `pupil_key` is
 * HMAC-SHA256(secret, 'bsn:<bsn>' or 'onr:<onderwijsnummer>'), base64url. The secret is made once per
 * gateway database (32 random bytes), stored as a keyring record in gw.secrets, so the key cannot
 * be reversed by trying every BSN without both the database and the encryption key.
 *
 * The BSN counts when present, otherwise the onderwijsnummer (as in the commitment), so the
 * sending and the receiving side of one gateway derive the same key for the same pupil.
 */
export interface PupilNumber {
  bsn?: string;
  onderwijsnummer?: string;
}

export type PupilKeyer = (ids: PupilNumber) => string;

const SECRET_NAME = 'pupil-key';
const secretAad = (name: string) => `gw.secrets:${name}`;

/** One promise per database: the secret is read once and kept for the life of the process. */
const secrets = new WeakMap<Db, Promise<Buffer>>();

/**
 * The keyer of this gateway. Call it before opening a transaction (it may create the secret, which
 * must be committed on its own, whatever happens to the caller's transaction).
 */
export async function pupilKeyer(ctx: { db: Db; keyring: Keyring }): Promise<PupilKeyer> {
  const hmac = await gatewayHmac(ctx);
  return (ids) => hmac(pupilNumberText(ids));
}

/**
 * HMAC-SHA256 with this gateway's secret, base64url, over a text that names what it is about by a
 * prefix ('bsn:', 'onr:', 'lid:', 'ksl:' for a koppelsleutel). Call before opening a transaction.
 */
export async function gatewayHmac(ctx: { db: Db; keyring: Keyring }): Promise<(text: string) => string> {
  let secret = secrets.get(ctx.db);
  if (!secret) {
    secret = loadOrCreateSecret(ctx.db, ctx.keyring);
    secrets.set(ctx.db, secret);
    secret.catch(() => secrets.delete(ctx.db));
  }
  const key = await secret;
  return (text) => createHmac('sha256', key).update(text, 'utf8').digest('base64url');
}

/**
 * The keyer for the pupils of the school's own dossiers: by number, except the pupil of an SWV
 * dossier (which has no BSN or onderwijsnummer, so its identity holds only the school's own
 * leerlingid): 'lid:<leerlingid>'. An SWV dossier thus never becomes a version of the pupil's
 * transfer dossier, and no document request (which names a pupil by number) ever finds it. Never
 * for identifiers a peer sent: a peer names a pupil by number only (pupilKeyer).
 */
export async function ownPupilKeyer(ctx: {
  db: Db;
  keyring: Keyring;
}): Promise<(identity: PupilNumber & { leerlingid?: string }) => string> {
  const hmac = await gatewayHmac(ctx);
  return (identity) =>
    identity.leerlingid !== undefined ? hmac(`lid:${identity.leerlingid}`) : hmac(pupilNumberText(identity));
}

/** 'bsn:<digits>' or 'onr:<digits>'; throws when neither is given (a programming error). */
export function pupilNumberText(ids: PupilNumber): string {
  const bsn = ids.bsn?.trim();
  const onr = ids.onderwijsnummer?.trim();
  if (bsn) return `bsn:${bsn}`;
  if (onr) return `onr:${onr}`;
  throw new RangeError('a pupil needs a BSN or an onderwijsnummer');
}

async function loadOrCreateSecret(db: Db, keyring: Keyring): Promise<Buffer> {
  const read = async () => {
    const { rows } = await db.query<{ value_enc: Uint8Array }>(
      'SELECT value_enc FROM gw.secrets WHERE name = $1',
      [SECRET_NAME],
    );
    return rows[0] ? Buffer.from(keyring.decrypt(rows[0].value_enc, secretAad(SECRET_NAME))) : undefined;
  };
  const existing = await read();
  if (existing) return existing;
  // Several instances may start together: the first insert wins, everyone reads the winner's.
  await db.query('INSERT INTO gw.secrets (name, value_enc) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    SECRET_NAME,
    keyring.encrypt(randomBytes(32), secretAad(SECRET_NAME)),
  ]);
  const created = await read();
  if (!created) throw new Error('gw.secrets: the pupil-key secret could not be created');
  return created;
}
