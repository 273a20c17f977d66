/**
 * Inspection of one attachment (`document/bestandsinhoud`): the base64 text must be valid (the
 * schema's xs:base64Binary grammar), and by the standard's documentation it holds a ZIP with the
 * file, of one of the allowed file types. Pure and cheap: the base64 text is checked in one pass;
 * only the head and the tail are decoded until the tail shows a ZIP end record, and nothing is
 * ever inflated (fflate lists the central directory only).
 *
 * The official examples hold truncated placeholder ZIPs (a local header, no central directory),
 * so an incomplete ZIP is a warning, never an error.
 */
import { unzipSync } from 'fflate';

/** File extensions the standard allows (lower case, without the dot). */
export const ALLOWED_EXTENSIONS: readonly string[] = [
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'doc',
  'docx',
  'odf',
  'odt',
  'ods',
  'odp',
  'xls',
  'xlsx',
  'txt',
  'ppt',
  'pptx',
];

const ALLOWED = new Set(ALLOWED_EXTENSIONS);

export type AttachmentProblemCode =
  | 'BASE64_INVALID'
  | 'NOT_ZIP'
  | 'ZIP_INCOMPLETE'
  | 'NAME_TYPE_NOT_ALLOWED'
  | 'ENTRY_TYPE_NOT_ALLOWED';

export interface AttachmentProblem {
  code: AttachmentProblemCode;
  /** BASE64_INVALID is an error; the others are advice. */
  severity: 'fout' | 'waarschuwing';
  /** What exactly, in English and in Dutch (for logs and message parameters). */
  detail: string;
  detailNl: string;
  /** The ZIP entry concerned (ENTRY_TYPE_NOT_ALLOWED). */
  entry?: string;
}

export interface ZipEntryInfo {
  name: string;
  /** Size inside the ZIP (compressed). */
  compressedSize: number;
  /** Size once extracted. */
  size: number;
  /** 0 = stored, 8 = deflate. */
  compression: number;
}

export interface AttachmentInspection {
  base64Valid: boolean;
  /** Number of bytes the base64 text decodes to (0 when it is not valid base64). */
  decodedSize: number;
  /** The bytes start with a ZIP signature. */
  isZip: boolean;
  /** A ZIP with an end record and a readable central directory. */
  zipComplete: boolean;
  entries: ZipEntryInfo[];
  /** Lower-case extension of `bestandsnaam`, or null when it has none. */
  extension: string | null;
  problems: AttachmentProblem[];
}

export function extensionOf(name: string): string | null {
  const base = name.slice(name.lastIndexOf('/') + 1).trim();
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).toLowerCase();
}

export function isAllowedFileName(name: string): boolean {
  const ext = extensionOf(name);
  return ext !== null && ALLOWED.has(ext);
}

const WHITESPACE_ALL = /[ \t\r\n]+/g;
// Searching for one character outside the alphabet is far faster than matching the whole text.
const OUTSIDE_ALPHABET = /[^A-Za-z0-9+/=]/;
// xs:base64Binary: the last character before '=' / '==' may carry no bits beyond the data.
const BEFORE_ONE_PAD = /[AEIMQUYcgkosw048]/;
const BEFORE_TWO_PADS = /[AQgw]/;

/** The base64 text without white space, or a reason why it is not valid base64. */
const ALPHABET_ERROR = {
  error: 'it contains characters outside the base64 alphabet',
  errorNl: 'er staan tekens in die niet in base64 voorkomen',
};

export function normaliseBase64(text: string): { base64: string } | { error: string; errorNl: string } {
  let s = text;
  if (OUTSIDE_ALPHABET.test(s)) {
    s = s.replace(WHITESPACE_ALL, '');
    if (OUTSIDE_ALPHABET.test(s)) return ALPHABET_ERROR;
  }
  if (s.length % 4 !== 0) {
    return { error: 'the length is not a multiple of 4', errorNl: 'de lengte is geen veelvoud van 4' };
  }
  const eq = s.indexOf('=');
  if (eq >= 0 && (eq < s.length - 2 || (eq === s.length - 2 && s[s.length - 1] !== '='))) {
    return { error: "'=' appears before the end", errorNl: "er staat een '=' voor het einde" };
  }
  const strayBits = s.endsWith('==')
    ? !BEFORE_TWO_PADS.test(s[s.length - 3])
    : s.endsWith('=') && !BEFORE_ONE_PAD.test(s[s.length - 2]);
  if (strayBits)
    return { error: 'the last group has stray bits', errorNl: 'de laatste groep heeft losse bits' };
  return { base64: s };
}

function decodedLength(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

const LOOKUP = (() => {
  const t = new Uint8Array(128);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = i;
  return t;
})();

/** Decodes bytes [from, to) of valid, white-space-free base64 without decoding the rest. */
export function decodeBase64Range(b64: string, from: number, to: number): Uint8Array {
  const total = decodedLength(b64);
  const end = Math.min(to, total);
  const start = Math.max(0, Math.min(from, end));
  const out = new Uint8Array(end - start);
  let o = 0;
  for (let group = Math.floor(start / 3); group * 3 < end; group++) {
    const i = group * 4;
    const n =
      (LOOKUP[b64.charCodeAt(i)] << 18) |
      (LOOKUP[b64.charCodeAt(i + 1)] << 12) |
      (LOOKUP[b64.charCodeAt(i + 2)] << 6) |
      LOOKUP[b64.charCodeAt(i + 3)];
    for (let k = 0; k < 3; k++) {
      const pos = group * 3 + k;
      if (pos >= start && pos < end) out[o++] = (n >> (16 - 8 * k)) & 0xff;
    }
  }
  return out;
}

/** Decodes a whole attachment (white space allowed); throws on invalid base64. */
export function decodeAttachment(text: string): Uint8Array {
  const n = normaliseBase64(text);
  if ('error' in n) throw new Error(`invalid base64: ${n.error}`);
  return decodeAll(n.base64);
}

const EOCD = 0x06054b50;

function incomplete(result: AttachmentInspection, detail: string, detailNl: string): void {
  result.problems.push({ code: 'ZIP_INCOMPLETE', severity: 'waarschuwing', detail, detailNl });
}

type BufferLike = { from(s: string, enc: string): Uint8Array };

/** All bytes of valid, white-space-free base64 (native decoder where the platform has one). */
function decodeAll(b64: string): Uint8Array {
  const B = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (B !== undefined) {
    const buf = B.from(b64, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return decodeBase64Range(b64, 0, decodedLength(b64));
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

/** Offset of the end-of-central-directory record within `tail`, or -1. */
function findEndRecord(tail: Uint8Array): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) === tail.length) return i;
  }
  return -1;
}

function inspectZip(b64: string, size: number, result: AttachmentInspection): void {
  // Most ZIPs have no comment: try the last 22 bytes first, then the largest possible tail.
  let tailStart = Math.max(0, size - 22);
  let tail = decodeBase64Range(b64, tailStart, size);
  let at = findEndRecord(tail);
  if (at < 0 && tailStart > 0) {
    tailStart = Math.max(0, size - 22 - 0xffff);
    tail = decodeBase64Range(b64, tailStart, size);
    at = findEndRecord(tail);
  }
  if (at < 0) {
    incomplete(result, 'no end of central directory', 'het einde van de inhoudsopgave ontbreekt');
    return;
  }
  const eocd = tailStart + at;
  const cdSize = u32(tail, at + 12);
  const cdOffset = u32(tail, at + 16);
  if (cdOffset + cdSize > eocd) {
    incomplete(result, 'central directory out of range', 'de inhoudsopgave valt buiten het bestand');
    return;
  }
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(decodeAll(b64), {
      filter(f) {
        entries.push({
          name: f.name,
          compressedSize: f.size,
          size: f.originalSize,
          compression: f.compression,
        });
        return false;
      },
    });
  } catch {
    incomplete(result, 'unreadable central directory', 'de inhoudsopgave is onleesbaar');
    return;
  }
  let sum = 0;
  for (const e of entries) sum += e.compressedSize + 30 + e.name.length;
  if (sum > cdOffset) {
    incomplete(result, 'entries exceed the data', 'de bestanden in de ZIP zijn groter dan de data');
    return;
  }
  result.zipComplete = true;
  result.entries = entries;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (!isAllowedFileName(e.name)) {
      result.problems.push({
        code: 'ENTRY_TYPE_NOT_ALLOWED',
        severity: 'waarschuwing',
        detail: `entry ${e.name} has a file type that is not allowed`,
        detailNl: `${e.name} heeft een bestandstype dat niet is toegestaan`,
        entry: e.name,
      });
    }
  }
}

/**
 * Inspects one attachment: its base64 text and its file name (`bestandsnaam`). Never throws.
 */
export function inspectAttachment(base64: string, bestandsnaam: string): AttachmentInspection {
  const extension = extensionOf(bestandsnaam);
  const result: AttachmentInspection = {
    base64Valid: false,
    decodedSize: 0,
    isZip: false,
    zipComplete: false,
    entries: [],
    extension,
    problems: [],
  };
  if (extension === null || !ALLOWED.has(extension)) {
    result.problems.push({
      code: 'NAME_TYPE_NOT_ALLOWED',
      severity: 'waarschuwing',
      detail: `file name ${bestandsnaam} has no allowed extension`,
      detailNl: `bestandsnaam ${bestandsnaam} heeft geen toegestane extensie`,
    });
  }
  const n = normaliseBase64(base64);
  if ('error' in n) {
    result.problems.push({ code: 'BASE64_INVALID', severity: 'fout', detail: n.error, detailNl: n.errorNl });
    return result;
  }
  result.base64Valid = true;
  const size = decodedLength(n.base64);
  result.decodedSize = size;
  const head = decodeBase64Range(n.base64, 0, 4);
  result.isZip =
    head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  if (!result.isZip) {
    result.problems.push({
      code: 'NOT_ZIP',
      severity: 'waarschuwing',
      detail: 'the content is not a ZIP file',
      detailNl: 'de inhoud is geen ZIP-bestand',
    });
    return result;
  }
  inspectZip(n.base64, size, result);
  return result;
}
