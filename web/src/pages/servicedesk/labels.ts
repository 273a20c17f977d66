import type { Tone } from '../../components';
import type { MessageKey } from '../../i18n';
import type { ConnectionStatus } from './types';

/** How each place on the connection path looks: a badge tone and its words. */
export const CONNECTION_TONE: Record<ConnectionStatus, Tone> = {
  supplier: 'warning',
  mandate: 'error',
  deliveryPoint: 'warning',
  testExchange: 'warning',
  qualification: 'info',
  admitted: 'ok',
};

export const connectionLabel = (status: ConnectionStatus) => `sd.connection.${status}` as MessageKey;
export const connectionHint = (status: ConnectionStatus) => `sd.connection.${status}.hint` as MessageKey;

const RESULT_KEYS = new Set<string>([
  'OverdrachtGeslaagd',
  'NietGewijzigd',
  'NietKlaargezet',
  'DossierVerlopen',
  'GegevensKomenNietOvereen',
  'LeerlingNietGevonden',
  'SessieAfwijkend',
  'OnbekendAanleverpunt',
  'GeenRelatieMetDoel',
  'SessieReedsAfgemeld',
  'SessieVerlopen',
  'VerstrekkerNietBekend',
  'SchoolNietToegelaten',
  'GeenMandaat',
  'OnbekendeSchool',
  'TeVeelVerzoeken',
  'OngeldigVerzoek',
  'TechnischeFout',
]);

/** The words for a result code; an unknown (newer) code is shown as it is. */
export function resultLabel(t: (key: MessageKey) => string, code: string): string {
  return RESULT_KEYS.has(code) ? t(`sd.result.${code}` as MessageKey) : code;
}

const HISTORY_ACTIONS = new Set<string>([
  'tc.school.registered',
  'tc.school.updated',
  'tc.mandate.granted',
  'tc.mandate.revoked',
  'tc.delivery-point.registered',
  'tc.delivery-point.updated',
  'tc.delivery-point.deactivated',
  'tc.delivery-point.reactivated',
  'tc.admission.recordTestExchange',
  'tc.admission.qualify',
  'tc.admission.unqualify',
]);

export function historyLabel(t: (key: MessageKey) => string, action: string): string {
  return HISTORY_ACTIONS.has(action) ? t(`sd.history.action.${action}` as MessageKey) : action;
}

export function actorLabel(t: (key: MessageKey) => string, kind: string): string {
  if (kind === 'person') return t('sd.history.actor.person');
  if (kind === 'system') return t('sd.history.actor.system');
  return t('sd.history.actor.key');
}
