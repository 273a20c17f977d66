/**
 * People's accounts and sign-in, and the API keys of integrators (docs/adr/0004-people-sign-in.md).
 * This file is the folder's public face: import auth only through it.
 */

export { acceptInvitation } from './accept-invitation.js';
export { authEncryptedColumns } from './accounts.js';
export {
  createApiKey,
  type NewApiKey,
  requireApiKey,
  resolveApiKey,
  revokeApiKey,
  startApiKeyCache,
} from './api-keys.js';
export { createAccount, type NewAccount } from './create-account.js';
export {
  type AuthDeps,
  type AuthLimits,
  type Caller,
  DEFAULT_AUTH_LIMITS,
  type SchoolDirectory,
} from './deps.js';
export { type Invitation, type InvitationInput, invitePerson } from './invite-person.js';
export {
  type CaughtMail,
  createMailer,
  listOutbox,
  type Mailer,
  type OutgoingMail,
  outboxMailer,
} from './mail.js';
export { accountMigrations } from './migrations.js';
export {
  assertPasswordAcceptable,
  hashPassword,
  needsRehash,
  PASSWORD_PARAMS,
  verifyPassword,
} from './passwords.js';
export { enforce as enforceRateLimit, type RateLimit } from './rate-limit.js';
export { readInvitation } from './read-invitation.js';
export { requestPasswordReset } from './request-password-reset.js';
export { requireCaller, sessionOf, sessionTokenOf } from './require-caller.js';
export { resetPassword } from './reset-password.js';
export {
  authorizeMembership,
  isSchoolRole,
  type MembershipInput,
  personActor,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  regionGrantKey,
  SCHOOL_ROLES,
  type SchoolRole,
} from './roles.js';
export { registerAuthRoutes } from './routes.js';
export { listScopeMembers, type ScopeMember } from './scope-members.js';
export { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.js';
export { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri, totpCode } from './totp.js';
export { type Me, whoAmI } from './who-am-i.js';
