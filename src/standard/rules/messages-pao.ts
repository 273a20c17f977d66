/** Texts of the SWV rules (PaO: POSWV and VOSWV). */
import { type Entry, secretEmail, secretPhone } from './messages-shared.js';

export const PAO_MESSAGES: Readonly<Record<string, Entry>> = {
  'PaO.MD01': {
    _: [
      'Het dossier bevat geen LAS-deel. Geef deeldossier LAS of LASLVS op en lever de administratiegegevens mee.',
      'The dossier has no LAS part. Declare deeldossier LAS or LASLVS and include the administration data.',
    ],
  },
  'PaO.MD02': {
    _: [
      'De validatieversie klopt niet. Zet metadata/validatieversie op 2019.1.1.',
      'The validation version is wrong. Set metadata/validatieversie to 2019.1.1.',
    ],
  },
  'PaO.MD03': {
    _: [
      'Het SWV-dossier mist het blok categorie_uitlevering. Voeg het toe met een waarde voor elk van de 16 categorieën.',
      'The SWV dossier lacks the categorie_uitlevering block. Add it with a value for each of the 16 categories.',
    ],
  },
  'PaO.SO01': {
    _: [
      'Het SWV-dossier geeft de soort dossier niet op. Vul metadata/overstap in (POSWV of VOSWV).',
      'The SWV dossier does not state its kind. Fill in metadata/overstap (POSWV or VOSWV).',
    ],
  },
  'PaO.SO02': {
    _: [
      'De soort dossier moet POSWV of VOSWV zijn. Pas metadata/overstap aan.',
      'The kind of dossier must be POSWV or VOSWV. Correct metadata/overstap.',
    ],
  },
  'PaO.SO03': {
    _: [
      'De soort overdracht moet swv-dossier zijn voor een dossier voor het samenwerkingsverband. Zet overdrachtsoort op swv-dossier.',
      'The kind of transfer must be swv-dossier for a partnership dossier. Set overdrachtsoort to swv-dossier.',
    ],
  },
  'PaO.SL01': {
    school: [
      'De school heeft geen adres. Voeg minstens één adres van de school toe.',
      'The school has no address. Add at least one school address.',
    ],
    loopbaan: [
      'De schoolloopbaan van de leerling ontbreekt. Voeg minstens één schoolloopbaan toe.',
      "The pupil's school career is missing. Add at least one schoolloopbaan entry.",
    ],
  },
  'PaO.SL02': {
    _: [
      'De school heeft geen communicatiegegevens. Voeg minstens een telefoonnummer of e-mailadres van de school toe.',
      'The school has no contact details. Add at least one phone number or e-mail address.',
    ],
  },
  'PaO.LL01': {
    _: [
      'De voornaam van de leerling ontbreekt. Vul minstens één voornaam in.',
      "The pupil's first name is missing. Fill in at least one first name.",
    ],
  },
  'PaO.LL02': {
    _: [
      'De geboortedatum van de leerling ontbreekt. Vul geboortedatum in (JJJJ-MM-DD).',
      "The pupil's date of birth is missing. Fill in geboortedatum (YYYY-MM-DD).",
    ],
  },
  'PaO.LL03': {
    _: [
      'Een geboortemaand mag hier niet. Geef de volledige geboortedatum op in plaats van de maand.',
      'A birth month is not allowed here. Give the full date of birth instead.',
    ],
  },
  'PaO.LL04': {
    _: [
      'Er staat niet of het adres van de leerling geheim is. Vul adresgeheim in (true of false).',
      "It is not stated whether the pupil's address is secret. Fill in adresgeheim (true or false).",
    ],
  },
  'PaO.LL05': {
    _: [
      'Het adres van de leerling is niet geheim, maar er staat geen adres. Voeg een Nederlands of buitenlands adres toe.',
      "The pupil's address is not secret, but no address is given. Add a Dutch or foreign address.",
    ],
  },
  'PaO.LL06': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een adres in. Verwijder de adressen van de leerling.',
      "The pupil's address is secret, yet an address is included. Remove the pupil's addresses.",
    ],
  },
  'PaO.LL07': {
    _: [
      'Een postcode4-adres mag hier niet. Geef het volledige adres van de leerling op.',
      "A four-digit postcode address is not allowed here. Give the pupil's full address.",
    ],
  },
  'PaO.LL08/PaO.OV04': { telefoon: secretPhone, email: secretEmail },
  'PaO.LL09': {
    _: [
      'Het adres van de leerling is geheim, maar er staat toch een buitenlands adres in. Verwijder het buitenlandse adres.',
      "The pupil's address is secret, yet a foreign address is included. Remove the foreign address.",
    ],
  },
  'PaO.LL10': {
    _: [
      'De geboorteplaats van de leerling mag niet worden meegestuurd. Verwijder geboorteplaats.',
      "The pupil's place of birth must not be sent. Remove geboorteplaats.",
    ],
  },
  'PaO.LL11': {
    _: [
      'De nationaliteit van de leerling mag niet worden meegestuurd. Verwijder nationaliteit.',
      "The pupil's nationality must not be sent. Remove nationaliteit.",
    ],
  },
  'PaO.LL12': {
    _: [
      'Een SWV-dossier mag geen BSN of onderwijsnummer bevatten. Verwijder bsn en onderwijsnummer.',
      'An SWV dossier must not contain a BSN or education number. Remove bsn and onderwijsnummer.',
    ],
  },
  'PaO.VV01': {
    _: [
      'In een VO-SWV-dossier hoort niet of de leerling van een peuterspeelzaal kwam. Verwijder vanpeuterspeelzaal.',
      'A secondary SWV dossier must not say whether the pupil came from a playgroup. Remove vanpeuterspeelzaal.',
    ],
  },
  'PaO.VV02': {
    _: [
      'In een VO-SWV-dossier hoort geen naam van de peuterspeelzaal. Verwijder naampeuterspeelzaal.',
      'A secondary SWV dossier must not name the playgroup. Remove naampeuterspeelzaal.',
    ],
  },
  'PaO.VV03': {
    _: [
      'In een VO-SWV-dossier horen geen voorschoolse gegevens. Verwijder voorschools.',
      'A secondary SWV dossier must not contain pre-school data. Remove voorschools.',
    ],
  },
  'PaO.VV04': {
    _: [
      'In een VO-SWV-dossier horen geen vroegschoolse gegevens. Verwijder vroegschools.',
      'A secondary SWV dossier must not contain early-school data. Remove vroegschools.',
    ],
  },
  'PaO.EB01': {
    _: [
      'In een PO-SWV-dossier hoort geen eindtoets basisonderwijs. Verwijder eindtoets_basisonderwijs.',
      'A primary SWV dossier must not contain the primary final test. Remove eindtoets_basisonderwijs.',
    ],
  },
  'PaO.OV01': {
    _: [
      'De verzorgers zijn aansprakelijk, maar er staat geen verzorger in het dossier. Voeg minstens één verzorger toe.',
      'The guardians are liable but no guardian is listed. Add at least one verzorger.',
    ],
  },
  'PaO.OV03': {
    _: [
      'Het adres van deze verzorger is geheim, maar er staat toch een adres in. Verwijder de adressen van de verzorger.',
      "This guardian's address is secret, yet an address is included. Remove the guardian's addresses.",
    ],
  },
  'PaO.OV05': {
    _: [
      'Een banknummer van de verzorger mag niet in een SWV-dossier. Verwijder banknummer (een IBAN mag wel).',
      "A guardian's bank number must not be in an SWV dossier. Remove banknummer (an IBAN is allowed).",
    ],
  },
  'PaO.VM01': {
    _: [
      'In een PO-SWV-dossier hoort geen bevordering. Verwijder bevorderd.',
      'A primary SWV dossier must not contain promotion data. Remove bevorderd.',
    ],
  },
  'PaO.VM02': {
    _: [
      'In een PO-SWV-dossier horen geen examenresultaten. Verwijder examenresultaat.',
      'A primary SWV dossier must not contain exam results. Remove examenresultaat.',
    ],
  },
  'PaO.VM03': {
    _: [
      'In een PO-SWV-dossier horen geen VO-vakresultaten. Verwijder resultaatvakkenvo.',
      'A primary SWV dossier must not contain secondary subject results. Remove resultaatvakkenvo.',
    ],
  },
  'PaO.VM04': {
    _: [
      'In een PO-SWV-dossier horen geen certificaten. Verwijder certificaat.',
      'A primary SWV dossier must not contain certificates. Remove certificaat.',
    ],
  },
  'PaO.VM05': {
    _: [
      'In een PO-SWV-dossier horen geen competenties. Verwijder competenties.',
      'A primary SWV dossier must not contain competences. Remove competenties.',
    ],
  },
  'PaO.VM06': {
    _: [
      'In een PO-SWV-dossier horen geen stages. Verwijder stage.',
      'A primary SWV dossier must not contain internships. Remove stage.',
    ],
  },
  'PaO.VM07': {
    _: [
      'In een PO-SWV-dossier horen geen overige VO-MBO-gegevens. Verwijder overigvombo.',
      'A primary SWV dossier must not contain other VO-MBO data. Remove overigvombo.',
    ],
  },
  'PaO.TR01': {
    _: [
      'Dit toetsresultaat is leeg. Geef een toetsscore, een referentiescore of een bijlage op.',
      'This test result is empty. Give a test score, a reference score or an attachment.',
    ],
  },
  'PaO.TR02': {
    _: [
      'Deze toetsscore is leeg. Geef minstens het aantal opgaven, goed, fout of gelezen, de tijd of de vaardigheidsscore op.',
      'This test score is empty. Give at least the number of items, correct, wrong or read, the time or the ability score.',
    ],
  },
  'PaO.CL01': {
    _: [
      'Deze score is leeg. Geef een waarde of een kwalificatie op.',
      'This score is empty. Give a value or a qualification.',
    ],
  },
  'PaO.ZB01': {
    _: [
      'Gegevens uit de verwijsindex (vir) mogen niet in een SWV-dossier. Verwijder vir.',
      'Referral-index data (vir) must not be in an SWV dossier. Remove vir.',
    ],
  },
  'PaO.ZB02': {
    _: [
      'Gegevens van het zorgadviesteam (zat) mogen niet in een SWV-dossier. Verwijder zat.',
      'Care-advice-team data (zat) must not be in an SWV dossier. Remove zat.',
    ],
  },
};
