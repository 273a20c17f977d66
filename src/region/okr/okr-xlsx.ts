import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Message } from '../../standard/index.js';
import { OKR_FILE_MESSAGES, OKR_LIMITS, type OkrFileProblem, type TableRow } from './okr-table.js';

/**
 * The first worksheet of an Excel workbook (.xlsx, Office Open XML) as rows of text, read with
 * fflate (unzip) and saxes (XML) — no spreadsheet library. A workbook is hostile input, so:
 * the file is bounded (OKR_LIMITS.maxFileBytes), only the four parts needed are unpacked and each
 * into a buffer of at most MAX_PART_BYTES (its declared size, so a zip bomb cannot grow beyond it),
 * XML with a DTD is refused (no entities), element depth, shared strings, rows and columns are
 * bounded. Any byte string gives rows or a problem, never a crash.
 */

/** Largest unpacked part (workbook, relations, shared strings, sheet). */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_SHARED_STRINGS = 50_000;
/** Columns read (A–J): a field list has three. */
const MAX_COLUMNS = 10;
/** Characters kept of one cell; longer values are cut (and then refused as too long). */
const MAX_CELL = 10_000;

class XlsxProblem extends Error {
  constructor(readonly messages: Message) {
    super(messages.en);
  }
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const FIRST_SHEET = 'xl/worksheets/sheet1.xml';

/** Unpacks only the named parts, each bounded; refuses the file if a wanted part is too large. */
function unpack(bytes: Uint8Array, wanted: ReadonlySet<string>): Map<string, string> {
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
  }
  if (tooLarge) throw new XlsxProblem(OKR_FILE_MESSAGES.xlsxTooLarge);
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    try {
      out.set(name, new TextDecoder('utf-8', { fatal: true }).decode(data));
    } catch {
      throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
    }
  }
  return out;
}

type Attributes = Record<string, string>;

interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams an XML part through saxes: no DTD, bounded depth, local names only. */
function parseXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on('doctype', () => {
    throw new XlsxProblem(OKR_FILE_MESSAGES.xlsxRefused);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
    handlers.open(local(tag.name), tag.attributes as Attributes);
    if (tag.isSelfClosing) {
      depth--;
      handlers.close?.(local(tag.name));
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth--;
    handlers.close?.(local(tag.name));
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XlsxProblem) throw e;
    throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
  }
}

/** The path of the workbook's first sheet, from the workbook and its relations. */
function firstSheetPath(parts: Map<string, string>): string {
  const workbook = parts.get(WORKBOOK);
  if (workbook === undefined) throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
  let relationId: string | undefined;
  parseXml(workbook, {
    open(name, attributes) {
      if (name !== 'sheet' || relationId !== undefined) return;
      const key = Object.keys(attributes).find((k) => k === 'id' || k.endsWith(':id'));
      relationId = key ? attributes[key] : undefined;
    },
  });
  const rels = parts.get(WORKBOOK_RELS);
  if (relationId === undefined || rels === undefined) return FIRST_SHEET;
  let target: string | undefined;
  parseXml(rels, {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id === relationId) target = attributes.Target;
    },
  });
  if (target === undefined) return FIRST_SHEET;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  // Only a worksheet inside the package, never a path that climbs out of it.
  return /^xl\/worksheets\/[A-Za-z0-9_.-]+\.xml$/.test(path) ? path : FIRST_SHEET;
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        if (strings.length >= MAX_SHARED_STRINGS) throw new XlsxProblem(OKR_FILE_MESSAGES.xlsxTooLarge);
        strings.push(current.join('').slice(0, MAX_CELL));
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** "C12" → 2 (zero-based column); undefined when it is no cell reference. */
function columnOf(reference: string | undefined): number | undefined {
  const m = /^([A-Z]{1,3})\d+$/.exec(reference ?? '');
  if (!m) return undefined;
  let n = 0;
  for (const c of m[1]) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

function sheetRows(xml: string, strings: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let nextRow = 1;
  let nextColumn = 0;
  let cell: { column: number; type: string; value: string[]; inline: string[] } | undefined;
  let inValue = false;
  let inInline = false;
  parseXml(xml, {
    open(name, attributes) {
      if (name === 'row') {
        const r = Number(attributes.r);
        const line = Number.isInteger(r) && r > 0 ? r : nextRow;
        nextRow = line + 1;
        nextColumn = 0;
        row = { line, cells: [] };
      } else if (name === 'c' && row) {
        const column = columnOf(attributes.r) ?? nextColumn;
        nextColumn = column + 1;
        cell = { column, type: attributes.t ?? 'n', value: [], inline: [] };
      } else if (name === 'v' && cell) inValue = true;
      else if (name === 't' && cell) inInline = true;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 't') inInline = false;
      else if (name === 'c' && cell && row) {
        if (cell.column < MAX_COLUMNS) {
          let text: string;
          if (cell.type === 's') {
            const index = Number(cell.value.join('').trim());
            const shared = Number.isInteger(index) ? strings[index] : undefined;
            if (shared === undefined) throw new XlsxProblem(OKR_FILE_MESSAGES.notXlsx);
            text = shared;
          } else if (cell.type === 'inlineStr') text = cell.inline.join('');
          else if (cell.type === 'e') text = '';
          else text = cell.value.join('');
          while (row.cells.length < cell.column) row.cells.push('');
          row.cells[cell.column] = text.slice(0, MAX_CELL);
        }
        cell = undefined;
      } else if (name === 'row' && row) {
        if (row.cells.some((c) => c.trim() !== '')) {
          rows.push(row);
          if (rows.length > OKR_LIMITS.maxRows) throw new XlsxProblem(OKR_FILE_MESSAGES.tooManyRows);
        }
        row = undefined;
      }
    },
    text(text) {
      if (!cell) return;
      if (inValue && cell.value.length < MAX_CELL) cell.value.push(text);
      else if (inInline && cell.inline.length < MAX_CELL) cell.inline.push(text);
    },
  });
  return rows;
}

/** The rows of the first worksheet of an .xlsx file, or the problem that stops reading it. */
export function readXlsxRows(
  bytes: Uint8Array,
): { ok: true; rows: TableRow[] } | { ok: false; problem: OkrFileProblem } {
  const fail = (message: Message) => ({ ok: false as const, problem: { line: null, column: null, message } });
  if (bytes.length > OKR_LIMITS.maxFileBytes) return fail(OKR_FILE_MESSAGES.tooLarge);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return fail(OKR_FILE_MESSAGES.notXlsx);
  }
  try {
    const parts = unpack(bytes, new Set([WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS]));
    const sheet = firstSheetPath(parts);
    const sheetXml = unpack(bytes, new Set([sheet])).get(sheet);
    if (sheetXml === undefined) return fail(OKR_FILE_MESSAGES.notXlsx);
    return { ok: true, rows: sheetRows(sheetXml, sharedStrings(parts.get(SHARED_STRINGS))) };
  } catch (e) {
    // Whatever else a broken workbook makes the unpacker or parser throw: it is not readable.
    return fail(e instanceof XlsxProblem ? e.messages : OKR_FILE_MESSAGES.notXlsx);
  }
}
