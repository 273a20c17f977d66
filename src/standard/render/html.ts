/**
 * A tiny HTML builder that escapes by default. Every value that is not already `Html` is escaped
 * when it is put into markup, so a name like `<script>` in a dossier renders as text. Only the
 * renderer's own markup is ever wrapped as `Html`.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Anything that may go into markup: escaped text, numbers, nested markup, lists, or nothing. */
export type Child = Html | string | number | null | undefined | false | readonly Child[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function serialize(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return;
  if (child instanceof Html) out.push(child.value);
  else if (typeof child === 'string') out.push(escapeHtml(child));
  else if (typeof child === 'number') out.push(escapeHtml(String(child)));
  else for (const c of child) serialize(c, out);
}

/** Markup from a template: the literal parts are trusted, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  const out: string[] = [strings[0]];
  for (let i = 0; i < values.length; i++) {
    serialize(values[i], out);
    out.push(strings[i + 1]);
  }
  return new Html(out.join(''));
}

/** Joins children into one piece of markup. */
export function join(children: readonly Child[], separator: Child = ''): Html {
  const out: string[] = [];
  let first = true;
  for (const c of children) {
    if (c === null || c === undefined || c === false || c === '') continue;
    if (Array.isArray(c) && c.length === 0) continue;
    if (!first) serialize(separator, out);
    serialize(c, out);
    first = false;
  }
  return new Html(out.join(''));
}

/** Whether a child renders to nothing. */
export function isEmpty(child: Child): boolean {
  if (child === null || child === undefined || child === false || child === '') return true;
  if (child instanceof Html) return child.value === '';
  if (Array.isArray(child)) return child.every(isEmpty);
  return false;
}

/** One row of a field list: a label and a value; rows with an empty value are left out. */
export type Field = readonly [label: string, value: Child] | null | undefined | false;

/** A `<dl>` of label/value pairs (each pair wrapped in a `<div>`, as HTML allows). */
export function fieldList(fields: readonly Field[], className = 'fields'): Html {
  const rows = fields.filter((f): f is readonly [string, Child] => !!f && !isEmpty(f[1]));
  if (rows.length === 0) return new Html('');
  return html`<dl class="${className}">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

export interface Column {
  label: string;
  /** Right-align numbers. */
  numeric?: boolean;
  /** Keep the cell on one line (dates, periods). */
  nowrap?: boolean;
}

export interface TableOptions {
  className?: string;
  /** The first cell of each row is its header (`scope="row"`); default true. */
  rowHeader?: boolean;
}

/** A cell that is empty on purpose (no dash). */
export const BLANK = new Html('<span class="blank"></span>');

/**
 * A data table with a caption, column headers (`scope="col"`) and, by default, the first cell of
 * each row as its row header (`scope="row"`). Columns that are empty in every row are left out.
 */
export function table(
  caption: Child,
  columns: readonly (Column | string)[],
  rows: readonly Child[][],
  options: TableOptions | string = {},
): Html {
  if (rows.length === 0) return new Html('');
  const opts = typeof options === 'string' ? { className: options } : options;
  const rowHeader = opts.rowHeader ?? true;
  const cols = columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const keep = cols.map(
    (_, i) => (i === 0 && rowHeader) || rows.some((r) => !isEmpty(r[i]) && r[i] !== BLANK),
  );
  const cls = (c: Column) => {
    const names = [c.numeric ? 'num' : '', c.nowrap ? 'nowrap' : ''].filter((x) => x);
    return names.length ? ` class="${names.join(' ')}"` : '';
  };
  const head = cols
    .map((c, i) => (keep[i] ? `<th scope="col"${cls(c)}>${escapeHtml(c.label)}</th>` : ''))
    .join('');
  const body = rows.map((r) => {
    const cells = cols.map((col, i) => {
      if (!keep[i]) return '';
      const cell = r[i];
      const content = isEmpty(cell) ? '<span class="none">–</span>' : html`${cell}`.value;
      return i === 0 && rowHeader
        ? `<th scope="row"${cls(col)}>${content}</th>`
        : `<td${cls(col)}>${content}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const captionHtml = isEmpty(caption) ? '' : html`<caption>${caption}</caption>`.value;
  const classAttr = opts.className ? ` class="${escapeHtml(opts.className)}"` : '';
  return new Html(
    `<div class="table-wrap${rows.length <= 12 ? ' keep' : ''}"><table${classAttr}>${captionHtml}<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`,
  );
}

/** Free text from the dossier: line breaks kept, white space at the ends removed. */
export function prose(text: string | undefined): Html {
  if (text === undefined || text.trim() === '') return new Html('');
  return html`<p class="prose">${text.trim()}</p>`;
}
