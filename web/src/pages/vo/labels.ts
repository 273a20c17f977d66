import type { Tone } from '../../components';
import type { Language, MessageKey } from '../../i18n';
import type { RegistrationListItem, RegistrationState, RequestTrigger, ResultCode } from './types';

/** How each state looks: a tone for the StatusBadge (always with its text). */
export const STATE_TONE: Record<RegistrationState, Tone> = {
  aanmelding: 'neutral',
  aangevraagd: 'info',
  ontvangen: 'ok',
  wacht_op_klaarzetten: 'warning',
  niet_gevonden: 'error',
  fout: 'error',
  ingelezen: 'ok',
  afgewezen: 'neutral',
};

export const stateKey = (state: RegistrationState) => `vo.state.${state}` as MessageKey;
export const resultKey = (result: ResultCode) => `vo.result.${result}` as MessageKey;
export const triggerKey = (trigger: RequestTrigger) => `vo.trigger.${trigger}` as MessageKey;

/**
 * What to do next for a registration, in plain words: for a new, running, imported or rejected
 * registration the state says it; otherwise the server's explanation of the last result.
 */
export function nextStep(
  item: Pick<RegistrationListItem, 'state' | 'explanation'>,
  t: (key: MessageKey) => string,
  pick: (m: { nl: string; en: string } | undefined) => string,
): string {
  switch (item.state) {
    case 'aanmelding':
    case 'aangevraagd':
    case 'ingelezen':
    case 'afgewezen':
      return t(`vo.next.${item.state}` as MessageKey);
    default:
      return item.explanation ? pick(item.explanation) : t(`vo.next.${item.state}` as MessageKey);
  }
}

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');
const zone = 'Europe/Amsterdam';

/** A day (YYYY-MM-DD) or a moment (ISO 8601) as people read it: `17 mei 2014`. */
export function formatDate(value: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: day ? 'UTC' : zone,
  }).format(new Date(day ? `${value}T00:00:00Z` : value));
}

/** A moment with its time: `12 maart 2027 om 14:05`. */
export function formatDateTime(value: string, language: Language): string {
  const time = new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(value));
  return `${formatDate(value, language)} ${language === 'nl' ? 'om' : 'at'} ${time}`;
}

/** What a person types as a birth date — dd-mm-jjjj (also d-m-jjjj, with / or .) or jjjj-mm-dd — as YYYY-MM-DD. */
export function isoDateOf(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(v);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD as dd-mm-jjjj (how the form shows a stored birth date). */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** The source school as people name it: its name where known, else "school 01AA". */
export function schoolLabel(
  item: Pick<RegistrationListItem, 'sourceBrin' | 'sourceSchoolName'>,
  names: ReadonlyMap<string, string>,
): string {
  return item.sourceSchoolName ?? names.get(item.sourceBrin) ?? item.sourceBrin;
}
