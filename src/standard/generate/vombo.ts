/**
 * The VO-MBO blocks (only in profiles that allow them: VOVO and VOSWV): last promotion, exam
 * result and subject grades for a pupil who just passed the vmbo-gt exam, certificates,
 * competences, internships and career-orientation data.
 */
import type { Leerling, Resultaatvakkenvo, Stage as StageBlock } from '../model.js';
import { day, iso, weekdayBetween } from './calendar.js';
import { EXAMENUITSLAG } from './codes.js';
import { type BuildContext, clamp } from './context.js';
import { address, emailEntry, landline, organisationDomain, phoneEntry } from './places.js';
import { elementcode, TRACKS } from './pupil.js';

/** Exam subjects of vmbo-gt with a code in the 4-digit format of DUO's subject table (illustrative). */
const GT_EXAM = [
  ['0001', 'Nederlandse taal'],
  ['0002', 'Engelse taal'],
  ['0014', 'Wiskunde'],
  ['0021', 'Biologie'],
  ['0031', 'Economie'],
  ['0023', 'Natuur- en scheikunde 1'],
  ['0041', 'Geschiedenis en staatsinrichting'],
] as const;

const CERTIFICATES = [
  'Cambridge English A2 Key',
  'Cambridge English B1 Preliminary',
  'DELF A2',
  'Goethe-Zertifikat A2',
  'EHBO-diploma jeugd',
  'Certificaat Veilig Vakmanschap',
];

export function vomboBlocks(ctx: BuildContext): Partial<Leerling> {
  const { rng, pupil } = ctx;
  const out: Partial<Leerling> = {};
  const endOfYear = ctx.datum >= day(ctx.year.end, 6, 15);
  const track = TRACKS[pupil.level];

  if (pupil.diploma) {
    const uitslag = weekdayBetween(rng, day(ctx.year.end, 6, 10), day(ctx.year.end, 6, 13));
    out.examenresultaat = {
      soortdiploma: 'VMBO gemengde/theoretische leerweg',
      examenjaar: String(ctx.year.end),
      datumuitslag: iso(uitslag),
      examenuitslag: EXAMENUITSLAG.geslaagd,
    };
    const vakken: Resultaatvakkenvo[] = GT_EXAM.map(([vakcode, vak]) => ({
      vakcode,
      vakleergebied: vak,
      afgerond: true,
      datumafgerond: iso(uitslag),
      examenvak: true,
      exameneindcijfer: String(Math.round(clamp(5.5 + pupil.ability * 3 + rng.normal(0, 0.8), 5, 10))),
    }));
    vakken.push({
      vakcode: '0099',
      vakleergebied: 'Profielwerkstuk',
      afgerond: true,
      datumafgerond: iso(uitslag - 60),
      examenvak: false,
      werkstuk: {
        werkstuktitel: rng.pick([
          'Duurzame energie in onze wijk',
          'De geschiedenis van de haven',
          'Sociale media en slaap',
        ]),
        werkstukbeoordeling: rng.pick(['voldoende', 'goed']),
      },
    });
    out.resultaatvakkenvo = vakken;
    out.bevorderd = { elementcode: elementcode(4, 4), leerjaar: '4' };
  } else {
    const next = endOfYear ? pupil.grade + 1 : pupil.grade;
    out.bevorderd = { elementcode: elementcode(pupil.level, next), leerjaar: String(next) };
  }

  if (rng.chance(0.25)) out.certificaat = rng.sample(CERTIFICATES, rng.int(1, 2));
  const vocational = pupil.level <= 2;
  if (vocational && rng.chance(0.3)) {
    out.competenties = [
      {
        competentiereferentie: 'Loopbaanportfolio van de school',
        competentiecategorie: rng.pick(['Samenwerken', 'Klantgericht handelen', 'Plannen en organiseren']),
        competentiebeschrijving: 'Beoordeeld tijdens de beroepsgerichte stage.',
        competentiestatus: rng.pick(['voldoende', 'goed']),
      },
    ];
  }
  if ((vocational || pupil.diploma) && pupil.grade >= 3 && rng.chance(0.6)) out.stage = [internship(ctx)];
  if (pupil.grade >= 3 || pupil.diploma) {
    out.overigvombo = {
      keuzevervolgopleiding: pupil.diploma
        ? 'havo 4, profiel Economie en Maatschappij'
        : vocational
          ? rng.pick(['mbo niveau 2 Verzorgende', 'mbo niveau 2 Logistiek', 'mbo niveau 3 Bakkerij'])
          : `${track.kort} ${pupil.grade + 1}`,
      beroepskeuzetest: rng.chance(0.6),
      portfolio: rng.chance(0.7),
      pop: rng.chance(0.5),
      motivatiebrief: pupil.diploma || rng.chance(0.3),
      lobdossier: rng.chance(0.8),
    };
  }
  return out;
}

function internship(ctx: BuildContext): StageBlock {
  const { rng } = ctx;
  const begin = weekdayBetween(rng, ctx.datum - 330, ctx.datum - 60);
  const naam = rng.pick([
    `Zorgcentrum De Linde ${ctx.school.place.plaats}`,
    `Supermarkt Het Hoekje`,
    `Autobedrijf Van der Plas`,
    `Kinderdagverblijf De Ukkies`,
  ]);
  return {
    begindatum: iso(begin),
    einddatum: iso(begin + 14 * rng.int(1, 4)),
    soortstage: rng.pick(['Beroepsgerichte stage', 'Snuffelstage', 'Maatschappelijke stage']),
    functierol: rng.pick(['medewerker', 'assistent', 'meeloopstagiair']),
    instelling: {
      naam,
      adreslijst: { adres: [address(rng, ctx.school.place, 'bezoek')] },
      communicatielijst: {
        communicatie: [
          phoneEntry(landline(rng, ctx.school.place), 'werk'),
          emailEntry(`stage@${organisationDomain(naam)}`, 'werk'),
        ],
      },
    },
    beoordeling: rng.pick(['voldoende', 'goed', 'uitstekend']),
  };
}
