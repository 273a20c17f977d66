/**
 * The pupil's home: addresses, guardians (verzorgers), family doctor and, for the few pupils whose
 * parents are not responsible, the responsible institution. Families come in the shapes a school
 * sees: two parents at one address, separated parents, one parent, a guardian, a deceased parent.
 * A secret address hides every address of the household and uses the standard's placeholders for
 * secret numbers (OVa.LL08, OVa.OV03).
 */
import type { Adres, Communicatie, Instelling, Persoon, Verzorger } from '../model.js';
import { between, type Day, iso } from './calendar.js';
import { GESLACHT, RELATIE } from './codes.js';
import { iban } from './identifiers.js';
import { adultGivenNames, type Gender, initials, staffName, surnameFor, surnameForm } from './names.js';
import {
  address,
  emailEntry,
  foreignAddressLines,
  landline,
  mobile,
  organisationDomain,
  type Place,
  phoneEntry,
  privateEmail,
} from './places.js';
import type { Pupil } from './pupil.js';
import type { Random } from './random.js';

export interface Home {
  /** The pupil's address (none when secret or abroad). */
  adres?: Adres;
  /** Lines of a foreign address, for pupils living across the border. */
  abroad?: string[];
  secret: boolean;
  place: Place;
}

export interface Household {
  verzorgersaansprakelijk: boolean;
  verzorgers: Verzorger[];
  aansprakelijkeinstelling?: Instelling;
  tehuis: boolean;
}

export function makeHome(rng: Random, schoolPlace: Place): Home {
  const secret = rng.chance(0.02);
  if (secret) return { secret, place: schoolPlace };
  if (schoolPlace.border && rng.chance(0.15))
    return { secret, place: schoolPlace, abroad: foreignAddressLines(rng, schoolPlace) };
  return { secret, place: schoolPlace, adres: address(rng, schoolPlace, rng.chance(0.7) ? 'gba' : 'bezoek') };
}

type Shape = 'two' | 'split' | 'single' | 'guardian' | 'deceased';

interface ParentSpec {
  gender: Gender;
  relatie: string;
  ownHome: boolean;
  deceased?: Day;
}

/** The guardians and who is responsible for the pupil. */
export function makeHousehold(rng: Random, pupil: Pupil, home: Home, today: Day): Household {
  const shape = rng.weighted<Shape>([
    ['two', 72],
    ['split', 14],
    ['single', 10],
    ['guardian', 2],
    ['deceased', 2],
  ]);
  const father: ParentSpec = { gender: 'm', relatie: RELATIE.vader, ownHome: false };
  const mother: ParentSpec = { gender: 'v', relatie: RELATIE.moeder, ownHome: false };
  let parents: ParentSpec[];
  switch (shape) {
    case 'two':
      parents = rng.chance(0.03) ? [mother, { ...mother }] : [father, mother];
      break;
    case 'split':
      parents = rng.chance(0.8)
        ? [mother, { ...father, ownHome: true }]
        : [father, { ...mother, ownHome: true }];
      break;
    case 'single':
      parents = [rng.chance(0.8) ? mother : father];
      break;
    case 'guardian':
      parents = [{ gender: rng.chance(0.6) ? 'v' : 'm', relatie: RELATIE.voogd, ownHome: false }];
      break;
    case 'deceased':
      parents = rng.chance(0.5)
        ? [mother, { ...father, deceased: between(rng, pupil.birth + 400, today - 30) }]
        : [father, { ...mother, deceased: between(rng, pupil.birth + 400, today - 30) }];
      break;
  }
  // The child carries the father's surname or, by the parents' choice, the mother's.
  const fatherAt = parents.findIndex((p) => p.relatie === RELATIE.vader);
  const motherAt = parents.findIndex((p) => p.relatie === RELATIE.moeder);
  const giver = fatherAt >= 0 && !(motherAt >= 0 && rng.chance(0.15)) ? fatherAt : motherAt;
  const verzorgers = parents.map((p, i) => verzorger(rng, pupil, home, p, i, i === giver));
  if (shape === 'guardian') {
    const naam = `Jeugdbescherming ${home.place.plaats}`;
    return {
      verzorgersaansprakelijk: false,
      verzorgers,
      aansprakelijkeinstelling: {
        naam,
        adreslijst: { adres: [address(rng, home.place, 'bezoek')] },
        communicatielijst: {
          communicatie: [
            phoneEntry(landline(rng, home.place), 'werk'),
            emailEntry(`info@${organisationDomain(naam)}`, 'werk'),
          ],
        },
      },
      tehuis: rng.chance(0.5),
    };
  }
  return { verzorgersaansprakelijk: true, verzorgers, tehuis: false };
}

function verzorger(
  rng: Random,
  pupil: Pupil,
  home: Home,
  spec: ParentSpec,
  position: number,
  sharesChildName: boolean,
): Verzorger {
  const given = adultGivenNames(rng, pupil.family, spec.gender);
  const surname = sharesChildName
    ? surnameForm(pupil.surnameEntry, spec.gender)
    : surnameFor(rng, pupil.family, spec.gender);
  const v: Verzorger = {
    voornaam: given,
    'voorletters-1': initials(given),
    ...surname,
    geslacht: spec.gender === 'v' ? GESLACHT.vrouw : GESLACHT.man,
    relatietotkind: spec.relatie,
    wettigevertegenwoordiger: spec.deceased === undefined,
  };
  if (spec.deceased !== undefined) {
    v.overleden = true;
    v.overlijdensdatum = iso(spec.deceased);
    return v;
  }
  v.adresgeheim = home.secret;
  if (!home.secret && !home.abroad) {
    const adres = spec.ownHome ? address(rng, home.place, 'bezoek') : home.adres;
    if (adres)
      v.adreslijst = { adres: [{ ...adres, soortadres: spec.ownHome ? 'bezoek' : adres.soortadres }] };
  }
  const secretNumber = home.secret || rng.chance(0.04);
  const comms: Communicatie[] = [
    phoneEntry(mobile(rng), 'prive', { geheim: secretNumber, noodnummer: position === 0 }),
    emailEntry(privateEmail(rng, given[0], surname.achternaam), 'prive', { geheim: home.secret }),
  ];
  if (rng.chance(0.3))
    comms.push(phoneEntry(landline(rng, home.place), 'werk', { noodnummer: position === 1 }));
  v.communicatielijst = { communicatie: comms };
  if (rng.chance(0.3)) v.iban = iban(rng);
  if (rng.chance(0.1)) v.overleden = false;
  return v;
}

/** The family doctor: no roepnaam, geslacht or secret address (OG.05). */
export function huisarts(rng: Random, place: Place): Persoon {
  const doctor = staffName(rng, rng.chance(0.55) ? 'v' : 'm');
  return {
    voornaam: [doctor.voornaam],
    'voorletters-1': initials([doctor.voornaam]),
    ...doctor.surname,
    adreslijst: { adres: [address(rng, place, 'bezoek')] },
    communicatielijst: { communicatie: [phoneEntry(landline(rng, place), 'werk')] },
  };
}

/** The pupil's own phone and e-mail (older pupils), with placeholders when the family's data is secret. */
export function pupilContacts(rng: Random, pupil: Pupil, home: Home): Communicatie[] {
  return [
    phoneEntry(mobile(rng), 'prive', { geheim: home.secret }),
    emailEntry(privateEmail(rng, pupil.roepnaam, pupil.surname.achternaam), 'prive', { geheim: home.secret }),
  ];
}
