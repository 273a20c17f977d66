/**
 * Sections about advice and support: Overstapadvies, Onderwijsondersteuning, Verzuim and
 * Handelingsplannen.
 */
import type { Dossier, Overstapadvies } from '../model.js';
import { callout, documents, label, lines, subsection } from './blocks.js';
import { brinText, coded, formatBoolean, formatDate, formatPeriod, type RenderContext } from './format.js';
import { type Field, fieldList, Html, html, join, prose, table } from './html.js';
import { rest, restItems, typeAt } from './schema-walk.js';
import { LEERLING_TYPE } from './sections-people.js';
import { T } from './texts.js';

const L = ['leerling', 'huidigeschool', 'dossier'];
const OO = ['onderwijsondersteuning', ...L];
const ADVIES_TYPE = typeAt(LEERLING_TYPE, ['overstapadvies']);
const OO_TYPE = typeAt(LEERLING_TYPE, ['onderwijsondersteuning']);
const at = (...path: string[]) => typeAt(OO_TYPE, path);

/** The advice codes, large: school advice first, then revised advice and the wishes. */
export function adviceTiles(a: Overstapadvies, ctx: RenderContext): Html {
  const tile = (title: string, code: string | undefined, main = false, note?: string) =>
    code === undefined
      ? ''
      : html`<div class="tile${main ? ' main' : ''}"><span class="k">${title}</span><span class="v">${coded(2, code, ctx)}</span>${
          note ? html`<span class="n">${note}</span>` : ''
        }</div>`;
  const tiles = [
    tile(ctx.t(T.schoolAdvice), a.advies, true),
    tile(ctx.t(T.revisedAdvice), a.herzienadvies, true, a.motivatie_herzienadvies?.trim()),
    tile(ctx.t(T.parentsWish), a.wensouders),
    tile(ctx.t(T.pupilWish), a.wensleerling),
  ].filter((x) => x !== '');
  return tiles.length === 0 ? new Html('') : html`<div class="tiles">${tiles}</div>`;
}

export function adviesSection(d: Dossier, ctx: RenderContext): Html {
  const a = d.huidigeschool.leerling.overstapadvies;
  if (a === undefined) return new Html('');
  const contactRows: Field[] = [
    [label('contactpersoon', ctx), a.contactpersoon?.trim()],
    [label('contacttelefoon', ctx), a.contacttelefoon?.trim()],
    [label('contactemail', ctx), a.contactemail?.trim()],
  ];
  const contactText =
    a.contactnodig === undefined
      ? ''
      : html`<p class="lead">${ctx.t(a.contactnodig ? T.contactNeeded : T.contactNotNeeded)}</p>`;
  const handled = [
    'advies',
    'wensouders',
    'wensleerling',
    'herzienadvies',
    'motivatie_herzienadvies',
    'profiel',
    'argumentatie',
    'contactnodig',
    'contactpersoon',
    'contacttelefoon',
    'contactemail',
    'aandachtspunten',
  ];
  return join([
    adviceTiles(a, ctx),
    fieldList([[label('profiel', ctx), coded(21, a.profiel, ctx)]]),
    subsection(ctx.t(T.argumentation), prose(a.argumentatie)),
    a.aandachtspunten ? subsection(ctx.t(T.attentionPoints), callout('warn', prose(a.aandachtspunten))) : '',
    a.contactnodig !== undefined || a.contactpersoon || a.contacttelefoon || a.contactemail
      ? subsection(ctx.t(T.contactWish), join([contactText, fieldList(contactRows)]))
      : '',
    rest(a, ADVIES_TYPE, ['overstapadvies', ...L], handled, ctx),
  ]);
}

export function ondersteuningSection(d: Dossier, ctx: RenderContext): Html {
  const o = d.huidigeschool.leerling.onderwijsondersteuning;
  if (o === undefined) return new Html('');
  const diagnoses = o.diagnose ?? [];
  const diagnoseTable = table(
    ctx.t(T.diagnoses),
    [
      ctx.t(T.colDiagnosis),
      label('naam', ctx, 'diagnose'),
      { label: ctx.t(T.colDate), nowrap: true },
      ctx.t(T.colBy),
      ctx.t(T.colDocuments),
    ],
    diagnoses.map((x) => [
      lines(x.code.map((c) => coded(23, c, ctx))),
      x.naam?.trim(),
      formatDate(x.datum, ctx.lang),
      lines([x.doorwie?.trim(), x.instantie?.trim()]),
      documents(x.document, ctx),
    ]),
    'diagnoses',
  );
  const tlvs = o.tlv ?? [];
  const tlvTable = table(
    ctx.t(T.tlv),
    [
      ctx.t(T.colPeriod),
      label('tlvcategorie', ctx),
      label('tlvswvnummer', ctx),
      label('tlvbeschikkingsnummer', ctx),
      ctx.t(T.colDocuments),
    ],
    tlvs.map((x) => [
      formatPeriod(x.tlvingangdatum, x.tlveinddatum, ctx.lang),
      coded(31, x.tlvcategorie, ctx),
      x.tlvswvnummer.trim(),
      x.tlvbeschikkingsnummer.trim(),
      documents(x.document, ctx),
    ]),
  );
  const c12 = o.arrangement_cluster12 ?? [];
  const pao = o.arrangement_pao ?? [];
  const lwoo = o.lwoo;
  const rvc = o.rvc;
  const opp = o.opp;
  const handled = [
    'toelichting_onderwijsbehoeften',
    'diagnose',
    'medicijngebruik',
    'handelingsplan',
    'opp',
    'tlv',
    'arrangement_cluster12',
    'arrangement_pao',
    'lwoo',
    'rvc',
  ];
  return join([
    o.toelichting_onderwijsbehoeften
      ? subsection(ctx.t(T.educationalNeeds), documents(o.toelichting_onderwijsbehoeften.document, ctx))
      : '',
    diagnoses.length
      ? subsection(
          ctx.t(T.diagnoses),
          join([
            diagnoseTable,
            restItems(
              diagnoses,
              at('diagnose'),
              ['diagnose', ...OO],
              ['code', 'naam', 'datum', 'doorwie', 'instantie', 'document'],
              ctx,
            ),
          ]),
        )
      : '',
    fieldList([[label('medicijngebruik', ctx), formatBoolean(o.medicijngebruik, ctx)]]),
    opp
      ? subsection(
          ctx.t(T.opp),
          join([
            fieldList([[ctx.t(T.colPeriod), formatPeriod(opp.opp_ingangdatum, opp.opp_einddatum, ctx.lang)]]),
            documents(opp.document, ctx),
            rest(opp, at('opp'), ['opp', ...OO], ['opp_ingangdatum', 'opp_einddatum', 'document'], ctx),
          ]),
        )
      : '',
    tlvs.length
      ? subsection(
          ctx.t(T.tlv),
          join([
            tlvTable,
            restItems(
              tlvs,
              at('tlv'),
              ['tlv', ...OO],
              [
                'tlvingangdatum',
                'tlveinddatum',
                'tlvcategorie',
                'tlvswvnummer',
                'tlvbeschikkingsnummer',
                'document',
              ],
              ctx,
            ),
          ]),
        )
      : '',
    c12.length
      ? subsection(
          ctx.t(T.arrangementsCluster12),
          join([
            table(
              ctx.t(T.arrangementsCluster12),
              [label('arrangement_datum', ctx), label('arrangement_brin', ctx)],
              c12.map((x) => [
                formatDate(x.arrangement_datum, ctx.lang),
                brinText(x.arrangement_brin, x.arrangement_vestigingscode),
              ]),
            ),
            restItems(
              c12,
              at('arrangement_cluster12'),
              ['arrangement_cluster12', ...OO],
              ['arrangement_datum', 'arrangement_brin', 'arrangement_vestigingscode'],
              ctx,
            ),
          ]),
        )
      : '',
    pao.length
      ? subsection(
          ctx.t(T.arrangementsPao),
          join([
            table(
              ctx.t(T.arrangementsPao),
              [
                ctx.t(T.colPeriod),
                label('arrangement_kenmerk', ctx),
                label('arrangement_beschikkingsnr', ctx),
              ],
              pao.map((x) => [
                formatPeriod(x.arrangement_datum, x.arrangement_einddatum, ctx.lang),
                x.arrangement_kenmerk?.trim(),
                x.arrangement_beschikkingsnr?.trim(),
              ]),
            ),
            restItems(
              pao,
              at('arrangement_pao'),
              ['arrangement_pao', ...OO],
              [
                'arrangement_datum',
                'arrangement_einddatum',
                'arrangement_kenmerk',
                'arrangement_beschikkingsnr',
              ],
              ctx,
            ),
          ]),
        )
      : '',
    lwoo
      ? subsection(
          ctx.t(T.lwoo),
          join([
            fieldList([
              [ctx.t(T.colPeriod), formatPeriod(lwoo.lwoo_ingangdatum, lwoo.lwoo_einddatum, ctx.lang)],
              [label('lwoo_swvnummer', ctx), lwoo.lwoo_swvnummer.trim()],
              [label('lwoo_beschikkingsnummer', ctx), lwoo.lwoo_beschikkingsnummer.trim()],
            ]),
            documents(lwoo.document, ctx),
            rest(
              lwoo,
              at('lwoo'),
              ['lwoo', ...OO],
              ['lwoo_ingangdatum', 'lwoo_einddatum', 'lwoo_swvnummer', 'lwoo_beschikkingsnummer', 'document'],
              ctx,
            ),
          ]),
        )
      : '',
    rvc
      ? subsection(
          ctx.t(T.rvc),
          join([
            fieldList([
              [label('rvcindicatie', ctx), coded(17, rvc.rvcindicatie, ctx)],
              [label('rvcdatum', ctx), formatDate(rvc.rvcdatum, ctx.lang)],
              [label('centraleproblematiek', ctx), prose(rvc.centraleproblematiek)],
              [label('maatregelen', ctx), prose(rvc.maatregelen)],
              [
                label('deelgenomenaanonderzoek', ctx),
                formatBoolean(rvc.signaleringlwoopro.deelgenomenaanonderzoek, ctx),
              ],
              [label('leerachterstand', ctx), formatBoolean(rvc.signaleringlwoopro.leerachterstand, ctx)],
              [
                label('lagescoreeindtoets', ctx),
                formatBoolean(rvc.signaleringlwoopro.lagescoreeindtoets, ctx),
              ],
            ]),
            documents(rvc.document, ctx),
            rest(
              rvc.signaleringlwoopro,
              at('rvc', 'signaleringlwoopro'),
              ['signaleringlwoopro', 'rvc', ...OO],
              ['deelgenomenaanonderzoek', 'leerachterstand', 'lagescoreeindtoets'],
              ctx,
            ),
            rest(
              rvc,
              at('rvc'),
              ['rvc', ...OO],
              [
                'rvcindicatie',
                'rvcdatum',
                'centraleproblematiek',
                'maatregelen',
                'signaleringlwoopro',
                'document',
              ],
              ctx,
            ),
          ]),
        )
      : '',
    rest(o, OO_TYPE, OO, handled, ctx),
  ]);
}

export function verzuimSection(d: Dossier, ctx: RenderContext): Html {
  const v = d.huidigeschool.leerling.verzuim;
  if (v === undefined) return new Html('');
  const n = (s: string | undefined) => s?.trim();
  const rows: Field[] = [
    [label('dagdelengeoorloofd', ctx), n(v.dagdelengeoorloofd)],
    [label('dagdelenongeoorloofd', ctx), n(v.dagdelenongeoorloofd)],
    [label('urengeoorloofd', ctx), n(v.urengeoorloofd)],
    [label('urenongeoorloofd', ctx), n(v.urenongeoorloofd)],
    [label('frequentie', ctx), n(v.frequentie)],
    [label('meerdan25percent', ctx), formatBoolean(v.meerdan25percent, ctx)],
    [label('contactleerplicht', ctx), formatBoolean(v.contactleerplicht, ctx)],
    [label('rmcmelding', ctx), formatBoolean(v.rmcmelding, ctx)],
  ];
  const handled = [
    'dagdelengeoorloofd',
    'dagdelenongeoorloofd',
    'urengeoorloofd',
    'urenongeoorloofd',
    'frequentie',
    'meerdan25percent',
    'contactleerplicht',
    'rmcmelding',
    'documentLijst',
  ];
  const note = ctx.lang === 'nl' ? 'Over de laatste twaalf maanden.' : 'Over the last twelve months.';
  return join([
    html`<p class="muted">${note}</p>`,
    fieldList(rows),
    documents(v.documentLijst?.document, ctx),
    rest(v, typeAt(LEERLING_TYPE, ['verzuim']), ['verzuim', ...L], handled, ctx),
  ]);
}

export function handelingsplannenSection(d: Dossier, ctx: RenderContext): Html {
  const plans = d.huidigeschool.leerling.onderwijsondersteuning?.handelingsplan ?? [];
  return join([
    table(
      ctx.t(T.plansCaption),
      [ctx.t(T.colAimedAt), ctx.t(T.colPeriod), ctx.t(T.colDocuments)],
      plans.map((p) => [
        p.isgerichtop.trim(),
        formatPeriod(p.startdatum, p.einddatum, ctx.lang),
        documents(p.document, ctx),
      ]),
    ),
    restItems(
      plans,
      at('handelingsplan'),
      ['handelingsplan', ...OO],
      ['isgerichtop', 'startdatum', 'einddatum', 'document'],
      ctx,
    ),
  ]);
}
