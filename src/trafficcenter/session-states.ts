/**
 * A session's lifecycle (DESIGN.md §4): started `open` by the receiving gateway, checked any
 * number of times by source gateways while open, `closed` once by its starter with the best
 * result — or `expired` when it outlived its lifetime (`expires_at`, see session-expiry.ts) before
 * it was closed. Closed and expired are final. The database guards the same (CHECKs and a trigger in
 * tc-002 and tc-003: a close only before `expires_at`, an expiry only from then on).
 */
export type SessionState = 'open' | 'closed' | 'expired';

export const SESSION_TRANSITIONS: Readonly<Record<SessionState, readonly SessionState[]>> = {
  open: ['closed', 'expired'],
  closed: [],
  expired: [],
};

export function canTransition(from: SessionState, to: SessionState): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}
