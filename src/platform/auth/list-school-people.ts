import { authorize, type Ctx } from '../context.js';
import { type AuthDeps, schoolNames } from './deps.js';
import { isSchoolRole, type SchoolRole } from './roles.js';

/** Where a person stands: signed in with both steps once, only a password, or only invited. */
export type PersonStatus = 'active' | 'password_set' | 'invited';

export interface SchoolPerson {
  accountId: string;
  name: string;
  email: string;
  /** The roles the person holds at this school. */
  roles: SchoolRole[];
  /** Invitations to this school not (yet) accepted, for roles the person does not hold. */
  invitations: Array<{ invitationId: string; role: SchoolRole; expiresAt: string; expired: boolean }>;
  status: PersonStatus;
}

export interface SchoolPeople {
  brin: string;
  schoolName: string;
  people: SchoolPerson[];
}

/** Invitations that ran out stay visible this long, so that someone can invite again. */
const EXPIRED_SHOWN_MS = 30 * 24 * 60 * 60_000;

/**
 * The people of a school for its people page: everyone with a role there, and everyone invited
 * there who has not accepted yet (an invitation that ran out is shown for 30 days). Ordered by name.
 */
export async function listSchoolPeople(
  ctx: Ctx,
  deps: Pick<AuthDeps, 'schools'>,
  brin: string,
): Promise<SchoolPeople> {
  authorize(ctx, 'school:people', brin);
  const now = ctx.now();
  const [members, invited, names] = await Promise.all([
    ctx.db.query<AccountRow & { role: string }>(
      `SELECT a.id, a.name, a.email, a.password_hash IS NOT NULL AS has_password,
              a.totp_secret_enc IS NOT NULL AS enrolled, m.role
         FROM platform.memberships m JOIN platform.accounts a ON a.id = m.account_id
        WHERE m.scope = 'school' AND m.scope_id = $1 AND a.disabled_at IS NULL`,
      [brin],
    ),
    ctx.db.query<AccountRow & { role: string; invitation_id: string; expires_at: Date }>(
      `SELECT a.id, a.name, a.email, a.password_hash IS NOT NULL AS has_password,
              a.totp_secret_enc IS NOT NULL AS enrolled, i.role, i.id AS invitation_id, i.expires_at
         FROM platform.invitations i JOIN platform.accounts a ON a.id = i.account_id
        WHERE i.scope = 'school' AND i.scope_id = $1 AND i.used_at IS NULL AND i.expires_at > $2
          AND a.disabled_at IS NULL
        ORDER BY i.expires_at`,
      [brin, new Date(now.getTime() - EXPIRED_SHOWN_MS)],
    ),
    schoolNames(deps, [brin]),
  ]);

  const people = new Map<string, SchoolPerson>();
  const personOf = (row: AccountRow): SchoolPerson => {
    let person = people.get(row.id);
    if (!person) {
      person = {
        accountId: row.id,
        name: row.name,
        email: row.email,
        roles: [],
        invitations: [],
        status: row.enrolled ? 'active' : row.has_password ? 'password_set' : 'invited',
      };
      people.set(row.id, person);
    }
    return person;
  };
  for (const row of members.rows) {
    if (isSchoolRole(row.role)) personOf(row).roles.push(row.role);
  }
  for (const row of invited.rows) {
    const person = personOf(row);
    if (!isSchoolRole(row.role) || person.roles.includes(row.role)) continue;
    // One line per role: the latest invitation for it.
    person.invitations = person.invitations.filter((i) => i.role !== row.role);
    person.invitations.push({
      invitationId: row.invitation_id,
      role: row.role,
      expiresAt: row.expires_at.toISOString(),
      expired: row.expires_at <= now,
    });
  }
  const order = ['administratie', 'directie', 'leerkracht', 'coordinator', 'technisch'];
  for (const person of people.values()) person.roles.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    brin,
    schoolName: names.get(brin)?.name ?? brin,
    people: [...people.values()]
      .filter((p) => p.roles.length > 0 || p.invitations.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.email.localeCompare(b.email)),
  };
}

interface AccountRow {
  id: string;
  name: string;
  email: string;
  has_password: boolean;
  enrolled: boolean;
}
