import { isUtf8 } from 'node:buffer';
import { StandardError } from '../errors.js';

/**
 * Turns the raw bytes of an XML document into a string, following the byte order mark and the
 * encoding declared in the XML declaration (XML 1.0 §4.3.3, Appendix F). Only encodings that a
 * school administration can reasonably send are accepted; anything else is refused by name.
 */
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'iso-8859-15': 'iso-8859-15',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16': 'utf-16',
};

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeXml(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
  }
  const declared = declaredEncoding(bytes);
  if (declared === null) return { text: utf8(bytes), encoding: 'UTF-8' };
  const label = ENCODINGS[declared.toLowerCase()];
  if (label === undefined) {
    throw new StandardError('XML_ENCODING_UNSUPPORTED', {
      nl: `De tekenset "${declared}" in de XML-declaratie wordt niet ondersteund. Gebruik UTF-8.`,
      en: `The encoding "${declared}" in the XML declaration is not supported. Use UTF-8.`,
    });
  }
  if (label === 'utf-16') {
    throw new StandardError('XML_ENCODING_INVALID', {
      nl: 'Het bestand zegt UTF-16 te zijn, maar begint niet met een byte order mark.',
      en: 'The file declares UTF-16 but does not start with a byte order mark.',
    });
  }
  if (label === 'utf-8') return { text: utf8(bytes), encoding: declared.toUpperCase() };
  if (label === 'latin1') return { text: Buffer.from(bytes).toString('latin1'), encoding: 'ISO-8859-1' };
  return { text: strict(label, bytes), encoding: declared.toUpperCase() };
}

function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration, if any, is pure ASCII at the very start of the document.
  if (bytes.length < 5 || bytes[0] !== 0x3c || bytes[1] !== 0x3f) return null;
  const end = Math.min(bytes.length, 200);
  let head = '';
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x3e) break;
    head += String.fromCharCode(b);
  }
  if (!head.startsWith('<?xml')) return null;
  const m = /encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return m ? m[1] : null;
}

function utf8(bytes: Uint8Array): string {
  // Buffer#toString is the fastest UTF-8 decoder in Node, but it replaces invalid sequences
  // silently; check validity first so that broken bytes are refused, not guessed.
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) {
    throw new StandardError('XML_ENCODING_INVALID', {
      nl: 'Het bestand bevat bytes die geen geldige UTF-8 zijn. Sla het bestand op als UTF-8 of geef de juiste tekenset op in de XML-declaratie.',
      en: 'The file contains bytes that are not valid UTF-8. Save it as UTF-8 or declare the right encoding in the XML declaration.',
    });
  }
  return buf.toString('utf8');
}

function strict(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new StandardError('XML_ENCODING_INVALID', {
      nl: `Het bestand bevat bytes die niet passen bij de tekenset ${label}.`,
      en: `The file contains bytes that do not fit the encoding ${label}.`,
    });
  }
}
