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
  // commands that call a running server's API (api-client.ts)
  apiUrlOption: {
    nl: 'adres van de server (standaard OVERSTAP_PUBLIC_URL, anders http://localhost:PORT)',
    en: 'address of the server (default OVERSTAP_PUBLIC_URL, else http://localhost:PORT)',
  },
  apiKeyMissing: {
    nl: 'Zet de API-sleutel in OVERSTAP_API_KEY: die van de beheerder voor overstap hosting en overstap school, die van de school voor overstap dossier en overstap registration (maak er een met overstap apikey create).',
    en: 'Put the API key in OVERSTAP_API_KEY: the operator’s for overstap hosting and overstap school, the school’s for overstap dossier and overstap registration (create one with overstap apikey create).',
  },
  apiUrlInvalid: (url: string): Message => ({
    nl: `Het adres van de server "${url}" is geen http(s)-adres.`,
    en: `The server address "${url}" is not an http(s) address.`,
  }),
  apiUnreachable: (url: string, why: string): Message => ({
    nl: `De server op ${url} is niet bereikbaar (${why}). Draait overstap serve daar? Geef anders het juiste adres met --url.`,
    en: `The server at ${url} cannot be reached (${why}). Is overstap serve running there? Otherwise give the right address with --url.`,
  }),
  apiNotJson: (status: number): Message => ({
    nl: `De server gaf een onverwacht antwoord (HTTP ${status}, geen JSON); is --url het adres van Overstap?`,
    en: `The server gave an unexpected answer (HTTP ${status}, not JSON); is --url the address of Overstap?`,
  }),
  apiRefused: (message: Message, code: string): Message => ({
    nl: `Geweigerd: ${message.nl} (${code})`,
    en: `Refused: ${message.en} (${code})`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;
