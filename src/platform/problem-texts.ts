import type { Message } from '../standard/index.js';

/**
 * The Dutch of the short English texts that use cases give per field when they refuse input
 * (VALIDATION_FAILED with `problems: {field: text}`, or one `field` with its `reason`). The English text is the stable part of the API
 * (integrations may compare it); `details.messages` gives each in Dutch and English for people
 * (errorBody). A text not listed here keeps its English in both.
 */
const DUTCH: Record<string, string> = {
  'two digits and two capitals (00YY)': 'twee cijfers en twee hoofdletters (00YY)',
  'four characters: two digits and two capitals (00YY)':
    'vier tekens: twee cijfers en twee hoofdletters (00YY)',
  'a BRIN (00YY)': 'een BRIN (00YY)',
  'BRINs of hosted schools (00YY)': 'BRIN’s van scholen die deze gateway bedient (00YY)',
  'exactly one BRIN for a school key': 'precies één BRIN voor de sleutel van een school',
  'two digits': 'twee cijfers',
  'required when akkoord is Nee': 'verplicht als akkoord Nee is',
  'required for VOVO': 'verplicht bij VOVO',
  'required for this dossier': 'verplicht bij dit dossier',
  'not in the future': 'niet in de toekomst',
  'a date YYYY-MM-DD': 'een datum JJJJ-MM-DD',
  'a date (YYYY-MM-DD), today or later': 'een datum (JJJJ-MM-DD), vandaag of later',
  'YYYY-YYYY, e.g. 2026-2027': 'JJJJ-JJJJ, bijvoorbeeld 2026-2027',
  'Ja, Nee or Onbekend': 'Ja, Nee of Onbekend',
  'Ja or Nee': 'Ja of Nee',
  'true or false': 'true of false',
  'an e-mail address': 'een e-mailadres',
  'a telephone number': 'een telefoonnummer',
  'a uuid': 'een UUID',
  text: 'tekst',
  'the file is empty': 'het bestand is leeg',
  'this dossier may not carry attachments': 'bij dit dossier horen geen bijlagen',
  'a file name without folders, 1–200 characters': 'een bestandsnaam zonder mappen, 1–200 tekens',
  'a name of 1 to 200 characters': 'een naam van 1 tot 200 tekens',
  'ter_inzage or klaarzetten': 'ter_inzage of klaarzetten',
  'school or supplier': 'school of supplier',
  'regular or support': 'regular of support',
  'po, vo, so or swv': 'po, vo, so of swv',
  'po or vo, for a school key': 'po of vo, voor de sleutel van een school',
  'nl or en': 'nl of en',
  'OV, SWV or RP': 'OV, SWV of RP',
  'SWV or RP': 'SWV of RP',
  'not a field the school edits': 'geen veld dat de school zelf invult',
  'a routing key of this school': 'een routeringssleutel van deze school',
  'a code of codelist 21': 'een code uit codelijst 21',
  'a code of codelist 2 (Advies VO)': 'een code uit codelijst 2 (Advies VO)',
  // reasons given with a single field ({field, reason})
  required: 'verplicht',
  'e.g. 2026-2027': 'bijvoorbeeld 2026-2027',
  'e.g. 01AA': 'bijvoorbeeld 01AA',
  'a BRIN such as 01AA': 'een BRIN zoals 01AA',
  'YYYY-YYYY': 'JJJJ-JJJJ',
  'YYYY-MM-DD': 'JJJJ-MM-DD',
  'MM-DD': 'MM-DD (maand-dag)',
  'a page number from 1': 'een paginanummer vanaf 1',
  'a-z, 0-9, -': 'a-z, 0-9 en -',
  'an http(s) URL': 'een http(s)-URL',
  'an object': 'een object',
  'base32, at least 80 bits': 'base32, minstens 80 bits',
  'no mail configured': 'er is geen e-mail ingesteld',
  'not a time': 'geen tijdstip',
  'pilotRef uuid, BRINs 00YY': 'pilotRef een UUID, BRIN’s 00YY',
  'to lies before from': 'to ligt vóór from',
  'until lies before from': 'until ligt vóór from',
  commitment: 'geen geldige invoer voor de verzegelde identificatie',
  'the document is about another pupil than this dossier':
    'het document gaat over een andere leerling dan dit dossier',
  'an X25519 public key: 32 bytes, base64url': 'een publieke X25519-sleutel: 32 bytes, base64url',
  'parents are reached through their schools: copy the link':
    'ouders worden via hun school bereikt: kopieer de link',
  'an e-mail address or a phone number': 'een e-mailadres of een telefoonnummer',
  'outside the school year': 'buiten het schooljaar',
  'a day that has not come yet': 'een dag die nog moet komen',
  'a whole number ≥ 0': 'een geheel getal ≥ 0',
  // reasons of a refusal that names no field ({reason}): they complete the top-level message
  'nothing to change': 'er is niets te wijzigen',
  'send the file as text/csv': 'stuur het bestand als text/csv',
  'not a PEM certificate': 'dit is geen PEM-certificaat',
  'not a URL': 'dit is geen URL',
  'chain calls use https': 'ketenberichten gaan over https',
  'not a plain SQL identifier': 'dit is geen eenvoudige SQL-naam',
  'job kind is empty': 'de soort taak is leeg',
  'job payload must be an object': 'de inhoud van een taak moet een object zijn',
};

/** Texts with a number in them. */
const PATTERNS: Array<[RegExp, (...n: string[]) => string]> = [
  [/^at most (\d+) characters$/, (n) => `hoogstens ${n} tekens`],
  [/^(\d+) to (\d+) characters$/, (a, b) => `${a} tot ${b} tekens`],
  [/^at most (\d+)$/, (n) => `hoogstens ${n}`],
  [/^(\d+) to (\d+)$/, (a, b) => `${a} tot ${b}`],
  [/^one or more of (.+)$/, (list) => `een of meer van ${list}`],
  [/^more than (\w+)$/, (whole) => `meer dan ${whole}`],
];

/** A field refused without a reason of its own. */
export const INVALID_VALUE: Message = { nl: 'Deze waarde is ongeldig.', en: 'This value is not valid.' };

/** A refusal's text for one field, in Dutch and English. */
export function problemMessage(text: string): Message {
  const known = DUTCH[text];
  if (known) return { nl: known, en: text };
  for (const [pattern, dutch] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { nl: dutch(...m.slice(1)), en: text };
  }
  return { nl: text, en: text };
}

/** Whether a text has its own Dutch (for the test that keeps the catalogue complete). */
export function hasDutch(text: string): boolean {
  return problemMessage(text).nl !== text;
}

/**
 * The top-level message of a refusal that names no field but gives a reason (`{reason: 'nothing to
 * change'}`): the general message with the reason after it, in Dutch and English. Undefined when
 * the refusal names a field, or the reason has no Dutch (the general message stays).
 */
export function reasonMessage(details: Record<string, unknown>, general: Message): Message | undefined {
  const { problems, field, reason } = details;
  if (problems !== undefined || field !== undefined || typeof reason !== 'string') return undefined;
  const text = problemMessage(reason);
  if (text.nl === text.en) return undefined; // no Dutch for it
  const joined = (sentence: string, why: string) => `${sentence.replace(/\.$/, '')}: ${why}.`;
  return { nl: joined(general.nl, text.nl), en: joined(general.en, text.en) };
}

/**
 * The Dutch and English per field of a refusal's details: each text of `problems: {field: text}`,
 * or the `reason` of one `field` (a general text without one). Undefined when it names no field.
 */
export function fieldMessages(details: Record<string, unknown>): Record<string, Message> | undefined {
  const { problems, field, reason } = details;
  if (problems === undefined && typeof field === 'string')
    return { [field]: typeof reason === 'string' ? problemMessage(reason) : INVALID_VALUE };
  if (problems === null || typeof problems !== 'object' || Array.isArray(problems)) return undefined;
  const texts = Object.entries(problems).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return texts.length > 0
    ? Object.fromEntries(texts.map(([name, text]) => [name, problemMessage(text)]))
    : undefined;
}
