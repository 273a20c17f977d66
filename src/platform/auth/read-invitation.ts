import { type AuthDeps, clockOf } from './deps.js';
import { openInvitation } from './invitation-tokens.js';
import { placeName } from './invite-person.js';
import type { Role } from './roles.js';

export interface InvitationView {
  email: string;
  name: string;
  /** The school's name (or the region, or the servicedesk). */
  schoolName: string;
  role: Role;
}

/** What the invitation page shows before the person chooses a password (the link is the key). */
export async function readInvitation(deps: AuthDeps, token: string): Promise<InvitationView> {
  const invitation = await openInvitation(deps.db, token, clockOf(deps)());
  return {
    email: invitation.email,
    name: invitation.name,
    schoolName: await placeName(deps, invitation, invitation.language),
    role: invitation.role,
  };
}
