import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { auth } from './auth';
import { common } from './common';
import type { Language } from './define';
import { parent } from './parent';
import { po } from './po';
import { region } from './region';
import { regionEvaluation } from './region-evaluation';
import { regionPilot } from './region-pilot';
import { regionReminders } from './region-reminders';
import { servicedesk } from './servicedesk';
import { vo } from './vo';

export type { Language };

const catalogues = [
  common,
  auth,
  po,
  vo,
  parent,
  servicedesk,
  region,
  regionReminders,
  regionEvaluation,
  regionPilot,
] as const;
type Catalogue = (typeof catalogues)[number];
export type MessageKey = Catalogue extends infer C
  ? C extends { nl: infer M }
    ? keyof M & string
    : never
  : never;

const messages: Record<Language, Record<string, string>> = {
  nl: Object.assign({}, ...catalogues.map((c) => c.nl)),
  en: Object.assign({}, ...catalogues.map((c) => c.en)),
};

/** Fills `{name}` placeholders. */
export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>) {
  return format(messages[language][key] ?? messages.nl[key] ?? key, params);
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Picks the text of the current language from a server message `{nl, en}`. */
  pick(message: { nl: string; en: string } | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'overstap.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      pick: (message) => (message ? message[language] : ''),
    }),
    [language, setLanguage],
  );
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside I18nProvider');
  return value;
}
