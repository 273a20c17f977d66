/**
 * Dutch text for the free-text fields of synthetic dossiers (argumentatie, aandachtspunten,
 * reasons) and for the bodies of attachments. Sentences are written for this generator and
 * combined per pupil; they describe no real child.
 */
import type { Random } from './random.js';

/** What the texts need to know about a pupil. */
export interface PupilTraits {
  roepnaam: string;
  /** 'm' or 'v', for he/she in sentences. */
  gender: 'm' | 'v';
  werkhouding: 'sterk' | 'wisselend' | 'zwak';
  sociaal: 'stabiel' | 'stil' | 'druk';
  /** 0 = praktijkonderwijs … 5 = vwo. */
  level: number;
  /** Support needs in plain words: `dyslexie`, `adhd`, `autisme`, … */
  needs: readonly string[];
}

const hij = (t: PupilTraits) => (t.gender === 'm' ? 'hij' : 'zij');
const Hij = (t: PupilTraits) => (t.gender === 'm' ? 'Hij' : 'Zij');
const zijn = (t: PupilTraits) => (t.gender === 'm' ? 'zijn' : 'haar');

export const LEVEL_WORDS = ['praktijkonderwijs', 'vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo'] as const;

const WERKHOUDING: Record<PupilTraits['werkhouding'], readonly ((t: PupilTraits) => string)[]> = {
  sterk: [
    (t) => `${t.roepnaam} werkt zelfstandig en nauwkeurig en plant ${zijn(t)} werk goed.`,
    (t) => `${t.roepnaam} is gemotiveerd, stelt goede vragen en zet door bij moeilijke opdrachten.`,
    (t) => `${Hij(t)} heeft een sterke werkhouding en maakt huiswerk trouw.`,
  ],
  wisselend: [
    (t) =>
      `De werkhouding van ${t.roepnaam} wisselt: bij interessante onderwerpen werkt ${hij(t)} goed door.`,
    (t) => `${t.roepnaam} heeft soms hulp nodig bij het plannen van grotere taken.`,
    (t) => `${Hij(t)} is snel afgeleid in een drukke klas, maar herpakt zich na een korte aanwijzing.`,
  ],
  zwak: [
    (t) => `${t.roepnaam} heeft structuur en korte, duidelijke opdrachten nodig.`,
    (t) => `Het zelfstandig werken kost ${t.roepnaam} moeite; een vaste plek en een dagplanning helpen.`,
    (t) => `${Hij(t)} raakt gefrustreerd bij tegenslag en heeft dan aanmoediging nodig.`,
  ],
};

const SOCIAAL: Record<PupilTraits['sociaal'], readonly ((t: PupilTraits) => string)[]> = {
  stabiel: [
    (t) => `${t.roepnaam} ligt goed in de groep en werkt prettig samen.`,
    (t) => `${Hij(t)} is behulpzaam en heeft een vaste groep vrienden.`,
  ],
  stil: [
    (t) => `${t.roepnaam} is wat stil en heeft tijd nodig om zich veilig te voelen in een nieuwe groep.`,
    (t) => `${Hij(t)} vraagt niet snel om hulp; even checken of alles duidelijk is, helpt.`,
  ],
  druk: [
    (t) => `${t.roepnaam} is spontaan en betrokken, maar kan in de groep de grenzen opzoeken.`,
    (t) => `Duidelijke afspraken over gedrag in de klas werken goed voor ${t.roepnaam}.`,
  ],
};

const NEEDS: Record<string, readonly string[]> = {
  dyslexie: [
    'Dyslexieverklaring aanwezig: extra tijd bij toetsen en voorleessoftware.',
    'Gebruik van voorleessoftware en toetsen in vergroot lettertype.',
  ],
  dyscalculie: ['Dyscalculieverklaring: rekenkaart en extra tijd bij toetsen toegestaan.'],
  adhd: [
    'ADHD: korte instructies, vaste plek vooraan en een beweegmoment helpen.',
    'Medicatie voor ADHD; bij wijziging graag contact met ouders.',
  ],
  autisme: [
    'ASS: voorspelbaarheid is belangrijk; wijzigingen in rooster vooraf bespreken.',
    'Een vaste contactpersoon (mentor) en een rustige werkplek zijn van belang.',
  ],
  taal: ['Taalontwikkelingsstoornis: instructie visueel ondersteunen en begrip nagaan.'],
  zicht: ['Slechtziend: vergrote lesstof en een plek vooraan; ambulante begeleiding vanuit cluster 1.'],
  gehoor: ['Slechthorend: ringleiding en een plek met zicht op de docent; begeleiding cluster 2.'],
  hoogbegaafd: ['Meer- en hoogbegaafd: verrijkingsstof en compacten van de basisstof werken goed.'],
  leerachterstand: ['Eigen leerlijn voor rekenen (OPP); uitstroomprofiel past bij het advies.'],
  angst: ['Faalangst: voorbereiding op toetsen en positieve feedback helpen.'],
};

/** Aandachtspunten: at most 280 characters, as the schema requires. */
export function aandachtspunten(rng: Random, t: PupilTraits): string {
  const pool = [
    ...t.needs.flatMap((n) => NEEDS[n] ?? []),
    ...WERKHOUDING[t.werkhouding].map((f) => f(t)),
    ...SOCIAAL[t.sociaal].map((f) => f(t)),
  ];
  let text = '';
  for (const sentence of rng.sample(pool, 3)) {
    const next = text ? `${text} ${sentence}` : sentence;
    if (next.length > 280) break;
    text = next;
  }
  return text || `Geen bijzonderheden voor ${t.roepnaam}.`.slice(0, 280);
}

/** Argumentation for the advice. */
export function argumentatie(rng: Random, t: PupilTraits, adviceWords: string, vo: boolean): string {
  const first = rng.pick([
    vo
      ? `${t.roepnaam} laat in de afgelopen leerjaren resultaten zien die passen bij ${adviceWords}.`
      : `${t.roepnaam} laat in groep 7 en 8 resultaten zien die passen bij ${adviceWords}.`,
    `Op basis van de leerresultaten, de werkhouding en de ontwikkeling van ${t.roepnaam} adviseren wij ${adviceWords}.`,
    vo
      ? `De docentenvergadering heeft het advies ${adviceWords} gegeven, in overleg met de mentor.`
      : `Het team heeft het advies ${adviceWords} gegeven na overleg met de intern begeleider.`,
  ]);
  const how =
    t.level >= 4
      ? [
          `${t.roepnaam} denkt abstract en verwerkt nieuwe leerstof snel.`,
          `${Hij(t)} werkt in een hoog tempo en zoekt uitdaging op.`,
        ]
      : t.level >= 2
        ? [
            `${t.roepnaam} leert het best met een mix van uitleg en praktische opdrachten.`,
            `Met duidelijke uitleg haalt ${hij(t)} goede resultaten.`,
          ]
        : [
            `${t.roepnaam} leert het best door te doen, in een kleine groep.`,
            `Herhaling en praktische opdrachten helpen ${t.roepnaam} vooruit.`,
          ];
  return `${first} ${rng.pick(how)}`;
}

export function redenNietAkkoord(rng: Random): string {
  return rng.pick([
    'Ouders vinden het schooladvies te laag.',
    'Ouders zijn het niet eens met de beschrijving van de werkhouding.',
    'De informatie over de thuissituatie is niet meer actueel.',
    'Ouders willen dat de diagnose niet met de nieuwe school wordt gedeeld.',
    'Ouders herkennen hun kind niet in de beschrijving van het gedrag in de klas.',
  ]);
}

const FOCUS: Record<string, readonly string[]> = {
  dyslexie: ['technisch lezen', 'spelling'],
  dyscalculie: ['rekenen', 'automatiseren van de tafels'],
  leerachterstand: ['rekenen', 'begrijpend lezen'],
  adhd: ['taakgerichtheid', 'planning en organisatie'],
  autisme: ['sociale vaardigheden', 'omgaan met veranderingen'],
  hoogbegaafd: ['verrijking', 'leren leren'],
  taal: ['mondelinge taalvaardigheid', 'woordenschat'],
  gehoor: ['mondelinge taalvaardigheid', 'woordenschat'],
  zicht: ['werken met vergrote leerstof'],
  angst: ['omgaan met toetsen', 'sociaal-emotionele ontwikkeling'],
};

/** What the action plans aim at, different for each plan. */
export function handelingsplanFoci(rng: Random, needs: readonly string[], count: number): string[] {
  const all = [...new Set(needs.flatMap((n) => FOCUS[n] ?? []))];
  return rng.sample(all.length > 0 ? all : ['werkhouding', 'begrijpend lezen'], count);
}

/** `het handelingsplan`, `de beschikking TLV`: the document kind with its article. */
export function withArticle(kind: string): string {
  const lower = kind.charAt(0).toLowerCase() + kind.slice(1);
  return /^(beschikking|toelichting|aanwijzing)/.test(lower) ? `de ${lower}` : `het ${lower}`;
}

/** Body of a support document: an OPP, a plan, a report. Lines, with `# ` headings. */
export function reportLines(rng: Random, t: PupilTraits, kind: string, header: readonly string[]): string[] {
  const out = [...header, ''];
  const section = (title: string, sentences: readonly string[]) => {
    out.push(`# ${title}`);
    for (const s of sentences) out.push(s);
    out.push('');
  };
  const needs = t.needs.flatMap((n) => NEEDS[n] ?? []);
  section('Aanleiding', [
    `Dit is ${withArticle(kind)} van ${t.roepnaam}.`,
    rng.pick([
      'Het is opgesteld door de leerkracht en de intern begeleider, in overleg met de ouders.',
      'Het is besproken met de ouders en met het ondersteuningsteam van de school.',
    ]),
  ]);
  section('Beeld van de leerling', [
    ...WERKHOUDING[t.werkhouding].map((f) => f(t)),
    ...SOCIAAL[t.sociaal].map((f) => f(t)),
  ]);
  section(
    'Onderwijsbehoeften',
    needs.length > 0 ? needs : [`${t.roepnaam} heeft geen extra ondersteuning nodig.`],
  );
  section('Doelen en afspraken', [
    rng.pick([
      'Doel voor de komende periode: zelfstandig een weektaak plannen en afronden.',
      'Doel: vooruitgang op de methodetoetsen en de toetsen van het leerlingvolgsysteem.',
      'Doel: de vaardigheidsgroei ligt op of boven het landelijk gemiddelde.',
    ]),
    'De voortgang wordt elke zes weken met de ouders besproken.',
    'Evaluatie vindt plaats aan het eind van de periode; daarna wordt het plan bijgesteld.',
  ]);
  section('Ondertekening', ['Namens de school: de intern begeleider.', 'Voor gezien: de ouders/verzorgers.']);
  return out;
}
