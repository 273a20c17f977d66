/**
 * The renderer's own texts: headings, notes and table headers, Dutch first, English as a choice.
 * Data from the dossier is never translated; only the frame around it is.
 */
import type { Message } from '../errors.js';

export type RenderLang = 'nl' | 'en';

const m = (nl: string, en: string): Message => ({ nl, en });

export const T = {
  docTitle: m('Overstapdossier', 'Transfer dossier'),
  kicker: m(
    'Overstapdossier · Overstapservice Onderwijs (OSO)',
    'Transfer dossier · Overstapservice Onderwijs (OSO)',
  ),
  purposeTransfer: m('voor de overstap naar een volgende school', 'for the move to a next school'),
  purposeWithinBrin: m('voor de overdracht binnen de school', 'for a handover within the school'),
  purposeSwv: m('voor het samenwerkingsverband', 'for the school partnership (samenwerkingsverband)'),
  note: (school: string, purpose: Message): Message =>
    m(
      `Dit dossier is een weergave van het overstapdossier dat ${school} heeft samengesteld ${purpose.nl}. Het toont alle gegevens uit het digitale dossier, met twee uitzonderingen: geheime adressen, telefoonnummers en e-mailadressen worden niet getoond, en van bijlagen staan alleen de naam, de omschrijving en de grootte vermeld. Bij verschillen geldt het digitale dossier.`,
      `This document is a rendering of the transfer dossier that ${school} compiled ${purpose.en}. It shows all data of the digital dossier with two exceptions: secret addresses, phone numbers and e-mail addresses are not shown, and for attachments only the name, description and size are listed. Where they differ, the digital dossier prevails.`,
    ),
  generatedOn: (date: string): Message => m(`Weergave gemaakt op ${date}`, `Rendered on ${date}`),
  provisional: m(
    'Dit is een voorlopig dossier: de gegevens kunnen nog veranderen.',
    'This is a provisional dossier: the data may still change.',
  ),
  pupil: m('Leerling', 'Pupil'),
  birthDate: m('Geboortedatum', 'Date of birth'),
  birthMonth: m('Geboortemaand', 'Month of birth'),
  school: m('School', 'School'),
  transfer: m('Overstap', 'Transfer'),
  dossierDate: m('Datum dossier', 'Dossier date'),
  inspection: m('Inzage ouders', 'Parental review'),
  inspectedOn: (date: string): Message => m(`ingezien op ${date}`, `reviewed on ${date}`),
  notInspected: m('nog niet ingezien', 'not reviewed yet'),
  agreed: (value: string): Message => m(`akkoord: ${value}`, `agreed: ${value}`),

  adviceSummary: m('Overstapadvies in het kort', 'Transfer advice at a glance'),
  contents: m('Inhoud van het dossier', 'Contents of the dossier'),
  contentsIntro: m(
    'De gegevensset is verdeeld in zestien onderdelen. Per onderdeel staat hieronder of het is meegeleverd.',
    'The data set has sixteen parts. For each part, the table shows whether it was delivered.',
  ),
  colNumber: m('Nr.', 'No.'),
  colPart: m('Onderdeel', 'Part'),
  colDelivery: m('Uitlevering', 'Delivery'),

  statusDelivered: m('Meegeleverd', 'Delivered'),
  statusRequired: m('verplicht', 'required'),
  statusOptional: m('optioneel', 'optional'),
  statusOptOut: m(
    'Niet meegeleverd: bewust weggelaten (OPT-UIT)',
    'Not delivered: left out on purpose (OPT-UIT)',
  ),
  statusForbidden: m('Hoort niet bij deze overstap (VERBODEN)', 'Not part of this transfer (VERBODEN)'),
  statusNoData: m('Meegeleverd, geen gegevens', 'Delivered, no data'),
  statusWithheld: m('Niet getoond: u heeft hier geen toegang toe', 'Not shown: you have no access to this'),
  withheldNote: m(
    'Sommige onderdelen van dit dossier worden u niet getoond, omdat u er geen toegang toe heeft; de inhoudsopgave noemt ze. Het digitale dossier bevat ze wel.',
    'Some parts of this dossier are not shown to you because you have no access to them; the contents list them. The digital dossier does contain them.',
  ),
  statusUndeclared: m('Uitlevering niet aangegeven', 'Delivery not declared'),
  statusUnknownValue: (v: string): Message => m(`Onbekende aanduiding “${v}”`, `Unknown value “${v}”`),
  dataDespite: (status: string): Message =>
    m(
      `Let op: dit onderdeel is aangemerkt als “${status}”, maar het dossier bevat er toch gegevens van. Ze staan hieronder.`,
      `Note: this part is marked “${status}”, yet the dossier contains data for it. They are shown below.`,
    ),

  yes: m('Ja', 'Yes'),
  no: m('Nee', 'No'),
  secret: m('geheim', 'secret'),
  addressSecret: m('adres geheim', 'address secret'),
  addressSecretNote: m(
    'Het adres is geheim en wordt daarom niet getoond.',
    'The address is secret and is therefore not shown.',
  ),
  emergency: m('noodnummer', 'emergency number'),
  codeOnly: (code: string): Message => m(`code ${code}`, `code ${code}`),
  otherData: m('Overige gegevens', 'Other data'),
  otherDataIntro: m(
    'Gegevens uit het dossier die hierboven niet apart zijn weergegeven.',
    'Data from the dossier not shown separately above.',
  ),
  item: (n: number): Message => m(`Nr. ${n}`, `No. ${n}`),

  // attachments
  attachments: m('Bijlagen', 'Attachments'),
  allAttachments: m('Overzicht van alle bijlagen', 'All attachments'),
  allAttachmentsIntro: m(
    'Alle bestanden die in het dossier zijn meegestuurd. De inhoud van de bijlagen staat niet in deze weergave; de bestanden zelf zitten in het digitale dossier.',
    'Every file sent with the dossier. The contents of the attachments are not part of this rendering; the files themselves are in the digital dossier.',
  ),
  colFile: m('Bestandsnaam', 'File name'),
  colDescription: m('Omschrijving', 'Description'),
  colSize: m('Grootte', 'Size'),
  noAttachments: m('Het dossier bevat geen bijlagen.', 'The dossier has no attachments.'),

  // sections
  addresses: m('Adressen', 'Addresses'),
  contact: m('Contactgegevens', 'Contact details'),
  gba: m('Naam volgens de basisregistratie personen', 'Name in the population register'),
  gp: m('Huisarts', 'Family doctor'),
  responsibleInstitution: m('Aansprakelijke instelling', 'Responsible institution'),
  guardian: m('Ouder/verzorger', 'Parent/guardian'),
  deceased: m('overleden', 'deceased'),
  preschool: m('Voorschoolse educatie', 'Pre-school education'),
  earlySchool: m('Vroegschoolse educatie', 'Early-school education'),
  careerCaption: m('Schoolloopbaan per schooljaar', 'School career by school year'),
  colSchoolYear: m('Schooljaar', 'School year'),
  colGroup: m('Groep', 'Group'),
  colSchool: m('School', 'School'),
  colPeriod: m('Periode', 'Period'),
  schoolAdvice: m('Schooladvies', 'School advice'),
  revisedAdvice: m('Herzien advies', 'Revised advice'),
  parentsWish: m('Wens ouders', "Parents' wish"),
  pupilWish: m('Wens leerling', "Pupil's wish"),
  argumentation: m('Onderbouwing van het advies', 'Reasoning behind the advice'),
  attentionPoints: m('Aandachtspunten', 'Points of attention'),
  contactWish: m('Contact met de school', 'Contact with the school'),
  contactNeeded: m(
    'De school wil graag contact met de nieuwe school over deze leerling.',
    'The school would like to talk to the new school about this pupil.',
  ),
  contactNotNeeded: m('Contact met de school is niet nodig.', 'No contact with the school is needed.'),
  educationalNeeds: m('Toelichting onderwijsbehoeften', 'Educational needs'),
  diagnoses: m('Diagnoses', 'Diagnoses'),
  colDiagnosis: m('Diagnose', 'Diagnosis'),
  colName: m('Naam', 'Name'),
  colDate: m('Datum', 'Date'),
  colBy: m('Vastgesteld door', 'Established by'),
  colDocuments: m('Bijlagen', 'Attachments'),
  opp: m('Ontwikkelingsperspectiefplan (OPP)', 'Development plan (OPP)'),
  tlv: m('Toelaatbaarheidsverklaring (TLV)', 'Admissibility statement (TLV)'),
  arrangementsCluster12: m('Arrangementen cluster 1 en 2', 'Cluster 1 and 2 arrangements'),
  arrangementsPao: m('Arrangementen passend onderwijs', 'Inclusive-education arrangements'),
  lwoo: m('Leerwegondersteuning (LWOO)', 'Learning support (LWOO)'),
  rvc: m('Regionale verwijzingscommissie (RVC)', 'Regional referral committee (RVC)'),
  plansCaption: m('Handelingsplannen', 'Action plans'),
  colAimedAt: m('Gericht op', 'Aimed at'),
  colStart: m('Begin', 'Start'),
  colEnd: m('Einde', 'End'),
  finalTest: m('Resultaat eindtoets', 'Final test result'),
  finalTestParts: m('Referentieniveaus per onderdeel', 'Reference levels by part'),
  colPartOfTest: m('Onderdeel', 'Part'),
  colDomain: m('Domein', 'Domain'),
  colLevel: m('Referentieniveau', 'Reference level'),
  testsOverview: m('Overzicht van de toetsen', 'Overview of the tests'),
  colTest: m('Toets', 'Test'),
  colTaken: m('Afgenomen', 'Taken'),
  colArea: m('Leergebied', 'Subject area'),
  rawScores: m('Toetsscore', 'Test score'),
  referenceScores: m('Referentiescores', 'Reference scores'),
  colScoreKind: m('Soort score', 'Kind of score'),
  colComparison: m('Vergelijkingsgroep', 'Comparison group'),
  colValue: m('Waarde', 'Value'),
  colQualification: m('Kwalificatie', 'Qualification'),
  testPart: m('Toetsonderdeel', 'Test part'),
  remark: m('Opmerking', 'Remark'),
  gradeList: m('Cijferlijst', 'Grade list'),
  colSubject: m('Vak of onderdeel', 'Subject or part'),
  colGrade: m('Cijfer', 'Grade'),
  total: m('Totaal', 'Total'),
  subjectsVo: m('Vakresultaten voortgezet onderwijs', 'Secondary school subject results'),
  colDone: m('Afgerond', 'Completed'),
  colExamSubject: m('Examenvak', 'Exam subject'),
  colResult: m('Resultaat', 'Result'),
  certificates: m('Certificaten', 'Certificates'),
  competences: m('Competenties', 'Competences'),
  internships: m('Stages', 'Internships'),
  promotion: m('Bevordering', 'Promotion'),
  examResult: m('Examenresultaat', 'Exam result'),
  otherVoMbo: m(
    'Overige gegevens voor de overstap naar het mbo',
    'Other data for the move to vocational education',
  ),
  otherDocuments: m('Overige bijlagen', 'Other attachments'),
  uncategorised: m('Gegevens buiten de onderdelen', 'Data outside the parts'),
  pageOf: m('Pagina', 'Page'),
  of: m('van', 'of'),
} as const;

/** The text of a message in the chosen language. */
export function tr(message: Message, lang: RenderLang): string {
  return message[lang];
}
