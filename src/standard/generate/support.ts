/**
 * Support data (onderwijsondersteuning) from the pupil's needs: diagnoses with codelist-23 codes,
 * medication, action plans (handelingsplannen), a development plan (OPP), admission statements
 * (TLV), cluster 1/2 and passend-onderwijs arrangements, LWOO and the RVC signal for LWOO/PrO.
 */
import type { Diagnose, Document, Handelingsplan, Onderwijsondersteuning } from '../model.js';
import { type Day, day, iso, longDate, weekdayBetween } from './calendar.js';
import { diagnose as diagnoseCode, RVC_INDICATIE, TLV_CATEGORIE } from './codes.js';
import { type BuildContext, pupilName } from './context.js';
import { brincode, decisionNumber } from './identifiers.js';
import { fullSurname, initials, staffName } from './names.js';
import type { Need } from './pupil.js';
import { handelingsplanFoci, reportLines } from './texts.js';

interface DiagnosisSpec {
  codes: readonly (readonly [string, string])[];
  instantie: string;
}

const DIAGNOSES: Partial<Record<Need, DiagnosisSpec>> = {
  dyslexie: { codes: [['F81.0', 'Dyslexie']], instantie: 'Expertisecentrum Dyslexie' },
  dyscalculie: { codes: [['F81.2', 'Dyscalculie']], instantie: 'Expertisecentrum Dyscalculie' },
  adhd: {
    codes: [
      ['F90', 'ADHD'],
      ['F90.0', 'ADHD'],
    ],
    instantie: 'GGZ Kind en Jeugd',
  },
  autisme: {
    codes: [
      ['F84', 'Autismespectrumstoornis'],
      ['F84.0', 'Autisme'],
      ['F84.5', 'Syndroom van Asperger'],
    ],
    instantie: 'Kinder- en jeugdpsychiatrie',
  },
  taal: { codes: [['F80', 'Taalontwikkelingsstoornis']], instantie: 'Audiologisch Centrum' },
  zicht: { codes: [['H54.2', 'Slechtziendheid']], instantie: 'Oogheelkunde, Ziekenhuis' },
  gehoor: { codes: [['H91.9.s', 'Slechthorendheid']], instantie: 'Audiologisch Centrum' },
  hoogbegaafd: { codes: [['HB', 'Hoogbegaafdheid']], instantie: 'Praktijk voor kinderpsychologie' },
  angst: { codes: [['F41.0', 'Angststoornis']], instantie: 'GGZ Kind en Jeugd' },
};

const ARRANGEMENTS: Partial<Record<Need, string>> = {
  autisme: 'Ambulante begeleiding autisme',
  adhd: 'Arrangement gedrag en werkhouding',
  leerachterstand: 'Onderwijsarrangement eigen leerlijn rekenen',
  hoogbegaafd: 'Plusklas (bovenschools arrangement)',
  angst: 'Arrangement sociaal-emotionele ontwikkeling',
};

/** A past day between `from` and the dossier date (never before the pupil started school). */
function past(ctx: BuildContext, from: Day): Day {
  const latest = ctx.datum - 7;
  return weekdayBetween(ctx.rng, Math.min(latest, Math.max(from, ctx.pupil.instroom + 60)), latest);
}

function report(
  ctx: BuildContext,
  file: string,
  omschrijving: string,
  kind: string,
  date: Day,
): Document | undefined {
  const header = [
    `Leerling: ${pupilName(ctx)}`,
    `School: ${ctx.school.naam}, ${ctx.school.place.plaats}`,
    `Datum: ${longDate(date)}`,
  ];
  return ctx.att.pdf(file, omschrijving, `${kind} – ${pupilName(ctx)}`, (rng) =>
    reportLines(rng, ctx.pupil.traits, kind, header),
  );
}

export interface SupportOptions {
  /** An SWV dossier: the support category is required, so there is always an OPP or arrangement. */
  swv: boolean;
  /** Whether the pupil's final test score was low (for the LWOO/PrO signal). */
  lowTestScore: boolean;
}

export function onderwijsondersteuning(ctx: BuildContext, options: SupportOptions): Onderwijsondersteuning {
  const { rng, pupil, school } = ctx;
  const o: Onderwijsondersteuning = {};
  const vo = pupil.stage === 'vo';
  const wantsToelichting = rng.chance(0.5);

  const diagnoses: Diagnose[] = [];
  for (const need of pupil.needs) {
    const spec = DIAGNOSES[need];
    const tooYoung =
      (need === 'dyslexie' || need === 'dyscalculie') && pupil.stage === 'po' && pupil.grade < 4;
    if (!spec || tooYoung || !rng.chance(0.85)) continue;
    const [code, name] = rng.pick(spec.codes);
    const c = diagnoseCode(code, name);
    const extra =
      need === 'dyslexie' && rng.chance(0.4) ? [diagnoseCode('F81.1', 'Spellingstoornis').code] : [];
    const date = past(ctx, pupil.instroom + 365 * 3);
    const expert = staffName(rng, 'v');
    const d: Diagnose = {
      code: [c.code, ...extra],
      naam: c.naam,
      datum: iso(date),
      doorwie: `${rng.pick(['Drs.', 'Dr.', 'Mevr.'])} ${initials([expert.voornaam])} ${fullSurname(expert.surname)}`,
      instantie: `${spec.instantie} ${school.place.plaats}`,
    };
    const doc = report(
      ctx,
      `onderzoeksverslag-${code.toLowerCase()}.pdf`,
      `Onderzoeksverslag ${c.naam.toLowerCase()}`,
      'Onderzoeksverslag',
      date,
    );
    if (doc) d.document = [doc];
    diagnoses.push(d);
  }
  if (diagnoses.length > 0) o.diagnose = diagnoses;
  if (pupil.needs.includes('adhd')) o.medicijngebruik = rng.chance(0.6);

  if (pupil.needs.length > 0 && rng.chance(options.swv ? 0.8 : 0.6)) {
    const plans: Handelingsplan[] = [];
    for (const [i, focus] of handelingsplanFoci(rng, pupil.needs, rng.int(1, 2)).entries()) {
      const start = past(ctx, day(ctx.year.start, 8, 20));
      const plan: Handelingsplan = {
        startdatum: iso(start),
        einddatum: iso(Math.min(start + rng.int(90, 200), day(ctx.year.end, 7, 15))),
        isgerichtop: focus,
      };
      const doc = report(
        ctx,
        `handelingsplan-${i + 1}.pdf`,
        `Handelingsplan ${focus}`,
        'Handelingsplan',
        start,
      );
      if (doc) plan.document = doc;
      plans.push(plan);
    }
    o.handelingsplan = plans;
  }

  const needsOpp = pupil.needs.includes('leerachterstand') || pupil.needs.includes('autisme');
  if ((needsOpp && rng.chance(0.8)) || (options.swv && rng.chance(0.7))) {
    const start = past(ctx, ctx.datum - 600);
    o.opp = { opp_ingangdatum: iso(start), opp_einddatum: iso(day(ctx.year.end, 7, 31)) };
    const doc = report(
      ctx,
      'ontwikkelingsperspectiefplan.pdf',
      'Ontwikkelingsperspectiefplan (OPP)',
      'Ontwikkelingsperspectiefplan',
      start,
    );
    if (doc) o.opp.document = [doc];
  }

  // A TLV: for a pupil at special primary school, or a vo pupil placed in praktijkonderwijs.
  if (school.soort === 'SBO' || (vo && pupil.level === 0 && options.swv)) {
    const start = day(ctx.year.start - rng.int(0, 1), 8, 1);
    o.tlv = [
      {
        tlvingangdatum: iso(start),
        tlvswvnummer: school.swv,
        tlvcategorie:
          school.soort === 'SBO' || pupil.level === 0
            ? TLV_CATEGORIE.nvt
            : rng.pick([TLV_CATEGORIE.laag, TLV_CATEGORIE.midden, TLV_CATEGORIE.hoog]),
        tlvbeschikkingsnummer: decisionNumber(rng, 'TLV', ctx.year.start),
        tlveinddatum: iso(day(ctx.year.end + rng.int(0, 2), 7, 31)),
      },
    ];
    const doc = report(
      ctx,
      'beschikking-tlv.pdf',
      'Beschikking toelaatbaarheidsverklaring',
      'Beschikking TLV',
      start,
    );
    if (doc) o.tlv[0].document = doc;
  }

  const cluster12 = pupil.needs.filter((n) => n === 'zicht' || n === 'gehoor' || n === 'taal');
  if (cluster12.length > 0) {
    o.arrangement_cluster12 = [
      {
        arrangement_datum: iso(past(ctx, ctx.datum - 900)),
        arrangement_brin: brincode(rng),
        arrangement_vestigingscode: '00',
      },
    ];
  }

  const arrangement = pupil.needs.map((n) => ARRANGEMENTS[n]).find((a) => a !== undefined);
  if (
    (arrangement && rng.chance(0.5)) ||
    (options.swv && !o.opp && !o.diagnose && !o.arrangement_cluster12)
  ) {
    const start = past(ctx, ctx.datum - 400);
    o.arrangement_pao = [
      {
        arrangement_datum: iso(start),
        arrangement_kenmerk: arrangement ?? 'Arrangement extra ondersteuning in de klas',
        arrangement_beschikkingsnr: decisionNumber(rng, 'ARR', ctx.year.start),
        arrangement_einddatum: iso(day(ctx.year.end, 7, 31)),
      },
    ];
  }

  if (vo && (pupil.level === 1 || pupil.level === 2) && rng.chance(options.swv ? 0.8 : 0.4)) {
    const first = pupil.rows.find((r) => r.stage === 'vo');
    const start = first ? first.begin : day(ctx.year.start, 8, 1);
    o.lwoo = {
      lwoo_ingangdatum: iso(start),
      lwoo_swvnummer: school.swv,
      lwoo_beschikkingsnummer: decisionNumber(rng, 'LWOO', first ? first.year.start : ctx.year.start),
      lwoo_einddatum: iso(day((first ? first.year.start : ctx.year.start) + 4, 7, 31)),
    };
    const doc = report(
      ctx,
      'aanwijzing-lwoo.pdf',
      'Aanwijzing leerwegondersteunend onderwijs',
      'Aanwijzing LWOO',
      start,
    );
    if (doc) o.lwoo.document = doc;
  }

  // The LWOO/PrO signal for a groep-8 pupil heading for praktijkonderwijs or vmbo-basis.
  if (!vo && pupil.grade === 8 && pupil.level <= 1 && rng.chance(0.7)) {
    const date = weekdayBetween(rng, Math.min(ctx.datum - 30, day(ctx.year.end, 1, 15)), ctx.datum - 7);
    o.rvc = {
      centraleproblematiek: 'Leerachterstand van meer dan anderhalf jaar op begrijpend lezen en rekenen.',
      maatregelen: 'Extra instructie in een kleine groep en een aangepast programma voor rekenen.',
      signaleringlwoopro: {
        deelgenomenaanonderzoek: true,
        leerachterstand: true,
        lagescoreeindtoets: options.lowTestScore,
      },
      rvcdatum: iso(date),
      rvcindicatie: pupil.level === 0 ? RVC_INDICATIE.pro : RVC_INDICATIE.lwoo,
    };
    const doc = report(
      ctx,
      'onderzoek-lwoo-pro.pdf',
      'Onderzoeksgegevens LWOO/PrO',
      'Onderzoeksverslag LWOO/PrO',
      date,
    );
    if (doc) o.rvc.document = [doc];
  }

  if (wantsToelichting && pupil.needs.length > 0) {
    const doc = report(
      ctx,
      'toelichting-onderwijsbehoeften.pdf',
      'Toelichting onderwijsbehoeften',
      'Toelichting onderwijsbehoeften',
      ctx.datum - 7,
    );
    if (doc) o.toelichting_onderwijsbehoeften = { document: doc };
  }
  return o;
}
