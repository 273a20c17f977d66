/**
 * Sections about the dossier and the people in it: Metadata, Ouderinzage, School, Leerling and
 * Ouders/verzorgers.
 */
import type { Dossier, Instelling, Leerling, Persoon, Verzorger } from '../model.js';
import { CATEGORIES } from '../profiles.js';
import { addresses, communicatie, label, subsection } from './blocks.js';
import {
  brinText,
  coded,
  formalName,
  formatBoolean,
  formatDate,
  formatYearMonth,
  hasCodeLabel,
  type RenderContext,
} from './format.js';
import { type Field, fieldList, type Html, html, isEmpty, join, prose } from './html.js';
import { DOSSIER_TYPE, genericValue, rest, typeAt } from './schema-walk.js';
import { T } from './texts.js';

const METADATA_TYPE = typeAt(DOSSIER_TYPE, ['metadata']);
const INZAGE_TYPE = typeAt(DOSSIER_TYPE, ['inzage']);
const SCHOOL_TYPE = typeAt(DOSSIER_TYPE, ['huidigeschool']);
export const LEERLING_TYPE = typeAt(SCHOOL_TYPE, ['leerling']);
const PERSOON_TYPE = typeAt(LEERLING_TYPE, ['huisarts']);
const VERZORGER_TYPE = typeAt(LEERLING_TYPE, ['verzorger']);
const INSTELLING_TYPE = typeAt(LEERLING_TYPE, ['aansprakelijkeinstelling']);
const GBA_TYPE = typeAt(LEERLING_TYPE, ['gba']);

const L = ['leerling', 'huidigeschool', 'dossier'];

export function metadataSection(d: Dossier, ctx: RenderContext): Html {
  const md = d.metadata;
  const rows: Field[] = [
    [label('overdrachtsoort', ctx), coded(29, d.overdrachtsoort, ctx)],
    [label('overstap', ctx), coded(16, md.overstap, ctx)],
    [label('deeldossier', ctx), coded(33, md.deeldossier, ctx)],
    [label('datum', ctx, 'metadata'), formatDate(md.datum, ctx.lang)],
    [
      label('pakketnaam', ctx),
      `${md.pakketnaam.trim()}, ${ctx.lang === 'nl' ? 'versie' : 'version'} ${md.pakketversie.trim()}`,
    ],
    [label('standaardversie', ctx), md.standaardversie.trim()],
    [label('validatieversie', ctx), md.validatieversie.trim()],
  ];
  const handled = [
    'deeldossier',
    'pakketnaam',
    'pakketversie',
    'datum',
    'standaardversie',
    'validatieversie',
  ];
  // categorie_uitlevering is the table "Inhoud van het dossier" at the top.
  return join([
    fieldList(rows),
    rest(md, METADATA_TYPE, ['metadata', 'dossier'], [...handled, 'overstap', 'categorie_uitlevering'], ctx),
  ]);
}

export function inzageSection(d: Dossier, ctx: RenderContext): Html {
  const iz = d.inzage;
  if (iz === undefined) return html``;
  const rows: Field[] = [
    [label('voorlopigdossier', ctx), formatBoolean(iz.voorlopigdossier, ctx)],
    [label('inzage', ctx, 'inzage'), formatBoolean(iz.inzage, ctx)],
    [label('inzagedatum', ctx), formatDate(iz.inzagedatum, ctx.lang)],
    [label('akkoord', ctx), coded(37, iz.akkoord, ctx)],
    [label('redennietakkoord', ctx), prose(iz.redennietakkoord)],
    [label('toestemming', ctx), coded(37, iz.toestemming, ctx)],
  ];
  const handled = ['voorlopigdossier', 'inzage', 'inzagedatum', 'akkoord', 'redennietakkoord', 'toestemming'];
  return join([fieldList(rows), rest(iz, INZAGE_TYPE, ['inzage', 'dossier'], handled, ctx)]);
}

/** Name, address and contact details of an institution (aansprakelijke instelling, stage, toets). */
export function institutionBlock(
  i: Instelling,
  ancestors: readonly string[],
  ctx: RenderContext,
  typeName = INSTELLING_TYPE,
): Html {
  return html`<div class="party"><p class="party-name">${i.naam.trim()}</p>${addresses(i.adreslijst?.adres, false, ctx)}${communicatie(
    i.communicatielijst?.communicatie,
    ctx,
  )}${rest(i, typeName, ancestors, ['naam', 'adreslijst', 'communicatielijst'], ctx)}</div>`;
}

export function schoolSection(d: Dossier, ctx: RenderContext): Html {
  const s = d.huidigeschool;
  const rows: Field[] = [
    [label('naam', ctx), s.naam.trim()],
    [
      `${label('brincode', ctx)} / ${label('vestigingscode', ctx).toLowerCase()}`,
      brinText(s.brincode, s.vestigingscode),
    ],
    [label('soort', ctx, 'huidigeschool'), s.soort?.trim()],
    [label('type', ctx), s.type?.trim()],
    [label('naamdirecteur', ctx), s.naamdirecteur?.trim()],
    [label('website', ctx), s.website?.trim()],
    [label('aanleverpunt', ctx), s.aanleverpunt.trim()],
  ];
  const handled = [
    'naam',
    'brincode',
    'vestigingscode',
    'soort',
    'type',
    'naamdirecteur',
    'website',
    'aanleverpunt',
  ];
  return join([
    fieldList(rows),
    subsection(ctx.t(T.addresses), addresses(s.adreslijst?.adres, false, ctx)),
    subsection(ctx.t(T.contact), communicatie(s.communicatielijst?.communicatie, ctx)),
    rest(
      s,
      SCHOOL_TYPE,
      ['huidigeschool', 'dossier'],
      [...handled, 'adreslijst', 'communicatielijst', 'leerling'],
      ctx,
    ),
  ]);
}

const NAME_FIELDS = ['voornaam', 'voorletters-1', 'voorvoegsel', 'achternaam', 'roepnaam'];

function nameRows(p: Persoon | Leerling | Verzorger, ctx: RenderContext, withName = true): Field[] {
  return [
    withName ? [ctx.t(T.colName), formalName(p)] : null,
    [label('roepnaam', ctx), p.roepnaam?.trim()],
    [label('voorletters-1', ctx), p['voorletters-1']?.trim()],
    [label('geslacht', ctx), coded(14, p.geslacht, ctx)],
  ];
}

/** The fields of the category Leerling (rows 1–19 of the standard's leerling table). */
const LEERLING_FIELDS: readonly string[] = (
  CATEGORIES.find((c) => c.field === 'cat_leerling')?.members ?? []
).map((m) => m.path[m.path.length - 1]);

export function leerlingSection(d: Dossier, ctx: RenderContext): Html {
  const l = d.huidigeschool.leerling;
  const secret = l.adresgeheim === true;
  const rows: Field[] = [
    ...nameRows(l, ctx),
    [label('geboortedatum', ctx), formatDate(l.geboortedatum, ctx.lang)],
    [label('geboortemaand', ctx), formatYearMonth(l.geboortemaand, ctx.lang)],
    [label('bsn', ctx), l.bsn?.trim()],
    [label('onderwijsnummer', ctx), l.onderwijsnummer?.trim()],
    [label('leerlingid', ctx), l.leerlingid?.trim()],
    [label('geboorteplaats', ctx), l.geboorteplaats?.trim()],
    [
      label('nationaliteit', ctx),
      join(
        (l.nationaliteit ?? []).map((n) =>
          genericValue(n, typeAt(LEERLING_TYPE, ['nationaliteit']), 'nationaliteit', L, ctx),
        ),
        ', ',
      ),
    ],
    [label('onderwijssinds', ctx), formatDate(l.onderwijssinds, ctx.lang)],
    [label('startdatumhuidigonderwijs', ctx), formatDate(l.startdatumhuidigonderwijs, ctx.lang)],
    [label('datuminschrijving', ctx), formatDate(l.datuminschrijving, ctx.lang)],
    [label('datumuitschrijving', ctx), formatDate(l.datumuitschrijving, ctx.lang)],
    [label('teruggeplaatstnaarbrin', ctx), l.teruggeplaatstnaarbrin?.trim()],
    [label('leerlinggewicht', ctx), coded(15, l.leerlinggewicht, ctx)],
    [label('nnca', ctx), coded(10, l.nnca, ctx)],
    [label('tehuis', ctx), formatBoolean(l.tehuis, ctx)],
    [label('adresgeheim', ctx), formatBoolean(l.adresgeheim, ctx)],
  ];
  const address = secret
    ? addresses(undefined, true, ctx)
    : join([
        addresses(l.adreslijst?.adres, false, ctx),
        fieldList([
          [label('adresbuitenland', ctx), join(l.adresbuitenland ?? [], ', ')],
          [label('postcode4adres', ctx), l.postcode4adres?.trim()],
        ]),
      ]);
  const gbaHandled = ['gbavoornaam', 'gbavoorvoegsel', 'gbaachternaam', 'gbageboortedatum'];
  const gba = l.gba
    ? join([
        fieldList([
          [label('gbavoornaam', ctx), l.gba.gbavoornaam.map((s) => s.trim()).join(' ')],
          [label('gbavoorvoegsel', ctx), l.gba.gbavoorvoegsel?.trim()],
          [label('gbaachternaam', ctx), l.gba.gbaachternaam.trim()],
          [label('gbageboortedatum', ctx), formatDate(l.gba.gbageboortedatum, ctx.lang)],
        ]),
        rest(l.gba, GBA_TYPE, ['gba', ...L], gbaHandled, ctx),
      ])
    : '';
  const handled = [
    ...NAME_FIELDS,
    'geslacht',
    'geboortedatum',
    'geboortemaand',
    'bsn',
    'onderwijsnummer',
    'leerlingid',
    'geboorteplaats',
    'nationaliteit',
    'onderwijssinds',
    'startdatumhuidigonderwijs',
    'datuminschrijving',
    'datumuitschrijving',
    'teruggeplaatstnaarbrin',
    'leerlinggewicht',
    'nnca',
    'tehuis',
    'adresgeheim',
    'adreslijst',
    'adresbuitenland',
    'postcode4adres',
    'communicatielijst',
    'gba',
    'huisarts',
  ];
  const notInCategory = Object.keys(l).filter((k) => !LEERLING_FIELDS.includes(k));
  return join([
    fieldList(rows),
    subsection(ctx.t(T.addresses), address),
    subsection(ctx.t(T.contact), communicatie(l.communicatielijst?.communicatie, ctx)),
    subsection(ctx.t(T.gba), gba),
    l.huisarts
      ? subsection(ctx.t(T.gp), personBlock(l.huisarts, PERSOON_TYPE, ['huisarts', ...L], [], ctx))
      : '',
    rest(l, LEERLING_TYPE, L, [...handled, ...notInCategory], ctx),
  ]);
}

/** A person (huisarts, verzorger): facts beside address (unless secret) and contact, then the rest. */
function personBlock(
  p: Persoon | Verzorger,
  typeName: string,
  ancestors: readonly string[],
  extra: Field[],
  ctx: RenderContext,
  options: { handled?: readonly string[]; withName?: boolean } = {},
): Html {
  const handled = [
    ...NAME_FIELDS,
    'geslacht',
    'adresgeheim',
    'adreslijst',
    'communicatielijst',
    ...(options.handled ?? []),
  ];
  const facts = fieldList(
    [
      ...nameRows(p, ctx, options.withName ?? true),
      ...extra,
      p.adresgeheim === true ? [label('adresgeheim', ctx), formatBoolean(true, ctx)] : null,
    ],
    'fields compact',
  );
  const contact = join([
    addresses(p.adreslijst?.adres, p.adresgeheim, ctx),
    communicatie(p.communicatielijst?.communicatie, ctx),
  ]);
  return join([
    html`<div class="person"><div class="person-facts">${facts}</div>${isEmpty(contact) ? '' : html`<div class="person-contact">${contact}</div>`}</div>`,
    rest(p, typeName, ancestors, handled, ctx),
  ]);
}

function verzorgerBlock(v: Verzorger, ctx: RenderContext): Html {
  const relation = coded(41, v.relatietotkind, ctx);
  const title = [formalName(v), hasCodeLabel(41, v.relatietotkind) ? relation.toLowerCase() : '']
    .filter((s) => s)
    .join(' · ');
  const extra: Field[] = [
    [label('relatietotkind', ctx), relation],
    [label('wettigevertegenwoordiger', ctx), formatBoolean(v.wettigevertegenwoordiger, ctx)],
    [label('overleden', ctx), formatBoolean(v.overleden, ctx)],
    [label('overlijdensdatum', ctx), formatDate(v.overlijdensdatum, ctx.lang)],
    [label('iban', ctx), v.iban?.trim()],
    [label('banknummer', ctx), v.banknummer?.trim()],
  ];
  const handled = [
    'relatietotkind',
    'wettigevertegenwoordiger',
    'overleden',
    'overlijdensdatum',
    'iban',
    'banknummer',
  ];
  const deceased = v.overleden === true ? html` <span class="tag">${ctx.t(T.deceased)}</span>` : '';
  return html`<section class="card"><h3>${title}${deceased}</h3>${personBlock(
    v,
    VERZORGER_TYPE,
    ['verzorger', ...L],
    extra,
    ctx,
    {
      handled,
      withName: false,
    },
  )}</section>`;
}

export function oudersSection(d: Dossier, ctx: RenderContext): Html {
  const l = d.huidigeschool.leerling;
  return join([
    fieldList([[label('verzorgersaansprakelijk', ctx), formatBoolean(l.verzorgersaansprakelijk, ctx)]]),
    html`<div class="cards">${(l.verzorger ?? []).map((v) => verzorgerBlock(v, ctx))}</div>`,
    l.aansprakelijkeinstelling
      ? subsection(
          ctx.t(T.responsibleInstitution),
          institutionBlock(l.aansprakelijkeinstelling, ['aansprakelijkeinstelling', ...L], ctx),
        )
      : '',
  ]);
}
