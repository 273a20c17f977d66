import { Type } from '@fastify/type-provider-typebox';
import { MAX_PASSWORD_LENGTH } from './passwords.js';
import type { SCHOOL_ROLES } from './roles.js';

/** The shapes of /api/auth and /api/dev/mail: runtime validation and the OpenAPI description. */
export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' });
export const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
export const Language = Type.Union([Type.Literal('nl'), Type.Literal('en')]);
export const Brin = Type.String({ pattern: '^[0-9]{2}[A-Z]{2}$', description: 'BRIN code, e.g. 00YY' });
export const TotpCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'six digits from the authenticator app',
});
export const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' });
export const TokenParams = Type.Object({ token: Token });
const roleLiterals = [
  Type.Literal('administratie'),
  Type.Literal('leerkracht'),
  Type.Literal('directie'),
  Type.Literal('coordinator'),
  Type.Literal('technisch'),
] as const satisfies { const: (typeof SCHOOL_ROLES)[number] }[];
export const SchoolRole = Type.Union([...roleLiterals]);
export const AnyRole = Type.Union([
  ...roleLiterals,
  Type.Literal('regiocoordinator'),
  Type.Literal('servicedesk'),
]);

const PermissionName = Type.String({ description: 'a permission, e.g. dossier:read' });

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.Object({ nl: Type.String(), en: Type.String() }),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  423: ErrorBody,
  429: ErrorBody,
};

export const LoginBody = Type.Object({ email: Email, password: Password });
export const HalfState = Type.Union([Type.Literal('totp_required'), Type.Literal('totp_enrolment_required')]);
export const LoginAnswer = Type.Object({ state: HalfState, csrfToken: Type.String() });
export const SignedIn = Type.Object({ state: Type.Literal('signed_in') });
export const CodeBody = Type.Object({ code: TotpCode });
export const Enrolment = Type.Object({
  secret: Type.String({ description: 'base32, for typing into the app' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'the otpauth URI as a QR code (SVG)' }),
});

export const Me = Type.Object({
  state: Type.Union([Type.Literal('signed_in'), HalfState]),
  csrfToken: Type.String(),
  account: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), language: Language }),
  memberships: Type.Array(
    Type.Union([
      Type.Object({
        scope: Type.Literal('school'),
        brin: Type.String(),
        schoolName: Type.String(),
        sector: Type.String(),
        roles: Type.Array(AnyRole),
      }),
      Type.Object({
        scope: Type.Literal('region'),
        regionId: Type.String(),
        regionName: Type.String(),
        roles: Type.Array(AnyRole),
      }),
      Type.Object({ scope: Type.Literal('servicedesk') }),
    ]),
  ),
  permissions: Type.Record(Type.String(), Type.Array(PermissionName)),
  global: Type.Array(PermissionName),
});
export const LanguageBody = Type.Object({ language: Language });

export const InvitationBody = Type.Object({
  email: Email,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  brin: Brin,
  role: SchoolRole,
  language: Type.Optional(Language),
});
export const InvitationCreated = Type.Object({
  invitationId: Type.String(),
  accountId: Type.String(),
  email: Type.String(),
  expiresAt: Type.String({ description: 'ISO 8601' }),
});
export const InvitationView = Type.Object({
  email: Type.String(),
  name: Type.String(),
  schoolName: Type.String(),
  role: AnyRole,
});
export const PasswordBody = Type.Object({ password: Password });
export const ResetRequestBody = Type.Object({ email: Email });

export const CaughtMail = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  sentAt: Type.String({ description: 'ISO 8601' }),
});
