import { defineMessages } from './define';

/** Texts of the region pages. Keys: 'region.<page>.<what>'. */
export const region = defineMessages({
  nl: {
    'region.title': 'region',
  },
  en: {
    'region.title': 'region',
  },
});
