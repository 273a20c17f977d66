import { randomUUID } from 'node:crypto';
import type { Keyring } from '../context.js';
import type { EncryptedColumn } from '../crypto/index.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import type { MembershipInput, MembershipRow } from './roles.js';

/** The AAD of an account's TOTP secret, and of a session's proposed secret during enrolment. */
export const accountAad = (id: string) => `platform.accounts:${id}`;
export const sessionAad = (id: string) => `platform.web_sessions:${id}`;

/** The columns of people's sign-in that hold keyring records: what `overstap keys rotate` re-encrypts. */
export const authEncryptedColumns: EncryptedColumn[] = [
  { table: 'platform.accounts', idColumn: 'id', column: 'totp_secret_enc', aad: accountAad },
  { table: 'platform.web_sessions', idColumn: 'id', column: 'pending_totp_enc', aad: sessionAad },
];

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  language: 'nl' | 'en';
  password_hash: string | null;
  totp_secret_enc: Uint8Array | null;
  totp_last_step: string | number | null;
  failed_attempts: number;
  locked_until: Date | null;
  disabled_at: Date | null;
}

const ACCOUNT_COLUMNS = `id, email, name, language, password_hash, totp_secret_enc, totp_last_step,
  failed_attempts, locked_until, disabled_at`;

/** E-mail addresses are compared without regard to case (and surrounding spaces). */
export const emailKey = (email: string) => email.trim().toLowerCase();

export async function findAccountByEmail(db: Queryable, email: string): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM platform.accounts WHERE lower(email) = $1`,
    [emailKey(email)],
  );
  return rows[0] ?? null;
}

export async function loadAccount(db: Queryable, id: string, forUpdate = false): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM platform.accounts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The account of an e-mail address, made (without a password) when there is none. */
export async function ensureAccount(
  tx: Queryable,
  input: { email: string; name: string; language?: 'nl' | 'en' },
): Promise<{ account: AccountRow; created: boolean }> {
  const id = randomUUID();
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO platform.accounts (id, email, name, language) VALUES ($1, $2, $3, $4)
     ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
    [id, input.email.trim(), input.name.trim(), input.language ?? 'nl'],
  );
  const account = await findAccountByEmail(tx, input.email);
  if (!account) throw new AppError('CONFLICT', { reason: 'the account changed while it was being made' });
  return { account, created: inserted.rows.length > 0 };
}

export function membershipColumns(m: MembershipInput): MembershipRow {
  if (m.scope === 'school') return { scope: 'school', scope_id: m.brin, role: m.role };
  if (m.scope === 'region') return { scope: 'region', scope_id: m.regionId, role: m.role };
  return { scope: 'servicedesk', scope_id: '', role: 'servicedesk' };
}

/** Adds a membership; false when the account held it already. */
export async function addMembership(tx: Queryable, accountId: string, m: MembershipRow): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO platform.memberships (id, account_id, scope, scope_id, role) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT memberships_once DO NOTHING RETURNING id`,
    [randomUUID(), accountId, m.scope, m.scope_id, m.role],
  );
  return rows.length > 0;
}

export async function loadMemberships(db: Queryable, accountId: string): Promise<MembershipRow[]> {
  const { rows } = await db.query<MembershipRow>(
    `SELECT scope, scope_id, role FROM platform.memberships WHERE account_id = $1
      ORDER BY scope, scope_id, role`,
    [accountId],
  );
  return rows;
}

export function decryptTotpSecret(keyring: Keyring, account: AccountRow): string | null {
  if (!account.totp_secret_enc) return null;
  return Buffer.from(keyring.decrypt(account.totp_secret_enc, accountAad(account.id))).toString('utf8');
}

export function encryptTotpSecret(keyring: Keyring, accountId: string, secret: string): Uint8Array {
  return keyring.encrypt(Buffer.from(secret, 'utf8'), accountAad(accountId));
}

export const lastStepOf = (account: AccountRow): number | null =>
  account.totp_last_step === null ? null : Number(account.totp_last_step);
