import { AppError } from '../../platform/errors.js';

/**
 * The lifecycle of a dossier on the sending side (DESIGN.md §5), per pupil per school year:
 *
 *   concept → ter_inzage (a frozen version the parents see) → ingezien (inspection recorded)
 *     → klaargezet (for exactly one destination BRIN) → ingetrokken | verlopen
 *
 * Editing makes a new version and brings the dossier back to concept from any state. Setting a
 * ready dossier ready for another school is klaargezet → klaargezet (the first is withdrawn).
 * A profile without parents' inspection (BB, POSWV, VOSWV) may go from concept to klaargezet;
 * klaarzetten.ts refuses that for POPO, POVO and VOVO. Delivery is an event, not a state.
 *
 * The same table is in the database (gw.dossier_transitions, enforced by a trigger); a test holds
 * the two side by side.
 */
export const DOSSIER_STATES = [
  'concept',
  'ter_inzage',
  'ingezien',
  'klaargezet',
  'ingetrokken',
  'verlopen',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_TRANSITIONS: Readonly<Record<DossierState, readonly DossierState[]>> = {
  concept: ['concept', 'ter_inzage', 'klaargezet'],
  ter_inzage: ['ingezien', 'concept'],
  ingezien: ['klaargezet', 'concept'],
  klaargezet: ['klaargezet', 'ingetrokken', 'verlopen', 'concept'],
  ingetrokken: ['klaargezet', 'concept'],
  verlopen: ['klaargezet', 'concept'],
};

export function canTransition(from: DossierState, to: DossierState): boolean {
  return DOSSIER_TRANSITIONS[from].includes(to);
}

/** Refuses with TRANSITION_NOT_ALLOWED unless the lifecycle allows `from → to`. */
export function assertTransition(from: DossierState, to: DossierState): void {
  if (!canTransition(from, to)) throw new AppError('TRANSITION_NOT_ALLOWED', { from, to });
}
