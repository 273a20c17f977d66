/**
 * Small building blocks shared by the sections: addresses, contact details (secret ones masked),
 * attachments (listed, never inlined), badges.
 */
import { base64Size } from '../attachments/attachments.js';
import type { Adres, Communicatie, Document } from '../model.js';
import { coded, formatSize, type RenderContext } from './format.js';
import { type Child, fieldList, Html, html, isEmpty, join, table } from './html.js';
import { curatedLabel } from './labels.js';
import { T } from './texts.js';

const clean = (s: string | undefined) => (s ?? '').trim();

/** One address as lines: kind, street and number, postcode and town, municipality and country. */
export function addressBlock(a: Adres, ctx: RenderContext): Html {
  const kind = coded(19, a.soortadres, ctx);
  const aanduiding = a.aanduiding === undefined ? '' : `${coded(18, a.aanduiding, ctx, true)} `;
  const street = `${clean(a.straat)} ${aanduiding}${clean(a.nummer)}${clean(a.toevoeging) ? ` ${clean(a.toevoeging)}` : ''}`;
  const town = [clean(a.postcode), clean(a.plaats)].filter((s) => s).join(' ');
  const country =
    a.land === undefined
      ? ''
      : a.land.omschrijving
        ? `${a.land.omschrijving.trim()} (${clean(a.land.value)})`
        : clean(a.land.value);
  const gemeente = clean(a.gemeente);
  const extra = [gemeente ? `${ctx.lang === 'nl' ? 'gemeente' : 'municipality'} ${gemeente}` : '', country]
    .filter((s) => s)
    .join(' · ');
  return html`<div class="address"><span class="kind">${capitalise(kind)}</span><span>${street}</span>${
    clean(a.locatieomschrijving) ? html`<span>${clean(a.locatieomschrijving)}</span>` : ''
  }<span>${town}</span>${extra ? html`<span class="muted">${extra}</span>` : ''}</div>`;
}

/** The addresses of a person or institution, or "adres geheim" when the address is secret. */
export function addresses(
  list: readonly Adres[] | undefined,
  secret: boolean | undefined,
  ctx: RenderContext,
): Html {
  if (secret === true) return html`<p class="secret">${ctx.t(T.addressSecretNote)}</p>`;
  if (list === undefined || list.length === 0) return new Html('');
  return html`<div class="addresses">${list.map((a) => addressBlock(a, ctx))}</div>`;
}

/** One phone number or e-mail address; a secret one shows "geheim", never the number. */
export function communicatieItem(c: Communicatie, ctx: RenderContext): Html {
  const kind = coded(4, c.soort, ctx, true);
  const use = c.aanduiding === undefined ? '' : coded(5, c.aanduiding, ctx, true);
  const label = capitalise(use ? `${kind}, ${use}` : kind);
  const value =
    c.geheim === true
      ? html`<span class="secret">${ctx.t(T.secret)}</span>`
      : html`<span class="value">${clean(c.nummer)}</span>`;
  const tags = c.noodnummer === true ? html` <span class="tag">${ctx.t(T.emergency)}</span>` : '';
  return html`<li><span class="kind">${label}</span> ${value}${tags}</li>`;
}

export function communicatie(list: readonly Communicatie[] | undefined, ctx: RenderContext): Html {
  if (list === undefined || list.length === 0) return new Html('');
  return html`<ul class="contact">${list.map((c) => communicatieItem(c, ctx))}</ul>`;
}

/** A document as a line: file name, description, size. Its base64 content is never shown. */
export function documentItem(d: Document, ctx: RenderContext): Html {
  const size = formatSize(base64Size(d.bestandsinhoud), ctx.lang);
  return html`<li class="doc"><span class="file">${clean(d.bestandsnaam)}</span>${
    d.omschrijving ? html` <span class="desc">— ${clean(d.omschrijving)}</span>` : ''
  } <span class="size">(${size})</span></li>`;
}

export function documents(
  list: readonly (Document | undefined)[] | Document | undefined,
  ctx: RenderContext,
): Html {
  const docs = (Array.isArray(list) ? list : [list]).filter((d): d is Document => d !== undefined);
  if (docs.length === 0) return new Html('');
  return html`<ul class="docs" aria-label="${ctx.t(T.attachments)}">${docs.map((d) => documentItem(d, ctx))}</ul>`;
}

/** A table of documents (file name, description, size). */
export function documentTable(caption: Child, list: readonly Document[], ctx: RenderContext): Html {
  return table(
    caption,
    [ctx.t(T.colFile), ctx.t(T.colDescription), { label: ctx.t(T.colSize), numeric: true }],
    list.map((d) => [
      clean(d.bestandsnaam),
      clean(d.omschrijving),
      formatSize(base64Size(d.bestandsinhoud), ctx.lang),
    ]),
  );
}

/** A sub-heading and its content; nothing when the content is empty. */
export function subsection(title: Child, content: Child, level: 3 | 4 = 3): Html {
  if (isEmpty(content)) return new Html('');
  return level === 3
    ? html`<section class="sub"><h3>${title}</h3>${content}</section>`
    : html`<div class="subsub"><h4>${title}</h4>${content}</div>`;
}

/** A label for a field from the curated list, falling back to the element name. */
export function label(name: string, ctx: RenderContext, parent?: string): string {
  return curatedLabel(name, parent, ctx.lang) ?? capitalise(name.replace(/_/g, ' '));
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/** Several values in one cell, separated by line breaks. */
export function lines(values: readonly Child[]): Html {
  return join(values, new Html('<br>'));
}

/** A highlighted call-out (advice, warnings). */
export function callout(kind: 'info' | 'warn' | 'advice', content: Child): Html {
  return html`<div class="callout ${kind}">${content}</div>`;
}

export { fieldList };
