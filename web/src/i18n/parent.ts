import { defineMessages } from './define';

/** Texts of the parent pages. Keys: 'parent.<page>.<what>'. */
export const parent = defineMessages({
  nl: {
    'parent.title': 'parent',
  },
  en: {
    'parent.title': 'parent',
  },
});
