import type { Message } from '../../standard/index.js';
import { normalise } from './matcher.js';

/**
 * The fields of a region's transfer report (OKR) as a table of rows, whatever file they came from
 * (CSV or XLSX): a column with the field's name, optionally one with the section it is in and one
 * with a description. A header row is recognised by its words and then decides the columns
 * (other columns are ignored and named in the answer); without one the columns are name, section,
 * description in that order. Pure: rows in, fields or problems per row out.
 */

export const OKR_LIMITS = {
  /** Fields in one report (the largest OKR's in use have about 120). */
  maxFields: 300,
  maxName: 200,
  maxSection: 200,
  maxDescription: 1000,
  /** Rows read from a file before it counts as not being a field list. */
  maxRows: 1000,
  /** Bytes of an uploaded file. */
  maxFileBytes: 2 * 1024 * 1024,
} as const;

export type OkrColumn = 'name' | 'section' | 'description';

export interface OkrFieldInput {
  name: string;
  section: string | null;
  description: string | null;
}

export interface OkrFileProblem {
  /** The row in the file (1 = the first row), or null for the whole file. */
  line: number | null;
  column: OkrColumn | null;
  message: Message;
}

export interface TableRow {
  /** The row's number in the file. */
  line: number;
  cells: string[];
}

export type OkrReading =
  | { ok: true; fields: Array<OkrFieldInput & { line: number }>; ignoredColumns: string[] }
  | { ok: false; problems: OkrFileProblem[] };

const M = (nl: string, en: string): Message => ({ nl, en });

export const OKR_FILE_MESSAGES = {
  tooLarge: M(
    `Het bestand is te groot: hoogstens ${OKR_LIMITS.maxFileBytes / 1024 / 1024} MB. Een lijst met velden is veel kleiner; lever alleen de velden aan.`,
    `The file is too large: at most ${OKR_LIMITS.maxFileBytes / 1024 / 1024} MB. A list of fields is much smaller; upload only the fields.`,
  ),
  unknownType: M(
    'Lever een CSV-bestand (.csv) of een Excel-werkmap (.xlsx) aan.',
    'Upload a CSV file (.csv) or an Excel workbook (.xlsx).',
  ),
  notUtf8: M(
    'Het bestand is geen UTF-8-tekst. Sla het in uw spreadsheet op als "CSV UTF-8 (door komma\'s gescheiden)".',
    'The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8 (comma delimited)".',
  ),
  unclosedQuote: M('Een aanhalingsteken (") wordt niet gesloten.', 'A quotation mark (") is not closed.'),
  notXlsx: M(
    'Dit is geen leesbare Excel-werkmap (.xlsx). Sla het bestand opnieuw op als Excel-werkmap of als CSV UTF-8.',
    'This is not a readable Excel workbook (.xlsx). Save the file again as an Excel workbook or as CSV UTF-8.',
  ),
  xlsxTooLarge: M(
    'De werkmap is uitgepakt te groot om een lijst met velden te zijn. Zet alleen de velden op het eerste werkblad.',
    'Unpacked, the workbook is too large to be a list of fields. Put only the fields on the first sheet.',
  ),
  xlsxRefused: M(
    'De werkmap bevat een documenttypedefinitie (DTD); die wordt om veiligheidsredenen niet gelezen. Sla het bestand opnieuw op vanuit Excel of LibreOffice.',
    'The workbook contains a document type definition (DTD), which is not read for safety. Save the file again from Excel or LibreOffice.',
  ),
  empty: M(
    'Het bestand bevat geen velden. Zet in de eerste kolom de naam van elk veld van het OKR, één per regel.',
    'The file holds no fields. Put the name of each field of the OKR in the first column, one per row.',
  ),
  tooManyRows: M(
    `Het bestand heeft meer dan ${OKR_LIMITS.maxFields} velden. Een OKR heeft er zelden meer dan 150; controleer of dit de lijst met velden is.`,
    `The file has more than ${OKR_LIMITS.maxFields} fields. An OKR rarely has more than 150; check that this is the list of fields.`,
  ),
  nameMissing: M(
    'Deze regel heeft geen veldnaam (eerste kolom), maar wel een sectie of omschrijving.',
    'This row has no field name (first column), but it does have a section or description.',
  ),
  tooLong: (column: OkrColumn, max: number) =>
    M(
      `${{ name: 'De veldnaam', section: 'De sectie', description: 'De omschrijving' }[column]} is te lang: hoogstens ${max} tekens.`,
      `${{ name: 'The field name', section: 'The section', description: 'The description' }[column]} is too long: at most ${max} characters.`,
    ),
  controlCharacters: M(
    'Deze tekst bevat onzichtbare stuurtekens; typ hem opnieuw.',
    'This text contains invisible control characters; type it again.',
  ),
  extraColumns: M(
    'Deze regel heeft meer dan drie kolommen. Gebruik: veldnaam, sectie (mag leeg), omschrijving (mag leeg).',
    'This row has more than three columns. Use: field name, section (may be empty), description (may be empty).',
  ),
  duplicate: (line: number) =>
    M(
      `Dit veld staat (met dezelfde sectie) ook al op regel ${line}.`,
      `This field (with the same section) is also on row ${line}.`,
    ),
  duplicateHeader: (header: string) =>
    M(
      `De kolom "${header}" staat twee keer in de kopregel.`,
      `The column "${header}" appears twice in the header row.`,
    ),
  exists: M(
    'Dit veld (met dezelfde sectie) staat al in het OKR van de regio.',
    "This field (with the same section) is already in the region's OKR.",
  ),
} as const;

/** Header words per column (normalised: lower case, no accents, single spaces). */
const HEADERS: Readonly<Record<string, OkrColumn>> = {
  veld: 'name',
  veldnaam: 'name',
  'naam veld': 'name',
  'naam van het veld': 'name',
  naam: 'name',
  gegeven: 'name',
  item: 'name',
  vraag: 'name',
  rubriek: 'name',
  field: 'name',
  'field name': 'name',
  name: 'name',
  sectie: 'section',
  onderdeel: 'section',
  hoofdstuk: 'section',
  categorie: 'section',
  blok: 'section',
  section: 'section',
  omschrijving: 'description',
  toelichting: 'description',
  beschrijving: 'description',
  uitleg: 'description',
  description: 'description',
};

/** Header words for the name column that no field of a report would be called. */
const STRONG_NAME_HEADERS = new Set([
  'veld',
  'veldnaam',
  'naam veld',
  'naam van het veld',
  'field',
  'field name',
]);

// Tab, line feed and carriage return are fine in a description; other C0/C1 controls are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Whitespace collapsed in names and sections; descriptions keep their line breaks. */
const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();
const tidyDescription = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The key two fields share when they are the same field: section and name, normalised. */
export function fieldKey(field: Pick<OkrFieldInput, 'name' | 'section'>): string {
  return `${normalise(field.section ?? '')}|${normalise(field.name)}`;
}

/**
 * Checks and tidies one field as a person entered it (form or file row). Returns the field, or
 * the problems per column.
 */
export function checkFieldInput(
  raw: { name?: string | null; section?: string | null; description?: string | null },
  line: number | null = null,
): { field: OkrFieldInput; problems: OkrFileProblem[] } {
  const problems: OkrFileProblem[] = [];
  const name = tidy(raw.name ?? '');
  const section = tidy(raw.section ?? '');
  const description = tidyDescription(raw.description ?? '');
  const check = (column: OkrColumn, value: string, max: number) => {
    if (CONTROL.test(value)) problems.push({ line, column, message: OKR_FILE_MESSAGES.controlCharacters });
    else if (value.length > max)
      problems.push({ line, column, message: OKR_FILE_MESSAGES.tooLong(column, max) });
  };
  if (name === '') problems.push({ line, column: 'name', message: OKR_FILE_MESSAGES.nameMissing });
  check('name', name, OKR_LIMITS.maxName);
  check('section', section, OKR_LIMITS.maxSection);
  check('description', description, OKR_LIMITS.maxDescription);
  return {
    field: {
      name,
      section: section === '' ? null : section,
      description: description === '' ? null : description,
    },
    problems,
  };
}

/** Reads the rows of a file as OKR fields; every problem of every row at once. */
export function readOkrRows(rows: readonly TableRow[]): OkrReading {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0)
    return { ok: false, problems: [{ line: null, column: null, message: OKR_FILE_MESSAGES.empty }] };

  // A header row names the name column — with a word only a header uses ("veldnaam"), or with
  // another header word beside it: a first field called "Naam" is not taken for a header.
  const first = filled[0];
  const headerColumns = first.cells.map((c) => HEADERS[normalise(c)]);
  const recognised = headerColumns.filter((c) => c !== undefined).length;
  const strong = first.cells.some((c) => STRONG_NAME_HEADERS.has(normalise(c)));
  const hasHeader = headerColumns.includes('name') && (strong || recognised >= 2);
  const problems: OkrFileProblem[] = [];
  const columnAt = new Map<number, OkrColumn>();
  const ignoredColumns: string[] = [];
  if (hasHeader) {
    first.cells.forEach((cell, index) => {
      const column = headerColumns[index];
      if (cell.trim() === '') return;
      if (column === undefined) {
        ignoredColumns.push(tidy(cell).slice(0, 100));
        return;
      }
      if ([...columnAt.values()].includes(column)) {
        problems.push({ line: first.line, column, message: OKR_FILE_MESSAGES.duplicateHeader(tidy(cell)) });
        return;
      }
      columnAt.set(index, column);
    });
  } else {
    columnAt.set(0, 'name');
    columnAt.set(1, 'section');
    columnAt.set(2, 'description');
  }
  const data = hasHeader ? filled.slice(1) : filled;
  if (data.length === 0) problems.push({ line: null, column: null, message: OKR_FILE_MESSAGES.empty });
  if (data.length > OKR_LIMITS.maxFields) {
    return { ok: false, problems: [{ line: null, column: null, message: OKR_FILE_MESSAGES.tooManyRows }] };
  }

  const fields: Array<OkrFieldInput & { line: number }> = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const raw: Partial<Record<OkrColumn, string>> = {};
    let extra = false;
    row.cells.forEach((cell, index) => {
      const column = columnAt.get(index);
      if (column) raw[column] = cell;
      else if (!hasHeader && cell.trim() !== '') extra = true;
    });
    if (extra) problems.push({ line: row.line, column: null, message: OKR_FILE_MESSAGES.extraColumns });
    const { field, problems: rowProblems } = checkFieldInput(raw, row.line);
    problems.push(...rowProblems);
    if (rowProblems.length > 0) continue;
    const key = fieldKey(field);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, column: 'name', message: OKR_FILE_MESSAGES.duplicate(earlier) });
      continue;
    }
    seen.set(key, row.line);
    fields.push({ ...field, line: row.line });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, fields, ignoredColumns };
}
