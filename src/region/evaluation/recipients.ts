import { listScopeMembers } from '../../platform/auth/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { regionContacts, schoolContacts } from '../contact-store.js';
import { memberBrins } from '../region-store.js';
import type { EvaluationRole } from './questions.js';

/**
 * The e-mail addresses a role's link goes to, each once (lower case): for a school role the member
 * schools' contacts in that role (recorded by the region, or with an account); for the region its
 * coordinators and the region's own contacts. Parents are reached through their schools: none.
 */
export async function recipientsOf(tx: Queryable, regionId: string, role: EvaluationRole): Promise<string[]> {
  const addresses = new Set<string>();
  if (role === 'ouders') return [];
  if (role === 'regio') {
    for (const m of await listScopeMembers(tx, 'region', [regionId])) {
      if (m.role === 'regiocoordinator') addresses.add(m.email.toLowerCase());
    }
    for (const c of (await regionContacts(tx, [regionId])).get(regionId) ?? []) {
      if (c.email) addresses.add(c.email.toLowerCase());
    }
  } else {
    for (const contacts of (await schoolContacts(tx, await memberBrins(tx, regionId))).values()) {
      for (const c of contacts) if (c.role === role && c.email) addresses.add(c.email.toLowerCase());
    }
  }
  return [...addresses].sort();
}
