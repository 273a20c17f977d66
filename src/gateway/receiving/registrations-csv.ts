import type { Message } from '../../standard/index.js';
import type { RegistrationField, RegistrationFields } from './registration-input.js';

/**
 * Reading a CSV file of registrations, as a school exports it from a spreadsheet or its
 * administration: UTF-8 with or without BOM, `;` or `,` between fields (whichever the header row
 * uses), fields in double quotes where needed (RFC 4180), a header row with Dutch column names.
 * Pure: turns bytes into rows of registration fields, or problems per line and column; the use
 * case (`import-registrations-csv.ts`) checks the rows and stores them.
 */

/** At most this many registrations in one file. */
export const MAX_CSV_LINES = 2_000;
/** At most this many bytes (2,000 lines of a few hundred characters fit easily). */
export const MAX_CSV_BYTES = 1024 * 1024;

/** The columns, in the template's order: header text, field, required. */
export const CSV_COLUMNS: ReadonlyArray<{ header: string; field: RegistrationField; required: boolean }> = [
  { header: 'achternaam', field: 'achternaam', required: true },
  { header: 'voorvoegsel', field: 'voorvoegsel', required: false },
  { header: 'voornaam', field: 'roepnaam', required: false },
  { header: 'bsn', field: 'bsn', required: false },
  { header: 'onderwijsnummer', field: 'onderwijsnummer', required: false },
  { header: 'geboortedatum', field: 'geboortedatum', required: true },
  { header: 'brin po-school', field: 'sourceBrin', required: true },
  { header: 'voorkeur', field: 'preferenceRank', required: false },
];

/** Other names people give the same columns (after normalising: lower case, single spaces). */
const ALIASES: Readonly<Record<string, RegistrationField>> = {
  achternaam: 'achternaam',
  geslachtsnaam: 'achternaam',
  voorvoegsel: 'voorvoegsel',
  tussenvoegsel: 'voorvoegsel',
  voorvoegsels: 'voorvoegsel',
  voornaam: 'roepnaam',
  roepnaam: 'roepnaam',
  bsn: 'bsn',
  burgerservicenummer: 'bsn',
  onderwijsnummer: 'onderwijsnummer',
  geboortedatum: 'geboortedatum',
  'brin po school': 'sourceBrin',
  brin: 'sourceBrin',
  brincode: 'sourceBrin',
  'brin code': 'sourceBrin',
  'brin school van herkomst': 'sourceBrin',
  'brin vorige school': 'sourceBrin',
  voorkeur: 'preferenceRank',
  voorkeursvolgorde: 'preferenceRank',
  'voorkeur volgorde': 'preferenceRank',
};

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[-_./]+/g, ' ')
    .replace(/\s+/g, ' ');

/** One problem of the file: a line (1 = the header row) and a column (its header), or the whole file. */
export interface CsvProblem {
  line: number | null;
  column: string | null;
  /** The registration field the column holds, when the problem is about one. */
  field?: RegistrationField;
  message: Message;
}

/** One data line, read: its line number in the file and the fields as a registration has them. */
export interface CsvRow {
  line: number;
  fields: RegistrationFields;
  /** The header each field came from, to name the column in a problem. */
  columns: Partial<Record<RegistrationField, string>>;
  /** Problems found while reading (a date or rank that is no date or number). */
  problems: CsvProblem[];
}

export type CsvReading = { ok: true; rows: CsvRow[] } | { ok: false; problems: CsvProblem[] };

const M = (nl: string, en: string): Message => ({ nl, en });

export const CSV_MESSAGES = {
  tooLarge: M(
    `Het bestand is te groot: hoogstens ${MAX_CSV_BYTES / 1024 / 1024} MB. Verdeel de aanmeldingen over meer bestanden.`,
    `The file is too large: at most ${MAX_CSV_BYTES / 1024 / 1024} MB. Spread the registrations over several files.`,
  ),
  notUtf8: M(
    'Het bestand is geen UTF-8-tekst. Sla het in uw spreadsheet op als "CSV UTF-8 (door komma\'s gescheiden)".',
    'The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8 (comma delimited)".',
  ),
  empty: M(
    'Het bestand bevat geen aanmeldingen: alleen een kopregel of niets. Gebruik het sjabloon.',
    'The file holds no registrations: only a header row or nothing. Use the template.',
  ),
  tooManyLines: M(
    `Het bestand heeft meer dan ${MAX_CSV_LINES.toLocaleString('nl-NL')} aanmeldingen. Verdeel ze over meer bestanden.`,
    `The file has more than ${MAX_CSV_LINES.toLocaleString('en-GB')} registrations. Spread them over several files.`,
  ),
  unclosedQuote: M('Een aanhalingsteken (") wordt niet gesloten.', 'A quotation mark (") is not closed.'),
  unknownColumn: (header: string) =>
    M(
      `Onbekende kolom "${header}". Gebruik de kolomnamen van het sjabloon.`,
      `Unknown column "${header}". Use the column names of the template.`,
    ),
  duplicateColumn: (header: string) =>
    M(
      `De kolom "${header}" staat twee keer in de kopregel.`,
      `The column "${header}" appears twice in the header row.`,
    ),
  missingColumn: (header: string) =>
    M(
      `De kolom "${header}" ontbreekt in de kopregel.`,
      `The column "${header}" is missing from the header row.`,
    ),
  missingNumberColumn: M(
    'De kopregel heeft geen kolom "bsn" (of "onderwijsnummer").',
    'The header row has no column "bsn" (or "onderwijsnummer").',
  ),
  fieldCount: (found: number, expected: number) =>
    M(
      `Deze regel heeft ${found} velden, de kopregel ${expected}. Controleer de scheidingstekens en aanhalingstekens.`,
      `This line has ${found} fields, the header row ${expected}. Check the separators and quotation marks.`,
    ),
  date: M(
    'Schrijf de geboortedatum als dd-mm-jjjj (17-05-2014) of jjjj-mm-dd (2014-05-17).',
    'Write the birth date as dd-mm-yyyy (17-05-2014) or yyyy-mm-dd (2014-05-17).',
  ),
  rank: M(
    'De voorkeur is een heel getal van 1 tot en met 20 (1 is de eerste keus), of leeg.',
    'The preference is a whole number from 1 to 20 (1 is the first choice), or empty.',
  ),
  duplicateInFile: (line: number) =>
    M(
      `Deze leerling staat ook al op regel ${line} van dit bestand.`,
      `This pupil is also on line ${line} of this file.`,
    ),
  alreadyRegistered: M(
    'Deze leerling is al aangemeld bij uw school.',
    'This pupil is already registered at your school.',
  ),
} as const;

/** The template: the header row only, `;`-separated (what a Dutch spreadsheet expects), with a BOM. */
export function csvTemplate(): string {
  return `\uFEFF${CSV_COLUMNS.map((c) => c.header).join(';')}\r\n`;
}

/** Splits CSV text into records of fields, each with the line it starts on. */
function records(
  text: string,
  separator: string,
): { ok: true; records: Array<{ line: number; fields: string[] }> } | { ok: false; line: number } {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      line++;
      start = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) return { ok: false, line: start };
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return { ok: true, records: out };
}

/** dd-mm-jjjj (also d-m-jjjj, with / or .) or jjjj-mm-dd → YYYY-MM-DD; undefined when neither. */
export function isoDateOf(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Reads a CSV file of registrations. File-level problems (size, encoding, header) stop the
 * reading; line-level problems (field count, a date or rank that cannot be read) are kept per row,
 * so that the use case reports every line at once.
 */
export function readRegistrationsCsv(bytes: Uint8Array): CsvReading {
  const fileProblem = (message: Message): CsvReading => ({
    ok: false,
    problems: [{ line: null, column: null, message }],
  });
  if (bytes.length > MAX_CSV_BYTES) return fileProblem(CSV_MESSAGES.tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fileProblem(CSV_MESSAGES.notUtf8);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const separator = count(';') >= count(',') ? ';' : ',';
  const parsed = records(text, separator);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: [{ line: parsed.line, column: null, message: CSV_MESSAGES.unclosedQuote }],
    };
  }
  const all = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...data] = all;
  if (!header || data.length === 0) return fileProblem(CSV_MESSAGES.empty);
  if (data.length > MAX_CSV_LINES) return fileProblem(CSV_MESSAGES.tooManyLines);

  const problems: CsvProblem[] = [];
  const byIndex: Array<RegistrationField | undefined> = [];
  const headerOf: Partial<Record<RegistrationField, string>> = {};
  header.fields.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const field = ALIASES[normaliseHeader(name)];
    if (!field) {
      problems.push({ line: header.line, column: name, message: CSV_MESSAGES.unknownColumn(name) });
      return;
    }
    if (headerOf[field] !== undefined) {
      problems.push({ line: header.line, column: name, message: CSV_MESSAGES.duplicateColumn(name) });
      return;
    }
    headerOf[field] = name;
    byIndex[index] = field;
  });
  for (const c of CSV_COLUMNS) {
    if (c.required && headerOf[c.field] === undefined) {
      problems.push({ line: header.line, column: c.header, message: CSV_MESSAGES.missingColumn(c.header) });
    }
  }
  if (headerOf.bsn === undefined && headerOf.onderwijsnummer === undefined) {
    problems.push({ line: header.line, column: 'bsn', message: CSV_MESSAGES.missingNumberColumn });
  }
  if (problems.length > 0) return { ok: false, problems };

  const rows = data.map((record): CsvRow => {
    const rowProblems: CsvProblem[] = [];
    if (record.fields.length > header.fields.length) {
      rowProblems.push({
        line: record.line,
        column: null,
        message: CSV_MESSAGES.fieldCount(record.fields.length, header.fields.length),
      });
    }
    const value: Partial<Record<RegistrationField, string>> = {};
    record.fields.forEach((raw, index) => {
      const field = byIndex[index];
      if (field) value[field] = raw.trim();
    });
    const fields: RegistrationFields = {
      achternaam: value.achternaam ?? '',
      geboortedatum: '',
      sourceBrin: (value.sourceBrin ?? '').toUpperCase(),
    };
    if (value.voorvoegsel) fields.voorvoegsel = value.voorvoegsel;
    if (value.roepnaam) fields.roepnaam = value.roepnaam;
    // Spreadsheets drop a BSN's leading zero: eight digits are the same BSN with a 0 in front.
    const number = (v: string | undefined) => {
      const digits = (v ?? '').replace(/[\s.]/g, '');
      return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
    };
    if (value.bsn) fields.bsn = number(value.bsn);
    if (value.onderwijsnummer) fields.onderwijsnummer = number(value.onderwijsnummer);
    const date = value.geboortedatum ?? '';
    if (date !== '') {
      const iso = isoDateOf(date);
      if (iso) fields.geboortedatum = iso;
      else
        rowProblems.push({
          line: record.line,
          column: headerOf.geboortedatum ?? null,
          field: 'geboortedatum',
          message: CSV_MESSAGES.date,
        });
    }
    if (value.preferenceRank) {
      const rank = Number(value.preferenceRank);
      if (/^\d{1,2}$/.test(value.preferenceRank)) fields.preferenceRank = rank;
      else
        rowProblems.push({
          line: record.line,
          column: headerOf.preferenceRank ?? null,
          field: 'preferenceRank',
          message: CSV_MESSAGES.rank,
        });
    }
    return { line: record.line, fields, columns: headerOf, problems: rowProblems };
  });
  return { ok: true, rows };
}
