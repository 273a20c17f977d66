/**
 * The generic renderer: walks any part of the model along the compiled schema and shows every
 * field with a label (curated, or taken from the schema's own documentation). The sections use
 * it for whatever they do not show specifically, so nothing in a dossier is silently hidden —
 * except secret contact data and the base64 content of attachments, which are never shown.
 */
import type { Adres, Communicatie, Document } from '../model.js';
import { SCHEMA, typeDef } from '../schema/index.js';
import type { Particle } from '../schema/types.js';
import { addresses, capitalise, communicatie, documents } from './blocks.js';
import {
  codelistOf,
  formatBoolean,
  formatCode,
  formatDate,
  formatYearMonth,
  type RenderContext,
} from './format.js';
import { type Child, type Field, fieldList, Html, html, isEmpty, join } from './html.js';
import { curatedLabel } from './labels.js';
import { T } from './texts.js';

export interface SchemaField {
  name: string;
  type: string;
  doc?: string;
  many: boolean;
}

const fieldCache = new Map<string, SchemaField[]>();

/** The child elements of a complex type in schema order (groups flattened). */
export function fieldsOf(typeName: string): SchemaField[] {
  let fields = fieldCache.get(typeName);
  if (fields !== undefined) return fields;
  fields = [];
  const t = typeDef(typeName);
  const seen = new Set<string>();
  const collect = (p: Particle, many: boolean) => {
    if (p.k === 'e') {
      if (!seen.has(p.name))
        fields?.push({ name: p.name, type: p.type, doc: p.doc, many: many || p.max === -1 });
      seen.add(p.name);
    } else for (const i of p.items) collect(i, many || p.max === -1);
  };
  if (t.kind === 'complex' && t.content !== null) {
    // A repeated top-level sequence becomes `items` in the model; its fields are per item.
    collect(t.content, false);
  }
  fieldCache.set(typeName, fields);
  return fields;
}

/** Whether a complex type's content is a repeated sequence (the model holds `items`). */
export function isRepeatedGroup(typeName: string): boolean {
  const t = typeDef(typeName);
  return t.kind === 'complex' && t.content !== null && t.content.k === 'seq' && t.content.max === -1;
}

export const DOSSIER_TYPE = SCHEMA.elements.dossier;
const DOCUMENT_TYPE = SCHEMA.elements.document;
const COMMUNICATIE_TYPE = SCHEMA.elements.communicatie;
const ADRES_TYPE = SCHEMA.elements.adres;

/** The type of child `name` of a complex type. */
export function childType(typeName: string, name: string): string {
  const f = fieldsOf(typeName).find((x) => x.name === name);
  if (f === undefined) throw new Error(`render: ${typeName} has no child ${name}`);
  return f.type;
}

/** The type reached by following a path of child names from a type. */
export function typeAt(typeName: string, path: readonly string[]): string {
  return path.reduce((t, name) => childType(t, name), typeName);
}

/** A short label from the schema documentation: its first sentence, if short enough. */
function docLabel(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  const first = doc
    .split(/(?<=[.?])\s+(?=[A-Z“"])/)[0]
    .replace(/[.…]+$/, '')
    .trim();
  return first.length > 0 && first.length <= 60 ? capitalise(first) : undefined;
}

export function fieldLabel(f: SchemaField, parent: string | undefined, ctx: RenderContext): string {
  return curatedLabel(f.name, parent, ctx.lang) ?? docLabel(f.doc) ?? capitalise(f.name.replace(/_/g, ' '));
}

type Obj = Record<string, unknown>;

/** Fields hidden when a person's address is secret. */
const ADDRESS_FIELDS = new Set(['adreslijst', 'adresbuitenland', 'postcode4adres']);

/** One value of a field, rendered by its schema type. */
export function genericValue(
  value: unknown,
  typeName: string,
  name: string,
  ancestors: readonly string[],
  ctx: RenderContext,
): Child {
  if (value === undefined || value === null) return null;
  if (typeName === DOCUMENT_TYPE) return documents(value as Document, ctx);
  if (typeName === COMMUNICATIE_TYPE) return communicatie([value as Communicatie], ctx);
  if (typeName === ADRES_TYPE) return addresses([value as Adres], false, ctx);
  const t = typeDef(typeName);
  if (t.kind === 'simple' || typeof value !== 'object') {
    const base = t.kind === 'simple' ? t.base : 'string';
    if (typeof value === 'boolean') return formatBoolean(value, ctx);
    const text = String(value);
    if (base === 'date') return formatDate(text, ctx.lang);
    if (typeName === 'geboortemaandType') return formatYearMonth(text, ctx.lang);
    if (name === 'gbageboortedatum') return formatDate(text, ctx.lang);
    const list = codelistOf(name, ancestors);
    if (list !== undefined) return formatCode(list, text, ctx);
    const trimmed = text.trim();
    return trimmed.includes('\n') ? html`<span class="prose">${trimmed}</span>` : trimmed;
  }
  const obj = value as Obj;
  if (t.simpleContent !== undefined) {
    // Text with attributes (land, nationaliteit): "omschrijving (code)".
    const v = String(obj.value ?? '').trim();
    const desc = typeof obj.omschrijving === 'string' ? obj.omschrijving.trim() : '';
    return desc ? `${desc} (${v})` : v;
  }
  return genericBlock(obj, typeName, [name, ...ancestors], ctx, []);
}

/** The present fields of an object as label/value rows, skipping `skip`. */
export function genericFields(
  obj: Obj,
  typeName: string,
  ancestors: readonly string[],
  ctx: RenderContext,
  skip: readonly string[] = [],
): Field[] {
  const rows: Field[] = [];
  const secret = obj.adresgeheim === true;
  let secretShown = false;
  for (const f of fieldsOf(typeName)) {
    if (skip.includes(f.name) || f.name === 'bestandsinhoud') continue;
    const v = obj[f.name];
    if (v === undefined || v === null) continue;
    if (secret && ADDRESS_FIELDS.has(f.name)) {
      if (!secretShown)
        rows.push([ctx.t(T.addresses), html`<span class="secret">${ctx.t(T.addressSecret)}</span>`]);
      secretShown = true;
      continue;
    }
    const values = Array.isArray(v) ? v : [v];
    if (values.length === 0) continue;
    const rendered = values.map((x) => genericValue(x, f.type, f.name, ancestors, ctx));
    const simple = values.every((x) => typeof x !== 'object');
    rows.push([fieldLabel(f, ancestors[0], ctx), simple ? join(rendered, ', ') : join(rendered)]);
  }
  return rows;
}

/** An object as a field list; a repeated group (`items`) as one list per item. */
export function genericBlock(
  obj: Obj,
  typeName: string,
  ancestors: readonly string[],
  ctx: RenderContext,
  skip: readonly string[],
): Html {
  if (isRepeatedGroup(typeName) && Array.isArray(obj.items)) {
    return join(
      (obj.items as Obj[]).map((item) =>
        fieldList(genericFields(item, typeName, ancestors, ctx, skip), 'fields nested'),
      ),
    );
  }
  return fieldList(genericFields(obj, typeName, ancestors, ctx, skip), 'fields nested');
}

/**
 * The fields a section did not show itself, under "Overige gegevens"; nothing when there are none.
 * `handled` names the fields the section rendered.
 */
export function rest(
  obj: object | undefined,
  typeName: string,
  ancestors: readonly string[],
  handled: readonly string[],
  ctx: RenderContext,
): Html {
  if (obj === undefined) return new Html('');
  const rows = genericFields(obj as Obj, typeName, ancestors, ctx, handled);
  if (rows.length === 0) return new Html('');
  const list = fieldList(rows);
  return isEmpty(list)
    ? new Html('')
    : html`<div class="rest"><p class="rest-title">${ctx.t(T.otherData)}</p>${list}</div>`;
}

/**
 * For items shown as table rows: the fields of each item that the table has no column for,
 * numbered like the rows; nothing when the table showed everything.
 */
export function restItems(
  items: readonly object[] | undefined,
  typeName: string,
  ancestors: readonly string[],
  handled: readonly string[],
  ctx: RenderContext,
): Html {
  if (items === undefined) return new Html('');
  const parts = items.map((item, i) => {
    const rows = genericFields(item as Obj, typeName, ancestors, ctx, handled);
    return rows.length === 0 ? '' : html`<p class="rest-item">${ctx.t(T.item(i + 1))}</p>${fieldList(rows)}`;
  });
  if (parts.every((p) => p === '')) return new Html('');
  return html`<div class="rest"><p class="rest-title">${ctx.t(T.otherData)}</p>${parts}</div>`;
}
