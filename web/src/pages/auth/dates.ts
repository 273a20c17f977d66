import type { Language } from '../../i18n';

/** Dates and times as people read them, in the Netherlands' time zone: `12 maart 2027`, `14:05`. */
const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');
const zone = 'Europe/Amsterdam';

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language): string {
  return `${formatDate(iso, language)} ${language === 'nl' ? 'om' : 'at'} ${formatTime(iso, language)}`;
}
