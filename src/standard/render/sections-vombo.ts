/** Sections for the move to vocational education (VO-MBO) and the other attachments (Bijlagen). */
import type { Dossier } from '../model.js';
import { documentTable, label, lines, subsection } from './blocks.js';
import { coded, formatBoolean, formatDate, formatPeriod, type RenderContext } from './format.js';
import { type Field, fieldList, type Html, html, join, table } from './html.js';
import { rest, restItems, typeAt } from './schema-walk.js';
import { institutionBlock, LEERLING_TYPE } from './sections-people.js';
import { T } from './texts.js';

const L = ['leerling', 'huidigeschool', 'dossier'];
const at = (...path: string[]) => typeAt(LEERLING_TYPE, path);
const n = (s: string | undefined) => s?.trim();

export function vomboSection(d: Dossier, ctx: RenderContext): Html {
  const l = d.huidigeschool.leerling;
  const b = l.bevorderd;
  const ex = l.examenresultaat;
  const vakken = l.resultaatvakkenvo ?? [];
  const vakResult = (v: (typeof vakken)[number]): Html =>
    lines([
      v.beoordelingexamenvak
        ? `${label('beoordelingexamenvak', ctx)}: ${coded(36, v.beoordelingexamenvak, ctx)}`
        : '',
      v.exameneindcijfer ? `${label('exameneindcijfer', ctx)}: ${v.exameneindcijfer.trim()}` : '',
      v.cijferce ? `${label('cijferce', ctx)}: ${v.cijferce.trim()}` : '',
      v.eindcijferse ? `${label('eindcijferse', ctx)}: ${v.eindcijferse.trim()}` : '',
      v.cijferse?.length ? `${label('cijferse', ctx)}: ${v.cijferse.map((x) => x.trim()).join(', ')}` : '',
      v.rapportcijfer ? `${label('rapportcijfer', ctx)}: ${v.rapportcijfer.trim()}` : '',
      v.werkstuk
        ? `${label('werkstuktitel', ctx)}: “${v.werkstuk.werkstuktitel.trim()}” — ${v.werkstuk.werkstukbeoordeling.trim()}`
        : '',
    ]);
  const vakHandled = [
    'vakcode',
    'vakleergebied',
    'afgerond',
    'datumafgerond',
    'examenvak',
    'beoordelingexamenvak',
    'exameneindcijfer',
    'cijferce',
    'eindcijferse',
    'cijferse',
    'rapportcijfer',
    'werkstuk',
  ];
  const comps = l.competenties ?? [];
  const compHandled = [
    'competentiecategorie',
    'competentiebeschrijving',
    'competentiestatus',
    'competentiereferentie',
  ];
  const stages = l.stage ?? [];
  const o = l.overigvombo;
  const oHandled = [
    'keuzevervolgopleiding',
    'beroepskeuzetest',
    'portfolio',
    'pop',
    'motivatiebrief',
    'lobdossier',
  ];
  return join([
    b
      ? subsection(
          ctx.t(T.promotion),
          join([
            fieldList([
              [label('elementcode', ctx), n(b.elementcode)],
              [label('leerjaar', ctx), n(b.leerjaar)],
            ]),
            rest(b, at('bevorderd'), ['bevorderd', ...L], ['elementcode', 'leerjaar'], ctx),
          ]),
        )
      : '',
    ex
      ? subsection(
          ctx.t(T.examResult),
          join([
            fieldList([
              [label('soortdiploma', ctx), n(ex.soortdiploma)],
              [label('examenjaar', ctx), n(ex.examenjaar)],
              [label('datumuitslag', ctx), formatDate(ex.datumuitslag, ctx.lang)],
              [label('examenuitslag', ctx), coded(35, ex.examenuitslag, ctx)],
            ]),
            rest(
              ex,
              at('examenresultaat'),
              ['examenresultaat', ...L],
              ['soortdiploma', 'examenjaar', 'datumuitslag', 'examenuitslag'],
              ctx,
            ),
          ]),
        )
      : '',
    vakken.length
      ? subsection(
          ctx.t(T.subjectsVo),
          join([
            table(
              ctx.t(T.subjectsVo),
              [label('vakleergebied', ctx), ctx.t(T.colDone), ctx.t(T.colExamSubject), ctx.t(T.colResult)],
              vakken.map((v) => [
                [n(v.vakleergebied) ?? '', html` <span class="muted">(${v.vakcode.trim()})</span>`],
                [
                  formatBoolean(v.afgerond, ctx),
                  v.datumafgerond ? `, ${formatDate(v.datumafgerond, ctx.lang)}` : '',
                ],
                formatBoolean(v.examenvak, ctx),
                vakResult(v),
              ]),
            ),
            restItems(vakken, at('resultaatvakkenvo'), ['resultaatvakkenvo', ...L], vakHandled, ctx),
          ]),
        )
      : '',
    l.certificaat?.length
      ? subsection(
          ctx.t(T.certificates),
          html`<ul class="plain">${l.certificaat.map((c) => html`<li>${c.trim()}</li>`)}</ul>`,
        )
      : '',
    comps.length
      ? subsection(
          ctx.t(T.competences),
          join([
            table(
              ctx.t(T.competences),
              compHandled.map((f) => label(f, ctx)),
              comps.map((c) => [
                n(c.competentiecategorie),
                n(c.competentiebeschrijving),
                n(c.competentiestatus),
                n(c.competentiereferentie),
              ]),
            ),
            restItems(comps, at('competenties'), ['competenties', ...L], compHandled, ctx),
          ]),
        )
      : '',
    stages.length
      ? subsection(
          ctx.t(T.internships),
          stages.map(
            (s) =>
              html`<div class="card"><h4>${[n(s.soortstage), n(s.functierol)].filter((x) => x).join(' · ') || ctx.t(T.internships)}</h4>${fieldList(
                [
                  [ctx.t(T.colPeriod), formatPeriod(s.begindatum, s.einddatum, ctx.lang)],
                  [label('beoordeling', ctx), n(s.beoordeling)],
                  [
                    label('instelling', ctx, 'stage'),
                    s.instelling ? institutionBlock(s.instelling, ['instelling', 'stage', ...L], ctx) : '',
                  ],
                ],
              )}${rest(s, at('stage'), ['stage', ...L], ['begindatum', 'einddatum', 'soortstage', 'functierol', 'beoordeling', 'instelling'], ctx)}</div>`,
          ),
        )
      : '',
    o
      ? subsection(
          ctx.t(T.otherVoMbo),
          join([
            fieldList([
              [label('keuzevervolgopleiding', ctx), n(o.keuzevervolgopleiding)],
              ...oHandled
                .slice(1)
                .map(
                  (f): Field => [
                    label(f, ctx),
                    formatBoolean((o as unknown as Record<string, boolean>)[f], ctx),
                  ],
                ),
            ]),
            rest(o, at('overigvombo'), ['overigvombo', ...L], oHandled, ctx),
          ]),
        )
      : '',
  ]);
}

export function bijlagenSection(d: Dossier, ctx: RenderContext): Html {
  const docs = d.huidigeschool.leerling.overigdocumentlijst?.document ?? [];
  return documentTable(ctx.t(T.otherDocuments), docs, ctx);
}
