/**
 * Real, small files for attachments, built without external tools: PDF (text pages in Helvetica,
 * optionally a grey-scale scan image), PNG (grey or RGB, with a tiny raster for charts) and plain
 * text. Every file opens in an ordinary viewer. Output depends only on the input, never on the
 * clock, so generated dossiers are reproducible.
 */
import { zlibSync } from 'fflate';

// ---------------------------------------------------------------- CRC-32 (PNG chunks)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

// ---------------------------------------------------------------- PNG

export type Rgb = readonly [number, number, number];

export interface PngImage {
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB (8 bits per sample), or a palette of up to 256 colours (1 byte per pixel). */
  colours: 1 | 3 | readonly Rgb[];
  /** Rows of samples, each preceded by its filter byte (0). */
  filtered: Uint8Array;
}

/**
 * An indexed-colour raster to draw charts on, background colour 0. Its palette holds the given
 * colours followed by a grey ramp, so that a band of random bytes looks like a scanned photo.
 */
export class Raster {
  readonly rows: Uint8Array;
  readonly stride: number;
  readonly palette: Rgb[];

  constructor(
    readonly width: number,
    readonly height: number,
    colours: readonly Rgb[],
  ) {
    this.stride = width + 1;
    this.rows = new Uint8Array(this.stride * height);
    this.palette = [...colours];
    for (let i = this.palette.length; i < 256; i++) this.palette.push([i, i, i]);
  }

  fill(x0: number, y0: number, w: number, h: number, colour: number): void {
    const x1 = Math.min(this.width, Math.max(0, Math.round(x0 + w)));
    const y1 = Math.min(this.height, Math.max(0, Math.round(y0 + h)));
    const x = Math.max(0, Math.round(x0));
    for (let y = Math.max(0, Math.round(y0)); y < y1; y++) {
      if (x1 > x) this.rows.fill(colour, y * this.stride + 1 + x, y * this.stride + 1 + x1);
    }
  }

  /** Overwrites rows [from, to) with noise (a photographed logo band); filter bytes stay 0. */
  noiseBand(from: number, to: number, noise: Uint8Array): void {
    let k = 0;
    for (let y = Math.max(0, from); y < Math.min(this.height, to); y++) {
      const o = y * this.stride + 1;
      this.rows.set(noise.subarray(k, k + this.width), o);
      k += this.width;
    }
  }

  image(): PngImage {
    return { width: this.width, height: this.height, colours: this.palette, filtered: this.rows };
  }
}

/** A grey-scale image whose rows are noise, like a scanned page; `noise` must hold height·(width+1) bytes. */
export function noiseImage(width: number, height: number, noise: Uint8Array): PngImage {
  const rowBytes = width + 1;
  for (let y = 0; y < height; y++) noise[y * rowBytes] = 0;
  return { width, height, colours: 1, filtered: noise.subarray(0, rowBytes * height) };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint32(0, data.length);
  const typeBytes = latin1(type);
  head.set(typeBytes, 4);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, crc32([typeBytes, data]));
  return concat([head, data, tail]);
}

/** Encodes a PNG; `level` 0 stores (for noise, which does not compress), 6 deflates. */
export function encodePng(img: PngImage, level: 0 | 6, comment?: string): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, img.width);
  v.setUint32(4, img.height);
  const colourType = img.colours === 1 ? 0 : img.colours === 3 ? 2 : 3;
  ihdr.set([8, colourType, 0, 0, 0], 8);
  const parts = [Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr)];
  if (typeof img.colours !== 'number') parts.push(chunk('PLTE', Uint8Array.from(img.colours.flat())));
  if (comment) parts.push(chunk('tEXt', latin1(`Comment\0${toLatin1(comment)}`)));
  parts.push(chunk('IDAT', zlibSync(img.filtered, { level })), chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}

// ---------------------------------------------------------------- PDF

export interface PdfDocument {
  title: string;
  /** Pages of lines; a line starting with `# ` is a heading. */
  pages: readonly (readonly string[])[];
  /** YYYYMMDD, for the document information. */
  created: string;
  /** Deflate the page content (as real PDF writers do). */
  compress: boolean;
  /** A grey-scale scan placed on the last page (noise of width·height bytes). */
  scan?: { width: number; height: number; samples: Uint8Array };
}

const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

/** Letters without a Unicode decomposition to a Latin base letter. */
const NO_DECOMPOSITION: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss' };

/** Text as a PDF literal string in WinAnsiEncoding; other characters lose their accents. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    let byte: number;
    if (code >= 32 && code < 127) byte = code;
    else if (code >= 0xa0 && code <= 0xff) byte = code;
    else if (WIN_ANSI_EXTRA[ch] !== undefined) byte = WIN_ANSI_EXTRA[ch];
    else {
      const folded = (NO_DECOMPOSITION[ch] ?? ch).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const f = folded.codePointAt(0) ?? 63;
      byte = f >= 32 && f < 127 ? f : f >= 0xa0 && f <= 0xff ? f : 63;
    }
    if (byte === 40 || byte === 41 || byte === 92) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 32 && byte < 127) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** A text string for the document information: UTF-16BE with byte-order mark, as hex. */
function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
}

/** Latin-1 text for PNG comments (other characters lose their accents). */
function toLatin1(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\xff]/g, '?');
}

function pageContent(lines: readonly string[], first: boolean, title: string): string {
  const ops: string[] = [];
  let y = 786;
  if (first) {
    ops.push(`BT /F2 15 Tf 56 ${y} Td ${pdfString(title)} Tj ET`);
    y -= 30;
  }
  for (const line of lines) {
    if (line.startsWith('# ')) {
      y -= 6;
      ops.push(`BT /F2 11 Tf 56 ${y} Td ${pdfString(line.slice(2))} Tj ET`);
    } else if (line.length > 0) ops.push(`BT /F1 10 Tf 56 ${y} Td ${pdfString(line)} Tj ET`);
    y -= 14;
  }
  return ops.join('\n');
}

/** Builds a valid PDF 1.4 file (cross-reference table with exact byte offsets). */
export function buildPdf(doc: PdfDocument): Uint8Array {
  const objects: Uint8Array[][] = [];
  const add = (parts: Uint8Array[]) => {
    objects.push(parts);
    return objects.length;
  };
  const stream = (dict: string, data: Uint8Array) => [
    latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`),
    data,
    latin1('\nendstream'),
  ];
  const pages = doc.scan ? [...doc.pages, ['# Bijlage: gescand document']] : doc.pages;
  const pageCount = pages.length;
  // Fixed numbers: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info; pages follow.
  const firstPage = 6;
  const kids = Array.from({ length: pageCount }, (_, i) => `${firstPage + i * 2} 0 R`).join(' ');
  const scanObj = doc.scan ? firstPage + pageCount * 2 : 0;
  add([latin1('<< /Type /Catalog /Pages 2 0 R >>')]);
  add([latin1(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`)]);
  add([latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')]);
  add([latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')]);
  add([
    latin1(
      `<< /Title ${pdfTextString(doc.title)} /Producer (Overstap synthetische dossiers) /CreationDate (D:${doc.created}120000Z) >>`,
    ),
  ]);
  pages.forEach((lines, i) => {
    const last = i === pageCount - 1;
    const xobj = last && doc.scan ? ` /XObject << /Im1 ${scanObj} 0 R >>` : '';
    add([
      latin1(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${firstPage + i * 2 + 1} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >>${xobj} >> >>`,
      ),
    ]);
    let content = pageContent(lines, i === 0, doc.title);
    if (last && doc.scan) {
      const h = Math.min(680, Math.round((483 * doc.scan.height) / doc.scan.width));
      content += `\nq 483 0 0 ${h} 56 ${740 - h} cm /Im1 Do Q`;
    }
    const bytes = latin1(content);
    add(doc.compress ? stream('/Filter /FlateDecode', zlibSync(bytes, { level: 6 })) : stream('', bytes));
  });
  if (doc.scan) {
    const { width, height, samples } = doc.scan;
    add(
      stream(
        `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
        samples.subarray(0, width * height),
      ),
    );
  }
  const out: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = out[0].length;
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(offset);
    const head = latin1(`${i + 1} 0 obj\n`);
    const tail = latin1('\nendobj\n');
    out.push(head, ...parts, tail);
    offset += head.length + tail.length + parts.reduce((n, p) => n + p.length, 0);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n \n`);
  xref.push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  out.push(latin1(xref.join('')));
  return concat(out);
}

/** Wraps text into lines of at most `width` characters. */
export function wrap(text: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits lines over A4 pages (about 48 lines each). */
export function paginate(lines: readonly string[], perPage = 48): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
