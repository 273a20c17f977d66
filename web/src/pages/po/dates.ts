import type { Language } from '../../i18n';

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

/** Today in the Netherlands as YYYY-MM-DD (the default for an inspection date). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
}

export function formatSize(bytes: number, language: Language): string {
  const n = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} kB`;
  return `${n.format(bytes / 1024 / 1024)} MB`;
}
