import { isSchoolRole, listScopeMembers, type SchoolRole } from '../platform/auth/index.js';
import type { Queryable } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { REQUIRED_ROLES, type SchoolReadiness } from './readiness-rules.js';

/**
 * The contacts of schools and regions: the people the region recorded, and — for schools — the
 * people who hold the role with an account (platform memberships). Reads and input checks shared
 * by the contact use cases, the readiness check and the help page.
 */

export interface SchoolContact {
  /** The recorded contact's id; null for a person with an account (managed on the people page). */
  id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  /** 'region': recorded by the region; 'account': a person with this role in Overstap. */
  source: 'region' | 'account';
}

export interface RoleContacts {
  role: SchoolRole;
  /** The school's kind needs someone in this role (readiness). */
  required: boolean;
  contacts: SchoolContact[];
}

export interface RegionContact {
  id: string;
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
}

interface RecordedRow {
  id: string;
  brin: string;
  role: SchoolRole;
  name: string;
  email: string | null;
  phone: string | null;
}

/** Every contact of these schools, recorded or with an account, per BRIN. */
export async function schoolContacts(
  tx: Queryable,
  brins: readonly string[],
): Promise<Map<string, Array<SchoolContact & { role: SchoolRole }>>> {
  const byBrin = new Map<string, Array<SchoolContact & { role: SchoolRole }>>();
  if (brins.length === 0) return byBrin;
  const add = (brin: string, c: SchoolContact & { role: SchoolRole }) => {
    const list = byBrin.get(brin) ?? [];
    list.push(c);
    byBrin.set(brin, list);
  };
  const recorded = await tx.query<RecordedRow>(
    `SELECT id, brin, role, name, email, phone FROM region.school_contacts
      WHERE brin = ANY($1) ORDER BY brin, role, lower(name)`,
    [[...brins]],
  );
  for (const r of recorded.rows) {
    add(r.brin, { id: r.id, role: r.role, name: r.name, email: r.email, phone: r.phone, source: 'region' });
  }
  for (const m of await listScopeMembers(tx, 'school', brins)) {
    if (!isSchoolRole(m.role)) continue;
    add(m.scopeId, { id: null, role: m.role, name: m.name, email: m.email, phone: null, source: 'account' });
  }
  return byBrin;
}

/** A school's contacts grouped per role, every role listed, the required ones marked. */
export function byRole(
  sector: SchoolReadiness['sector'],
  contacts: ReadonlyArray<SchoolContact & { role: SchoolRole }>,
): RoleContacts[] {
  const required = new Set(REQUIRED_ROLES[sector]);
  const order: SchoolRole[] = ['administratie', 'directie', 'leerkracht', 'coordinator', 'technisch'];
  return order.map((role) => ({
    role,
    required: required.has(role),
    contacts: contacts
      .filter((c) => c.role === role)
      .map(({ role: _role, ...c }) => c)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  }));
}

export async function regionContacts(
  tx: Queryable,
  regionIds: readonly string[],
): Promise<Map<string, RegionContact[]>> {
  const byRegion = new Map<string, RegionContact[]>();
  if (regionIds.length === 0) return byRegion;
  const { rows } = await tx.query<RegionContact & { region_id: string }>(
    `SELECT id, region_id, name, function, email, phone FROM region.region_contacts
      WHERE region_id = ANY($1) ORDER BY region_id, created_at, lower(name)`,
    [[...regionIds]],
  );
  for (const { region_id, ...c } of rows) byRegion.set(region_id, [...(byRegion.get(region_id) ?? []), c]);
  return byRegion;
}

// ---- input -------------------------------------------------------------------------------------

export interface ContactDetails {
  name: string;
  email?: string | null;
  phone?: string | null;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

/** Trims and checks a contact's name, e-mail and phone (at least one way to reach them). */
export function contactDetails(input: ContactDetails): {
  name: string;
  email: string | null;
  phone: string | null;
} {
  const name = input.name.trim();
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  if (name === '' || name.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'name' });
  if (email !== null && (!EMAIL.test(email) || email.length > 254)) {
    throw new AppError('VALIDATION_FAILED', { field: 'email' });
  }
  if (phone !== null && !PHONE.test(phone)) throw new AppError('VALIDATION_FAILED', { field: 'phone' });
  if (email === null && phone === null) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'email',
      reason: 'an e-mail address or a phone number',
    });
  }
  return { name, email, phone };
}
