/**
 * Names for synthetic pupils and their families, as they occur in Dutch schools: common Dutch
 * names with diacritics and tussenvoegsels ('t Hart, van der Berg), and names of families with
 * Moroccan, Turkish, Surinamese, Polish, Vietnamese, Syrian and Eritrean roots. Names are
 * combined at random; no combination refers to a real person.
 */
import type { Random } from './random.js';

export type Gender = 'm' | 'v';

/** A surname as the standard splits it: `voorvoegsel` (tussenvoegsel) and `achternaam`. */
export interface Surname {
  voorvoegsel?: string;
  achternaam: string;
}

interface Origin {
  weight: number;
  boys: readonly string[];
  girls: readonly string[];
  men: readonly string[];
  women: readonly string[];
  /** Second and further given names, where the tradition has them. */
  middleBoys?: readonly string[];
  middleGirls?: readonly string[];
  /** Surnames as written (`van der Berg`); `Kowalski/Kowalska` for a male/female pair. */
  surnames: readonly string[];
}

/** Splits `|`-separated lists (written compactly so the data stays readable). */
function list(...parts: string[]): string[] {
  return parts.join('|').split('|');
}

const DUTCH: Origin = {
  weight: 70,
  boys: list(
    'Noah|Sem|Liam|Lucas|Daan|Finn|Levi|Luuk|Mees|Milan|Sam|Noud|Bram|Thomas|Hugo|Jesse|Guus|Teun|Gijs|Siem',
    'Thijs|Tijn|Morris|Jens|Ruben|Stijn|Boaz|Olivier|Julian|Cas|Jurre|Floris|Ties|Sven|Daniël|Michaël',
    'Raphaël|Joël|Jelle|Wietse|Sjoerd|Otis|Mats|Jip|Fedde|Job|Lars|IJsbrand|Rafaël',
  ),
  girls: list(
    'Emma|Julia|Mila|Tess|Sophie|Zoë|Sara|Nora|Yara|Eva|Liv|Lotte|Evi|Noor|Anna|Milou|Saar|Fenna|Lieke',
    'Fleur|Isa|Roos|Nina|Luna|Jasmijn|Femke|Anouk|Noëlle|Chloë|Maëlle|Linde|Jildou|Floor|Esmée|Amélie',
    'Renée|Anaïs|Inès|Sanne|Merel|Isabel|Lynn|Olivia|Elin|Veerle|Ilse|Norah',
  ),
  men: list(
    'Mark|Dennis|Jeroen|Martijn|Bas|Rob|Erik|Niels|Sander|Ronald|Michiel|Tim|Joost|Wouter|Jasper|Remco',
    'Bart|Arjen|Ruud|Patrick|Frank|Maarten|Thijs|Vincent|Roel|Stefan|Joris|René|André|Gerrit-Jan|Jelmer',
  ),
  women: list(
    'Linda|Sandra|Marloes|Kim|Esther|Anouk|Sanne|Ilse|Mirjam|Femke|Marieke|Suzanne|Judith|Miranda|Wendy',
    'Lotte|Nicole|Janneke|Chantal|Daniëlle|Inge|Joëlle|Anne-Marie|Ellen|Petra|Renske|Manon|Hélène|Marjolein',
  ),
  middleBoys: list(
    'Johannes|Cornelis|Hendrik|Willem|Pieter|Jan|Gerardus|Theodorus|Antonius|Jacobus|Maria|Hubertus',
    'Frederik|Adriaan|Lodewijk|Gerrit|Dirk',
  ),
  middleGirls: list(
    'Maria|Johanna|Catharina|Wilhelmina|Elisabeth|Anna|Petronella|Geertruida|Hendrika|Sophia|Cornelia',
    'Adriana|Louise|Margaretha|Helena',
  ),
  surnames: list(
    'Jansen|de Jong|de Vries|van den Berg|van der Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer',
    'Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf',
    'van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek',
    'de Bruijn|van der Heijden|Schouten|van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven',
    "Koster|van Dam|van der Wal|Prins|Blom|Huisman|'t Hart|in 't Veld|ter Horst|ten Brink|van 't Hof",
    'den Hollander|Kuipers|Veenstra|Kramer|Schipper|Bosman|Sjoerdsma|Schröder|Müller|Lefèvre|Wijnands',
    'van Zwieten|op de Beek|Ruijs|IJzerman',
  ),
};

const MOROCCAN: Origin = {
  weight: 7,
  boys: list('Mohammed|Adam|Ayoub|Rayan|Bilal|Imran|Yassin|Ilyas|Zakaria|Anas|Amine'),
  girls: list('Chaïma|Aya|Nour|Amira|Salma|Malak|Hiba|Yasmina|Ikram|Douae|Imane'),
  men: list('Mohamed|Ahmed|Abdelkader|Karim|Mustafa|Rachid|Youssef|Hassan|Said'),
  women: list('Fatima|Khadija|Naima|Samira|Malika|Latifa|Najat|Saïda|Hanane'),
  surnames: list(
    'El Amrani|El Idrissi|Bouzid|Benali|Ouali|El Khatib|Boukhari|Azzouzi|Haddouchi|Ait Taleb|Belhaj|Chaouch',
  ),
};

const TURKISH: Origin = {
  weight: 6,
  boys: list('Emir|Yusuf|Ömer|Mert|Efe|Kerem|Alperen|Çağan|Eymen|Burak|Arda'),
  girls: list('Ayşe|Elif|Zeynep|Eylül|Ecrin|Azra|Defne|Meryem|Esra|Büşra|İlayda'),
  men: list('Mehmet|Mustafa|Ahmet|Hüseyin|İbrahim|Hakan|Murat|Serkan|Erdal'),
  women: list('Ayşe|Fatma|Emine|Hatice|Zeynep|Özlem|Gülşen|Derya|Sevgi'),
  surnames: list('Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Özdemir|Arslan|Doğan|Koç|Kılıç'),
};

const SURINAMESE: Origin = {
  weight: 4,
  boys: list('Ravi|Arjun|Vishal|Rohan|Dev|Jayden|Giovanni|Shane|Dylan|Quincy'),
  girls: list('Priya|Anjali|Shanti|Kiran|Sanjana|Divya|Shanaya|Dyani|Naomi|Kayleigh'),
  men: list('Rajesh|Sunil|Anand|Ricardo|Edwin|Marvin|Orlando|Roy'),
  women: list('Sharda|Anita|Sandhya|Jennifer|Shirley|Gracia|Rachna|Natasja'),
  surnames: list(
    'Ramdin|Jagessar|Mahabier|Ramsaran|Baldew|Soekhai|Kalloe|Pinas|Wijngaarde|Sabajo|Kromodimedjo|Cijntje',
  ),
};

const POLISH: Origin = {
  weight: 4,
  boys: list('Jakub|Szymon|Antoni|Filip|Kacper|Mikołaj|Wojciech|Igor|Oskar'),
  girls: list('Zuzanna|Oliwia|Wiktoria|Julia|Maja|Zofia|Lena|Łucja|Hanna'),
  men: list('Tomasz|Paweł|Łukasz|Marcin|Krzysztof|Piotr|Michał'),
  women: list('Agnieszka|Katarzyna|Małgorzata|Anna|Joanna|Magdalena|Ewa'),
  surnames: list(
    'Kowalski/Kowalska|Wiśniewski/Wiśniewska|Lewandowski/Lewandowska|Kamiński/Kamińska',
    'Zieliński/Zielińska|Nowak|Wójcik|Kowalczyk|Mazur|Krawczyk',
  ),
};

const VIETNAMESE: Origin = {
  weight: 1,
  boys: list('Minh|Bảo|Duy|Khánh|Long|Quang'),
  girls: list('Anh|Linh|Thảo|Mai|Ngọc|Vy'),
  men: list('Tuấn|Hùng|Dũng|Thanh'),
  women: list('Hương|Lan|Thu|Hằng'),
  surnames: list('Nguyễn|Trần|Lê|Phạm|Hoàng|Vũ|Đặng'),
};

const SYRIAN_ERITREAN: Origin = {
  weight: 3,
  boys: list('Omar|Karim|Jad|Hamza|Aron|Filmon|Yonas|Elias'),
  girls: list('Rama|Lana|Jana|Sham|Tala|Semhar|Luwam|Helen'),
  men: list('Ahmad|Khaled|Ammar|Tesfay|Yohannes|Samuel'),
  women: list('Rasha|Hala|Noor|Senait|Mebrat|Saba'),
  surnames: list('Al-Hassan|Haddad|Alkhatib|Al-Masri|Khalil|Tesfay|Haile|Tesfamariam|Ghebremedhin'),
};

const ORIGINS: readonly Origin[] = [
  DUTCH,
  MOROCCAN,
  TURKISH,
  SURINAMESE,
  POLISH,
  VIETNAMESE,
  SYRIAN_ERITREAN,
];

/** A family's naming background; children get names from it (and now and then a Dutch one). */
export type Family = Origin;

export function pickFamily(rng: Random): Family {
  return rng.weighted(ORIGINS.map((o) => [o, o.weight] as const));
}

/** A surname as written in the list. */
export type SurnameEntry = string;

export function pickSurnameEntry(rng: Random, family: Family): SurnameEntry {
  return rng.pick(family.surnames);
}

/**
 * Splits a written surname into the standard's parts: leading lower-case words (and `'t`) are
 * the voorvoegsel (`van der`, `in 't`); `El Amrani` and `Al-Hassan` have none. A `male/female`
 * pair gives the form for the gender.
 */
export function surnameForm(entry: SurnameEntry, gender: Gender): Surname {
  const slash = entry.indexOf('/');
  const written = slash < 0 ? entry : gender === 'm' ? entry.slice(0, slash) : entry.slice(slash + 1);
  const words = written.split(' ');
  let i = 0;
  while (i < words.length - 1 && /^('|\p{Ll})/u.test(words[i])) i++;
  const achternaam = words.slice(i).join(' ');
  return i === 0 ? { achternaam } : { voorvoegsel: words.slice(0, i).join(' '), achternaam };
}

export function surnameFor(rng: Random, family: Family, gender: Gender): Surname {
  return surnameForm(pickSurnameEntry(rng, family), gender);
}

/** Given names of a child: one or more, the first usually the name in daily use. */
export function childGivenNames(rng: Random, family: Family, gender: Gender): string[] {
  const pool = family !== DUTCH && rng.chance(0.15) ? DUTCH : family;
  const first = rng.pick(gender === 'm' ? pool.boys : pool.girls);
  const middle = gender === 'm' ? family.middleBoys : family.middleGirls;
  if (!middle)
    return rng.chance(0.15) ? [first, rng.pick(gender === 'm' ? family.men : family.women)] : [first];
  const count = rng.weighted([
    [0, 35],
    [1, 45],
    [2, 17],
    [3, 3],
  ] as const);
  return [...new Set([first, ...rng.sample(middle, count)])];
}

export function adultGivenNames(rng: Random, family: Family, gender: Gender): string[] {
  const first = rng.pick(gender === 'm' ? family.men : family.women);
  const middle = gender === 'm' ? family.middleBoys : family.middleGirls;
  if (!middle || rng.chance(0.4)) return [first];
  return [...new Set([first, rng.pick(middle)])];
}

/** A Dutch adult's name, for staff, doctors and contact persons. */
export function staffName(
  rng: Random,
  gender: Gender = rng.chance(0.7) ? 'v' : 'm',
): { voornaam: string; surname: Surname; gender: Gender } {
  const family = rng.chance(0.85) ? DUTCH : pickFamily(rng);
  const voornaam = rng.pick(gender === 'm' ? family.men : family.women);
  return { voornaam, surname: surnameFor(rng, family, gender), gender };
}

/** `J.M.` from given names (IJ stays one letter, as in IJsbrand). */
export function initials(names: readonly string[]): string {
  return names.map((n) => `${n.startsWith('IJ') ? 'IJ' : n.charAt(0).toLocaleUpperCase('nl')}.`).join('');
}

/** `de Vries`, `'t Hart`, `Çelik`. */
export function fullSurname(s: Surname): string {
  return s.voorvoegsel ? `${s.voorvoegsel} ${s.achternaam}` : s.achternaam;
}

/** `Mevr. S. de Vries` / `Dhr. B. Bakker`. */
export function formalName(gender: Gender, voornaam: string, s: Surname): string {
  return `${gender === 'v' ? 'Mevr.' : 'Dhr.'} ${initials([voornaam])} ${fullSurname(s)}`;
}

/** Letters and digits only, without diacritics, lower case: for e-mail addresses and slugs. */
export function asciiFold(text: string): string {
  return text
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
