import { automatonOf, type ComplexTypeDef, typeDef } from '../schema/index.js';
import { textOf, type XElement } from '../xml/tree.js';

/**
 * Builds the typed model from an element tree that has passed the schema check. Driven by the
 * compiled schema: repeated elements become arrays, booleans become booleans, every other value
 * keeps its lexical form (white space collapsed for non-string types).
 */
export function elementToModel(el: XElement, typeName: string): unknown {
  const t = typeDef(typeName);
  if (t.kind === 'simple') return simpleValue(textOf(el), t.base);
  if (t.simpleContent !== undefined) {
    const vt = typeDef(t.simpleContent);
    const value = simpleValue(textOf(el), vt.kind === 'simple' ? vt.base : 'string');
    if (t.attributes.length === 0) return value;
    const out: Record<string, unknown> = { value };
    for (const a of t.attributes) if (el.attrs && a.name in el.attrs) out[a.name] = el.attrs[a.name];
    return out;
  }
  return complexToModel(el, t);
}

function simpleValue(raw: string, base: string): unknown {
  if (base === 'string') return raw;
  const v = raw.trim();
  if (base === 'boolean') return v === 'true' || v === '1';
  return v;
}

function complexToModel(el: XElement, t: ComplexTypeDef): Record<string, unknown> {
  const a = automatonOf(t);
  const repeated = t.content !== null && t.content.k === 'seq' && t.content.max === -1;
  const out: Record<string, unknown> = {};
  let target = out;
  const items: Array<Record<string, unknown>> = [];
  const firstName = repeated && t.content?.k === 'seq' ? firstElementName(t) : undefined;
  let state = 0;
  for (const child of el.children) {
    const next = a.follow[state].get(child.name);
    if (next === undefined)
      throw new Error(`model: <${child.name}> not allowed in ${t.name} (tree not schema-valid)`);
    state = next;
    const p = a.positions[next - 1];
    if (repeated && child.name === firstName) {
      target = {};
      items.push(target);
    }
    const value = elementToModel(child, p.type);
    if (p.max === -1) {
      const arr = target[p.name] as unknown[] | undefined;
      if (arr) arr.push(value);
      else target[p.name] = [value];
    } else target[p.name] = value;
  }
  if (repeated) out.items = items;
  return out;
}

function firstElementName(t: ComplexTypeDef): string {
  const seq = t.content;
  if (seq?.k !== 'seq' || seq.items[0]?.k !== 'e' || seq.items[0].min !== 1) {
    throw new Error(`model: repeated content of ${t.name} must start with a required element`);
  }
  return seq.items[0].name;
}
