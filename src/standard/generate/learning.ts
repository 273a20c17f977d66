/**
 * The teacher's part of the dossier: the transfer advice (overstapadvies), parents' review
 * (inzage), absence (verzuim) and early childhood education (VVE).
 */
import type { Inzage, Leerling, Overstapadvies, Verzuim } from '../model.js';
import { type Day, dutchDate, iso, weekdayBetween } from './calendar.js';
import {
  ADVIES_BY_LEVEL,
  AKKOORD,
  DEELNAME,
  PROFIEL,
  TOELEIDER,
  VOORSCHOOLS_HISTORIE,
  VVE_PROGRAMMA,
} from './codes.js';
import { type BuildContext, clamp, pupilName } from './context.js';
import type { Random } from './random.js';
import { aandachtspunten, argumentatie, LEVEL_WORDS, redenNietAkkoord } from './texts.js';

/**
 * The transfer advice. A VO advice only for a pupil leaving groep 8 or in VO; a revised advice
 * when the final test points higher; contact details whenever contact is wanted (OVa.OA03–05).
 */
export function overstapadvies(ctx: BuildContext, toetsLevel: number | undefined): Overstapadvies {
  const { rng, pupil } = ctx;
  const o: Overstapadvies = {};
  const withAdvice = pupil.stage === 'vo' || pupil.grade === 8;
  if (withAdvice) {
    const level = pupil.diploma ? 4 : pupil.level;
    const near = () =>
      clamp(
        level +
          rng.weighted([
            [0, 65],
            [1, 30],
            [-1, 5],
          ] as const),
        0,
        5,
      );
    o.advies = ADVIES_BY_LEVEL[level];
    if (rng.chance(0.75)) o.wensouders = ADVIES_BY_LEVEL[near()];
    if (rng.chance(0.4)) o.wensleerling = ADVIES_BY_LEVEL[near()];
    if (pupil.stage === 'po' && toetsLevel !== undefined && toetsLevel > level && rng.chance(0.6)) {
      o.herzienadvies = ADVIES_BY_LEVEL[level + 1];
      o.motivatie_herzienadvies = 'Het advies is herzien na de uitslag van de doorstroomtoets.';
    }
    o.profiel =
      pupil.needs.length > 0
        ? rng.pick([PROFIEL.ondersteuning, PROFIEL.bespreek])
        : pupil.traits.werkhouding === 'sterk'
          ? rng.pick([PROFIEL.basis, PROFIEL.plus])
          : rng.pick([PROFIEL.basis, PROFIEL.basis, PROFIEL.disharmonisch]);
    if (rng.chance(0.85))
      o.argumentatie = argumentatie(rng, pupil.traits, LEVEL_WORDS[level], pupil.stage === 'vo');
  }
  const contact = pupil.needs.length > 0 || rng.chance(0.15);
  o.contactnodig = contact;
  if (contact || rng.chance(0.5)) {
    o.contactpersoon = ctx.teacher.naam;
    o.contacttelefoon = ctx.school.telefoon;
    o.contactemail = ctx.teacher.email;
  }
  if (rng.chance(0.85) || contact) o.aandachtspunten = aandachtspunten(rng, pupil.traits);
  return o;
}

/** The parents' review, on `inzagedatum`; VOVO asks for consent (OVa.IZ05). */
export function inzage(ctx: BuildContext, inzagedatum: Day): Inzage {
  const { rng } = ctx;
  const akkoord = rng.weighted([
    [AKKOORD.ja, 88],
    [AKKOORD.nee, 8],
    [AKKOORD.onbekend, 4],
  ] as const);
  const i: Inzage = {
    voorlopigdossier: rng.chance(0.08),
    inzage: true,
    inzagedatum: iso(inzagedatum),
    akkoord,
  };
  if (akkoord === AKKOORD.nee) i.redennietakkoord = redenNietAkkoord(rng);
  if (ctx.profile === 'VOVO' || rng.chance(0.5)) i.toestemming = AKKOORD.ja;
  return i;
}

/** Absence over the last twelve months: half-days in po, hours in vo. */
export function verzuim(ctx: BuildContext): Verzuim {
  const { rng, pupil } = ctx;
  const po = pupil.stage === 'po';
  const scale = po ? 1 : 3;
  const unexcused = rng.weighted([
    [0, 70],
    [rng.int(1, 4) * scale, 24],
    [rng.int(5, 16) * scale, 6],
  ] as const);
  const v: Verzuim = po
    ? { dagdelengeoorloofd: String(rng.int(0, 20)), dagdelenongeoorloofd: String(unexcused) }
    : { urengeoorloofd: String(rng.int(0, 50)), urenongeoorloofd: String(unexcused) };
  v.meerdan25percent = false;
  v.frequentie = String(unexcused === 0 ? 0 : rng.int(1, Math.min(unexcused, 6)));
  v.contactleerplicht = unexcused >= 8 * scale;
  if (!po) v.rmcmelding = false;
  if (v.contactleerplicht || rng.chance(0.3)) {
    const doc = ctx.att.text(
      'verzuimoverzicht.txt',
      'Overzicht van het verzuim van de afgelopen twaalf maanden',
      (rng) => absenceReport(ctx, rng, unexcused, po),
    );
    if (doc) v.documentLijst = { document: [doc] };
  }
  return v;
}

function absenceReport(ctx: BuildContext, rng: Random, unexcused: number, po: boolean): string {
  const unit = po ? 'dagdeel' : 'lesuur';
  const lines = [
    `Verzuimoverzicht ${pupilName(ctx)}`,
    `${ctx.school.naam} (${ctx.school.brincode}${ctx.school.vestigingscode}), schooljaar ${ctx.year.label}`,
    '',
    `Datum       Soort          Aantal  Reden`,
  ];
  const reasons = ['ziek', 'tandarts', 'familieomstandigheden', 'te laat', 'onbekend', 'huisarts'];
  const count = Math.max(3, Math.min(30, unexcused + rng.int(2, 8)));
  for (let i = 0; i < count; i++) {
    const d = weekdayBetween(rng, ctx.datum - 365, ctx.datum - 1);
    const geoorloofd = i >= unexcused;
    lines.push(
      `${dutchDate(d)}  ${(geoorloofd ? 'geoorloofd' : 'ongeoorloofd').padEnd(13)}  ${String(rng.int(1, 2)).padEnd(6)}  ${geoorloofd ? rng.pick(reasons.slice(0, 3)) : rng.pick(reasons.slice(3))}`,
    );
  }
  lines.push('', `Eenheid: ${unit}.`);
  return `${lines.join('\n')}\n`;
}

/** Early childhood education: playgroup, pre-school and early-school programmes. */
export function vve(ctx: BuildContext): Partial<Leerling> {
  const { rng, pupil } = ctx;
  const out: Partial<Leerling> = {};
  const playgroup = rng.chance(0.75);
  out.vanpeuterspeelzaal = playgroup;
  if (playgroup) {
    out.naampeuterspeelzaal = rng.pick([
      'Peuterspeelzaal Hummeltje',
      'Peutergroep De Boefjes',
      "Peuteropvang 't Kabouterhuis",
      'Kinderopvang De Speelark',
      'Peutercentrum Olleke Bolleke',
    ]);
    if (rng.chance(0.4)) {
      const programma = rng.pick(VVE_PROGRAMMA);
      out.voorschools = {
        codevoorschoolsprogramma: programma,
        voorschoolsemaanden: String(rng.int(6, 24)),
      };
      if (rng.chance(0.5)) out.voorschools.codevoorschoolsehistorie = rng.pick(VOORSCHOOLS_HISTORIE);
      if (rng.chance(0.5)) out.voorschools.codevoorschoolsetoeleider = rng.pick(TOELEIDER);
      if (rng.chance(0.5)) out.voorschools.codevoorschoolsedeelname = rng.pick(DEELNAME);
      if (rng.chance(0.6)) out.voorschools.voorschoolseaanwezigheid = String(rng.int(2, 4));
      if (rng.chance(0.7)) {
        const groep2 = pupil.rows.find((r) => r.stage === 'po' && r.grade === 2);
        const end = groep2 && groep2.end < ctx.datum ? iso(groep2.end) : undefined;
        out.vroegschools = [
          {
            codevroegschoolsprogramma: programma,
            vroegschoolsdatumingang: iso(pupil.instroom),
            ...(end ? { vroegschoolseinddatum: end } : {}),
          },
        ];
      }
    }
  }
  return out;
}
