import type { Message } from '../standard/errors.js';

/** The CLI's own texts (commands keep theirs beside them, in the same form). */
export const M = {
  mainUsage: {
    nl: 'Gebruik: overstap OPDRACHT [OPTIES]\n\nOverstap — de Overstapservice Onderwijs (OSO): overstapdossiers veilig en op tijd naar de volgende school.',
    en: 'Usage: overstap COMMAND [OPTIONS]\n\nOverstap — the Overstapservice Onderwijs (OSO): transfer dossiers to the next school, safely and on time.',
  },
  commands: { nl: 'Opdrachten', en: 'Commands' },
  mainFooter: {
    nl: 'Meer over een opdracht: overstap OPDRACHT --help. Taal: --lang nl|en of OVERSTAP_LANG.',
    en: 'More on a command: overstap COMMAND --help. Language: --lang nl|en or OVERSTAP_LANG.',
  },
  usage: { nl: 'Gebruik', en: 'Usage' },
  options: { nl: 'Opties', en: 'Options' },
  defaultIs: { nl: 'standaard', en: 'default' },
  langOption: { nl: 'taal van de uitvoer (standaard nl)', en: 'language of the output (default nl)' },
  helpOption: { nl: 'deze hulp tonen', en: 'show this help' },
  exitCodes: {
    nl: 'Afsluitcodes: 0 gelukt, 1 fouten gevonden of geweigerd, 2 invoer onleesbaar of verkeerd gebruik, 3 interne fout.',
    en: 'Exit codes: 0 success, 1 errors found or refused, 2 input unreadable or wrong usage, 3 internal error.',
  },
  internalError: {
    nl: 'Er ging iets mis in Overstap zelf. Meld dit bij de beheerder, met de tekst hieronder.',
    en: 'Something went wrong inside Overstap. Report this to the maintainers with the text below.',
  },
  unknownCommand: (name: string): Message => ({
    nl: `Onbekende opdracht "${name}".`,
    en: `Unknown command "${name}".`,
  }),
  badArguments: (detail: string): Message => ({
    nl: `De opties kloppen niet: ${detail}`,
    en: `The options are not right: ${detail}`,
  }),
} satisfies Record<string, Message | ((...a: string[]) => Message)>;
