/** Texts of the overstap rules: overstapdossier (OVa) and overdracht binnen BRIN (OVb). */
import { type Entry, secretEmail, secretPhone } from './messages-shared.js';

export const OV_MESSAGES: Readonly<Record<string, Entry>> = {
  'OVa.MD01/OVb.MD01': {
    _: [
      'Het dossier bevat geen LAS-deel. Geef deeldossier LAS of LASLVS op en lever de administratiegegevens mee.',
      'The dossier has no LAS part. Declare deeldossier LAS or LASLVS and include the administration data.',
    ],
  },
  'OVa.MD02/OVb.MD02': {
    _: [
      'De validatieversie klopt niet. Zet metadata/validatieversie op 2019.1.1.',
      'The validation version is wrong. Set metadata/validatieversie to 2019.1.1.',
    ],
  },
  'OVa.OS03/OVb.OS01': {
    _: [
      'De soort overdracht past niet bij een overstapdossier. Gebruik overstapdossier of overdrachtbinnenbrin.',
      'The kind of transfer does not fit a transfer dossier. Use overstapdossier or overdrachtbinnenbrin.',
    ],
  },
  'OVa.MD03': {
    _: [
      'Het overstapdossier mist het blok categorie_uitlevering. Voeg het toe met een waarde voor elk van de 16 categorieën.',
      'The transfer dossier lacks the categorie_uitlevering block. Add it with a value for each of the 16 categories.',
    ],
  },
  'OVb.MD03': {
    _: [
      'Het dossier voor overdracht binnen BRIN mist het blok categorie_uitlevering. Voeg het toe met een waarde voor elke categorie.',
      'The within-BRIN dossier lacks the categorie_uitlevering block. Add it with a value for each category.',
    ],
  },
  'OVa.OS01': {
    _: [
      'Het overstapdossier geeft de soort overstap niet op. Vul metadata/overstap in (POPO, POVO of VOVO).',
      'The transfer dossier does not state the kind of transfer. Fill in metadata/overstap (POPO, POVO or VOVO).',
    ],
  },
  'OVa.OS02': {
    _: [
      'De soort overstap moet POPO, POVO of VOVO zijn. Pas metadata/overstap aan.',
      'The kind of transfer must be POPO, POVO or VOVO. Correct metadata/overstap.',
    ],
  },
  'OVa.IZ01': {
    _: [
      'Het overstapdossier mist het blok inzage. Laat de ouders het dossier inzien en leg dat vast in inzage.',
      'The transfer dossier lacks the inzage block. Let the parents review the dossier and record it in inzage.',
    ],
  },
  'OVa.IZ02': {
    _: [
      'De ouders hebben het dossier nog niet ingezien (inzage is niet true). Laat hen het dossier inzien voordat het wordt verstuurd.',
      'The parents have not reviewed the dossier (inzage is not true). Let them review it before it is sent.',
    ],
  },
  'OVa.IZ03': {
    _: [
      'De ouders hebben het dossier ingezien, maar de inzagedatum ontbreekt. Vul inzagedatum in (JJJJ-MM-DD).',
      'The parents reviewed the dossier but the review date is missing. Fill in inzagedatum (YYYY-MM-DD).',
    ],
  },
  'OVa.IZ04': {
    _: [
      'De ouders hebben het dossier ingezien, maar er staat niet of zij akkoord zijn. Vul akkoord in (Ja, Nee of Onbekend).',
      'The parents reviewed the dossier but their agreement is not recorded. Fill in akkoord (Ja, Nee or Onbekend).',
    ],
  },
  'OVa.IZ05': {
    _: [
      'Bij een VOVO-overstap is de toestemming van de ouders verplicht. Vul toestemming in (Ja, Nee of Onbekend).',
      "A VOVO transfer needs the parents' consent. Fill in toestemming (Ja, Nee or Onbekend).",
    ],
  },
  'OVa.SL01': {
    school: [
      'De school heeft geen adres. Voeg minstens één adres van de school toe.',
      'The school has no address. Add at least one school address.',
    ],
    loopbaan: [
      'De schoolloopbaan van de leerling ontbreekt. Voeg minstens één schoolloopbaan toe.',
      "The pupil's school career is missing. Add at least one schoolloopbaan entry.",
    ],
  },
  'OVa.SL02': {
    _: [
      'De school heeft geen communicatiegegevens. Voeg minstens een telefoonnummer of e-mailadres van de school toe.',
      'The school has no contact details. Add at least one phone number or e-mail address.',
    ],
  },
  'OVa.LL01': {
    _: [
      'De voornaam van de leerling ontbreekt. Vul minstens één voornaam in.',
      "The pupil's first name is missing. Fill in at least one first name.",
    ],
  },
  'OVa.LL02': {
    _: [
      'De geboortedatum van de leerling ontbreekt. Vul geboortedatum in (JJJJ-MM-DD).',
      "The pupil's date of birth is missing. Fill in geboortedatum (YYYY-MM-DD).",
    ],
  },
  'OVa.LL03': {
    _: [
      'Een geboortemaand mag hier niet. Geef de volledige geboortedatum op in plaats van de maand.',
      'A birth month is not allowed here. Give the full date of birth instead.',
    ],
  },
  'OVa.LL04': {
    _: [
      'Er staat niet of het adres van de leerling geheim is. Vul adresgeheim in (true of false).',
      "It is not stated whether the pupil's address is secret. Fill in adresgeheim (true or false).",
    ],
  },
  'OVa.LL05': {
    _: [
      'Het adres van de leerling is niet geheim, maar er staat geen adres. Voeg een Nederlands of buitenlands adres toe.',
      "The pupil's address is not secret, but no address is given. Add a Dutch or foreign address.",
    ],
  },
  'OVa.LL06': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een adres in. Verwijder de adressen van de leerling.',
      "The pupil's address is secret, yet an address is included. Remove the pupil's addresses.",
    ],
  },
  'OVa.LL07': {
    _: [
      'Een postcode4-adres mag hier niet. Geef het volledige adres van de leerling op.',
      "A four-digit postcode address is not allowed here. Give the pupil's full address.",
    ],
  },
  'OVa.LL08/OVa.OV04': { telefoon: secretPhone, email: secretEmail },
  'OVa.LL09': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een buitenlands adres in. Verwijder het buitenlandse adres.',
      "The pupil's address is secret, yet a foreign address is included. Remove the foreign address.",
    ],
  },
  'OVa.LL10': {
    _: [
      'De geboorteplaats van de leerling mag niet worden meegestuurd. Verwijder geboorteplaats.',
      "The pupil's place of birth must not be sent. Remove geboorteplaats.",
    ],
  },
  'OVa.LL11': {
    _: [
      'De nationaliteit van de leerling mag niet worden meegestuurd. Verwijder nationaliteit.',
      "The pupil's nationality must not be sent. Remove nationaliteit.",
    ],
  },
  'OVa.LL12': {
    _: [
      'BSN en onderwijsnummer van de leerling ontbreken. Vul een van beide in.',
      "The pupil's BSN and education number are both missing. Fill in one of them.",
    ],
  },
  'OVa.LL13': {
    _: [
      'Bij een POVO-overstap is het leerlingnummer van de school verplicht. Vul leerlingid in.',
      "A POVO transfer needs the school's pupil id. Fill in leerlingid.",
    ],
  },
  'OVa.LL14': {
    _: [
      'De inschrijfdatum van de leerling ontbreekt. Vul datuminschrijving in (JJJJ-MM-DD).',
      "The pupil's enrolment date is missing. Fill in datuminschrijving (YYYY-MM-DD).",
    ],
  },
  'OVa.LL15': {
    _: [
      'Er staat niet of de verzorgers aansprakelijk zijn. Vul verzorgersaansprakelijk in (true of false).',
      'It is not stated whether the guardians are liable. Fill in verzorgersaansprakelijk (true or false).',
    ],
  },
  'OVa.AI01': {
    popo: [
      'Bij een POPO-overstap zonder aansprakelijke verzorgers is de aansprakelijke instelling verplicht. Vul aansprakelijkeinstelling in.',
      'In a POPO transfer without liable guardians the responsible institution is required. Fill in aansprakelijkeinstelling.',
    ],
    povo: [
      'Bij een POVO-overstap zonder aansprakelijke verzorgers is de aansprakelijke instelling verplicht. Vul aansprakelijkeinstelling in.',
      'In a POVO transfer without liable guardians the responsible institution is required. Fill in aansprakelijkeinstelling.',
    ],
  },
  'OVa.VV01': {
    _: [
      'Voorschoolse gegevens horen alleen bij een POPO-overstap. Verwijder voorschools.',
      'Pre-school data belongs only in a POPO transfer. Remove voorschools.',
    ],
  },
  'OVa.VV02': {
    _: [
      'Vroegschoolse gegevens horen alleen bij een POPO-overstap. Verwijder vroegschools.',
      'Early-school data belongs only in a POPO transfer. Remove vroegschools.',
    ],
  },
  'OVa.OA01': {
    _: [
      'Het overstapadvies ontbreekt. Voeg het blok overstapadvies toe.',
      'The transfer advice is missing. Add the overstapadvies block.',
    ],
  },
  'OVa.OA02': {
    _: [
      'Bij een POVO-overstap is het VO-advies van de school verplicht (behalve voor SO-scholen). Vul advies in.',
      "A POVO transfer needs the school's secondary-school advice (except for SO schools). Fill in advies.",
    ],
  },
  'OVa.OA03': {
    _: [
      'Er staat niet of contact nodig is. Vul contactnodig in (true of false).',
      'It is not stated whether contact is needed. Fill in contactnodig (true or false).',
    ],
  },
  'OVa.OA04': {
    _: [
      'Contact is nodig, maar de contactpersoon ontbreekt. Vul contactpersoon in.',
      'Contact is needed but the contact person is missing. Fill in contactpersoon.',
    ],
  },
  'OVa.OA05': {
    _: [
      'Contact is nodig, maar het telefoonnummer voor contact ontbreekt. Vul contacttelefoon in.',
      'Contact is needed but the contact phone number is missing. Fill in contacttelefoon.',
    ],
  },
  'OVa.OV01': {
    _: [
      'De verzorgers zijn aansprakelijk, maar er staat geen verzorger in het dossier. Voeg minstens één verzorger toe.',
      'The guardians are liable but no guardian is listed. Add at least one verzorger.',
    ],
  },
  'OVa.OV03': {
    _: [
      'Het adres van deze verzorger is geheim, maar er staat toch een adres in. Verwijder de adressen van de verzorger.',
      "This guardian's address is secret, yet an address is included. Remove the guardian's addresses.",
    ],
  },
  'OVa.EB02': {
    _: [
      'De leerling heeft aan de eindtoets deelgenomen, maar het resultaat ontbreekt. Voeg eindtoetsresultaat toe.',
      'The pupil took the final test but the result is missing. Add eindtoetsresultaat.',
    ],
  },
  'OVa.EB03': {
    notTaken: [
      'De leerling heeft niet aan de eindtoets deelgenomen; geef dan toch de soort eindtoets op. Vul eindtoetsresultaat/toetssoort in.',
      'The pupil did not take the final test; the kind of test is still required. Fill in eindtoetsresultaat/toetssoort.',
    ],
    exemption: [
      'De leerling heeft ontheffing voor de eindtoets; geef dan toch de soort eindtoets op. Vul eindtoetsresultaat/toetssoort in.',
      'The pupil is exempt from the final test; the kind of test is still required. Fill in eindtoetsresultaat/toetssoort.',
    ],
  },
  'OVa.EB04': {
    _: [
      'De leerling heeft aan de eindtoets deelgenomen, maar het toetsadvies ontbreekt. Vul toets_advies in.',
      'The pupil took the final test but the test advice is missing. Fill in toets_advies.',
    ],
  },
  'OVa.TR04': {
    _: [
      'Deze toets is ouder dan het huidige en de twee vorige schooljaren. Laat oudere toetsen weg uit een POVO-dossier.',
      'This test is older than the current and the two previous school years. Leave older tests out of a POVO dossier.',
    ],
  },
  'OVa.TR05': {
    _: [
      'Dit toetsresultaat is leeg. Geef een toetsscore, een referentiescore of een bijlage op.',
      'This test result is empty. Give a test score, a reference score or an attachment.',
    ],
  },
  'OVa.TR06': {
    _: [
      'Deze toetsscore is leeg. Geef minstens het aantal opgaven, goed, fout of gelezen, de tijd of de vaardigheidsscore op.',
      'This test score is empty. Give at least the number of items, correct, wrong or read, the time or the ability score.',
    ],
  },
  'OVa.CL01': {
    _: [
      'Deze score is leeg. Geef een waarde of een kwalificatie op.',
      'This score is empty. Give a value or a qualification.',
    ],
  },
  'OVb.LL01': {
    _: [
      'Een geboortemaand mag hier niet. Geef de volledige geboortedatum op in plaats van de maand.',
      'A birth month is not allowed here. Give the full date of birth instead.',
    ],
  },
  'OVb.LL02': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een adres in. Verwijder de adressen van de leerling.',
      "The pupil's address is secret, yet an address is included. Remove the pupil's addresses.",
    ],
  },
  'OVb.LL03': {
    _: [
      'Een postcode4-adres mag hier niet. Geef het volledige adres van de leerling op.',
      "A four-digit postcode address is not allowed here. Give the pupil's full address.",
    ],
  },
  'OVb.LL04/OVb.OV02': { telefoon: secretPhone, email: secretEmail },
  'OVb.LL05': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een buitenlands adres in. Verwijder het buitenlandse adres.',
      "The pupil's address is secret, yet a foreign address is included. Remove the foreign address.",
    ],
  },
  'OVb.LL??-geboorteplaats': {
    _: [
      'De geboorteplaats van de leerling mag niet worden meegestuurd. Verwijder geboorteplaats.',
      "The pupil's place of birth must not be sent. Remove geboorteplaats.",
    ],
  },
  'OVb.LL??-nationaliteit': {
    _: [
      'De nationaliteit van de leerling mag niet worden meegestuurd. Verwijder nationaliteit.',
      "The pupil's nationality must not be sent. Remove nationaliteit.",
    ],
  },
  'OVb.OV01': {
    _: [
      'Het adres van deze verzorger is geheim, maar er staat toch een adres in. Verwijder de adressen van de verzorger.',
      "This guardian's address is secret, yet an address is included. Remove the guardian's addresses.",
    ],
  },
};
