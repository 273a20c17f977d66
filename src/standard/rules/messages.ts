/**
 * The texts of every business-rule finding, in our own words, keyed by rule id and variant.
 * Each says what is wrong and what to do. `{name}` placeholders are filled from the finding's
 * parameters. Dutch first; English as a choice.
 */
import type { Message } from '../errors.js';

import { OV_MESSAGES } from './messages-ov.js';
import { PAO_MESSAGES } from './messages-pao.js';
import type { Entry } from './messages-shared.js';

const CATALOGUE: Readonly<Record<string, Entry>> = {
  ...OV_MESSAGES,
  ...PAO_MESSAGES,
  // Codelists (all CL.nn share these texts).
  CL: {
    invalid: [
      "De waarde '{value}' van {field} staat niet in codelijst {list} ({listName}). Gebruik een van de codes uit die lijst, bijvoorbeeld {example}.",
      "The value '{value}' of {field} is not in codelist {list} ({listName}). Use one of its codes, for example {example}.",
    ],
    nonCanonical: [
      "De waarde '{value}' van {field} betekent code '{code}' uit codelijst {list}, maar is anders geschreven. Schrijf precies '{code}': de officiële validatie keurt deze schrijfwijze af.",
      "The value '{value}' of {field} means code '{code}' of codelist {list} but is written differently. Write exactly '{code}': the official validation rejects this form.",
    ],
    document: [
      'Het dossier geeft geen geldig deeldossier op (codelijst 33: LAS, LVS, LASLVS of TIB). Vul metadata/deeldossier in met een van die codes.',
      'The dossier gives no valid deeldossier (codelist 33: LAS, LVS, LASLVS or TIB). Fill in metadata/deeldossier with one of those codes.',
    ],
  },
  'OG.01': {
    tooShort: [
      'Het e-mailadres is korter dan 4 tekens. Vul een volledig e-mailadres in.',
      'The e-mail address is shorter than 4 characters. Enter a complete e-mail address.',
    ],
    tooLong: [
      'Het e-mailadres is langer dan 256 tekens. Vul een geldig, korter e-mailadres in.',
      'The e-mail address is longer than 256 characters. Enter a valid, shorter address.',
    ],
    noAt: [
      'Het e-mailadres bevat geen @. Vul een volledig e-mailadres in (naam@domein.nl).',
      'The e-mail address has no @. Enter a complete address (name@domain.nl).',
    ],
    pattern: [
      'Het e-mailadres heeft geen geldige vorm (tekens voor de @, domeinnaam of extensie). Controleer het adres op spaties en ongeldige tekens.',
      'The e-mail address is not well formed (characters before the @, domain name or extension). Check it for spaces and invalid characters.',
    ],
  },
  'OG.02': {
    _: [
      "De standaardversie is '{value}'; dit dossier moet versie 2019.1 opgeven. Zet metadata/standaardversie op 2019.1.",
      "The standard version is '{value}'; this dossier must state 2019.1. Set metadata/standaardversie to 2019.1.",
    ],
    nonCanonical: [
      "De standaardversie '{value}' bevat extra spaties. Schrijf precies 2019.1: de officiële validatie keurt dit af.",
      "The standard version '{value}' has extra white space. Write exactly 2019.1: the official validation rejects it.",
    ],
  },
  'OG.03': {
    _: [
      "De einddatum van de LWOO-beschikking is '{value}'; die moet op 31 juli vallen (JJJJ-07-31). Pas de einddatum aan.",
      "The LWOO end date is '{value}'; it must fall on 31 July (YYYY-07-31). Correct the end date.",
    ],
  },
  'OG.04': {
    flagMissing: [
      'Bij deze verzorger staat een overlijdensdatum, maar het veld overleden ontbreekt. Voeg overleden toe met de waarde true, of verwijder de datum.',
      'This guardian has a date of death but no overleden field. Add overleden with the value true, or remove the date.',
    ],
    flagFalse: [
      'Bij deze verzorger staat een overlijdensdatum, maar overleden is niet true. Zet overleden op true, of verwijder de datum.',
      'This guardian has a date of death but overleden is not true. Set overleden to true, or remove the date.',
    ],
  },
  'OG.05': {
    roepnaam: [
      'Bij de huisarts hoort geen roepnaam. Verwijder de roepnaam van de huisarts.',
      'The family doctor must not have a given name in use (roepnaam). Remove it.',
    ],
    geslacht: [
      'Bij de huisarts hoort geen geslacht. Verwijder het geslacht van de huisarts.',
      'The family doctor must not have a gender. Remove it.',
    ],
    adresgeheim: [
      'Het adres van een huisarts kan niet geheim zijn. Verwijder adresgeheim of zet het op false.',
      "A family doctor's address cannot be secret. Remove adresgeheim or set it to false.",
    ],
  },
  'OS.cat': {
    verplicht: [
      'De categorie {category} is als VERPLICHT opgegeven, maar het dossier bevat er niets uit. Lever de gegevens van deze categorie mee, of pas categorie_uitlevering aan.',
      'The category {category} is declared VERPLICHT (mandatory) but the dossier has none of its data. Include the data, or correct categorie_uitlevering.',
    ],
    verboden: [
      'De categorie {category} is als VERBODEN opgegeven, maar het dossier bevat toch {member}. Verwijder die gegevens uit het dossier.',
      'The category {category} is declared VERBODEN (forbidden) but the dossier contains {member}. Remove that data from the dossier.',
    ],
    optUit: [
      'De categorie {category} is uitgezet (OPT-UIT), maar het dossier bevat toch {member}. Verwijder die gegevens, of lever de categorie als OPTIONEEL.',
      'The category {category} is opted out (OPT-UIT) but the dossier contains {member}. Remove that data, or deliver the category as OPTIONEEL.',
    ],
  },
  // Our own strict-mode checks.
  'OSO.ROOT': {
    emptyBatch: [
      'De bundel <dossiers> bevat geen dossier en geen terugkoppeling. Voeg minstens één dossier of terugkoppeling toe, of verstuur niets.',
      'The <dossiers> batch holds no dossier and no terugkoppeling. Add at least one dossier or terugkoppeling, or send nothing.',
    ],
  },
  'OSO.BSN': {
    _: [
      "Het BSN '{value}' is ongeldig: {reason}. Controleer het nummer in de administratie.",
      "The BSN '{value}' is invalid: {reason}. Check the number in the administration.",
    ],
  },
  'OSO.ONDERWIJSNUMMER': {
    _: [
      "Het onderwijsnummer '{value}' is ongeldig: {reason}. Controleer het nummer bij DUO.",
      "The education number '{value}' is invalid: {reason}. Check the number with DUO.",
    ],
  },
  'OSO.PROFIEL': {
    declaration: [
      'Het profiel {profile} maakt de categorie {category} {required}, maar het dossier geeft {declared} op. Zet {field} op {allowed}.',
      'Profile {profile} makes the category {category} {required}, but the dossier declares {declared}. Set {field} to {allowed}.',
    ],
    forbiddenData: [
      'Het profiel {profile} verbiedt de categorie {category}, maar het dossier bevat {member}. Verwijder die gegevens.',
      'Profile {profile} forbids the category {category}, but the dossier contains {member}. Remove that data.',
    ],
    missingData: [
      'Het profiel {profile} maakt de categorie {category} verplicht, maar het dossier bevat er niets uit. Lever de gegevens van deze categorie mee.',
      'Profile {profile} makes the category {category} mandatory, but the dossier has none of its data. Include that data.',
    ],
  },
  'OSO.BIJLAGE-BASE64': {
    _: [
      "De inhoud van bijlage '{file}' is geen geldige base64: {reason}. Codeer het bestand opnieuw als base64.",
      "The content of attachment '{file}' is not valid base64: {reason}. Encode the file as base64 again.",
    ],
  },
  'OSO.BIJLAGE-ZIP': {
    notZip: [
      "De bijlage '{file}' is geen ZIP-bestand, terwijl de standaard een gezipt bestand vraagt. Zip het bestand voordat u het codeert.",
      "The attachment '{file}' is not a ZIP file, while the standard asks for a zipped file. Zip the file before encoding it.",
    ],
    incomplete: [
      "De bijlage '{file}' begint als ZIP-bestand maar is onvolledig of beschadigd ({reason}). Controleer of de bijlage goed is meegekomen.",
      "The attachment '{file}' starts as a ZIP file but is incomplete or damaged ({reason}). Check that the attachment came through intact.",
    ],
  },
  'OSO.BIJLAGE-TYPE': {
    name: [
      "Het bestandstype van '{file}' is niet toegestaan. Gebruik PDF, JPG, PNG, DOC(X), ODF/ODT/ODS/ODP, XLS(X), TXT of PPT(X).",
      "The file type of '{file}' is not allowed. Use PDF, JPG, PNG, DOC(X), ODF/ODT/ODS/ODP, XLS(X), TXT or PPT(X).",
    ],
    entry: [
      "De ZIP van bijlage '{file}' bevat '{entry}', een bestandstype dat niet is toegestaan. Lever alleen PDF, JPG, PNG, DOC(X), ODF/ODT/ODS/ODP, XLS(X), TXT of PPT(X).",
      "The ZIP of attachment '{file}' holds '{entry}', a file type that is not allowed. Deliver only PDF, JPG, PNG, DOC(X), ODF/ODT/ODS/ODP, XLS(X), TXT or PPT(X).",
    ],
  },
};

/** The catalogue key of a rule id: codelist and category rules share their texts. */
function keyOf(rule: string): string {
  if (rule.startsWith('CL.')) return 'CL';
  if (rule.startsWith('OS.cat')) return 'OS.cat';
  return rule;
}

/** Whether the catalogue has a text for this rule (and variant). */
export function hasMessage(rule: string, variant = '_'): boolean {
  return CATALOGUE[keyOf(rule)]?.[variant] !== undefined;
}

/** A placeholder value: the same in both languages, or one per language. */
export type MessageParam = string | Readonly<{ nl: string; en: string }>;

export type MessageParams = Readonly<Record<string, MessageParam>>;

/** The message of a finding, with `{name}` placeholders filled in. */
export function message(rule: string, variant = '_', params: MessageParams = {}): Message {
  const text = CATALOGUE[keyOf(rule)]?.[variant];
  if (text === undefined) throw new Error(`No message for ${rule} (${variant})`);
  return { nl: fill(text[0], params, 'nl'), en: fill(text[1], params, 'en') };
}

function fill(template: string, params: MessageParams, lang: 'nl' | 'en'): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params[name];
    if (p === undefined) return whole;
    return typeof p === 'string' ? p : p[lang];
  });
}

/** Every rule id (catalogue key) with its variants, for tests and documentation. */
export function catalogueKeys(): [string, string[]][] {
  return Object.entries(CATALOGUE).map(([k, v]) => [k, Object.keys(v)]);
}
