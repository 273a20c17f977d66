/**
 * Assembles one synthetic dossier for a profile: metadata, inzage, the sending school and the
 * pupil with every block the profile allows, each optional category delivered or left out at
 * random. The same (seed, index) always gives the same dossier.
 */
import type { Dossier, Leerling, Schoolloopbaan } from '../model.js';
import { type CategoryField, PROFILES, type ProfileCode, requirementOf } from '../profiles.js';
import { AttachmentFactory, type AttachmentMode } from './attachments.js';
import {
  type Day,
  day,
  dutchDate,
  iso,
  nextWeekday,
  type SchoolYear,
  schoolYear,
  weekdayBetween,
  yearEnd,
} from './calendar.js';
import { declareCategories } from './categories.js';
import { GESLACHT, jaargroep, LEERLINGGEWICHT } from './codes.js';
import type { BuildContext } from './context.js';
import { huisarts, makeHome, makeHousehold, pupilContacts } from './family.js';
import { bsn, leerlingid } from './identifiers.js';
import { inzage, overstapadvies, verzuim, vve } from './learning.js';
import { asciiFold, formalName, initials, staffName } from './names.js';
import { elementcode, makePupil, type Pupil, pickNeeds, placement, TRACKS } from './pupil.js';
import { Random } from './random.js';
import { cijferlijsten, eindtoets, toetsen } from './results.js';
import { huidigeschool, type School, type SchoolOverride, schoolFor } from './school.js';
import { onderwijsondersteuning } from './support.js';
import { reportLines } from './texts.js';
import { vomboBlocks } from './vombo.js';

/** Written into `metadata/pakketnaam` and `pakketversie`: these dossiers are synthetic. */
export const PAKKETNAAM = 'Overstap (synthetische dossiers)';
export const PAKKETVERSIE = '1';

export interface BuildOptions {
  profile: ProfileCode;
  seed: string;
  index: number;
  year: SchoolYear;
  attachments: AttachmentMode;
  school?: SchoolOverride;
  /** Optional categories to leave out (used to stay under a size target). */
  leaveOut?: ReadonlySet<CategoryField>;
}

/** The dossier date and the parents' review date, at the moments these dossiers are made. */
function dossierDates(rng: Random, profile: ProfileCode, year: SchoolYear, diploma: boolean) {
  const on = (m: number, d: number, y = year.end) => day(y, m, d);
  let datum: Day;
  let review: Day;
  if (profile === 'POVO') {
    review = weekdayBetween(rng, on(3, 25), on(4, 25));
    return { datum: weekdayBetween(rng, review + 1, Math.min(review + 35, on(6, 30))), review };
  }
  if (profile === 'VOVO') {
    datum = diploma
      ? weekdayBetween(rng, on(6, 20), on(7, 10))
      : rng.chance(0.6)
        ? weekdayBetween(rng, on(5, 15), on(7, 10))
        : weekdayBetween(rng, on(9, 20, year.start), on(5, 14));
  } else if (profile === 'POSWV' || profile === 'VOSWV') {
    datum = weekdayBetween(rng, on(10, 1, year.start), on(6, 15));
  } else {
    datum = weekdayBetween(rng, on(9, 15, year.start), on(6, 25));
  }
  review = weekdayBetween(rng, datum - 10, datum - 1);
  return { datum, review };
}

/** How likely an optional category is delivered, given the pupil. */
function optionalChance(field: CategoryField, profile: ProfileCode, pupil: Pupil): number {
  switch (field) {
    case 'cat_onderwijsondersteuning':
    case 'cat_handelingsplannen':
      return pupil.needs.length > 0 ? 0.8 : 0;
    case 'cat_eindtoetsbo':
      return profile === 'POVO' ? 1 : 0.6;
    case 'cat_toetsresultaten':
      return profile === 'POVO' ? 1 : 0.7;
    case 'cat_cijferlijsten':
      return pupil.stage === 'vo' ? 0.8 : pupil.grade >= 3 ? 0.3 : 0;
    case 'cat_vombo':
      return pupil.stage !== 'vo' ? 0 : pupil.diploma ? 1 : 0.6;
    case 'cat_vve':
      return 0.4;
    default:
      return profile === 'BB' || profile === 'POSWV' || profile === 'VOSWV' ? 0.65 : 0.5;
  }
}

export function buildDossier(o: BuildOptions): Dossier {
  const { profile, year } = o;
  const rng = new Random(o.seed, profile, 'dossier', o.index);
  const sector = profile === 'VOVO' || profile === 'VOSWV' ? 'vo' : 'po';
  const school: School = schoolFor(o.seed, sector, o.index, o.school);
  const place = placement(rng, profile);
  const needs = pickNeeds(rng, profile, school.soort === 'SBO');
  const { datum, review } = dossierDates(rng, profile, year, place.diploma);
  const pupil = makePupil(rng, place, needs, year, { brincode: school.brincode, sector }, datum);
  const home = makeHome(rng, school.place);
  const household = makeHousehold(rng, pupil, home, datum);
  const teacher = staffName(rng);
  const ctx: BuildContext = {
    rng,
    profile,
    year,
    datum,
    school,
    pupil,
    home,
    att: new AttachmentFactory(new Random(o.seed, profile, 'attachments', o.index), o.attachments, datum),
    teacher: {
      naam: formalName(teacher.gender, teacher.voornaam, teacher.surname),
      email: `${asciiFold(teacher.voornaam).charAt(0)}.${asciiFold(teacher.surname.achternaam)}@${school.domain}`,
    },
  };
  // Each block draws from its own stream, so leaving one out does not change the others.
  const stream = (name: string) => new Random(o.seed, profile, 'dossier', o.index, name);
  const block = (name: string): BuildContext => ({ ...ctx, rng: stream(name) });
  const include = (field: CategoryField): boolean => {
    const requirement = requirementOf(profile, field);
    if (requirement !== 'OPTIONEEL') return requirement === 'VERPLICHT';
    const wanted = new Random(o.seed, profile, 'category', o.index, field).chance(
      optionalChance(field, profile, pupil),
    );
    return wanted && !o.leaveOut?.has(field);
  };

  const leaving = leavingDate(ctx, place.diploma);
  const l: Leerling = {
    voornaam: pupil.givenNames,
    'voorletters-1': initials(pupil.givenNames),
    ...pupil.surname,
    roepnaam: pupil.roepnaam,
    geboortedatum: iso(pupil.birth),
    geslacht: pupil.gender === 'v' ? GESLACHT.vrouw : GESLACHT.man,
    adresgeheim: home.secret,
  };
  if (home.adres) l.adreslijst = { adres: [home.adres] };
  if (rng.chance(pupil.stage === 'vo' ? 0.7 : 0.05))
    l.communicatielijst = { communicatie: pupilContacts(rng, pupil, home) };
  if (rng.chance(0.8)) {
    l.gba = {
      gbavoornaam: pupil.givenNames,
      ...(pupil.surname.voorvoegsel ? { gbavoorvoegsel: pupil.surname.voorvoegsel } : {}),
      gbaachternaam: pupil.surname.achternaam,
      gbageboortedatum: dutchDate(pupil.birth),
    };
  }
  if (home.abroad) l.adresbuitenland = home.abroad;
  if (PROFILES[profile].family === 'OV') l.bsn = bsn(rng);
  l.leerlingid = leerlingid(rng);
  l.onderwijssinds = iso(pupil.instroom);
  l.startdatumhuidigonderwijs = iso(pupil.joined);
  l.datuminschrijving = iso(pupil.joined);
  if (leaving !== undefined) l.datumuitschrijving = iso(leaving);
  if (pupil.stage === 'po' && rng.chance(0.3)) {
    l.leerlinggewicht = rng.weighted(LEERLINGGEWICHT.map((c, i) => [c, i === 0 ? 85 : 8] as const));
  }
  if (household.tehuis || rng.chance(0.2)) l.tehuis = household.tehuis;
  if (rng.chance(0.7)) l.huisarts = huisarts(rng, school.place);

  if (include('cat_oudersverzorgers')) {
    l.verzorgersaansprakelijk = household.verzorgersaansprakelijk;
    if (household.aansprakelijkeinstelling) l.aansprakelijkeinstelling = household.aansprakelijkeinstelling;
    l.verzorger = household.verzorgers;
  }

  const groep8 = groep8Year(pupil, year);
  const finalTestDone = groep8 !== undefined && day(groep8.end, 3, 20) < datum;
  const final =
    finalTestDone && include('cat_eindtoetsbo') ? eindtoets(block('eindtoets'), groep8) : undefined;
  if (include('cat_overstapadvies')) l.overstapadvies = overstapadvies(block('advies'), final?.level);
  if (include('cat_vve')) Object.assign(l, vve(block('vve')));
  if (include('cat_schoolloopbaan'))
    l.schoolloopbaanlijst = { schoolloopbaan: career(block('loopbaan'), leaving) };

  const support = include('cat_onderwijsondersteuning');
  const plans = include('cat_handelingsplannen');
  if ((support || plans) && needs.length > 0) {
    const swv = PROFILES[profile].family === 'PaO';
    const lowTestScore = final?.level !== undefined && final.level <= 1;
    const oo = onderwijsondersteuning(block('ondersteuning'), { swv, lowTestScore });
    if (!plans) delete oo.handelingsplan;
    if (!support)
      for (const k of Object.keys(oo)) if (k !== 'handelingsplan') delete oo[k as keyof typeof oo];
    if (Object.keys(oo).length > 0) l.onderwijsondersteuning = oo;
  }
  if (include('cat_verzuim')) l.verzuim = verzuim(block('verzuim'));
  if (final) l.eindtoets_basisonderwijs = final.block;
  if (include('cat_toetsresultaten')) {
    const list = toetsen(block('toetsen'));
    if (list.length > 0) l.toetslijst = { toets: list };
  }
  if (include('cat_cijferlijsten')) {
    const lists = cijferlijsten(block('cijfers'));
    if (lists.length > 0) l.cijferlijstlijst = { cijferlijst: lists };
  }
  if (include('cat_bijlagedocs')) {
    const docs = [
      ctx.att.pdf('leerlingrapport.pdf', 'Leerlingrapport', `Leerlingrapport – ${pupil.roepnaam}`, (r) =>
        reportLines(r, pupil.traits, 'Leerlingrapport', [
          `Schooljaar ${year.label}`,
          `School: ${school.naam}`,
        ]),
      ),
      ctx.att.text(
        'groepsplan.txt',
        'Groepsplan',
        (r) => `Groepsplan ${year.label}\n\n${reportLines(r, pupil.traits, 'Groepsplan', []).join('\n')}\n`,
      ),
    ].filter((d) => d !== undefined);
    if (docs.length > 0) l.overigdocumentlijst = { document: docs };
  }
  if (include('cat_vombo')) Object.assign(l, vomboBlocks(block('vombo')));

  const dossier: Dossier = {
    metadata: {
      deeldossier: 'LASLVS',
      pakketnaam: PAKKETNAAM,
      pakketversie: PAKKETVERSIE,
      datum: iso(datum),
      standaardversie: '2019.1',
      validatieversie: '2019.1.1',
      overstap: PROFILES[profile].overstap ?? 'POPO',
    },
    overdrachtsoort: PROFILES[profile].overdrachtsoort,
    huidigeschool: huidigeschool(school, l),
  };
  if (include('cat_ouderinzage')) dossier.inzage = inzage(block('inzage'), review);
  dossier.metadata.categorie_uitlevering = declareCategories(dossier, profile);
  return dossier;
}

/** The planned last school day, for pupils who leave the school. */
function leavingDate(ctx: BuildContext, diploma: boolean): Day | undefined {
  const { profile, datum, year, rng } = ctx;
  if (profile === 'POVO' || diploma) return yearEnd(year);
  if (profile === 'POPO' || profile === 'VOVO') {
    if (datum >= day(year.end, 5, 15)) return yearEnd(year);
    return Math.min(yearEnd(year), nextWeekday(datum + rng.int(3, 30)));
  }
  return undefined;
}

/** The school year the pupil was (or is) in groep 8. */
function groep8Year(pupil: Pupil, year: SchoolYear): SchoolYear | undefined {
  if (pupil.stage === 'po') return pupil.grade === 8 ? year : undefined;
  const firstVo = pupil.rows.find((r) => r.stage === 'vo');
  return firstVo ? schoolYear(firstVo.year.start - 1) : undefined;
}

function career(ctx: BuildContext, leaving: Day | undefined): Schoolloopbaan[] {
  const { rng, pupil, school } = ctx;
  const rows = pupil.rows.filter((r) => r.stage === pupil.stage);
  return rows.map((r, i) => {
    const own = r.brincode === school.brincode;
    const end = i === rows.length - 1 && leaving !== undefined ? Math.min(r.end, leaving) : r.end;
    const row: Schoolloopbaan = {
      schooljaar: r.year.label,
      groepscode: '',
      jaargroep: jaargroep(r.stage, r.grade),
      begindatum: iso(r.begin),
      einddatum: iso(end),
      brincode: r.brincode,
      vestigingscode: own ? school.vestigingscode : '00',
    };
    if (r.stage === 'po') {
      const combined = r.grade < 8 && rng.chance(0.2);
      row.groepscode = combined ? `${r.grade}/${r.grade + 1}` : `${r.grade}${rng.pick(['a', 'b', ''])}`;
      row.groepsnaam = combined ? `combinatiegroep ${r.grade}/${r.grade + 1}` : `groep ${r.grade}`;
      row.schoolsoort = own ? school.soort : 'BAO';
    } else {
      const track = TRACKS[pupil.level];
      const letter = rng.pick(['A', 'B', 'C', 'D']);
      row.groepscode = `${track.code}${r.grade}${letter}`;
      row.groepsnaam = `${track.kort} ${r.grade}${letter.toLowerCase()}`;
      row.schoolsoort = 'VO';
      row.voelementcode = elementcode(pupil.level, r.grade);
      row.voelementomschrijving = `${track.kort} leerjaar ${r.grade}`;
      row.schoolsoortomschrijving = track.naam;
    }
    return row;
  });
}
