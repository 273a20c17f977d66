import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../../../test/support/conformance.js';
import { StandardError } from '../errors.js';
import { parseXml } from './parse.js';
import { pathOf, textOf, type XElement } from './tree.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

function parseError(input: Uint8Array, limits = {}): StandardError {
  try {
    parseXml(input, limits);
  } catch (e) {
    if (e instanceof StandardError) return e;
    throw e;
  }
  throw new Error('expected a StandardError');
}

describe('parseXml', () => {
  it('records the line and column of every start tag and the official path', () => {
    const doc = parseXml(bytes('<?xml version="1.0"?>\n<a xmlns="urn:x">\n  <b>x</b>\n    <b/><c/></a>'));
    const [b1, b2, c] = doc.root.children;
    expect([b1.line, b1.column]).toEqual([3, 3]);
    expect([b2.line, b2.column]).toEqual([4, 5]);
    expect([c.line, c.column]).toEqual([4, 9]);
    expect(pathOf(b2)).toBe('/a[1]/b[2]');
    expect(pathOf(c)).toBe('/a[1]/c[1]');
    expect(b1.ns).toBe('urn:x');
  });

  it('keeps text nodes apart where a comment or processing instruction splits them, and joins CDATA', () => {
    const doc = parseXml(bytes('<a>swv-<!-- x -->dossier<?pi y?>!<![CDATA[<z>]]>w</a>'));
    expect(doc.root.texts).toEqual(['swv-', 'dossier', '!<z>w']);
    expect(textOf(doc.root)).toBe('swv-dossier!<z>w');
  });

  it('refuses a DOCTYPE without expanding or fetching anything', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>';
    const e = parseError(bytes(xxe));
    expect(e.code).toBe('XML_DOCTYPE_REFUSED');
    expect(e.messages.nl).toContain('DOCTYPE');
    const lenient = parseXml(bytes(xxe), {}, { allowDoctype: true });
    expect(lenient.hadDoctype).toBe(true);
    expect(textOf(lenient.root)).not.toContain('root:');
  });

  it('refuses a billion-laughs document', () => {
    const lol = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>`;
    expect(parseError(bytes(lol)).code).toBe('XML_DOCTYPE_REFUSED');
  });

  it('says where a document is not well-formed, in Dutch and English', () => {
    const e = parseError(bytes('<a>\n  <b>\n</a>'));
    expect(e.code).toBe('XML_NOT_WELL_FORMED');
    expect(e.problems[0].line).toBe(3);
    expect(e.messages.nl).toMatch(/regel 3/);
    expect(e.messages.en).toMatch(/line 3/);
  });

  it('refuses documents over the size, depth and element limits', () => {
    expect(parseError(bytes('<a>xxxxxxxxxx</a>'), { maxBytes: 10 }).code).toBe('XML_TOO_LARGE');
    expect(parseError(bytes(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).code).toBe('XML_TOO_DEEP');
    expect(parseError(bytes(`<a>${'<b/>'.repeat(50)}</a>`), { maxElements: 20 }).code).toBe(
      'XML_TOO_MANY_ELEMENTS',
    );
  });

  it('reads ISO-8859-1, UTF-16 with a byte order mark, and UTF-8 with a BOM', () => {
    const latin = Buffer.concat([
      bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
      Buffer.from([0xe9]),
      bytes('</a>'),
    ]);
    expect(textOf(parseXml(latin).root)).toBe('é');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>ë</a>', 'utf16le')]);
    expect(textOf(parseXml(utf16).root)).toBe('ë');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('<a>ü</a>')]);
    expect(textOf(parseXml(bom).root)).toBe('ü');
  });

  it('refuses bytes that are not valid in the declared encoding, and unknown encodings', () => {
    expect(parseError(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])).code).toBe(
      'XML_ENCODING_INVALID',
    );
    expect(parseError(bytes('<?xml version="1.0" encoding="EBCDIC-X"?><a/>')).code).toBe(
      'XML_ENCODING_UNSUPPORTED',
    );
  });
});

describe('attachment cutting', () => {
  const strip = (el: XElement): unknown => ({
    name: el.name,
    ns: el.ns,
    attrs: el.attrs,
    texts: el.texts === null ? null : el.texts.join('\u0001'),
    at: `${el.line}:${el.column}`,
    children: el.children.map(strip),
  });
  const same = (bytes: Buffer) => {
    const fast = parseXml(bytes, {}, { allowDoctype: true });
    const plain = parseXml(bytes, {}, { allowDoctype: true, cutAttachments: false });
    expect(strip(fast.root)).toEqual(strip(plain.root));
  };
  const b64 = Buffer.alloc(3000, 7).toString('base64');
  const wrapped = b64.replace(/(.{76})/g, '$1\n');
  const doc = (inner: string) =>
    Buffer.from(`<a>\n  <d><bestandsinhoud>${inner}</bestandsinhoud><x/></d>\n  <y/>\n</a>`);

  it('gives exactly the tree of a plain parse, with the same lines and columns', () => {
    same(doc(b64));
    same(doc(wrapped));
    same(
      Buffer.from(
        `<a><bestandsinhoud>${b64}</bestandsinhoud><bestandsinhoud>${wrapped}</bestandsinhoud><z/></a>`,
      ),
    );
    for (const c of conformanceCases()) {
      if (c.wellFormed) same(c.bytes);
    }
  });

  it('is not fooled by the tag inside a comment or CDATA section, or a prefixed element', () => {
    same(
      Buffer.from(
        `<a><!-- <bestandsinhoud>${b64}</bestandsinhoud> --><bestandsinhoud >x</bestandsinhoud></a>`,
      ),
    );
    same(
      Buffer.from(
        `<a><![CDATA[<bestandsinhoud>${b64}</bestandsinhoud>]]><bestandsinhoud>${b64}</bestandsinhoud></a>`,
      ),
    );
    same(
      Buffer.from(
        `<a xmlns:o="urn:o"><!-- <bestandsinhoud>${b64}</bestandsinhoud> --><o:bestandsinhoud></o:bestandsinhoud></a>`,
      ),
    );
    const cut = parseXml(doc(wrapped));
    expect(textOf(cut.root.children[0].children[0])).toBe(wrapped);
  });

  it('reports a well-formedness error after an attachment at the right line', () => {
    const e = parseError(Buffer.from(`<a>\n<bestandsinhoud>${wrapped}</bestandsinhoud>\n<b></a>`));
    const plain = (() => {
      try {
        parseXml(
          Buffer.from(`<a>\n<bestandsinhoud>${wrapped}</bestandsinhoud>\n<b></a>`),
          {},
          { cutAttachments: false },
        );
      } catch (x) {
        return x as StandardError;
      }
      throw new Error('expected an error');
    })();
    expect(e.problems[0]).toEqual(plain.problems[0]);
  });
});
