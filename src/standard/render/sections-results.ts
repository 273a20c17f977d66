/** Sections with results, as tables: Eindtoets BO, Toetsresultaten and Cijferlijsten. */
import type { Dossier, Resultaat, Score, Toets } from '../model.js';
import { documents, label, subsection } from './blocks.js';
import { coded, formatBoolean, formatDate, type RenderContext } from './format.js';
import { BLANK, type Child, type Field, fieldList, Html, html, join, prose, table } from './html.js';
import { fieldsOf, rest, restItems, typeAt } from './schema-walk.js';
import { institutionBlock, LEERLING_TYPE } from './sections-people.js';
import { T } from './texts.js';

const L = ['leerling', 'huidigeschool', 'dossier'];
const at = (...path: string[]) => typeAt(LEERLING_TYPE, path);
const TOETS_TYPE = at('toetslijst', 'toets');
const RESULTAAT_TYPE = typeAt(TOETS_TYPE, ['resultaat']);
const TOETSSCORE_TYPE = typeAt(RESULTAAT_TYPE, ['toetsscore']);
const n = (s: string | undefined) => s?.trim();

export function eindtoetsSection(d: Dossier, ctx: RenderContext): Html {
  const e = d.huidigeschool.leerling.eindtoets_basisonderwijs;
  if (e === undefined) return new Html('');
  const r = e.eindtoetsresultaat;
  const A = ['eindtoetsresultaat', 'eindtoets_basisonderwijs', ...L];
  const rows: Field[] = r
    ? [
        [label('toetssoort', ctx), coded(42, r.toetssoort, ctx)],
        [label('toetsomschrijving', ctx), n(r.toetsomschrijving)],
        [label('toetsniveau', ctx), coded(43, r.toetsniveau, ctx)],
        [label('datum_afname', ctx), formatDate(r.datum_afname, ctx.lang)],
        [label('wettelijke_ontheffing', ctx), coded(44, r.wettelijke_ontheffing, ctx)],
        [
          label('standaardscore', ctx),
          r.standaardscore ? html`<strong class="score">${r.standaardscore.trim()}</strong>` : '',
        ],
        [label('toets_advies', ctx), prose(r.toets_advies)],
      ]
    : [];
  const levelRows: Child[][] = [];
  for (const o of r?.onderdelen.onderdeel ?? []) {
    const name = o.onderdeelomschrijving?.trim()
      ? `${o.onderdeelomschrijving.trim()} (${o.onderdeelcode.trim()})`
      : coded(46, o.onderdeelcode, ctx);
    const domains = o.domeinen?.domein ?? [];
    if (o.ond_referentieniveau !== undefined || domains.length === 0) {
      levelRows.push([name, '', coded(45, o.ond_referentieniveau, ctx)]);
    }
    domains.forEach((dm, i) => {
      const dname = dm.domeinomschrijving?.trim()
        ? `${dm.domeinomschrijving.trim()} (${dm.domeincode.trim()})`
        : coded(47, dm.domeincode, ctx);
      const first = i === 0 && o.ond_referentieniveau === undefined;
      levelRows.push([first ? name : '', dname, coded(45, dm.dom_referentieniveau, ctx)]);
    });
  }
  const handled = [
    'toetssoort',
    'toetsomschrijving',
    'toetsniveau',
    'datum_afname',
    'wettelijke_ontheffing',
    'standaardscore',
    'toets_advies',
    'onderdelen',
  ];
  return join([
    fieldList([[label('deelgenomen', ctx), formatBoolean(e.deelgenomen, ctx)]]),
    r
      ? subsection(
          ctx.t(T.finalTest),
          join([
            fieldList(rows),
            table(
              ctx.t(T.finalTestParts),
              [ctx.t(T.colPartOfTest), ctx.t(T.colDomain), ctx.t(T.colLevel)],
              levelRows,
              'levels',
            ),
            rest(r, at('eindtoets_basisonderwijs', 'eindtoetsresultaat'), A, handled, ctx),
          ]),
        )
      : '',
    subsection(ctx.t(T.attachments), documents(e.document, ctx)),
    rest(
      e,
      at('eindtoets_basisonderwijs'),
      ['eindtoets_basisonderwijs', ...L],
      ['deelgenomen', 'eindtoetsresultaat', 'document'],
      ctx,
    ),
  ]);
}

/** A test result: raw scores, reference scores (as tables) and its attachment. */
function resultaat(r: Resultaat, ancestors: readonly string[], ctx: RenderContext): Html {
  const s = r.toetsscore;
  const scoreFields = fieldsOf(TOETSSCORE_TYPE).filter((f) => f.name !== 'betrouwbaarheidsinterval');
  const interval = s?.betrouwbaarheidsinterval;
  const scoreTable = s
    ? table(
        ctx.t(T.rawScores),
        [
          ...scoreFields.map((f) => ({ label: label(f.name, ctx), numeric: true })),
          { label: label('betrouwbaarheidsinterval', ctx), numeric: true },
        ],
        [
          [
            ...scoreFields.map((f) => n((s as Record<string, string | undefined>)[f.name])),
            interval ? `${interval.bivlaag.trim()} – ${interval.bivhoog.trim()}` : '',
          ],
        ],
        { className: 'scores', rowHeader: false },
      )
    : '';
  const refs = r.referentiescore ?? [];
  const refTable = table(
    ctx.t(T.referenceScores),
    [
      ctx.t(T.colScoreKind),
      ctx.t(T.colComparison),
      { label: ctx.t(T.colValue), numeric: true },
      ctx.t(T.colQualification),
    ],
    refs.map((x) => [
      coded(11, x.codereferentiescore, ctx),
      coded(22, x.codevergelijkingsgroep, ctx),
      x.waarde.trim(),
      n(x.kwalificatie),
    ]),
    'refscores',
  );
  return join([
    scoreTable,
    s
      ? rest(
          s,
          TOETSSCORE_TYPE,
          ['toetsscore', ...ancestors],
          [...scoreFields.map((f) => f.name), 'betrouwbaarheidsinterval'],
          ctx,
        )
      : '',
    refTable,
    restItems(
      refs,
      typeAt(RESULTAAT_TYPE, ['referentiescore']),
      ['referentiescore', ...ancestors],
      ['codereferentiescore', 'codevergelijkingsgroep', 'waarde', 'kwalificatie'],
      ctx,
    ),
    documents(r.document, ctx),
    rest(r, RESULTAAT_TYPE, ancestors, ['toetsscore', 'referentiescore', 'document'], ctx),
  ]);
}

function toetsBlock(t: Toets, ctx: RenderContext): Html {
  const id = t.toetsidentificatie;
  const af = t.afname;
  const T_ = ['toets', 'toetslijst', ...L];
  const title = n(id.toetsnaam) ?? id.eldtoetscode.trim();
  const by = af.afgenomendoor;
  const werkt = by?.werktbijinstelling;
  const rows: Field[] = [
    [label('eldtoetscode', ctx), id.eldtoetscode.trim()],
    [label('toetsversie', ctx), n(id.toetsversie)],
    [label('leergebied', ctx), n(id.leergebied)],
    [label('afnamedatum', ctx), formatDate(af.afnamedatum, ctx.lang)],
    [label('jaargroep', ctx), coded(13, af.jaargroep, ctx)],
    [label('dl', ctx), n(af.dl)],
    [
      label('naammedewerker', ctx),
      by ? [by.naammedewerker.trim(), by.functie ? ` (${by.functie.trim()})` : ''] : '',
    ],
    [
      label('werktbijinstelling', ctx),
      werkt?.instelling
        ? institutionBlock(
            werkt.instelling,
            ['instelling', 'werktbijinstelling', 'afgenomendoor', 'afname', ...T_],
            ctx,
          )
        : werkt?.school
          ? institutionBlock(
              werkt.school,
              ['school', 'werktbijinstelling', 'afgenomendoor', 'afname', ...T_],
              ctx,
              at('toetslijst', 'toets', 'afname', 'afgenomendoor', 'werktbijinstelling', 'school'),
            )
          : '',
    ],
  ];
  const onderdelen = (t.toetsonderdeel ?? []).map((o) => {
    const name = o.onderdeelnaam?.trim()
      ? `${o.onderdeelnaam.trim()} (${o.eldonderdeelcode.trim()})`
      : o.eldonderdeelcode.trim();
    return subsection(
      `${ctx.t(T.testPart)}: ${name}`,
      join([
        resultaat(o.resultaat, ['resultaat', 'toetsonderdeel', ...T_], ctx),
        rest(
          o,
          typeAt(TOETS_TYPE, ['toetsonderdeel']),
          ['toetsonderdeel', ...T_],
          ['eldonderdeelcode', 'onderdeelnaam', 'resultaat'],
          ctx,
        ),
      ]),
      4,
    );
  });
  return html`<section class="card test"><div class="card-head"><h3>${title}</h3>${fieldList(rows, 'fields compact')}</div>${join(
    [
      resultaat(t.resultaat, ['resultaat', ...T_], ctx),
      onderdelen,
      t.opmerking ? fieldList([[label('opmerking', ctx), prose(t.opmerking)]]) : '',
      rest(
        id,
        typeAt(TOETS_TYPE, ['toetsidentificatie']),
        ['toetsidentificatie', ...T_],
        ['eldtoetscode', 'toetsnaam', 'toetsversie', 'leergebied'],
        ctx,
      ),
      rest(
        af,
        typeAt(TOETS_TYPE, ['afname']),
        ['afname', ...T_],
        ['afnamedatum', 'jaargroep', 'dl', 'afgenomendoor'],
        ctx,
      ),
      by
        ? rest(
            by,
            typeAt(TOETS_TYPE, ['afname', 'afgenomendoor']),
            ['afgenomendoor', 'afname', ...T_],
            ['naammedewerker', 'functie', 'werktbijinstelling'],
            ctx,
          )
        : '',
      rest(
        t,
        TOETS_TYPE,
        T_,
        ['toetsidentificatie', 'afname', 'resultaat', 'toetsonderdeel', 'opmerking'],
        ctx,
      ),
    ],
  )}</section>`;
}

export function toetsenSection(d: Dossier, ctx: RenderContext): Html {
  const tests = d.huidigeschool.leerling.toetslijst?.toets ?? [];
  const sorted = [...tests].sort((a, b) => b.afname.afnamedatum.localeCompare(a.afname.afnamedatum));
  const overview = table(
    ctx.t(T.testsOverview),
    [
      ctx.t(T.colTest),
      ctx.t(T.colArea),
      { label: ctx.t(T.colTaken), nowrap: true },
      { label: label('jaargroep', ctx), nowrap: true },
    ],
    sorted.map((t) => [
      n(t.toetsidentificatie.toetsnaam) ?? t.toetsidentificatie.eldtoetscode.trim(),
      n(t.toetsidentificatie.leergebied),
      formatDate(t.afname.afnamedatum, ctx.lang),
      coded(13, t.afname.jaargroep, ctx),
    ]),
    'overview',
  );
  return join([overview, sorted.map((t) => toetsBlock(t, ctx))]);
}

const scoreText = (s: Score) => [n(s.waarde), n(s.kwalificatie)];

export function cijferlijstenSection(d: Dossier, ctx: RenderContext): Html {
  const lists = d.huidigeschool.leerling.cijferlijstlijst?.cijferlijst ?? [];
  const C = ['cijferlijst', 'cijferlijstlijst', ...L];
  return join(
    lists.map((c, i) => {
      const meta = [formatDate(c.afnamedatum, ctx.lang), coded(13, c.jaargroep, ctx), n(c.periode)]
        .filter((x) => x)
        .join(' · ');
      const tables = c.cijferlijstTypelijst.items.map((item) => {
        const rows: Child[][] = (item.onderdeel ?? []).map((o) => [
          o.naam.trim(),
          ...scoreText(o.score),
          formatDate(o.afnamedatum, ctx.lang),
          coded(13, o.jaargroep, ctx),
          n(o.periode),
        ]);
        for (const s of item.score)
          rows.push([html`<strong>${ctx.t(T.total)}</strong>`, ...scoreText(s), BLANK, BLANK, BLANK]);
        return table(
          item.naam.trim(),
          [
            ctx.t(T.colSubject),
            { label: ctx.t(T.colGrade), numeric: true },
            ctx.t(T.colQualification),
            { label: ctx.t(T.colDate), nowrap: true },
            { label: label('jaargroep', ctx), nowrap: true },
            label('periode', ctx),
          ],
          rows,
          'grades',
        );
      });
      return html`<section class="card"><h3>${ctx.t(T.gradeList)} ${lists.length > 1 ? i + 1 : ''}</h3><p class="muted">${meta}</p>${tables}${rest(
        c,
        at('cijferlijstlijst', 'cijferlijst'),
        C,
        ['cijferlijstTypelijst', 'afnamedatum', 'jaargroep', 'periode'],
        ctx,
      )}</section>`;
    }),
  );
}
