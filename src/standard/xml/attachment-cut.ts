/**
 * Attachments (`bestandsinhoud`: base64 text) are most of a dossier's bytes. Running them through
 * the XML tokenizer character by character, and decoding them as UTF-8 into a two-byte string
 * when a name elsewhere has a character beyond Latin-1, costs time and twice their size in memory.
 *
 * Before parsing, large base64 contents are cut out of the raw bytes (kept as one-byte strings) and
 * replaced by their line breaks only, so line numbers stay true. After parsing, each cut is put back
 * into its element. The parser counts the real `bestandsinhoud` elements opened by exactly the
 * tag the scan looked for: only when that count equals the number of tags the scan found did every
 * cut come from a real element (and not from a comment or CDATA section), in order. Otherwise the
 * document is parsed again whole, so the result is always exactly what a plain parse gives.
 */

const OPEN = Buffer.from('<bestandsinhoud>', 'latin1');
const CLOSE = Buffer.from('</bestandsinhoud>', 'latin1');
/** Contents shorter than this are left in place: cutting them gains nothing. */
const MIN_CUT = 1024;
const NOT_BASE64 = /[^A-Za-z0-9+/=\n \t]/;

export interface Cut {
  /** The base64 text exactly as it was, line breaks included. */
  content: string;
  /** The line breaks left in its place. */
  placeholder: string;
  /** Characters removed after the last line break: columns later on that line shift by this. */
  tailRemoved: number;
}

export interface CutResult {
  skeleton: Buffer;
  /** Every `<bestandsinhoud>` start tag found in the bytes, in order; `null` where nothing was cut. */
  occurrences: Array<Cut | null>;
}

/** The exact start tag the parser must find for each occurrence. */
export const BESTANDSINHOUD_TAG = '<bestandsinhoud>';

export function cutAttachments(bytes: Buffer): CutResult | null {
  // Only for ASCII-compatible encodings: not for UTF-16 (which starts with a byte order mark).
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return null;
  }
  const parts: Buffer[] = [];
  const occurrences: Array<Cut | null> = [];
  let cutCount = 0;
  let from = 0;
  let at = bytes.indexOf(OPEN);
  while (at >= 0) {
    const start = at + OPEN.length;
    const end = bytes.indexOf(CLOSE, start);
    if (end < 0) break;
    let cut: Cut | null = null;
    if (end - start >= MIN_CUT) {
      const content = bytes.toString('latin1', start, end);
      if (!NOT_BASE64.test(content)) {
        const lastBreak = content.lastIndexOf('\n');
        const placeholder = lastBreak < 0 ? '' : content.replace(/[^\n]+/g, '');
        parts.push(bytes.subarray(from, start), Buffer.from(placeholder, 'latin1'));
        cut = { content, placeholder, tailRemoved: content.length - (lastBreak + 1) };
        cutCount++;
        from = end;
      }
    }
    occurrences.push(cut);
    at = bytes.indexOf(OPEN, end + CLOSE.length);
  }
  if (cutCount === 0) return null;
  parts.push(bytes.subarray(from));
  return { skeleton: Buffer.concat(parts), occurrences };
}
