import { OKR_FILE_MESSAGES, OKR_LIMITS, type OkrFileProblem, type TableRow } from './okr-table.js';

/**
 * A CSV file of OKR fields as rows: UTF-8 with or without BOM, `;`, `,` or a tab between fields
 * (whichever the first row uses most), fields in double quotes where needed (RFC 4180). Bounded:
 * at most OKR_LIMITS.maxFileBytes bytes and maxRows rows.
 */
export function readCsvRows(
  bytes: Uint8Array,
): { ok: true; rows: TableRow[] } | { ok: false; problem: OkrFileProblem } {
  const fail = (message: OkrFileProblem['message'], line: number | null = null) => ({
    ok: false as const,
    problem: { line, column: null, message },
  });
  if (bytes.length > OKR_LIMITS.maxFileBytes) return fail(OKR_FILE_MESSAGES.tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(OKR_FILE_MESSAGES.notUtf8);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const separator = [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');

  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: start, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === separator) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      if (rows.length > OKR_LIMITS.maxRows) return fail(OKR_FILE_MESSAGES.tooManyRows);
      line++;
      start = line;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  if (quoted) return fail(OKR_FILE_MESSAGES.unclosedQuote, start);
  if (cell !== '' || cells.length > 0) endRow();
  if (rows.length > OKR_LIMITS.maxRows) return fail(OKR_FILE_MESSAGES.tooManyRows);
  return { ok: true, rows };
}
