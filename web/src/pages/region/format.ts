import type { Language } from '../../i18n';

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar day 'YYYY-MM-DD' as people read it: `12 maart 2027` / `12 March 2027`. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A weekday and day: `vrijdag 12 maart 2027`. */
export function formatDayLong(day: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** Today in the Netherlands, 'YYYY-MM-DD'. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** The school year of a day (1 August – 31 July): '2026-2027'. */
export function schoolYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** This school year and the next two. */
export function schoolYearChoices(day = today()): string[] {
  const start = Number(schoolYearOf(day).slice(0, 4));
  return [0, 1, 2].map((n) => `${start + n}-${start + n + 1}`);
}

/** A mailto: / tel: link target. */
export const mailto = (email: string) => `mailto:${email}`;
export const tel = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;
