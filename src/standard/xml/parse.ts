import { SaxesParser, type SaxesTagNS } from 'saxes';
import { StandardError } from '../errors.js';
import { BESTANDSINHOUD_TAG, type Cut, cutAttachments } from './attachment-cut.js';
import { decodeXml } from './decode.js';
import type { XDocument, XElement } from './tree.js';

export interface XmlLimits {
  /** Largest document accepted, in bytes. Default 50 MB. */
  maxBytes: number;
  /** Deepest element nesting accepted. The 2019.1 schema needs fewer than 15 levels. */
  maxDepth: number;
  /** Most elements accepted in one document. */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 1_000_000,
};

/** Thrown inside the parser's handlers to stop it at once; turned into a StandardError. */
class Stop {
  constructor(readonly error: StandardError) {}
}

/**
 * Parses the bytes of an XML document into an element tree. Refuses, with a typed error that
 * says where: bytes that are not well-formed XML, unsupported encodings, documents over the size,
 * depth or element limits. A DOCTYPE is never processed: its entities are not expanded, nothing
 * external is fetched. With `allowDoctype: false` (the default for reading a dossier) it is an
 * error; with `true` (used by validation to give a full verdict) the document is still parsed
 * for well-formedness and `hadDoctype` is set, so the caller can refuse it as a finding.
 */
export function parseXml(
  bytes: Uint8Array,
  limits: Partial<XmlLimits> = {},
  options: { allowDoctype?: boolean; cutAttachments?: boolean } = {},
): XDocument {
  const lim = { ...DEFAULT_XML_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes) {
    throw new StandardError('XML_TOO_LARGE', {
      nl: `Het bestand is ${formatMb(bytes.length)} groot; de grens is ${formatMb(lim.maxBytes)}.`,
      en: `The file is ${formatMb(bytes.length)}; the limit is ${formatMb(lim.maxBytes)}.`,
    });
  }
  const allowDoctype = options.allowDoctype ?? false;
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cut = options.cutAttachments === false ? null : cutAttachments(buf);
  if (cut !== null) {
    const { text, encoding } = decodeXml(cut.skeleton);
    const doc = parseXmlText(text, encoding, lim, allowDoctype, cut.occurrences);
    if (doc !== null) return doc;
  }
  const { text, encoding } = decodeXml(buf);
  const doc = parseXmlText(text, encoding, lim, allowDoctype, null);
  if (doc === null) throw new Error('parse without cuts cannot mismatch');
  return doc;
}

type Handlers = {
  [E in
    | 'error'
    | 'doctype'
    | 'opentagstart'
    | 'opentag'
    | 'closetag'
    | 'text'
    | 'cdata'
    | 'comment'
    | 'processinginstruction']: (
    // biome-ignore lint/suspicious/noExplicitAny: each saxes event has its own argument type
    arg: any,
  ) => void;
};

/**
 * saxes stores handlers as properties of the parser. Registering all of them in the constructor
 * keeps them in the object's initial shape; adding seven or more afterwards makes V8 move them out
 * of the object and slows the parser's inner loop about six times (measured).
 */
class TreeParser extends SaxesParser<{ xmlns: true; position: true }> {
  constructor(handlers: Handlers) {
    super({ xmlns: true, position: true });
    for (const [event, handler] of Object.entries(handlers)) this.on(event as keyof Handlers, handler);
  }
}

/**
 * Parses decoded text. With `occurrences` (see attachment-cut.ts) it puts the cut attachments back
 * and returns null when they cannot be matched to their elements with certainty.
 */
function parseXmlText(
  text: string,
  encoding: string,
  lim: XmlLimits,
  allowDoctype: boolean,
  occurrences: Array<Cut | null> | null,
): XDocument | null {
  const handlers = {} as Handlers;
  // Attachment cuts: which occurrence comes next, and how far columns shift on the line of the
  // last cut's end.
  let occurrence = 0;
  let mismatch = false;
  let pendingCut: { el: XElement; cut: Cut } | null = null;
  let shiftLine = -1;
  let shift = 0;
  const col = (line: number, column: number) => (line === shiftLine ? column + shift : column);
  let root: XElement | null = null;
  const stack: XElement[] = [];
  let current: XElement | null = null;
  let hadDoctype = false;
  let elements = 0;
  // Column of the `<` of the tag being opened, captured at opentagstart.
  let startLine = 1;
  let startColumn = 1;
  // The last text node of the current element may continue (text after CDATA and vice versa).
  let textOpen = false;

  const fail = (line: number, column: number, en: string, nl: string) => {
    throw new Stop(
      new StandardError(
        'XML_NOT_WELL_FORMED',
        {
          nl: `Het bestand is geen goed gevormde XML (regel ${line}, kolom ${column}): ${nl}`,
          en: `The file is not well-formed XML (line ${line}, column ${column}): ${en}`,
        },
        [{ line, column, message: { nl, en } }],
      ),
    );
  };

  handlers.error = (err: Error) => {
    const msg = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    // Inside a refused DOCTYPE, entities may be declared; we never expand them, so a reference to
    // one is not a well-formedness error of the document itself.
    if (hadDoctype && /undefined entity/.test(msg)) return;
    fail(parser.line, col(parser.line, parser.column + 1), msg, dutchSaxesMessage(msg));
  };
  handlers.doctype = () => {
    hadDoctype = true;
    if (!allowDoctype) throw new Stop(doctypeRefused(parser.line));
  };
  handlers.opentagstart = (tag) => {
    startLine = parser.line;
    // saxes has just read the name and the character after it.
    startColumn = col(startLine, Math.max(1, parser.column - tag.name.length - 1));
  };
  handlers.opentag = (tag: SaxesTagNS) => {
    elements++;
    if (elements > lim.maxElements) {
      throw new Stop(
        new StandardError('XML_TOO_MANY_ELEMENTS', {
          nl: `Het bestand bevat meer dan ${lim.maxElements} elementen; dat past niet bij een overstapdossier.`,
          en: `The file holds more than ${lim.maxElements} elements, more than an overstapdossier can need.`,
        }),
      );
    }
    if (stack.length >= lim.maxDepth) {
      throw new Stop(
        new StandardError(
          'XML_TOO_DEEP',
          {
            nl: `De elementen zijn dieper genest dan ${lim.maxDepth} niveaus (regel ${startLine}); dat past niet bij een overstapdossier.`,
            en: `Elements are nested deeper than ${lim.maxDepth} levels (line ${startLine}), deeper than an overstapdossier can be.`,
          },
          [
            {
              line: startLine,
              column: startColumn,
              message: { nl: 'te diep genest', en: 'nested too deeply' },
            },
          ],
        ),
      );
    }
    let attrs: Record<string, string> | null = null;
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (attrs === null) attrs = {};
      attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    }
    const el: XElement = {
      name: tag.local,
      ns: tag.uri,
      attrs,
      children: [],
      texts: null,
      parent: current,
      line: startLine,
      column: startColumn,
    };
    if (current === null) root = el;
    else current.children.push(el);
    if (
      occurrences !== null &&
      tag.name === 'bestandsinhoud' &&
      text.startsWith(BESTANDSINHOUD_TAG, parser.position - BESTANDSINHOUD_TAG.length)
    ) {
      const cut = occurrences[occurrence++];
      if (cut === undefined) mismatch = true;
      else if (cut !== null) pendingCut = { el, cut };
    }
    stack.push(el);
    current = el;
    textOpen = false;
  };
  handlers.closetag = () => {
    if (pendingCut !== null && pendingCut.el === current) {
      const { el, cut } = pendingCut;
      if ((el.texts === null ? '' : el.texts.join('')) !== cut.placeholder || el.children.length > 0)
        mismatch = true;
      el.texts = [cut.content];
      if (cut.tailRemoved > 0) {
        if (parser.line === shiftLine) shift += cut.tailRemoved;
        else {
          shiftLine = parser.line;
          shift = cut.tailRemoved;
        }
      }
      pendingCut = null;
    }
    stack.pop();
    current = stack.length > 0 ? stack[stack.length - 1] : null;
    textOpen = false;
  };
  const addText = (t: string) => {
    if (current === null) return; // white space outside the root
    if (current.texts === null) current.texts = [t];
    else if (textOpen) current.texts[current.texts.length - 1] += t;
    else current.texts.push(t);
    textOpen = true;
  };
  handlers.text = addText;
  handlers.cdata = addText;
  handlers.comment = () => {
    textOpen = false;
  };
  handlers.processinginstruction = () => {
    textOpen = false;
  };

  const parser = new TreeParser(handlers);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Stop) throw e.error;
    throw e;
  }
  if (root === null) {
    throw new StandardError('XML_NOT_WELL_FORMED', {
      nl: 'Het bestand bevat geen XML-element.',
      en: 'The file contains no XML element.',
    });
  }
  if (occurrences !== null && (mismatch || occurrence !== occurrences.length)) return null;
  return { root, encoding, hadDoctype };
}

export function doctypeRefused(line: number): StandardError {
  return new StandardError(
    'XML_DOCTYPE_REFUSED',
    {
      nl: 'Het bestand bevat een DOCTYPE-declaratie. Die wordt om veiligheidsredenen geweigerd: een overstapdossier heeft geen DTD of entiteiten nodig. Verwijder de DOCTYPE.',
      en: 'The file contains a DOCTYPE declaration. It is refused for safety: an overstapdossier needs no DTD or entities. Remove the DOCTYPE.',
    },
    [{ line, column: 1, message: { nl: 'DOCTYPE geweigerd', en: 'DOCTYPE refused' } }],
  );
}

function formatMb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

const DUTCH: Array<[RegExp, string]> = [
  [/unclosed tag: (.*)/, 'het element <$1> wordt niet afgesloten'],
  [/unexpected close tag/, 'een sluit-tag past niet bij het geopende element'],
  [/unexpected end/, 'het bestand houdt middenin op'],
  [/text data outside of root node/, 'er staat tekst buiten het hoofdelement'],
  [/document must contain a root element/, 'het bestand bevat geen hoofdelement'],
  [/undefined entity/, 'onbekende entiteit'],
  [/unbound namespace prefix/, 'een namespace-prefix is niet gedeclareerd'],
  [/duplicate attribute/, 'een attribuut komt twee keer voor'],
  [/disallowed character/, 'een teken dat in XML niet is toegestaan'],
];

function dutchSaxesMessage(en: string): string {
  for (const [re, nl] of DUTCH) {
    const m = re.exec(en);
    if (m) return nl.replace('$1', m[1] ?? '');
  }
  return `fout in de XML-opbouw (${en})`;
}
