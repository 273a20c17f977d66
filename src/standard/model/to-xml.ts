import { StandardError } from '../errors.js';
import { type ComplexTypeDef, OSO_NAMESPACE, type Particle, SCHEMA, typeDef } from '../schema/index.js';

// Characters XML 1.0 does not allow, and lone surrogates.
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly these characters must be refused
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NEEDS_ESCAPE = /[&<>"\r]/;

type Obj = Record<string, unknown>;

/**
 * Writes a model as UTF-8 XML in schema order, indented with two spaces. The root element is
 * `dossier`, `dossiers` or any other global element of the schema. The output is built as a list
 * of parts and joined once, so a large attachment string is copied only into the final buffer.
 */
export function modelToXml(rootName: string, model: unknown): Buffer {
  const typeName = SCHEMA.elements[rootName];
  if (typeName === undefined) {
    throw new StandardError('DOSSIER_ROOT_INVALID', {
      nl: `<${rootName}> is geen element van de OSO gegevensset 2019.1.`,
      en: `<${rootName}> is not an element of the OSO gegevensset 2019.1.`,
    });
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeElement(out, rootName, model, typeName, '', `/${rootName}`, ` xmlns="${OSO_NAMESPACE}"`);
  return Buffer.from(out.join(''), 'utf8');
}

function writeElement(
  out: string[],
  name: string,
  value: unknown,
  typeName: string,
  indent: string,
  path: string,
  extraAttrs = '',
): void {
  const t = typeDef(typeName);
  if (t.kind === 'simple') {
    out.push(indent, '<', name, extraAttrs, '>', text(value, path), '</', name, '>\n');
    return;
  }
  if (t.simpleContent !== undefined) {
    if (t.attributes.length === 0) {
      out.push(indent, '<', name, extraAttrs, '>', text(value, path), '</', name, '>\n');
      return;
    }
    const o = asObject(value, path);
    let attrs = extraAttrs;
    for (const a of t.attributes) {
      const v = o[a.name];
      if (v !== undefined) attrs += ` ${a.name}="${text(v, `${path}/@${a.name}`)}"`;
    }
    out.push(indent, '<', name, attrs, '>', text(o.value, path), '</', name, '>\n');
    return;
  }
  const o = asObject(value, path);
  const start = out.length;
  out.push(indent, '<', name, extraAttrs, '>\n');
  const before = out.length;
  writeContent(out, t, o, `${indent}  `, path);
  if (out.length === before) {
    out.length = start;
    out.push(indent, '<', name, extraAttrs, '/>\n');
  } else out.push(indent, '</', name, '>\n');
}

function writeContent(out: string[], t: ComplexTypeDef, o: Obj, indent: string, path: string): void {
  const c = t.content;
  if (c === null) return;
  if (c.k === 'seq' && c.max === -1) {
    const items = o.items;
    if (!Array.isArray(items) || items.length === 0) missing(path, 'items');
    for (const [i, item] of items.entries()) {
      for (const p of c.items)
        writeParticle(out, p, asObject(item, `${path}/items[${i}]`), indent, path, true);
    }
    return;
  }
  writeParticle(out, c, o, indent, path, true);
}

function writeParticle(
  out: string[],
  p: Particle,
  o: Obj,
  indent: string,
  path: string,
  required: boolean,
): void {
  if (p.k === 'e') {
    const v = o[p.name];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      if (required && p.min === 1) missing(path, p.name);
      return;
    }
    if (Array.isArray(v)) {
      if (p.max !== -1) {
        throw invalid(path, p.name, {
          nl: 'mag maar één keer voorkomen, maar is een lijst',
          en: 'may occur only once but is a list',
        });
      }
      v.forEach((item, i) => {
        writeElement(out, p.name, item, p.type, indent, `${path}/${p.name}[${i + 1}]`);
      });
    } else writeElement(out, p.name, v, p.type, indent, `${path}/${p.name}`);
    return;
  }
  const req = required && p.min === 1 && p.k === 'seq';
  for (const item of p.items) writeParticle(out, item, o, indent, path, req);
}

function text(v: unknown, path: string): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'boolean' || typeof v === 'number') s = String(v);
  else {
    throw invalid(path, '', { nl: 'heeft geen tekstwaarde', en: 'has no text value' });
  }
  if (INVALID_XML_CHARS.test(s)) {
    throw invalid(path, '', {
      nl: 'bevat een teken dat in XML niet is toegestaan',
      en: 'contains a character that XML does not allow',
    });
  }
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[&<>"\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;',
  );
}

function asObject(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw invalid(path, '', { nl: 'moet een blok met velden zijn', en: 'must be a block of fields' });
  }
  return v as Obj;
}

function missing(path: string, name: string): never {
  throw invalid(path, name, { nl: 'is verplicht maar ontbreekt', en: 'is required but missing' });
}

function invalid(path: string, name: string, what: { nl: string; en: string }): StandardError {
  const where = name ? `${path}/${name}` : path;
  return new StandardError(
    'DOSSIER_SCHEMA_INVALID',
    {
      nl: `Het dossier kan niet worden geschreven: ${where} ${what.nl}.`,
      en: `The dossier cannot be written: ${where} ${what.en}.`,
    },
    [{ path: where, message: { nl: `${where} ${what.nl}`, en: `${where} ${what.en}` } }],
  );
}
