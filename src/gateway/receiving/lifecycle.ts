import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';

/**
 * The lifecycle of a registration on the receiving side (DESIGN.md §5):
 *
 *   aanmelding → aangevraagd → ontvangen | wacht_op_klaarzetten | niet_gevonden | fout
 *   ontvangen → ingelezen | afgewezen (with reason)
 *
 * A registration waiting, not found or in error is requested again (by hand, in bulk, or by itself
 * on a ready notice); a received or imported one again for a newer version ("only if changed since",
 * the summer version), where NietGewijzigd brings it back to where it was. The same table is in the
 * database (gw.registration_transitions, enforced by a trigger); a test holds the two side by side.
 */
export const REGISTRATION_STATES = [
  'aanmelding',
  'aangevraagd',
  'ontvangen',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
  'ingelezen',
  'afgewezen',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_TRANSITIONS: Readonly<Record<RegistrationState, readonly RegistrationState[]>> = {
  aanmelding: ['aangevraagd'],
  aangevraagd: ['aangevraagd', 'ontvangen', 'wacht_op_klaarzetten', 'niet_gevonden', 'fout', 'ingelezen'],
  wacht_op_klaarzetten: ['aangevraagd'],
  niet_gevonden: ['aangevraagd'],
  fout: ['aangevraagd'],
  ontvangen: ['ingelezen', 'afgewezen', 'aangevraagd'],
  ingelezen: ['aangevraagd'],
  afgewezen: ['aangevraagd'],
};

export function canTransition(from: RegistrationState, to: RegistrationState): boolean {
  return REGISTRATION_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: RegistrationState, to: RegistrationState): void {
  if (!canTransition(from, to)) throw new AppError('TRANSITION_NOT_ALLOWED', { from, to });
}

/** Where a request's result leaves the registration (`imported`: the last version was imported). */
export function stateAfter(result: ResultCode, previous: { imported: boolean }): RegistrationState {
  switch (result) {
    case 'OverdrachtGeslaagd':
      return 'ontvangen';
    case 'NietGewijzigd':
      return previous.imported ? 'ingelezen' : 'ontvangen';
    case 'NietKlaargezet':
    case 'DossierVerlopen':
      return 'wacht_op_klaarzetten';
    case 'LeerlingNietGevonden':
    case 'GegevensKomenNietOvereen':
      return 'niet_gevonden';
    default:
      return 'fout';
  }
}
