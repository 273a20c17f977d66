import type { Message } from '../../standard/index.js';

/** One problem that the request-schema check (Ajv, through Fastify) found. */
export interface SchemaProblem {
  keyword: string;
  params?: Record<string, unknown>;
  message?: string;
}

const TYPES: Record<string, Message> = {
  string: { nl: 'tekst', en: 'text' },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  number: { nl: 'een getal', en: 'a number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object', en: 'an object' },
  array: { nl: 'een lijst', en: 'a list' },
  null: { nl: 'null', en: 'null' },
};

const FORMATS: Record<string, Message> = {
  date: { nl: 'een datum JJJJ-MM-DD', en: 'a date YYYY-MM-DD' },
  'date-time': { nl: 'een tijdstip (ISO 8601)', en: 'a date and time (ISO 8601)' },
  uuid: { nl: 'een UUID', en: 'a UUID' },
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  uri: { nl: 'een URL', en: 'a URL' },
};

const list = (values: unknown): string =>
  (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(', ');

const both = (nl: string, en: string): Message => ({ nl, en });

/**
 * What is wrong with a value that does not fit the request's schema, in Dutch and English: one text
 * per Ajv keyword that the API's schemas use, with the limit or the allowed values in it. A keyword
 * without its own text gets a general one with Ajv's own (English) words.
 */
export function schemaProblemMessage(problem: SchemaProblem): Message {
  const p = problem.params ?? {};
  switch (problem.keyword) {
    case 'required':
      return both('Dit veld is verplicht en ontbreekt.', 'This field is required and missing.');
    case 'additionalProperties':
    case 'propertyNames':
      return both('Dit veld bestaat hier niet.', 'This field does not exist here.');
    case 'type': {
      const names = String(p.type ?? '')
        .split(',')
        .map((t) => TYPES[t] ?? both(t, t));
      return both(
        `Moet ${names.map((n) => n.nl).join(' of ')} zijn.`,
        `Must be ${names.map((n) => n.en).join(' or ')}.`,
      );
    }
    case 'minLength':
      return p.limit === 1
        ? both('Mag niet leeg zijn.', 'Must not be empty.')
        : both(`Minstens ${p.limit} tekens.`, `At least ${p.limit} characters.`);
    case 'maxLength':
      return both(`Hoogstens ${p.limit} tekens.`, `At most ${p.limit} characters.`);
    case 'minimum':
      return both(`Minstens ${p.limit}.`, `At least ${p.limit}.`);
    case 'maximum':
      return both(`Hoogstens ${p.limit}.`, `At most ${p.limit}.`);
    case 'exclusiveMinimum':
      return both(`Groter dan ${p.limit}.`, `Greater than ${p.limit}.`);
    case 'exclusiveMaximum':
      return both(`Kleiner dan ${p.limit}.`, `Less than ${p.limit}.`);
    case 'minItems':
      return both(`Minstens ${p.limit} onderdelen.`, `At least ${p.limit} items.`);
    case 'maxItems':
      return both(`Hoogstens ${p.limit} onderdelen.`, `At most ${p.limit} items.`);
    case 'uniqueItems':
      return both('Elk onderdeel mag maar één keer voorkomen.', 'Each item may occur only once.');
    case 'enum':
      return both(
        `Moet een van deze waarden zijn: ${list(p.allowedValues)}.`,
        `Must be one of these values: ${list(p.allowedValues)}.`,
      );
    case 'const':
      return both(`Moet ${list(p.allowedValue)} zijn.`, `Must be ${list(p.allowedValue)}.`);
    case 'pattern':
      return both(
        `Heeft niet de verwachte vorm (${p.pattern}).`,
        `Does not have the expected form (${p.pattern}).`,
      );
    case 'format': {
      const name = FORMATS[String(p.format)] ?? both(String(p.format), String(p.format));
      return both(`Moet ${name.nl} zijn.`, `Must be ${name.en}.`);
    }
    case 'anyOf':
    case 'oneOf':
      return both('Past bij geen van de toegestane vormen.', 'Does not match any of the allowed forms.');
    default:
      return both(
        `Ongeldige waarde (${problem.message ?? problem.keyword}).`,
        `Invalid value (${problem.message ?? problem.keyword}).`,
      );
  }
}
