import type { Language } from '../../i18n';

/** A date as people read it: "12 maart 2027" / "12 March 2027" (Dutch time). */
export function formatDay(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
