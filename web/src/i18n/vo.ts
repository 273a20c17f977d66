import { defineMessages } from './define';

/** Texts of the vo pages. Keys: 'vo.<page>.<what>'. */
export const vo = defineMessages({
  nl: {
    'vo.title': 'vo',
  },
  en: {
    'vo.title': 'vo',
  },
});
