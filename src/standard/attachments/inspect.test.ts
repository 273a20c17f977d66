import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeAttachment,
  decodeBase64Range,
  extensionOf,
  inspectAttachment,
  normaliseBase64,
} from './inspect.js';

/** A truncated placeholder ZIP as found in the official example dossiers (local header only). */
const PLACEHOLDER =
  'UEsDBBQAAAAIANRxWkiaB7JRzg0AAIMdAAAZAAAASGFuZGVsaW5nc3BsYW5SZWtlbmVuLnBkZu1ZeVgTRxTnUhQBqUUED1yugkeyR24K4YoUhAgCCtbSskkWCCTZuFkkHBW01aooiOCBJ6JYWrUiFtGCnJVWUfFAa2vxAvkUsR5ttVKRboIYymH1n7Z/OF+y386b937vzXtvZnZmnIIFvjSY';

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function zip(files: Record<string, string>): string {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = new TextEncoder().encode(text);
  return b64(zipSync(entries));
}

describe('inspectAttachment', () => {
  it('accepts a complete ZIP with an allowed file', () => {
    const content = zip({ 'rapport.pdf': '%PDF-1.4 test' });
    const r = inspectAttachment(content, 'rapport.pdf');
    expect(r.base64Valid).toBe(true);
    expect(r.isZip).toBe(true);
    expect(r.zipComplete).toBe(true);
    expect(r.entries.map((e) => e.name)).toEqual(['rapport.pdf']);
    expect(r.entries[0].size).toBe(13);
    expect(r.decodedSize).toBe(Buffer.from(content, 'base64').length);
    expect(r.problems).toEqual([]);
  });

  it('warns, but does not fail, on the truncated placeholder ZIPs of the official examples', () => {
    const r = inspectAttachment(PLACEHOLDER, 'HandelingsplanRekenen.pdf');
    expect(r.base64Valid).toBe(true);
    expect(r.isZip).toBe(true);
    expect(r.zipComplete).toBe(false);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['ZIP_INCOMPLETE', 'waarschuwing']]);
  });

  it('fails on content that is not base64', () => {
    for (const bad of ['abc', 'ab$d', 'QQ=A', 'QR==']) {
      const r = inspectAttachment(bad, 'a.pdf');
      expect(r.base64Valid, bad).toBe(false);
      expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['BASE64_INVALID', 'fout']]);
    }
  });

  it('allows white space inside the base64 text', () => {
    const content = zip({ 'a.txt': 'hallo' });
    const wrapped = content.replace(/(.{20})/g, '$1\n  ');
    expect(inspectAttachment(wrapped, 'a.txt').problems).toEqual([]);
    expect(decodeAttachment(wrapped)).toEqual(new Uint8Array(Buffer.from(content, 'base64')));
  });

  it('warns on content that is not a ZIP', () => {
    const r = inspectAttachment(b64(new TextEncoder().encode('plain text')), 'notitie.txt');
    expect(r.isZip).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['NOT_ZIP']);
  });

  it('warns on a disallowed extension of the file name and of the zipped entries', () => {
    const r = inspectAttachment(zip({ 'setup.exe': 'MZ', 'ok.docx': 'x' }), 'setup.exe');
    expect(r.problems.map((p) => [p.code, p.severity, p.entry])).toEqual([
      ['NAME_TYPE_NOT_ALLOWED', 'waarschuwing', undefined],
      ['ENTRY_TYPE_NOT_ALLOWED', 'waarschuwing', 'setup.exe'],
    ]);
  });

  it('reads extensions case-insensitively', () => {
    expect(extensionOf('Scan.JPEG')).toBe('jpeg');
    expect(extensionOf('geen-extensie')).toBeNull();
    expect(inspectAttachment(zip({ 'FOTO.JPG': 'x' }), 'FOTO.JPG').problems).toEqual([]);
  });

  it('decodes any byte range without decoding the rest', () => {
    const bytes = new Uint8Array(100).map((_, i) => (i * 37) & 0xff);
    const text = b64(bytes);
    for (const [from, to] of [
      [0, 4],
      [1, 2],
      [95, 100],
      [33, 67],
      [98, 200],
    ]) {
      expect(decodeBase64Range(text, from, to)).toEqual(bytes.slice(from, to));
    }
    expect('base64' in normaliseBase64(text)).toBe(true);
  });
});
