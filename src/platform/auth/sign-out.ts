import * as audit from '../audit/index.js';
import { type AuthDeps, accountCtx, type Caller } from './deps.js';
import { dropSessionByToken } from './sessions.js';

/** Ends the session of a cookie token (if it still lives); signing out twice is fine. */
export async function signOut(deps: AuthDeps, caller: Caller, token: string | undefined): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const accountId = await dropSessionByToken(tx, token);
    if (accountId)
      await audit.record(tx, accountCtx(deps, caller, accountId), 'auth.signed-out', { subject: accountId });
  });
}
