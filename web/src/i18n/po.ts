import { defineMessages } from './define';

/** Texts of the po pages. Keys: 'po.<page>.<what>'. */
export const po = defineMessages({
  nl: {
    'po.title': 'po',
  },
  en: {
    'po.title': 'po',
  },
});
