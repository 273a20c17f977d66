import type { Language, MessageKey } from '../../i18n';

/** Dates as people read them, in the Netherlands' time zone: `12 maart 2027`, `12 maart 2027 om 14:05`. */
const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');
const zone = 'Europe/Amsterdam';

/** A day (YYYY-MM-DD) or a moment (ISO 8601). */
export function formatDate(value: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: day ? 'UTC' : zone,
  }).format(new Date(day ? `${value}T00:00:00Z` : value));
}

export function formatDateTime(value: string, language: Language): string {
  const time = new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(value));
  return `${formatDate(value, language)} ${language === 'nl' ? 'om' : 'at'} ${time}`;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A day in the Netherlands as YYYY-MM-DD, `offsetDays` from today. */
export function dutchDay(offsetDays = 0): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
}

/** A certificate fingerprint in groups of four, for reading aloud over the phone. */
export function groupedFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** The short form of a fingerprint: first and last eight digits. */
export function shortFingerprint(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}

/** "1 uitwisseling" / "3 uitwisselingen", "1 paar scholen" / "2 paren scholen". */
export function countOf(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  language: Language,
  n: number,
  what: 'exchanges' | 'pairs',
): string {
  return n === 1
    ? t(`sd.count.${what}One` as MessageKey)
    : t(`sd.count.${what}` as MessageKey, { count: formatNumber(n, language) });
}
