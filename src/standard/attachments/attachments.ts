import { strToU8, unzipSync, zipSync } from 'fflate';
import { StandardError } from '../errors.js';
import type { Document, Dossier } from '../model.js';
import { SCHEMA, typeDef } from '../schema/index.js';

/** Where a `document` sits decides its delivery category (STANDARD.md §1.7). */
const CATEGORY_BY_PARENT: Record<string, string> = {
  toelichting_onderwijsbehoeften: 'cat_onderwijsondersteuning',
  diagnose: 'cat_onderwijsondersteuning',
  opp: 'cat_onderwijsondersteuning',
  tlv: 'cat_onderwijsondersteuning',
  lwoo: 'cat_onderwijsondersteuning',
  rvc: 'cat_onderwijsondersteuning',
  handelingsplan: 'cat_handelingsplannen',
  documentLijst: 'cat_verzuim',
  eindtoets_basisonderwijs: 'cat_eindtoetsbo',
  resultaat: 'cat_toetsresultaten',
  overigdocumentlijst: 'cat_bijlagedocs',
};

export interface AttachmentEntry {
  /** Where it is in the model, e.g. `huidigeschool.leerling.overigdocumentlijst.document[0]`. */
  path: string;
  /** The `categorie_uitlevering` field it belongs to, e.g. `cat_bijlagedocs`. */
  category: string;
  bestandsnaam: string;
  omschrijving?: string;
  /** Size of the decoded ZIP in bytes, computed from the base64 length without decoding. */
  size: number;
  /** The model object itself (not a copy). */
  document: Document;
}

const DOCUMENT_TYPE = SCHEMA.elements.document;

/** Every attachment of a dossier, in document order, without decoding any of them. */
export function listAttachments(dossier: Dossier): AttachmentEntry[] {
  const out: AttachmentEntry[] = [];
  walk(dossier as unknown as Record<string, unknown>, SCHEMA.elements.dossier, '', 'dossier', out);
  return out;
}

function walk(
  obj: Record<string, unknown>,
  typeName: string,
  path: string,
  parent: string,
  out: AttachmentEntry[],
) {
  const t = typeDef(typeName);
  if (t.kind !== 'complex' || t.content === null) return;
  const children = new Map<string, string>();
  const collect = (p: NonNullable<typeof t.content>) => {
    if (p.k === 'e') children.set(p.name, p.type);
    else for (const i of p.items) collect(i);
  };
  collect(t.content);
  const visit = (o: Record<string, unknown>, prefix: string) => {
    for (const [name, type] of children) {
      const v = o[name];
      if (v === undefined || v === null) continue;
      const list = Array.isArray(v) ? v : [v];
      list.forEach((item, i) => {
        const p = `${prefix}${name}${Array.isArray(v) ? `[${i}]` : ''}`;
        if (type === DOCUMENT_TYPE) {
          const d = item as Document;
          out.push({
            path: p,
            category: CATEGORY_BY_PARENT[parent] ?? 'cat_bijlagedocs',
            bestandsnaam: d.bestandsnaam,
            omschrijving: d.omschrijving,
            size: base64Size(d.bestandsinhoud),
            document: d,
          });
        } else if (typeof item === 'object' && item !== null) {
          walk(item as Record<string, unknown>, type, `${p}.`, name, out);
        }
      });
    }
  };
  if (Array.isArray(obj.items)) {
    obj.items.forEach((it, i) => {
      visit(it as Record<string, unknown>, `${path}items[${i}].`);
    });
  } else visit(obj, path);
}

/** Decoded size of base64 text, ignoring white space, without decoding it. */
export function base64Size(b64: string): number {
  let len = 0;
  let pad = 0;
  for (let i = 0; i < b64.length; i++) {
    const c = b64.charCodeAt(i);
    if (c === 0x3d) pad++;
    else if (c > 0x20) len++;
  }
  return Math.floor(((len + pad) * 3) / 4) - pad;
}

export interface ExtractedFile {
  name: string;
  data: Uint8Array;
}

/**
 * The files inside an attachment. The base64 text is decoded once into a buffer and the ZIP
 * entries are views produced by the unzip; nothing else is copied.
 */
export function extractAttachment(document: Document): ExtractedFile[] {
  const zip = Buffer.from(document.bestandsinhoud, 'base64');
  try {
    const files = unzipSync(zip);
    return Object.entries(files)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => ({ name, data }));
  } catch (e) {
    throw new StandardError('ATTACHMENT_INVALID', {
      nl: `De bijlage "${document.bestandsnaam}" is geen leesbaar ZIP-bestand (${(e as Error).message}).`,
      en: `The attachment "${document.bestandsnaam}" is not a readable ZIP file (${(e as Error).message}).`,
    });
  }
}

export interface NewAttachment {
  /** Name of the file inside the ZIP, e.g. `okr-addendum.pdf`. */
  fileName: string;
  content: Uint8Array | string;
  /** `bestandsnaam` of the document; defaults to the file name. */
  bestandsnaam?: string;
  omschrijving?: string;
}

/** Packs a file as the standard wants it: a ZIP, base64-encoded, in a `document`. */
export function makeAttachment(file: NewAttachment): Document {
  const content = typeof file.content === 'string' ? strToU8(file.content) : file.content;
  const zip = zipSync(
    { [file.fileName]: [content, { level: 6 }] },
    { mtime: new Date('2020-01-01T00:00:00Z') },
  );
  const doc: Document = {
    bestandsnaam: file.bestandsnaam ?? file.fileName,
    bestandsinhoud: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64'),
  };
  if (file.omschrijving !== undefined) doc.omschrijving = file.omschrijving;
  return doc;
}

/**
 * Adds an attachment to the dossier's `overigdocumentlijst` (category Bijlagedocs) and returns
 * the new document. Mutates the given model.
 */
export function addAttachment(dossier: Dossier, file: NewAttachment): Document {
  const cats = dossier.metadata.categorie_uitlevering;
  if (cats?.cat_bijlagedocs === 'VERBODEN') {
    throw new StandardError('ATTACHMENT_INVALID', {
      nl: 'Dit dossier mag geen bijlagen hebben (categorie Bijlagedocs is VERBODEN).',
      en: 'This dossier may not carry attachments (category Bijlagedocs is VERBODEN).',
    });
  }
  const doc = makeAttachment(file);
  const leerling = dossier.huidigeschool.leerling;
  if (leerling.overigdocumentlijst) leerling.overigdocumentlijst.document.push(doc);
  else leerling.overigdocumentlijst = { document: [doc] };
  if (cats?.cat_bijlagedocs === 'OPT-UIT') cats.cat_bijlagedocs = 'OPTIONEEL';
  return doc;
}
