import type { Migration } from '../db/index.js';

/**
 * The SQL that says which (scope, scope id, role) a membership or an invitation may have: the
 * roles of docs/web-contract (school roles at a BRIN, regiocoordinator at a region, servicedesk
 * without a scope id). Kept in one place so both tables agree.
 */
const ROLE_CHECK = `(
    (scope = 'school' AND role IN ('administratie', 'leerkracht', 'directie', 'coordinator', 'technisch')
      AND scope_id ~ '^[0-9]{2}[A-Z]{2}$')
    OR (scope = 'region' AND role = 'regiocoordinator' AND scope_id <> '' AND length(scope_id) <= 200)
    OR (scope = 'servicedesk' AND role = 'servicedesk' AND scope_id = ''))`;

/**
 * People's accounts and sign-in (docs/adr/0004-people-sign-in.md): accounts, memberships, web
 * sessions, invitations, password-reset tokens, sign-in counters and the mail outbox. Secrets are
 * never stored as such: passwords as scrypt hashes, session and link tokens as SHA-256, TOTP
 * secrets encrypted with the keyring (listed in `authEncryptedColumns` for `keys rotate`).
 */
export const accountMigrations: Migration[] = [
  {
    id: 'platform-202-accounts',
    sql: `
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.accounts (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
  name text NOT NULL CHECK (name <> '' AND length(name) <= 200),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  -- '$scrypt$ln=15,r=8,p=1$<salt>$<key>'; NULL until an invitation is accepted
  password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$scrypt$%'),
  -- keyring record of the base32 secret, AAD 'platform.accounts:<id>'; NULL until enrolled
  totp_secret_enc bytea,
  -- the last accepted 30-second step: a code is not accepted twice
  totp_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE UNIQUE INDEX accounts_email_key ON platform.accounts (lower(email));

CREATE TABLE platform.memberships (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('school', 'region', 'servicedesk')),
  scope_id text NOT NULL DEFAULT '',
  role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT memberships_role CHECK ${ROLE_CHECK},
  CONSTRAINT memberships_once UNIQUE (account_id, scope, scope_id, role)
);
CREATE INDEX memberships_scope ON platform.memberships (scope, scope_id);

CREATE TABLE platform.web_sessions (
  id uuid PRIMARY KEY,
  -- SHA-256 of the cookie's token; the token itself is never stored
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  account_id uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
  -- half: password checked, second factor not yet; signed_in: both
  state text NOT NULL CHECK (state IN ('half', 'signed_in')),
  csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
  -- during enrolment: the proposed TOTP secret (keyring record, AAD 'platform.web_sessions:<id>')
  pending_totp_enc bytea,
  totp_failures integer NOT NULL DEFAULT 0 CHECK (totp_failures >= 0),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- absolute end (12 hours); idle end is last_seen_at + 30 minutes
  expires_at timestamptz NOT NULL,
  signed_in_at timestamptz,
  CONSTRAINT web_sessions_absolute CHECK (expires_at <= created_at + interval '12 hours'),
  CONSTRAINT web_sessions_signed_in CHECK ((state = 'signed_in') = (signed_in_at IS NOT NULL))
);
CREATE INDEX web_sessions_account ON platform.web_sessions (account_id);

-- half → signed_in only: a signed-in session never goes back, and never changes hands
CREATE FUNCTION platform.web_sessions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'signed_in' AND NEW.state <> 'signed_in' THEN
    RAISE EXCEPTION 'web session % cannot go from signed_in to %', OLD.id, NEW.state
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.account_id <> OLD.account_id OR NEW.created_at <> OLD.created_at OR NEW.expires_at > OLD.expires_at THEN
    RAISE EXCEPTION 'web session % cannot change owner or be extended', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER web_sessions_transitions BEFORE UPDATE ON platform.web_sessions
  FOR EACH ROW EXECUTE FUNCTION platform.web_sessions_guard();

CREATE TABLE platform.invitations (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  account_id uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('school', 'region', 'servicedesk')),
  scope_id text NOT NULL DEFAULT '',
  role text NOT NULL,
  -- the audit id of who invited (account:<uuid>, apikey:<uuid>, system)
  invited_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CONSTRAINT invitations_role CHECK ${ROLE_CHECK},
  CONSTRAINT invitations_expiry CHECK (expires_at > created_at AND expires_at <= created_at + interval '7 days'),
  CONSTRAINT invitations_used CHECK (used_at IS NULL OR used_at < expires_at)
);

CREATE TABLE platform.password_resets (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  account_id uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CONSTRAINT password_resets_expiry CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 hour'),
  CONSTRAINT password_resets_used CHECK (used_at IS NULL OR used_at < expires_at)
);
CREATE INDEX password_resets_account ON platform.password_resets (account_id);

-- fixed-window counters for rate limits, shared by every instance: bucket 'ip:<sha256>' or 'email:<sha256>'
CREATE TABLE platform.rate_limits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window ON platform.rate_limits (window_start);

-- mails: without an SMTP server they stay here for the development mail catcher (/api/dev/mail)
CREATE TABLE platform.mail_outbox (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  created_at timestamptz NOT NULL
);
`,
  },
];
