import type { Message } from '../../standard/index.js';
import { LEERLING } from './catalogue.js';

/**
 * A curated list of the words Dutch transfer reports (OKR's) use for their fields, with the
 * elements of the OSO gegevensset they correspond to — or the knowledge that the gegevensset has no
 * element for them (werkhouding, thuissituatie, …): those are what a regional addendum is for.
 * Terms are written as people write them; the matcher normalises case, accents and punctuation.
 * Longer terms are more specific and win over shorter ones they contain ("eindtoetsadvies" over
 * "advies"). Every path must exist in the catalogue (a test checks it).
 */

export type SynonymTarget = { elements: readonly string[] } | { notInOso: true; nearest?: readonly string[] };

export interface Synonym {
  terms: readonly string[];
  target: SynonymTarget;
  /** Why, for the coordinator: e.g. the nearest element and its limits. */
  note?: Message;
}

const L = `${LEERLING}/`;
const OO = `${L}onderwijsondersteuning/`;
const OA = `${L}overstapadvies/`;
const ET = `${L}eindtoets_basisonderwijs/eindtoetsresultaat/`;

const to = (...elements: string[]): SynonymTarget => ({ elements });
const none = (...nearest: string[]): SynonymTarget =>
  nearest.length > 0 ? { notInOso: true, nearest } : { notInOso: true };

const SHORT_TEXT: Message = {
  nl: 'De gegevensset heeft hier geen eigen veld voor. Een korte zin past eventueel in ‘Aandachtspunten’ (hoogstens 280 tekens), maar een volledige beschrijving hoort in het regionale addendum.',
  en: 'The data set has no field of its own for this. A short sentence may fit in ‘Points of attention’ (at most 280 characters), but a full description belongs in the regional addendum.',
};

export const SYNONYMS: readonly Synonym[] = [
  // ---- pupil ----------------------------------------------------------------------------------
  {
    terms: ['naam leerling', 'naam van de leerling', 'leerling naam'],
    target: to(`${L}voornaam`, `${L}achternaam`),
  },
  { terms: ['voornaam', 'voornamen'], target: to(`${L}voornaam`) },
  { terms: ['achternaam', 'familienaam', 'geslachtsnaam'], target: to(`${L}achternaam`) },
  { terms: ['tussenvoegsel'], target: to(`${L}voorvoegsel`) },
  { terms: ['roepnaam'], target: to(`${L}roepnaam`) },
  { terms: ['geboortedatum', 'geboren op'], target: to(`${L}geboortedatum`) },
  { terms: ['geslacht', 'jongen meisje'], target: to(`${L}geslacht`) },
  { terms: ['bsn', 'burgerservicenummer', 'sofinummer'], target: to(`${L}bsn`) },
  { terms: ['onderwijsnummer'], target: to(`${L}onderwijsnummer`) },
  { terms: ['adres', 'woonadres', 'adresgegevens', 'postcode', 'woonplaats'], target: to(`${L}adreslijst`) },
  {
    terms: ['telefoonnummer', 'telefoon', 'e mailadres', 'emailadres', 'contactgegevens'],
    target: to(`${L}communicatielijst`),
  },
  { terms: ['geboorteplaats', 'geboorteland'], target: to(`${L}geboorteplaats`) },
  { terms: ['nationaliteit'], target: to(`${L}nationaliteit`) },
  {
    terms: [
      'in nederland sinds',
      'in nederlands onderwijs sinds',
      'datum binnenkomst nederland',
      'onderwijs sinds',
    ],
    target: to(`${L}onderwijssinds`),
  },
  {
    terms: ['datum inschrijving', 'inschrijfdatum', 'op school sinds', 'datum eerste schooldag'],
    target: to(`${L}datuminschrijving`),
  },
  { terms: ['leerlinggewicht', 'gewicht', 'gewichtenregeling'], target: to(`${L}leerlinggewicht`) },
  { terms: ['huisarts'], target: to(`${L}huisarts`) },
  { terms: ['leerlingnummer'], target: to(`${L}leerlingid`) },
  // ---- parents ----------------------------------------------------------------------------------
  {
    terms: [
      'ouders',
      'verzorgers',
      'ouder verzorger',
      'gegevens ouders',
      'contactgegevens ouders',
      'naam ouders',
    ],
    target: to(`${L}verzorger`),
  },
  {
    terms: ['gezag', 'ouderlijk gezag', 'gezagsdrager', 'wettelijk vertegenwoordiger'],
    target: to(`${L}verzorger/wettigevertegenwoordiger`),
  },
  { terms: ['relatie tot kind', 'relatie tot leerling'], target: to(`${L}verzorger/relatietotkind`) },
  {
    terms: [
      'gezinssituatie',
      'thuissituatie',
      'thuis situatie',
      'gezin',
      'woonsituatie',
      'samenstelling gezin',
    ],
    target: none(),
    note: {
      nl: 'De gegevensset legt vast wie de ouders/verzorgers zijn, maar niets over de thuissituatie. Dat hoort in het regionale addendum.',
      en: 'The data set records who the parents/guardians are, but nothing about the home situation. That belongs in the regional addendum.',
    },
  },
  // ---- school career ----------------------------------------------------------------------------
  {
    terms: [
      'schoolloopbaan',
      'schoolgeschiedenis',
      'vorige scholen',
      'groepsverloop',
      'doublure',
      'doubleren',
      'zittenblijven',
      'gedoubleerd',
      'versnellen',
      'verlengde kleutertijd',
    ],
    target: to(`${L}schoolloopbaanlijst`),
  },
  {
    terms: ['groep', 'jaargroep', 'huidige groep', 'leerjaar'],
    target: to(`${L}schoolloopbaanlijst/schoolloopbaan/jaargroep`),
  },
  {
    terms: ['school van herkomst', 'naam school', 'basisschool', 'huidige school', 'school'],
    target: to('huidigeschool/naam'),
  },
  { terms: ['brin', 'brinnummer', 'brincode'], target: to('huidigeschool/brincode') },
  { terms: ['directeur', 'naam directeur'], target: to('huidigeschool/naamdirecteur') },
  // ---- advice ----------------------------------------------------------------------------------
  {
    terms: [
      'advies',
      'schooladvies',
      'eindadvies',
      'basisschooladvies',
      'definitief advies',
      'voorlopig advies',
      'vo advies',
      'niveau vo',
      'schoolniveau',
      'uitstroomniveau',
      'plaatsingsadvies',
    ],
    target: to(`${OA}advies`),
  },
  {
    terms: [
      'herzien advies',
      'bijgesteld advies',
      'heroverweging',
      'heroverwogen advies',
      'aangepast advies',
      'bijstelling advies',
    ],
    target: to(`${OA}herzienadvies`),
  },
  {
    terms: ['reden herziening', 'motivatie herziening', 'reden bijstelling'],
    target: to(`${OA}motivatie_herzienadvies`),
  },
  { terms: ['wens ouders', 'voorkeur ouders', 'keuze ouders'], target: to(`${OA}wensouders`) },
  { terms: ['wens leerling', 'voorkeur leerling', 'keuze leerling'], target: to(`${OA}wensleerling`) },
  {
    terms: ['onderbouwing advies', 'motivatie advies', 'toelichting advies', 'argumentatie', 'onderbouwing'],
    target: to(`${OA}argumentatie`),
  },
  { terms: ['leerlingprofiel', 'profiel', 'disharmonisch profiel'], target: to(`${OA}profiel`) },
  {
    terms: ['contact gewenst', 'warme overdracht', 'overdrachtsgesprek', 'contact nodig', 'gesprek gewenst'],
    target: to(`${OA}contactnodig`),
  },
  {
    terms: [
      'contactpersoon',
      'naam leerkracht',
      'leerkracht groep 8',
      'ingevuld door',
      'invuller',
      'groepsleerkracht',
      'mentor',
    ],
    target: to(`${OA}contactpersoon`),
  },
  { terms: ['telefoon contactpersoon', 'telefoonnummer school'], target: to(`${OA}contacttelefoon`) },
  { terms: ['e mail contactpersoon', 'e mail leerkracht'], target: to(`${OA}contactemail`) },
  {
    terms: [
      'aandachtspunten',
      'bijzonderheden',
      'opmerkingen',
      'overige opmerkingen',
      'aandachtspunt',
      'zorgpunten',
    ],
    target: to(`${OA}aandachtspunten`),
  },
  // ---- final test -------------------------------------------------------------------------------
  {
    terms: [
      'eindtoets',
      'doorstroomtoets',
      'eindtoets basisonderwijs',
      'uitslag eindtoets',
      'cito eindtoets',
      'route 8',
      'iep',
      'dia eindtoets',
      'amn',
    ],
    target: to(`${L}eindtoets_basisonderwijs`),
  },
  { terms: ['eindtoetsscore', 'score eindtoets', 'standaardscore'], target: to(`${ET}standaardscore`) },
  {
    terms: ['eindtoetsadvies', 'toetsadvies', 'advies eindtoets', 'advies doorstroomtoets'],
    target: to(`${ET}toets_advies`),
  },
  {
    terms: ['referentieniveau', 'referentieniveaus', 'beheersingsniveau', '1f', '2f', '1s'],
    target: to(`${ET}onderdelen`),
  },
  { terms: ['ontheffing eindtoets', 'vrijstelling eindtoets'], target: to(`${ET}wettelijke_ontheffing`) },
  // ---- tests and grades -------------------------------------------------------------------------
  {
    terms: [
      'toetsgegevens',
      'toetsresultaten',
      'toetsen',
      'afgenomen toetsen',
      'toetsoverzicht',
      'lvs',
      'leerlingvolgsysteem',
      'cito',
      'citoscores',
      'cito toetsen',
      'methodeonafhankelijke toetsen',
      'dle',
      'didactische leeftijd',
      'avi',
      'avi niveau',
      'technisch lezen',
      'begrijpend lezen',
      'rekenen wiskunde',
      'spelling',
      'woordenschat',
      'dmt',
      'vaardigheidsscore',
      'leerrendement',
    ],
    target: to(`${L}toetslijst`),
  },
  {
    terms: [
      'leerachterstand',
      'achterstand',
      'leervorderingen',
      'leerresultaten',
      'didactisch niveau',
      'niveau per vak',
      'functioneringsniveau',
    ],
    target: to(`${L}toetslijst`, `${OO}rvc/signaleringlwoopro/leerachterstand`),
    note: {
      nl: 'De achterstand blijkt uit de toetsresultaten (met DLE); de gegevensset kent ook de vlag ‘leerachterstand op twee domeinen’ bij de signalering LWOO/PrO.',
      en: 'The delay shows in the test results (with DLE); the data set also has the flag ‘learning delay in two domains’ in the LWOO/PrO indication.',
    },
  },
  {
    terms: ['intelligentie', 'iq', 'intelligentieonderzoek', 'capaciteitenonderzoek', 'nio', 'wisc'],
    target: to(`${L}toetslijst`, `${OO}diagnose`),
  },
  { terms: ['rapportcijfers', 'cijfers', 'rapport', 'cijferlijst'], target: to(`${L}cijferlijstlijst`) },
  // ---- support -----------------------------------------------------------------------------------
  {
    terms: [
      'dyslexie',
      'dyslexieverklaring',
      'dyscalculie',
      'dyscalculieverklaring',
      'diagnose',
      'diagnoses',
      'adhd',
      'add',
      'autisme',
      'ass',
      'hoogbegaafd',
      'hoogbegaafdheid',
      'psychologisch onderzoek',
      'onderzoeksverslag',
      'stoornis',
      'dsm',
    ],
    target: to(`${OO}diagnose`),
  },
  { terms: ['medicatie', 'medicijnen', 'medicijngebruik', 'medisch'], target: to(`${OO}medicijngebruik`) },
  {
    terms: [
      'onderwijsbehoeften',
      'ondersteuningsbehoeften',
      'onderwijsbehoefte',
      'ondersteuningsbehoefte',
      'wat heeft deze leerling nodig',
      'stimulerende en belemmerende factoren',
      'belemmerende factoren',
      'stimulerende factoren',
    ],
    target: to(`${OO}toelichting_onderwijsbehoeften`),
  },
  {
    terms: ['handelingsplan', 'handelingsplannen', 'groepsplan', 'individueel plan', 'plan van aanpak'],
    target: to(`${OO}handelingsplan`),
  },
  {
    terms: ['opp', 'ontwikkelingsperspectief', 'ontwikkelingsperspectiefplan', 'uitstroomperspectief'],
    target: to(`${OO}opp`),
  },
  { terms: ['tlv', 'toelaatbaarheidsverklaring'], target: to(`${OO}tlv`) },
  {
    terms: [
      'arrangement',
      'extra ondersteuning',
      'ondersteuningsarrangement',
      'arrangementen',
      'passend onderwijs',
    ],
    target: to(`${OO}arrangement_pao`),
  },
  {
    terms: ['cluster 1', 'cluster 2', 'visueel', 'auditief', 'slechthorend', 'slechtziend'],
    target: to(`${OO}arrangement_cluster12`),
  },
  { terms: ['lwoo', 'leerwegondersteuning', 'leerwegondersteunend onderwijs'], target: to(`${OO}lwoo`) },
  {
    terms: ['pro', 'praktijkonderwijs', 'rvc', 'indicatie lwoo pro', 'aanmelding pro'],
    target: to(`${OO}rvc`),
  },
  {
    terms: [
      'zorg',
      'zorgniveau',
      'ondersteuningsniveau',
      'onderwijsondersteuning',
      'begeleiding',
      'extra zorg',
    ],
    target: to(`${L}onderwijsondersteuning`),
  },
  // ---- absence -------------------------------------------------------------------------------------
  {
    terms: ['verzuim', 'absentie', 'afwezigheid', 'schoolverzuim', 'aanwezigheid'],
    target: to(`${L}verzuim`),
  },
  { terms: ['geoorloofd verzuim'], target: to(`${L}verzuim/dagdelengeoorloofd`) },
  { terms: ['ongeoorloofd verzuim', 'spijbelen'], target: to(`${L}verzuim/dagdelenongeoorloofd`) },
  { terms: ['leerplicht', 'leerplichtambtenaar'], target: to(`${L}verzuim/contactleerplicht`) },
  // ---- early education (never travels to secondary school) -----------------------------------------
  {
    terms: ['vve', 'voorschool', 'voorschoolse educatie', 'peuterspeelzaal', 'kinderdagverblijf'],
    target: to(`${L}voorschools`),
  },
  // ---- parents' inspection -------------------------------------------------------------------------
  {
    terms: [
      'inzage ouders',
      'akkoord ouders',
      'handtekening ouders',
      'ondertekening ouders',
      'ouders gezien',
      'gezien door ouders',
    ],
    target: to('inzage'),
  },
  {
    terms: ['zienswijze ouders', 'mening ouders', 'reactie ouders', 'visie ouders'],
    target: to('inzage/redennietakkoord'),
  },
  { terms: ['toestemming ouders', 'toestemming'], target: to('inzage/toestemming') },
  // ---- what the gegevensset does not hold ------------------------------------------------------
  {
    terms: [
      'sociaal emotionele ontwikkeling',
      'sociaal emotioneel',
      'sociaal emotionele',
      'sociale emotionele ontwikkeling',
      'sociaal emotioneel functioneren',
      'welbevinden',
      'zelfbeeld',
      'faalangst',
      'weerbaarheid',
      'pesten',
    ],
    target: none(`${OA}aandachtspunten`),
    note: SHORT_TEXT,
  },
  {
    terms: [
      'werkhouding',
      'taakwerkhouding',
      'taakaanpak',
      'taakgerichtheid',
      'concentratie',
      'motivatie',
      'inzet',
      'zelfstandigheid',
      'doorzettingsvermogen',
      'tempo',
      'werktempo',
      'huiswerkattitude',
      'huiswerk',
      'planning',
      'plannen en organiseren',
      'executieve functies',
      'leerstrategieen',
      'leerhouding',
    ],
    target: none(`${OA}aandachtspunten`),
    note: SHORT_TEXT,
  },
  {
    terms: [
      'gedrag',
      'sociale vaardigheden',
      'omgang met leeftijdgenoten',
      'omgang met volwassenen',
      'contact met medeleerlingen',
      'gedrag in de groep',
      'sociale omgang',
    ],
    target: none(`${OA}aandachtspunten`),
    note: SHORT_TEXT,
  },
  {
    terms: [
      'nt2',
      'thuistaal',
      'taalachtergrond',
      'anderstalig',
      'anderstaligheid',
      'nieuwkomer',
      'moedertaal',
    ],
    target: none(`${L}onderwijssinds`),
    note: {
      nl: 'De gegevensset kent alleen de datum sinds wanneer de leerling Nederlands onderwijs volgt, niet de thuistaal of NT2-ondersteuning.',
      en: 'The data set only knows the date since which the pupil has been in Dutch education, not the home language or Dutch-as-a-second-language support.',
    },
  },
  {
    terms: ['talenten', 'interesses', 'hobby', 'hobbys', 'sterke kanten', 'kwaliteiten', 'wat gaat goed'],
    target: none(),
  },
  {
    terms: [
      'jeugdzorg',
      'hulpverlening',
      'externe hulpverlening',
      'betrokken instanties',
      'externe instanties',
      'ggd',
      'jeugdarts',
      'wijkteam',
      'logopedie',
      'fysiotherapie',
      'remedial teaching',
    ],
    target: none(`${OO}diagnose/instantie`),
    note: {
      nl: 'De gegevensset noemt alleen de instantie die een diagnose stelde; lopende hulpverlening heeft geen eigen veld.',
      en: 'The data set only names the organisation that made a diagnosis; ongoing help has no field of its own.',
    },
  },
  {
    terms: [
      'leerstijl',
      'hulpmiddelen',
      'compenserende maatregelen',
      'dispenserende maatregelen',
      'faciliteiten',
      'laptop',
      'extra tijd',
      'voorleessoftware',
    ],
    target: none(`${OO}toelichting_onderwijsbehoeften`),
    note: {
      nl: 'Hulpmiddelen en maatregelen kunnen beschreven staan in het document bij de onderwijsbehoeften, maar hebben geen eigen veld.',
      en: 'Aids and measures may be described in the document with the educational needs, but have no field of their own.',
    },
  },
];
