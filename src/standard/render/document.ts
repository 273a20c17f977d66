/**
 * The whole page: header with the key facts, the advice at a glance, the table of the sixteen
 * delivery categories, one section per category (empty ones collapsed to a single line), and a
 * list of every attachment.
 */

import { listAttachments } from '../attachments/attachments.js';
import { dutchDay } from '../dutch-day.js';
import type { Dossier } from '../model.js';
import { CATEGORIES, type Category, type CategoryField, PROFILES, type ProfileCode } from '../profiles.js';
import { callout, label } from './blocks.js';
import {
  brinText,
  coded,
  displayName,
  formalName,
  formatDate,
  formatSize,
  formatYearMonth,
  type RenderContext,
  renderContext,
} from './format.js';
import { type Field, fieldList, Html, html, isEmpty, join, table } from './html.js';
import { rest } from './schema-walk.js';
import { schoolloopbaanSection, vveSection } from './sections-career.js';
import {
  inzageSection,
  LEERLING_TYPE,
  leerlingSection,
  metadataSection,
  oudersSection,
  schoolSection,
} from './sections-people.js';
import { cijferlijstenSection, eindtoetsSection, toetsenSection } from './sections-results.js';
import {
  adviceTiles,
  adviesSection,
  handelingsplannenSection,
  ondersteuningSection,
  verzuimSection,
} from './sections-support.js';
import { bijlagenSection, vomboSection } from './sections-vombo.js';
import { STYLES } from './styles.js';
import { type RenderLang, T } from './texts.js';

export interface RenderOptions {
  /** Language of headings and fixed texts; the dossier's own data is shown as it is. Default `nl`. */
  lang?: RenderLang;
  /** The moment shown as "Weergave gemaakt op"; default now. */
  now?: Date;
  /**
   * Categories this reader may not see (e.g. support information): shown as "not shown to you",
   * whether or not the dossier holds data for them. The caller removes their data from the model.
   */
  withheld?: readonly CategoryField[];
}

type SectionRenderer = (d: Dossier, ctx: RenderContext) => Html;

const SECTIONS: Record<CategoryField, SectionRenderer> = {
  cat_metadata: metadataSection,
  cat_ouderinzage: inzageSection,
  cat_school: schoolSection,
  cat_leerling: leerlingSection,
  cat_oudersverzorgers: oudersSection,
  cat_vve: vveSection,
  cat_schoolloopbaan: schoolloopbaanSection,
  cat_overstapadvies: adviesSection,
  cat_onderwijsondersteuning: ondersteuningSection,
  cat_verzuim: verzuimSection,
  cat_eindtoetsbo: eindtoetsSection,
  cat_toetsresultaten: toetsenSection,
  cat_handelingsplannen: handelingsplannenSection,
  cat_cijferlijsten: cijferlijstenSection,
  cat_vombo: vomboSection,
  cat_bijlagedocs: bijlagenSection,
};

/** Categories that start on a new page when printed (the larger chapters). */
const NEW_PAGE = new Set<CategoryField>(['cat_metadata', 'cat_overstapadvies', 'cat_onderwijsondersteuning']);

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function valueAt(d: Dossier, path: readonly string[]): unknown {
  let v: unknown = d;
  for (const p of path) {
    if (v === undefined || v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

export type CategoryStatus = 'delivered' | 'opt-out' | 'forbidden' | 'empty' | 'unknown' | 'withheld';

export interface CategoryState {
  category: Category;
  /** The value declared in `categorie_uitlevering`, if any. */
  declared?: string;
  /** Whether the dossier holds any element of the category. */
  hasData: boolean;
  status: CategoryStatus;
}

/** What the dossier declares and holds for each of the sixteen categories. */
export function categoryStates(d: Dossier): CategoryState[] {
  const decl = d.metadata.categorie_uitlevering as Record<string, string> | undefined;
  return CATEGORIES.map((category) => {
    const declared = decl?.[category.field]?.trim();
    const hasData = category.members.some((m) => present(valueAt(d, m.path)));
    let status: CategoryStatus;
    if (declared === 'OPT-UIT') status = 'opt-out';
    else if (declared === 'VERBODEN') status = 'forbidden';
    else if (declared === undefined || declared === 'VERPLICHT' || declared === 'OPTIONEEL')
      status = hasData ? 'delivered' : 'empty';
    else status = 'unknown';
    return { category, declared, hasData, status };
  });
}

function statusText(s: CategoryState, ctx: RenderContext): string {
  switch (s.status) {
    case 'delivered':
      return s.declared === undefined
        ? ctx.t(T.statusDelivered)
        : `${ctx.t(T.statusDelivered)} (${ctx.t(s.declared === 'VERPLICHT' ? T.statusRequired : T.statusOptional)})`;
    case 'opt-out':
      return ctx.t(T.statusOptOut);
    case 'withheld':
      return ctx.t(T.statusWithheld);
    case 'forbidden':
      return ctx.t(T.statusForbidden);
    case 'empty':
      return s.declared === undefined ? ctx.t(T.statusUndeclared) : ctx.t(T.statusNoData);
    default:
      return ctx.t(T.statusUnknownValue(s.declared ?? ''));
  }
}

const anchor = (field: string) => `deel-${field.replace(/^cat_/, '')}`;

function profileCode(d: Dossier): ProfileCode | undefined {
  const soort = d.overdrachtsoort.trim();
  const overstap = d.metadata.overstap?.trim();
  if (soort === 'overdrachtbinnenbrin') return 'BB';
  if (soort === 'overstapdossier' && (overstap === 'POPO' || overstap === 'POVO' || overstap === 'VOVO'))
    return overstap;
  if (soort === 'swv-dossier' && (overstap === 'POSWV' || overstap === 'VOSWV')) return overstap;
  return undefined;
}

function purpose(d: Dossier) {
  const soort = d.overdrachtsoort.trim();
  return soort === 'swv-dossier'
    ? T.purposeSwv
    : soort === 'overdrachtbinnenbrin'
      ? T.purposeWithinBrin
      : T.purposeTransfer;
}

function header(d: Dossier, ctx: RenderContext, now: Date): Html {
  const s = d.huidigeschool;
  const l = s.leerling;
  const iz = d.inzage;
  const profile = profileCode(d);
  const transfer = profile
    ? `${ctx.t(PROFILES[profile].label)} (${profile})`
    : [coded(16, d.metadata.overstap, ctx), coded(29, d.overdrachtsoort, ctx)].filter((x) => x).join(' · ');
  const inspection = iz?.inzage
    ? [
        ctx.t(T.inspectedOn(formatDate(iz.inzagedatum, ctx.lang) || '?')),
        iz.akkoord ? ctx.t(T.agreed(coded(37, iz.akkoord, ctx))) : '',
      ]
        .filter((x) => x)
        .join('; ')
    : iz
      ? ctx.t(T.notInspected)
      : '';
  const facts: Field[] = [
    l.geboortedatum
      ? [ctx.t(T.birthDate), formatDate(l.geboortedatum, ctx.lang)]
      : [ctx.t(T.birthMonth), formatYearMonth(l.geboortemaand, ctx.lang)],
    [ctx.t(T.school), `${s.naam.trim()} (${brinText(s.brincode, s.vestigingscode)})`],
    [ctx.t(T.transfer), transfer],
    [ctx.t(T.dossierDate), formatDate(d.metadata.datum, ctx.lang)],
    [ctx.t(T.inspection), inspection],
  ];
  const name = displayName(l);
  const formal = formalName(l);
  return html`<header class="doc-header">
<p class="kicker">${ctx.t(T.kicker)}</p>
<h1>${name}</h1>
${formal !== name ? html`<p class="formal-name">${formal}</p>` : ''}
${fieldList(facts, 'facts')}
<p class="note">${ctx.t(T.note(s.naam.trim(), purpose(d)))}</p>
${iz?.voorlopigdossier ? callout('warn', ctx.t(T.provisional)) : ''}
<p class="generated">${ctx.t(T.generatedOn(formatDate(dutchDay(now), ctx.lang)))}</p>
</header>`;
}

function adviceSummary(d: Dossier, ctx: RenderContext): Html {
  const a = d.huidigeschool.leerling.overstapadvies;
  if (a === undefined) return new Html('');
  const tiles = adviceTiles(a, ctx);
  if (isEmpty(tiles)) return new Html('');
  return html`<section class="summary" aria-labelledby="samenvatting-advies"><h2 id="samenvatting-advies">${ctx.t(T.adviceSummary)}</h2>${tiles}${
    a.aandachtspunten
      ? html`<p class="summary-note"><strong>${label('aandachtspunten', ctx)}:</strong> ${a.aandachtspunten.trim()}</p>`
      : ''
  }</section>`;
}

function contents(states: CategoryState[], shown: Set<string>, ctx: RenderContext): Html {
  const rows = states.map((s) => {
    const name = ctx.t(s.category.label);
    const link = shown.has(s.category.field)
      ? html`<a href="#${anchor(s.category.field)}">${name}</a>`
      : name;
    return [
      String(s.category.number),
      link,
      html`<span class="status ${s.status}${s.hasData && s.status !== 'delivered' ? ' conflict' : ''}">${statusText(s, ctx)}</span>`,
    ];
  });
  return html`<section class="contents" aria-labelledby="inhoud"><h2 id="inhoud">${ctx.t(T.contents)}</h2><p class="muted">${ctx.t(
    T.contentsIntro,
  )}</p>${table('', [{ label: ctx.t(T.colNumber), numeric: true }, ctx.t(T.colPart), ctx.t(T.colDelivery)], rows, 'contents-table')}</section>`;
}

function categorySection(d: Dossier, s: CategoryState, ctx: RenderContext): { html: Html; full: boolean } {
  const id = anchor(s.category.field);
  const title = html`<span class="num">${s.category.number}</span> ${ctx.t(s.category.label)}`;
  const body = s.hasData ? SECTIONS[s.category.field](d, ctx) : new Html('');
  if (isEmpty(body)) {
    return {
      html: html`<section class="category collapsed" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2><p class="status ${s.status}">${statusText(s, ctx)}</p></section>`,
      full: false,
    };
  }
  const warning =
    s.status === 'opt-out' || s.status === 'forbidden' || s.status === 'unknown'
      ? callout('warn', ctx.t(T.dataDespite(s.declared ?? '')))
      : '';
  const cls = `category${NEW_PAGE.has(s.category.field) ? ' new-page' : ''}`;
  return {
    html: html`<section class="${cls}" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${warning}${body}</section>`,
    full: true,
  };
}

/** Leerling fields that no category claims: shown at the end, so nothing is lost. */
function uncategorised(d: Dossier, ctx: RenderContext): Html {
  const claimed = new Set(
    CATEGORIES.flatMap((c) => c.members.filter((m) => m.path.length >= 3).map((m) => m.path[2])),
  );
  const l = d.huidigeschool.leerling as unknown as Record<string, unknown>;
  const handled = Object.keys(l).filter((k) => claimed.has(k));
  const body = rest(l, LEERLING_TYPE, ['leerling', 'huidigeschool', 'dossier'], handled, ctx);
  if (isEmpty(body)) return new Html('');
  return html`<section class="category"><h2>${ctx.t(T.uncategorised)}</h2>${body}</section>`;
}

function attachmentsAppendix(d: Dossier, ctx: RenderContext): Html {
  const list = listAttachments(d);
  const categoryName = (field: string) => {
    const c = CATEGORIES.find((x) => x.field === field);
    return c ? ctx.t(c.label) : field;
  };
  const body =
    list.length === 0
      ? html`<p>${ctx.t(T.noAttachments)}</p>`
      : table(
          '',
          [
            ctx.t(T.colFile),
            ctx.t(T.colDescription),
            ctx.t(T.colPart),
            { label: ctx.t(T.colSize), numeric: true },
          ],
          list.map((a) => [
            a.bestandsnaam.trim(),
            a.omschrijving?.trim(),
            categoryName(a.category),
            formatSize(a.size, ctx.lang),
          ]),
          'attachments',
        );
  return html`<section class="appendix${list.length > 0 ? ' new-page' : ''}" id="bijlagen" aria-labelledby="bijlagen-h"><h2 id="bijlagen-h">${ctx.t(
    T.allAttachments,
  )}</h2><p class="muted">${ctx.t(T.allAttachmentsIntro)}</p>${body}</section>`;
}

/** The dossier as one self-contained HTML page (inline CSS, no scripts, nothing external). */
export function renderDossierHtml(dossier: Dossier, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const ctx = renderContext(lang);
  const now = options.now ?? new Date();
  const withheld = new Set(options.withheld ?? []);
  const states = categoryStates(dossier).map(
    (s): CategoryState => (withheld.has(s.category.field) ? { ...s, hasData: false, status: 'withheld' } : s),
  );
  const sections = states.map((s) => ({ state: s, ...categorySection(dossier, s, ctx) }));
  const shown = new Set(sections.map((s) => s.state.category.field));
  const title = `${ctx.t(T.docTitle)} · ${displayName(dossier.huidigeschool.leerling)}`;
  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${new Html(STYLES)}</style>
</head>
<body>
<main>
${header(dossier, ctx, now)}
${withheld.size > 0 ? callout('info', ctx.t(T.withheldNote)) : ''}
${adviceSummary(dossier, ctx)}
${contents(states, shown, ctx)}
${join(sections.map((s) => s.html))}
${uncategorised(dossier, ctx)}
${attachmentsAppendix(dossier, ctx)}
</main>
</body>
</html>
`;
  return page.value;
}
