/**
 * Results: the final test of primary school (eindtoets/doorstroomtoets), tests of the pupil
 * tracking system (toetslijst) and report grades (cijferlijsten). Scores follow the pupil's
 * ability, so a vwo pupil scores high and the advice fits the test.
 */
import type { Cijferlijst, EindtoetsBasisonderwijs, Onderdeel, Referentiescore, Toets } from '../model.js';
import { type Day, day, iso, longDate, type SchoolYear, weekdayBetween } from './calendar.js';
import {
  DOMEIN,
  EINDTOETSEN,
  jaargroep,
  ONDERDEEL,
  ONTHEFFING,
  REFERENTIENIVEAU,
  REFERENTIESCORE,
  TOETSNIVEAU,
  VERGELIJKINGSGROEP,
} from './codes.js';
import { type BuildContext, clamp, oneDecimal, pupilName } from './context.js';
import { formalName, staffName } from './names.js';
import { address, landline, phoneEntry } from './places.js';
import { LEVEL_WORDS } from './texts.js';

/** Score ranges of the named final tests (Centrale Eindtoets, Route 8, IEP). */
const SCORE_RANGE: Record<string, readonly [number, number]> = {
  '0011': [501, 550],
  '0012': [100, 300],
  '0013': [50, 100],
};

export interface EindtoetsOutcome {
  block: EindtoetsBasisonderwijs;
  /** The level the test points to (0..5), undefined after an exemption. */
  level?: number;
}

/** The final test of groep 8, taken in February (doorstroomtoets, from 2023-2024) or April. */
export function eindtoets(ctx: BuildContext, groep8: SchoolYear): EindtoetsOutcome {
  const { rng, pupil } = ctx;
  const test = rng.pick(EINDTOETSEN);
  const doorstroom = groep8.start >= 2023;
  const afname = doorstroom
    ? weekdayBetween(rng, day(groep8.end, 2, 3), day(groep8.end, 2, 14))
    : weekdayBetween(rng, day(groep8.end, 4, 15), day(groep8.end, 4, 25));
  const toetsomschrijving = doorstroom ? `Doorstroomtoets (${test.naam})` : test.naam;
  if (pupil.level === 0 && rng.chance(0.3)) {
    return {
      block: {
        eindtoetsresultaat: {
          toetssoort: test.code,
          toetsniveau: TOETSNIVEAU,
          toetsomschrijving,
          datum_afname: iso(afname),
          wettelijke_ontheffing: ONTHEFFING.ja,
          onderdelen: {},
        },
        deelgenomen: false,
      },
    };
  }
  const a = clamp(pupil.ability + rng.normal(0, 0.06), 0, 1);
  const [lo, hi] = SCORE_RANGE[test.code] ?? [0, 1000];
  const level = clamp(Math.floor(a * 6), 0, 5);
  const dual = level < 5 && a * 6 - level > 0.7;
  const advies = dual ? `${LEVEL_WORDS[level]}/${LEVEL_WORDS[level + 1]}` : LEVEL_WORDS[level];
  const taal = (x: number) =>
    x > 0.5 ? REFERENTIENIVEAU.f2 : x > 0.15 ? REFERENTIENIVEAU.f1 : REFERENTIENIVEAU.onder1F;
  const lezen = taal(a + rng.normal(0, 0.08));
  const verzorging = taal(a + rng.normal(0, 0.08));
  const r = a + rng.normal(0, 0.08);
  const rekenen = r > 0.62 ? REFERENTIENIVEAU.s1 : r > 0.2 ? REFERENTIENIVEAU.f1 : REFERENTIENIVEAU.onder1F;
  const height = (code: string) =>
    code === REFERENTIENIVEAU.onder1F ? 0.3 : code === REFERENTIENIVEAU.f1 ? 0.6 : 0.9;
  const block: EindtoetsBasisonderwijs = {
    eindtoetsresultaat: {
      toetssoort: test.code,
      toetsniveau: TOETSNIVEAU,
      toetsomschrijving,
      datum_afname: iso(afname),
      wettelijke_ontheffing: ONTHEFFING.nee,
      standaardscore: String(Math.round(lo + (hi - lo) * a)),
      toets_advies: advies,
      onderdelen: {
        onderdeel: [
          {
            onderdeelcode: ONDERDEEL.taal,
            onderdeelomschrijving: 'Nederlandse taal',
            domeinen: {
              domein: [
                { domeincode: DOMEIN.lezen, domeinomschrijving: 'Lezen', dom_referentieniveau: lezen },
                {
                  domeincode: DOMEIN.taalverzorging,
                  domeinomschrijving: 'Taalverzorging',
                  dom_referentieniveau: verzorging,
                },
              ],
            },
          },
          {
            onderdeelcode: ONDERDEEL.rekenen,
            onderdeelomschrijving: 'Rekenen',
            ond_referentieniveau: rekenen,
          },
        ],
      },
    },
    deelgenomen: true,
  };
  const doc = ctx.att.chart(
    'uitslag-doorstroomtoets.png',
    `Leerlingrapport ${toetsomschrijving}`,
    {
      bars: [
        { value: height(lezen), rgb: [46, 117, 182] },
        { value: height(verzorging), rgb: [84, 160, 214] },
        { value: height(rekenen), rgb: [237, 125, 49] },
      ],
      marks: [0.6, 0.9],
    },
    `${toetsomschrijving}, ${pupilName(ctx)}, ${longDate(afname)}`,
  );
  if (doc) block.document = [doc];
  return { block, level };
}

const PO_TESTS = [
  { code: 'RW3', naam: 'Rekenen-Wiskunde 3.0', leergebied: 'rekenen', base: 150, step: 14 },
  { code: 'BL3', naam: 'Begrijpend lezen 3.0', leergebied: 'begrijpend lezen', base: 140, step: 12 },
  { code: 'SP3', naam: 'Spelling 3.0', leergebied: 'spelling', base: 130, step: 11 },
  { code: 'DMT', naam: 'Drie-Minuten-Toets', leergebied: 'technisch lezen', base: 20, step: 12 },
] as const;

const NIVEAU = ['V', 'IV', 'III', 'II', 'I'];

interface Moment {
  grade: number;
  mid: boolean;
  date: Day;
}

/** Test moments (mid-year and end of year) of the last three school years, up to the dossier date. */
function moments(ctx: BuildContext, firstGrade: number): Moment[] {
  const out: Moment[] = [];
  for (const row of ctx.pupil.rows) {
    if (row.stage !== ctx.pupil.stage || row.grade < firstGrade || row.year.start < ctx.year.start - 2)
      continue;
    for (const mid of [true, false]) {
      const date = mid
        ? weekdayBetween(ctx.rng, day(row.year.end, 1, 15), day(row.year.end, 2, 7))
        : weekdayBetween(ctx.rng, day(row.year.end, 5, 25), day(row.year.end, 6, 20));
      if (date < ctx.datum - 3 && date >= row.begin) out.push({ grade: row.grade, mid, date });
    }
  }
  return out;
}

function percentile(ctx: BuildContext): number {
  return Math.round(clamp(ctx.pupil.ability * 100 + ctx.rng.normal(0, 9), 1, 99));
}

function refscore(code: string, waarde: string, groep = VERGELIJKINGSGROEP.landelijk): Referentiescore {
  return { codereferentiescore: code, codevergelijkingsgroep: groep, waarde };
}

/** The toetslijst: tracking-system tests and, for some pupils with support needs, an IQ test. */
export function toetsen(ctx: BuildContext): Toets[] {
  const { rng, pupil } = ctx;
  const list: Toets[] = [];
  const vo = pupil.stage === 'vo';
  const available = moments(ctx, vo ? 1 : 3).slice(-rng.int(2, 3));
  const subjects = vo ? VO_TESTS : rng.sample(PO_TESTS, rng.int(2, 4));
  for (const m of available) {
    for (const s of subjects) {
      const p = percentile(ctx);
      const label = `${m.mid ? 'M' : 'E'}${m.grade}`;
      const dl = (m.grade - 3) * 10 + (m.mid ? 5 : 10);
      const scores: Referentiescore[] = [];
      let score: number;
      if (vo) {
        score = Math.round(s.base + s.step * m.grade + (p - 50) * 0.8);
        scores.push(refscore(REFERENTIESCORE.percentiel, String(p), VERGELIJKINGSGROEP.byTrack[pupil.level]));
      } else {
        score = Math.round(s.base + s.step * (m.grade - 3 + (m.mid ? 0.5 : 1)) + (p - 50) * 0.6);
        scores.push(refscore(REFERENTIESCORE.niveau, NIVEAU[Math.min(4, Math.floor(p / 20))]));
        scores.push(refscore(REFERENTIESCORE.percentiel, String(p)));
        if (m.grade === 8) {
          const ref = p > 70 ? (s.code === 'RW3' ? '1S' : '2F') : p > 20 ? '1F' : '<1F';
          scores.push(refscore(REFERENTIESCORE.referentieniveau, ref));
        }
      }
      list.push({
        toetsidentificatie: {
          eldtoetscode: `${s.code}-${label}`,
          leergebied: s.leergebied,
          toetsnaam: vo ? `${s.naam} leerjaar ${m.grade}` : `${s.naam} ${label}`,
          toetsversie: rng.pick(['digitaal', 'papier']),
        },
        afname: {
          afnamedatum: iso(m.date),
          jaargroep: jaargroep(pupil.stage, m.grade),
          ...(vo ? {} : { dl: String(dl) }),
          ...(rng.chance(0.5)
            ? { afgenomendoor: { naammedewerker: ctx.teacher.naam, functie: 'leerkracht' } }
            : {}),
        },
        resultaat: {
          toetsscore:
            s.code === 'DMT'
              ? { aantalgelezen: String(Math.max(5, score)), tijd: '1' }
              : { vaardigheidsscore: String(score) },
          referentiescore: scores,
        },
      });
    }
  }
  if (pupil.needs.length > 0 && rng.chance(0.3)) list.push(iqTest(ctx));
  list.sort((a, b) => (a.afname.afnamedatum < b.afname.afnamedatum ? -1 : 1));
  return list;
}

const VO_TESTS = [
  {
    code: 'VVO-NL',
    naam: 'Volgsysteem VO Nederlands',
    leergebied: 'Nederlands leesvaardigheid',
    base: 100,
    step: 8,
  },
  { code: 'VVO-EN', naam: 'Volgsysteem VO Engels', leergebied: 'Engels leesvaardigheid', base: 90, step: 9 },
  { code: 'VVO-WI', naam: 'Volgsysteem VO Wiskunde', leergebied: 'rekenen/wiskunde', base: 95, step: 10 },
] as const;

function iqTest(ctx: BuildContext): Toets {
  const { rng, pupil } = ctx;
  const iq = Math.round(clamp(72 + pupil.ability * 55 + rng.normal(0, 6), 55, 145));
  const who = staffName(rng, 'v');
  const date = weekdayBetween(rng, Math.max(ctx.datum - 500, pupil.joined + 30), ctx.datum - 7);
  const current = pupil.rows.filter((r) => r.begin <= date).at(-1) ?? pupil.rows[pupil.rows.length - 1];
  const part = (code: string, naam: string) => ({
    eldonderdeelcode: `WISC-V-${code}`,
    onderdeelnaam: naam,
    resultaat: { referentiescore: [refscore(REFERENTIESCORE.iq, String(Math.round(iq + rng.normal(0, 7))))] },
  });
  return {
    toetsidentificatie: {
      eldtoetscode: 'WISC-V-NL',
      leergebied: 'intelligentie',
      toetsnaam: 'WISC-V-NL: Wechsler Intelligence Scale for Children, Nederlandse bewerking',
    },
    afname: {
      afnamedatum: iso(date),
      jaargroep: jaargroep(current.stage, current.grade),
      afgenomendoor: {
        naammedewerker: formalName('v', who.voornaam, who.surname),
        functie: 'orthopedagoog',
        werktbijinstelling: {
          instelling: {
            naam: `Orthopedagogische praktijk ${ctx.school.place.plaats}`,
            adreslijst: { adres: [address(rng, ctx.school.place, 'bezoek')] },
            communicatielijst: { communicatie: [phoneEntry(landline(rng, ctx.school.place), 'werk')] },
          },
        },
      },
    },
    resultaat: { referentiescore: [refscore(REFERENTIESCORE.iq, String(iq))] },
    toetsonderdeel: [
      part('VBI', 'Verbaal begrip'),
      part('VRI', 'Visueel-ruimtelijk'),
      part('WGI', 'Werkgeheugen'),
    ],
    opmerking: 'Afgenomen in het kader van het onderzoek naar de onderwijsbehoeften.',
  };
}

const PO_REPORT = [
  { naam: 'Taal', parts: ['Spelling', 'Begrijpend lezen', 'Technisch lezen', 'Taalverzorging'] },
  { naam: 'Rekenen', parts: ['Getallen', 'Verhoudingen', 'Meten en meetkunde'] },
  { naam: 'Wereldoriëntatie', parts: ['Aardrijkskunde', 'Geschiedenis', 'Natuur en techniek'] },
];

const VO_SUBJECTS = [
  ['Nederlands', 'Engels', 'Rekenen', 'Praktijk', 'Burgerschap', 'Lichamelijke opvoeding'],
  ['Nederlands', 'Engels', 'Wiskunde', 'Biologie', 'Economie', 'Profielvak zorg en welzijn'],
  ['Nederlands', 'Engels', 'Wiskunde', 'Biologie', 'Economie', 'Profielvak techniek'],
  ['Nederlands', 'Engels', 'Duits', 'Wiskunde', 'Geschiedenis', 'Biologie', 'Nask', 'Economie'],
  ['Nederlands', 'Engels', 'Frans', 'Duits', 'Wiskunde', 'Geschiedenis', 'Aardrijkskunde', 'Biologie'],
  ['Nederlands', 'Engels', 'Frans', 'Duits', 'Latijn', 'Wiskunde', 'Geschiedenis', 'Natuurkunde'],
];

function grade(ctx: BuildContext, spread = 0.8): string {
  return oneDecimal(clamp(4.6 + ctx.pupil.ability * 3.6 + ctx.rng.normal(0, spread), 2, 10));
}

/** Report grades: po rapports per domain, vo rapports per subject and period. */
export function cijferlijsten(ctx: BuildContext): Cijferlijst[] {
  const { rng, pupil } = ctx;
  const row = pupil.rows[pupil.rows.length - 1];
  const lists: Cijferlijst[] = [];
  const periods: [string, Day][] =
    pupil.stage === 'po'
      ? [
          ['midden', day(row.year.end, 2, 10)],
          ['eind', day(row.year.end, 7, 3)],
        ]
      : [
          ['periode 1', day(row.year.start, 11, 20)],
          ['periode 2', day(row.year.end, 2, 20)],
          ['periode 3', day(row.year.end, 4, 25)],
          ['periode 4', day(row.year.end, 7, 5)],
        ];
  for (const [periode, date] of periods) {
    if (date > ctx.datum - 3) continue;
    const jg = jaargroep(pupil.stage, row.grade);
    const items =
      pupil.stage === 'po'
        ? PO_REPORT.map((d) => {
            const onderdeel: Onderdeel[] = d.parts.map((naam) => ({ naam, score: { waarde: grade(ctx) } }));
            return { naam: d.naam, onderdeel, score: [{ waarde: grade(ctx, 0.4) }] };
          })
        : VO_SUBJECTS[pupil.level].map((naam) => ({
            naam,
            onderdeel: rng.chance(0.4)
              ? [
                  {
                    naam: `${naam}: proefwerk hoofdstuk ${rng.int(1, 6)}`,
                    score: { waarde: grade(ctx) },
                    afnamedatum: iso(date - 14),
                    jaargroep: jg,
                  },
                ]
              : undefined,
            score: [{ waarde: grade(ctx, 0.6) }],
          }));
    lists.push({ cijferlijstTypelijst: { items }, afnamedatum: iso(date), jaargroep: jg, periode });
  }
  return lists;
}
