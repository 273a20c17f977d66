/** Sections about the pupil's path through education: VVE and Schoolloopbaan. */
import type { Dossier } from '../model.js';
import { label, subsection } from './blocks.js';
import { brinText, coded, formatBoolean, formatPeriod, type RenderContext } from './format.js';
import { type Field, fieldList, type Html, html, join, table } from './html.js';
import { rest, restItems, typeAt } from './schema-walk.js';
import { LEERLING_TYPE } from './sections-people.js';
import { T } from './texts.js';

const VOORSCHOOLS_TYPE = typeAt(LEERLING_TYPE, ['voorschools']);
const VROEGSCHOOLS_TYPE = typeAt(LEERLING_TYPE, ['vroegschools']);
const LOOPBAAN_TYPE = typeAt(LEERLING_TYPE, ['schoolloopbaanlijst', 'schoolloopbaan']);

const L = ['leerling', 'huidigeschool', 'dossier'];

export function vveSection(d: Dossier, ctx: RenderContext): Html {
  const l = d.huidigeschool.leerling;
  const vs = l.voorschools;
  const vsRows: Field[] = vs
    ? [
        [label('codevoorschoolsprogramma', ctx), coded(9, vs.codevoorschoolsprogramma, ctx)],
        [label('voorschoolsemaanden', ctx), vs.voorschoolsemaanden.trim()],
        [label('codevoorschoolsehistorie', ctx), coded(7, vs.codevoorschoolsehistorie, ctx)],
        [label('codevoorschoolsetoeleider', ctx), coded(6, vs.codevoorschoolsetoeleider, ctx)],
        [label('codevoorschoolsedeelname', ctx), coded(8, vs.codevoorschoolsedeelname, ctx)],
        [label('voorschoolseaanwezigheid', ctx), vs.voorschoolseaanwezigheid?.trim()],
      ]
    : [];
  const vsHandled = [
    'codevoorschoolsprogramma',
    'voorschoolsemaanden',
    'codevoorschoolsehistorie',
    'codevoorschoolsetoeleider',
    'codevoorschoolsedeelname',
    'voorschoolseaanwezigheid',
  ];
  const vroeg = l.vroegschools ?? [];
  return join([
    fieldList([
      [label('vanpeuterspeelzaal', ctx), formatBoolean(l.vanpeuterspeelzaal, ctx)],
      [label('naampeuterspeelzaal', ctx), l.naampeuterspeelzaal?.trim()],
    ]),
    vs
      ? subsection(
          ctx.t(T.preschool),
          join([fieldList(vsRows), rest(vs, VOORSCHOOLS_TYPE, ['voorschools', ...L], vsHandled, ctx)]),
        )
      : '',
    subsection(
      ctx.t(T.earlySchool),
      join([
        table(
          ctx.t(T.earlySchool),
          [label('codevroegschoolsprogramma', ctx), ctx.t(T.colPeriod)],
          vroeg.map((v) => [
            coded(9, v.codevroegschoolsprogramma, ctx),
            formatPeriod(v.vroegschoolsdatumingang, v.vroegschoolseinddatum, ctx.lang),
          ]),
        ),
        restItems(
          vroeg,
          VROEGSCHOOLS_TYPE,
          ['vroegschools', ...L],
          ['codevroegschoolsprogramma', 'vroegschoolsdatumingang', 'vroegschoolseinddatum'],
          ctx,
        ),
      ]),
    ),
  ]);
}

export function schoolloopbaanSection(d: Dossier, ctx: RenderContext): Html {
  const list = d.huidigeschool.leerling.schoolloopbaanlijst?.schoolloopbaan ?? [];
  const rows = list.map((s) => {
    const group = [
      coded(13, s.jaargroep, ctx),
      [s.groepsnaam?.trim(), s.groepscode.trim()].filter((x) => x).join(' · '),
    ];
    const school = [
      brinText(s.brincode, s.vestigingscode),
      [s.schoolsoort?.trim(), s.schooltype?.trim()].filter((x) => x).join(' / '),
      s.schoolsoortomschrijving?.trim(),
      [s.voelementcode?.trim(), s.voelementomschrijving?.trim()].filter((x) => x).join(' '),
    ].filter((x) => x);
    return [
      s.schooljaar.trim(),
      html`${group[0]}<br><span class="muted">${group[1]}</span>`,
      html`${school[0]}${school.slice(1).map((x) => html`<br><span class="muted">${x}</span>`)}`,
      formatPeriod(s.begindatum, s.einddatum, ctx.lang),
    ];
  });
  const handled = [
    'schooljaar',
    'groepscode',
    'groepsnaam',
    'jaargroep',
    'begindatum',
    'einddatum',
    'brincode',
    'vestigingscode',
    'schoolsoort',
    'schooltype',
    'voelementcode',
    'voelementomschrijving',
    'schoolsoortomschrijving',
  ];
  return join([
    table(
      ctx.t(T.careerCaption),
      [ctx.t(T.colSchoolYear), ctx.t(T.colGroup), ctx.t(T.colSchool), ctx.t(T.colPeriod)],
      rows,
      'career',
    ),
    restItems(list, LOOPBAAN_TYPE, ['schoolloopbaan', 'schoolloopbaanlijst', ...L], handled, ctx),
  ]);
}
