/**
 * A session's lifecycle (DESIGN.md §4): started `open` by the receiving gateway, checked any
 * number of times by source gateways while open, `closed` once by its starter with the best
 * result. Closed is final. The database guards the same (a CHECK and a trigger in tc-002).
 */
export type SessionState = 'open' | 'closed';

export const SESSION_TRANSITIONS: Readonly<Record<SessionState, readonly SessionState[]>> = {
  open: ['closed'],
  closed: [],
};

export function canTransition(from: SessionState, to: SessionState): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}
