/**
 * Synthetic schools: the sending school (`huidigeschool`) and the other schools a pupil went to.
 * Dossiers generated one after another come in classes of about 28 from the same school, as a
 * school's administration would send them.
 */
import type { Adres, Huidigeschool, Leerling } from '../model.js';
import { brincode, swvNumber } from './identifiers.js';
import { formalName, staffName } from './names.js';
import {
  address,
  emailEntry,
  landline,
  organisationDomain,
  type Place,
  phoneEntry,
  pickPlace,
  postbox,
} from './places.js';
import { Random } from './random.js';

export type Sector = 'po' | 'vo';

export interface SchoolIdentity {
  brincode: string;
  vestigingscode: string;
  naam: string;
}

/** The sending school of generated dossiers, when it is given: its BRIN and vestiging, and its name (else a made-up one). */
export type SchoolOverride = Omit<SchoolIdentity, 'naam'> & { naam?: string };

export interface School extends SchoolIdentity {
  sector: Sector;
  /** `BAO` (basisonderwijs), `SBO` (speciaal basisonderwijs) or `VO`. */
  soort: 'BAO' | 'SBO' | 'VO';
  place: Place;
  adres: Adres;
  postadres?: Adres;
  telefoon: string;
  domain: string;
  directeur: string;
  /** The samenwerkingsverband passend onderwijs of the school's region. */
  swv: string;
}

/** Pupils per class: dossiers with consecutive indexes share a school in groups of this size. */
export const CLASS_SIZE = 28;

const PO_PREFIX = [
  'OBS',
  'CBS',
  'RKBS',
  'Basisschool',
  'IKC',
  'Jenaplanschool',
  'Daltonschool',
  'Montessorischool',
];
const PO_NAMES = (
  'De Regenboog|De Klimop|Het Kompas|De Wegwijzer|De Vlinder|Sint Jozef|De Zonnewijzer|De Wilgenhoek|' +
  "De Springplank|Het Palet|De Fontein|De Bron|'t Schrijverke|De Tweemaster|Het Anker|De Kameleon|" +
  'De Notenbalk|Het Mozaïek|De Piramide|Prins Willem-Alexander|De Vuurvogel|Het Zonnehuis|De Meander'
).split('|');
const SBO_NAMES = ['SBO De Brug', 'SBO Het Startpunt', 'SBO De Horizon', 'SBO De Sleutel'];
const VO_PATTERNS: readonly ((p: Place) => string)[] = [
  (p) => `${p.plaats} College`,
  (p) => `Stedelijk Lyceum ${p.plaats}`,
  () => 'Scholengemeenschap De Rietlanden',
  () => 'Christelijk College De Populier',
  (p) => `Vakcollege ${p.plaats}`,
  (p) => `Montessori Lyceum ${p.plaats}`,
  () => 'Het Erasmiaans',
  () => 'Comenius Scholengemeenschap',
  () => 'Praktijkschool De Brug',
  (p) => `Stedelijk Gymnasium ${p.plaats}`,
];

/** The school of the class that dossier `index` belongs to. */
export function schoolFor(seed: string, sector: Sector, index: number, identity?: SchoolOverride): School {
  const group = Math.floor(index / CLASS_SIZE);
  const school = makeSchool(new Random(seed, 'school', sector, group), sector);
  return identity ? { ...school, ...identity, naam: identity.naam ?? school.naam } : school;
}

export function makeSchool(rng: Random, sector: Sector): School {
  const place = pickPlace(rng);
  let naam: string;
  let soort: School['soort'];
  if (sector === 'vo') {
    naam = rng.pick(VO_PATTERNS)(place);
    soort = 'VO';
  } else if (rng.chance(0.06)) {
    naam = rng.pick(SBO_NAMES);
    soort = 'SBO';
  } else {
    naam = `${rng.pick(PO_PREFIX)} ${rng.pick(PO_NAMES)}`;
    soort = 'BAO';
  }
  const director = staffName(rng);
  return {
    brincode: brincode(rng),
    vestigingscode: rng.weighted([
      ['00', 8],
      ['01', 2],
      ['02', 1],
    ] as const),
    naam,
    sector,
    soort,
    place,
    adres: address(rng, place, 'bezoek'),
    postadres: rng.chance(0.3) ? postbox(rng, place) : undefined,
    telefoon: landline(rng, place),
    domain: organisationDomain(naam),
    directeur: formalName(director.gender, director.voornaam, director.surname),
    swv: swvNumber(rng, sector === 'po' ? 'PO' : 'VO'),
  };
}

/** The `huidigeschool` block (the pupil is added by the caller). */
export function huidigeschool(school: School, leerling: Leerling): Huidigeschool {
  return {
    naam: school.naam,
    adreslijst: { adres: school.postadres ? [school.adres, school.postadres] : [school.adres] },
    communicatielijst: {
      communicatie: [
        phoneEntry(school.telefoon, 'werk', { flags: false }),
        emailEntry(`administratie@${school.domain}`, 'werk', { flags: false }),
      ],
    },
    brincode: school.brincode,
    vestigingscode: school.vestigingscode,
    aanleverpunt: '1',
    soort: school.soort,
    naamdirecteur: school.directeur,
    website: `https://www.${school.domain}`,
    leerling,
  };
}
