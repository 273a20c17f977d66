/**
 * Addresses, phone numbers and e-mail addresses for synthetic dossiers. Places, postcode areas
 * and area codes are real, so that addresses look right; street numbers, postcode letters and
 * phone numbers are random. E-mail addresses and websites use the domains that RFC 2606 reserves
 * for examples (example.com, .net, .org), so that no message can reach a real mailbox.
 */
import type { Adres, Communicatie } from '../model.js';
import { asciiFold } from './names.js';
import type { Random } from './random.js';

export interface Place {
  plaats: string;
  gemeente: string;
  /** First and last four-digit postcode of the place. */
  postcodes: readonly [number, number];
  /** Telephone area code (netnummer) without the leading 0. */
  netnummer: string;
  /** Near the Belgian (BE) or German (DE) border: some pupils live across it. */
  border?: 'BE' | 'DE';
}

function place(plaats: string, from: number, to: number, netnummer: string, gemeente = plaats): Place {
  return { plaats, gemeente, postcodes: [from, to], netnummer };
}

export const PLACES: readonly Place[] = [
  place('Amsterdam', 1011, 1109, '20'),
  place('Rotterdam', 3011, 3089, '10'),
  place('Den Haag', 2491, 2599, '70', "'s-Gravenhage"),
  place('Utrecht', 3511, 3585, '30'),
  place('Eindhoven', 5611, 5658, '40'),
  place('Groningen', 9711, 9747, '50'),
  place('Tilburg', 5011, 5049, '13'),
  place('Almere', 1311, 1364, '36'),
  place('Breda', 4811, 4839, '76'),
  place('Nijmegen', 6511, 6546, '24'),
  place('Apeldoorn', 7311, 7339, '55'),
  place('Haarlem', 2011, 2037, '23'),
  place('Arnhem', 6811, 6846, '26'),
  { ...place('Enschede', 7511, 7548, '53'), border: 'DE' },
  place('Amersfoort', 3811, 3829, '33'),
  place('Zaandam', 1501, 1509, '75', 'Zaanstad'),
  place("'s-Hertogenbosch", 5211, 5249, '73'),
  place('Zwolle', 8011, 8048, '38'),
  place('Leiden', 2311, 2334, '71'),
  { ...place('Maastricht', 6211, 6229, '43'), border: 'BE' },
  place('Dordrecht', 3311, 3329, '78'),
  place('Leeuwarden', 8911, 8939, '58'),
  place('Alkmaar', 1811, 1829, '72'),
  place('Delft', 2611, 2629, '15'),
  place('Deventer', 7411, 7431, '570'),
  place('Hilversum', 1211, 1223, '35'),
  place('Assen', 9401, 9409, '592'),
  place('Emmen', 7811, 7825, '591'),
  { ...place('Venlo', 5911, 5928, '77'), border: 'DE' },
  place('Gouda', 2801, 2809, '182'),
  place('Sneek', 8601, 8608, '515', 'Súdwest-Fryslân'),
  { ...place('Kerkrade', 6461, 6471, '45'), border: 'DE' },
  place('Middelburg', 4331, 4339, '118'),
  place('Hoorn', 1621, 1628, '229'),
  place('Oss', 5341, 5351, '412'),
  place('Helmond', 5701, 5709, '492'),
  place('Lelystad', 8211, 8245, '320'),
  place('Den Helder', 1781, 1789, '223'),
];

const STREETS = (
  'Dorpsstraat|Kerkstraat|Schoolstraat|Molenweg|Beatrixlaan|Julianastraat|Wilhelminastraat|' +
  'Prins Bernhardlaan|Eikenlaan|Berkenlaan|Lindelaan|Kastanjelaan|Vondelstraat|Rembrandtlaan|' +
  'Vermeerstraat|Van Goghstraat|Merelstraat|Lijsterlaan|Zwanenbloem|Korenbloemstraat|' +
  'Sleutelbloemstraat|De Ruyterstraat|Tjalkstraat|Havenstraat|Marktstraat|Burgemeester Jansenlaan|' +
  "Koningin Julianaweg|'t Zand|Nieuwe Gracht|Oranjestraat|Stationsweg|Parallelweg|Hoofdstraat|" +
  'Weverstraat|Smidse|Esdoornlaan|Populierenweg|Brinkstraat|Kanaalweg|Reigerlaan|Zilvermeeuw|' +
  'Anne Frankstraat|Mozartlaan|Händelstraat|Cornelis Lelylaan|Dr. Schaepmanstraat|Piet Heinstraat|' +
  'Grote Markt|Achter de Muur|Kloosterhof|Sint Janstraat|Hertog Hendriklaan|Ruysdaelplein'
).split('|');

/** Letters used in postcodes (no F, I, O, Q, U, Y). */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
const LAND_NEDERLAND = { value: '6030', omschrijving: 'Nederland' };

export function pickPlace(rng: Random): Place {
  return rng.pick(PLACES);
}

export function postcode(rng: Random, p: Place): string {
  for (;;) {
    const letters = rng.pick([...POSTCODE_LETTERS]) + rng.pick([...POSTCODE_LETTERS]);
    if (letters !== 'SA' && letters !== 'SD' && letters !== 'SS') {
      return `${rng.int(p.postcodes[0], p.postcodes[1])}${letters}`;
    }
  }
}

export function street(rng: Random): string {
  return rng.pick(STREETS);
}

/** A Dutch address in the place. */
export function address(rng: Random, p: Place, soortadres: 'bezoek' | 'post' | 'gba'): Adres {
  const a: Adres = {
    soortadres,
    straat: street(rng),
    nummer: String(
      rng.weighted([
        [rng.int(1, 40), 5],
        [rng.int(41, 180), 4],
        [rng.int(181, 400), 1],
      ] as const),
    ),
    postcode: postcode(rng, p),
    plaats: p.plaats,
    gemeente: p.gemeente,
    land: LAND_NEDERLAND,
  };
  if (rng.chance(0.12)) a.toevoeging = rng.pick(['A', 'B', 'a', 'bis', 'hs', '1', '2', 'rd']);
  if (rng.chance(0.005)) a.aanduiding = rng.pick(['TO', 'BY']);
  return a;
}

/** A post-box address (for schools). */
export function postbox(rng: Random, p: Place): Adres {
  return {
    soortadres: 'post',
    straat: 'Postbus',
    nummer: String(rng.int(10, 9999)),
    postcode: postcode(rng, p),
    plaats: p.plaats,
    gemeente: p.gemeente,
    land: LAND_NEDERLAND,
  };
}

/** Places just across the border, by the Dutch place they are near. */
const ACROSS: Record<string, readonly (readonly [string, string, number, number])[]> = {
  Maastricht: [
    ['Rue de la Station', 'Visé', 4600, 4608],
    ['Steenweg', 'Lanaken', 3620, 3621],
  ],
  Kerkrade: [
    ['Kirchstraße', 'Herzogenrath', 52134, 52134],
    ['Roermonder Straße', 'Aachen', 52062, 52080],
  ],
  Venlo: [
    ['Lobbericher Straße', 'Nettetal', 41334, 41334],
    ['Hauptstraße', 'Straelen', 47638, 47638],
  ],
  Enschede: [
    ['Enscheder Straße', 'Gronau', 48599, 48599],
    ['Bahnhofstraße', 'Nordhorn', 48529, 48531],
  ],
};

/** Lines of the address of a pupil living across the border near `p` (each ≤ 35 characters). */
export function foreignAddressLines(rng: Random, p: Place): string[] {
  const options = ACROSS[p.plaats] ?? ACROSS.Maastricht;
  const [straat, plaats, from, to] = rng.pick(options);
  const land = p.border === 'DE' ? 'Duitsland' : 'België';
  return [`${straat} ${rng.int(1, 150)}`, `${rng.int(from, to)} ${plaats}`, land];
}

/** A landline number in the place's area: 10 digits. */
export function landline(rng: Random, p: Place): string {
  const rest = 9 - p.netnummer.length;
  return `0${p.netnummer}${rng.int(2, 9)}${rng.digits(rest - 1)}`;
}

/** A Dutch mobile number: 06 and eight digits. */
export function mobile(rng: Random): string {
  return `06${rng.int(1, 5)}${rng.digits(7)}`;
}

const FAMILY_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'post.example.net'];

/** A private e-mail address built from a name; valid for the OG.01 pattern (ASCII only). */
export function privateEmail(rng: Random, given: string, surname: string): string {
  const g = asciiFold(given) || 'ouder';
  const s = asciiFold(surname) || 'gezin';
  const local = rng.weighted([
    [`${g}.${s}`, 4],
    [`${g}${s}`, 2],
    [`${g.charAt(0)}.${s}`, 2],
    [`${g}${rng.int(1, 99)}`, 1],
    [`${s}.${g}${rng.int(70, 99)}`, 1],
  ] as const);
  return `${local}@${rng.pick(FAMILY_DOMAINS)}`;
}

/** The domain of an organisation, under example.org. */
export function organisationDomain(name: string): string {
  return `${asciiFold(name).slice(0, 40) || 'school'}.example.org`;
}

export const SECRET_PHONE = '9999999999';
export const SECRET_EMAIL = 'geheim@geheim.geheim';

/** A telefoon entry; a secret number carries the standard's placeholder (OVa.LL08). */
export function phoneEntry(
  nummer: string,
  aanduiding: 'werk' | 'prive' | 'overig',
  options: { geheim?: boolean; noodnummer?: boolean; flags?: boolean } = {},
): Communicatie {
  const c: Communicatie = {
    soort: 'telefoon',
    aanduiding,
    nummer: options.geheim ? SECRET_PHONE : nummer,
  };
  if (options.flags !== false) {
    c.geheim = options.geheim ?? false;
    c.noodnummer = options.noodnummer ?? false;
  }
  return c;
}

/** An e-mail entry; a secret address carries the standard's placeholder (OVa.LL08). */
export function emailEntry(
  nummer: string,
  aanduiding: 'werk' | 'prive' | 'overig',
  options: { geheim?: boolean; flags?: boolean } = {},
): Communicatie {
  const c: Communicatie = { soort: 'e-mail', aanduiding, nummer: options.geheim ? SECRET_EMAIL : nummer };
  if (options.flags !== false) {
    c.geheim = options.geheim ?? false;
    c.noodnummer = false;
  }
  return c;
}
