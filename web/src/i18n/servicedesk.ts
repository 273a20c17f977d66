import { defineMessages } from './define';

/** Texts of the servicedesk pages. Keys: 'servicedesk.<page>.<what>'. */
export const servicedesk = defineMessages({
  nl: {
    'servicedesk.title': 'servicedesk',
  },
  en: {
    'servicedesk.title': 'servicedesk',
  },
});
