/**
 * Compiles the official OSO gegevensset 2019.1 XSD into two generated modules:
 *  - src/standard/schema/xsd.generated.ts — the schema as data (types, particles, facets, labels),
 *  - src/standard/model.generated.ts      — TypeScript interfaces for the whole dossier model.
 * Run with `npm run generate:schema` after the XSD changes. Only the XSD features the 2019.1
 * file uses are supported; anything else stops the generator with a message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  AttributeDef,
  BuiltinType,
  ComplexTypeDef,
  Particle,
  SchemaDef,
  SimpleTypeDef,
  TypeDef,
} from '../src/standard/schema/types.js';
import { parseXml } from '../src/standard/xml/parse.js';
import { textOf, type XElement } from '../src/standard/xml/tree.js';

const root = resolve(import.meta.dirname, '..');
const xsdPath = resolve(root, process.argv[2] ?? '../shared/oso/official/OSO_gegevensset-2019.1.xsd');
const xsd = parseXml(readFileSync(xsdPath)).root;

const BUILTINS: Record<string, BuiltinType> = {
  'xs:string': 'string',
  'xs:boolean': 'boolean',
  'xs:date': 'date',
  'xs:integer': 'integer',
  'xs:int': 'int',
  'xs:decimal': 'decimal',
};

const kids = (el: XElement, name?: string) =>
  el.children.filter((c) => c.ns === 'http://www.w3.org/2001/XMLSchema' && (!name || c.name === name));
const attr = (el: XElement, name: string) => el.attrs?.[name];
function fail(el: XElement, what: string): never {
  throw new Error(`${what} at line ${el.line}`);
}

const globalsByName = new Map<string, XElement>();
const typesByName = new Map<string, XElement>();
const groupsByName = new Map<string, XElement>();
for (const c of kids(xsd)) {
  const n = attr(c, 'name');
  if (!n) continue;
  if (c.name === 'element') globalsByName.set(n, c);
  else if (c.name === 'complexType' || c.name === 'simpleType') typesByName.set(n, c);
  else if (c.name === 'group') groupsByName.set(n, c);
}

const types: Record<string, TypeDef> = {};
/** Complex types that only extend another without adding anything: the model names them as aliases. */
const aliasOf = new Map<string, string>();

function docOf(el: XElement): string | undefined {
  for (const a of kids(el, 'annotation')) {
    for (const d of kids(a, 'documentation')) {
      if (attr(d, 'source') === 'semantiek') {
        const t = textOf(d).replace(/\s+/g, ' ').trim();
        if (!t) return undefined;
        return t.length > 160 ? `${t.slice(0, 157)}…` : t;
      }
    }
  }
  return undefined;
}

function typeRef(name: string): string {
  if (BUILTINS[name]) {
    const b = BUILTINS[name];
    if (!types[b]) types[b] = { kind: 'simple', name: b, base: b };
    return b;
  }
  if (!types[name]) {
    const el = typesByName.get(name);
    if (!el) throw new Error(`unknown type ${name}`);
    compileType(el, name);
  }
  return name;
}

function compileType(el: XElement, name: string): string {
  if (el.name === 'simpleType') types[name] = compileSimple(el, name);
  else {
    types[name] = { kind: 'complex', name, content: null, attributes: [] }; // placeholder for recursion
    types[name] = compileComplex(el, name);
  }
  return name;
}

function compileSimple(el: XElement, name: string): SimpleTypeDef {
  const r = kids(el, 'restriction')[0] ?? fail(el, 'simpleType without restriction');
  const baseName = typeRef(attr(r, 'base') ?? fail(r, 'restriction without base'));
  const base = types[baseName] as SimpleTypeDef;
  const def: SimpleTypeDef = { ...base, name };
  if (base.patterns) def.patterns = [...base.patterns];
  for (const f of kids(r)) {
    const v = attr(f, 'value') ?? '';
    switch (f.name) {
      case 'minLength':
        def.minLength = Number(v);
        break;
      case 'maxLength':
        def.maxLength = Number(v);
        break;
      case 'pattern':
        def.patterns = [...(def.patterns ?? []), v];
        break;
      case 'minInclusive':
        def.minInclusive = Number(v);
        break;
      case 'maxInclusive':
        def.maxInclusive = Number(v);
        break;
      case 'annotation':
        break;
      default:
        fail(f, `unsupported facet ${f.name}`);
    }
  }
  return def;
}

function attributesOf(el: XElement): AttributeDef[] {
  return kids(el, 'attribute').map((a) => ({
    name: attr(a, 'name') ?? fail(a, 'attribute without name'),
    type: typeRef(attr(a, 'type') ?? fail(a, 'attribute without type')),
    required: attr(a, 'use') === 'required',
  }));
}

function compileComplex(el: XElement, name: string): ComplexTypeDef {
  const sc = kids(el, 'simpleContent')[0];
  if (sc) {
    const ext = kids(sc, 'extension')[0] ?? fail(sc, 'simpleContent without extension');
    return {
      kind: 'complex',
      name,
      content: null,
      simpleContent: typeRef(attr(ext, 'base') ?? fail(ext, 'extension without base')),
      attributes: attributesOf(ext),
    };
  }
  const cc = kids(el, 'complexContent')[0];
  if (cc) {
    const ext = kids(cc, 'extension')[0] ?? fail(cc, 'complexContent without extension');
    const baseName = typeRef(attr(ext, 'base') ?? fail(ext, 'extension without base'));
    const base = types[baseName] as ComplexTypeDef;
    const own = particleOfChildren(ext, name);
    if (own === null && kids(ext, 'attribute').length === 0) aliasOf.set(name, baseName);
    let content = base.content;
    if (own) content = content ? { k: 'seq', items: [content, own], min: 1, max: 1 } : own;
    return {
      kind: 'complex',
      name,
      content,
      simpleContent: base.simpleContent,
      attributes: [...base.attributes, ...attributesOf(ext)],
    };
  }
  return { kind: 'complex', name, content: particleOfChildren(el, name), attributes: attributesOf(el) };
}

function particleOfChildren(el: XElement, owner: string): Particle | null {
  const ps = kids(el).filter((c) => ['sequence', 'choice', 'group'].includes(c.name));
  if (ps.length > 1) fail(el, 'more than one model group');
  return ps.length ? particle(ps[0], owner) : null;
}

function occurs(el: XElement): { min: 0 | 1; max: 1 | -1 } {
  const min = attr(el, 'minOccurs') ?? '1';
  const max = attr(el, 'maxOccurs') ?? '1';
  if (min !== '0' && min !== '1') fail(el, `minOccurs ${min} unsupported`);
  if (max !== '1' && max !== 'unbounded') fail(el, `maxOccurs ${max} unsupported`);
  return { min: min === '0' ? 0 : 1, max: max === '1' ? 1 : -1 };
}

function particle(el: XElement, owner: string): Particle {
  const occ = occurs(el);
  if (el.name === 'sequence' || el.name === 'choice') {
    return {
      k: el.name === 'sequence' ? 'seq' : 'choice',
      items: kids(el)
        .filter((c) => c.name !== 'annotation')
        .map((c) => particle(c, owner)),
      ...occ,
    };
  }
  if (el.name === 'group') {
    const g = groupsByName.get(attr(el, 'ref') ?? '') ?? fail(el, 'unknown group');
    const inner = particleOfChildren(g, owner) ?? fail(g, 'empty group');
    return occ.min === 1 && occ.max === 1 ? inner : { k: 'seq', items: [inner], ...occ };
  }
  if (el.name !== 'element') fail(el, `unsupported particle ${el.name}`);
  const ref = attr(el, 'ref');
  if (ref) {
    const g = globalsByName.get(ref) ?? fail(el, `unknown element ${ref}`);
    return { k: 'e', name: ref, type: elementType(g, ref), ...occ, doc: docOf(el) ?? docOf(g) };
  }
  const name = attr(el, 'name') ?? fail(el, 'element without name');
  return { k: 'e', name, type: elementType(el, `${owner}.${name}`), ...occ, doc: docOf(el) };
}

function elementType(el: XElement, anonName: string): string {
  const t = attr(el, 'type');
  if (t) return typeRef(t);
  const anon = kids(el).find((c) => c.name === 'complexType' || c.name === 'simpleType');
  if (!anon) return typeRef('xs:string');
  return compileType(anon, anonName);
}

const elements: Record<string, string> = {};
for (const [name, el] of globalsByName) elements[name] = elementType(el, name);

const schema: SchemaDef = {
  targetNamespace: attr(xsd, 'targetNamespace') ?? '',
  elements,
  types,
};

// ---- the model's TypeScript interfaces --------------------------------------------------------

const pascal = (s: string) => s.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
// Interface names: the element or type name in PascalCase without a `Type` suffix
// (`leerlingType.onderwijsondersteuning` → `Onderwijsondersteuning`); on a clash the owner's
// name goes in front (`InstellingAdreslijst`).
const ifaceNames = new Map<string, string>();
{
  const wanted = new Map<string, string[]>();
  const base = (t: string) => pascal((t.split('.').pop() ?? t).replace(/Type$/, ''));
  for (const t of Object.keys(types)) {
    const w = base(t);
    wanted.set(w, [...(wanted.get(w) ?? []), t]);
  }
  for (const [w, owners] of wanted) {
    for (const t of owners) {
      if (owners.length === 1) ifaceNames.set(t, w);
      else if (!t.includes('.')) ifaceNames.set(t, pascal(t));
      else
        ifaceNames.set(
          t,
          t
            .split('.')
            .map((p) => pascal(p.replace(/Type$/, '')))
            .join(''),
        );
    }
  }
}
const iface = (t: string) => ifaceNames.get(t) ?? pascal(t);

function tsValueType(typeName: string): string {
  const t = types[typeName];
  if (t.kind === 'simple') return t.base === 'boolean' ? 'boolean' : 'string';
  if (t.simpleContent && t.attributes.length === 0) return tsValueType(t.simpleContent);
  return iface(typeName);
}

function props(p: Particle, optional: boolean, out: string[]) {
  if (p.k === 'e') {
    const many = p.max === -1;
    const opt = optional || p.min === 0;
    const t = tsValueType(p.type);
    const key = /^[a-z_][a-z0-9_]*$/i.test(p.name) ? p.name : `'${p.name}'`;
    if (p.doc) out.push(`  /** ${p.doc.replace(/\*\//g, '* /')} */`);
    out.push(`  ${key}${opt ? '?' : ''}: ${many ? `${t.includes(' ') ? `(${t})` : t}[]` : t};`);
    return;
  }
  const opt = optional || p.min === 0 || p.k === 'choice';
  for (const item of p.items) props(item, opt, out);
}

const lines: string[] = [
  '// Generated by scripts/generate-schema.ts from the official OSO gegevensset 2019.1 XSD. Do not edit.',
  '// Element names are the standard’s own. Booleans are booleans; every other value keeps its',
  '// lexical form as a string (dates as YYYY-MM-DD, codes such as "0.30" exactly as written).',
  '',
];
for (const t of Object.values(types)) {
  if (t.kind !== 'complex') continue;
  if (t.simpleContent && t.attributes.length === 0) continue;
  const alias = aliasOf.get(t.name);
  if (alias !== undefined) {
    lines.push(`export type ${iface(t.name)} = ${iface(alias)};`, '');
    continue;
  }
  lines.push(`export interface ${iface(t.name)} {`);
  if (t.simpleContent) lines.push(`  value: ${tsValueType(t.simpleContent)};`);
  for (const a of t.attributes) lines.push(`  ${a.name}${a.required ? '' : '?'}: string;`);
  if (t.content) {
    if (t.content.k === 'seq' && t.content.max === -1) {
      const inner: string[] = [];
      props({ ...t.content, max: 1, min: 1 }, false, inner);
      lines.push('  /** The repeated group of this block, in order. */');
      lines.push(`  items: Array<{\n${inner.map((l) => `  ${l}`).join('\n')}\n  }>;`);
    } else props(t.content, false, lines);
  }
  lines.push('}', '');
}
lines.push(`export interface GlobalElements {`);
for (const [n, t] of Object.entries(elements)) lines.push(`  ${n}: ${tsValueType(t)};`);
lines.push('}', '');

writeFileSync(
  resolve(root, 'src/standard/schema/xsd.generated.ts'),
  `// Generated by scripts/generate-schema.ts from the official OSO gegevensset 2019.1 XSD. Do not edit.\nimport type { SchemaDef } from './types.js';\n\nexport const SCHEMA: SchemaDef = ${JSON.stringify(schema, null, 1)};\n`,
);
writeFileSync(resolve(root, 'src/standard/model.generated.ts'), lines.join('\n'));
console.log(
  `schema: ${Object.keys(elements).length} global elements, ${Object.keys(types).length} types → src/standard/schema/xsd.generated.ts, src/standard/model.generated.ts`,
);
