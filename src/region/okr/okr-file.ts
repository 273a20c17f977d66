import { readCsvRows } from './okr-csv.js';
import { OKR_FILE_MESSAGES, type OkrReading, readOkrRows } from './okr-table.js';
import { readXlsxRows } from './okr-xlsx.js';

/**
 * Reads an uploaded OKR field list: an Excel workbook (.xlsx, or any ZIP) or CSV text (.csv, .txt).
 * The file decides nothing else: both become rows, and the rows become fields or problems.
 */
export function readOkrFile(fileName: string, bytes: Uint8Array): OkrReading {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  const zip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  let table: ReturnType<typeof readCsvRows>;
  if (extension === 'xlsx' || (zip && extension !== 'csv' && extension !== 'txt'))
    table = readXlsxRows(bytes);
  else if (extension === 'csv' || extension === 'txt') table = readCsvRows(bytes);
  else return { ok: false, problems: [{ line: null, column: null, message: OKR_FILE_MESSAGES.unknownType }] };
  if (!table.ok) return { ok: false, problems: [table.problem] };
  return readOkrRows(table.rows);
}
