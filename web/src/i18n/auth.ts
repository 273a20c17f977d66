import { defineMessages } from './define';

/** Texts of the auth pages. Keys: 'auth.<page>.<what>'. */
export const auth = defineMessages({
  nl: {
    'auth.title': 'auth',
  },
  en: {
    'auth.title': 'auth',
  },
});
