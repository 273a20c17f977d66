import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';

/**
 * For every result a request can have: what it means and what the school does next, in plain Dutch
 * and English. Shown with each request result; keyed by the OSO-style result code.
 */
export const RESULT_EXPLANATIONS: Readonly<Record<ResultCode, Message>> = {
  OverdrachtGeslaagd: {
    nl: 'Het dossier is ontvangen. Bekijk het en lees het in uw administratie in, of wijs het af met een reden.',
    en: 'The dossier was received. Review it and import it into your administration, or reject it with a reason.',
  },
  NietGewijzigd: {
    nl: 'De school van herkomst heeft geen nieuwere versie klaargezet; u heeft de laatste versie al.',
    en: 'The previous school has not set a newer version ready; you already have the latest version.',
  },
  NietKlaargezet: {
    nl: 'Het dossier staat nog niet voor uw school klaar. U hoeft niets te doen: zodra de school van herkomst het klaarzet, wordt het vanzelf opnieuw opgevraagd. Duurt het lang, neem dan contact op met die school.',
    en: 'The dossier has not been set ready for your school yet. You need not do anything: as soon as the previous school sets it ready, it is requested again automatically. If it takes long, contact that school.',
  },
  DossierVerlopen: {
    nl: 'Het klaargezette dossier is verlopen (zomerwissel). De school van herkomst moet het opnieuw klaarzetten; daarna wordt het vanzelf opnieuw opgevraagd.',
    en: 'The dossier that was set ready has expired (summer switch). The previous school must set it ready again; it is then requested again automatically.',
  },
  GegevensKomenNietOvereen: {
    nl: 'De school van herkomst kent deze leerling, maar de achternaam of de geboortedatum komt niet overeen. Controleer de aanmelding en vraag het dossier opnieuw op.',
    en: 'The previous school knows this pupil, but the surname or the birth date does not match. Check the registration and request the dossier again.',
  },
  LeerlingNietGevonden: {
    nl: 'De school van herkomst kent geen leerling met dit BSN of onderwijsnummer. Controleer het nummer en de BRIN-code van de school van herkomst.',
    en: 'The previous school knows no pupil with this BSN or education number. Check the number and the BRIN code of the previous school.',
  },
  SessieAfwijkend: {
    nl: 'De sessie klopte niet met het verzoek. Vraag het dossier opnieuw op; blijft dit gebeuren, meld het dan bij uw leverancier.',
    en: 'The session did not match the request. Request the dossier again; if this keeps happening, report it to your supplier.',
  },
  OnbekendAanleverpunt: {
    nl: 'Een aanleverpunt is onbekend bij het verkeerscentrum. Neem contact op met uw leverancier of de servicedesk.',
    en: 'A delivery point is unknown to the traffic center. Contact your supplier or the service desk.',
  },
  GeenRelatieMetDoel: {
    nl: 'De school van herkomst heeft geen aanleverpunt voor overstapdossiers. Neem contact op met die school.',
    en: 'The previous school has no delivery point for transfer dossiers. Contact that school.',
  },
  SessieReedsAfgemeld: {
    nl: 'De sessie was al afgesloten. Vraag het dossier opnieuw op.',
    en: 'The session had already been closed. Request the dossier again.',
  },
  SessieVerlopen: {
    nl: 'De sessie was verlopen voordat de aanvraag klaar was (de keten was traag of onderbroken). Vraag het dossier opnieuw op; een open aanvraag wordt ook bij de volgende bulkaanvraag meegenomen.',
    en: 'The session expired before the request was done (the chain was slow or interrupted). Request the dossier again; an open request is also taken along by the next bulk request.',
  },
  VerstrekkerNietBekend: {
    nl: 'Het verkeerscentrum kent het certificaat van deze gateway niet. Neem contact op met uw leverancier.',
    en: 'The traffic center does not know this gateway’s certificate. Contact your supplier.',
  },
  SchoolNietToegelaten: {
    nl: 'Uw school of de school van herkomst is (nog) niet toegelaten tot de overstapservice. Neem contact op met de servicedesk.',
    en: 'Your school or the previous school is not (yet) admitted to the transfer service. Contact the service desk.',
  },
  GeenMandaat: {
    nl: 'Uw leverancier heeft geen mandaat om voor uw school te handelen. Laat uw schoolbestuur het mandaat regelen.',
    en: 'Your supplier has no mandate to act for your school. Ask your school board to arrange the mandate.',
  },
  OnbekendeSchool: {
    nl: 'De BRIN-code van de school van herkomst is niet bekend bij het verkeerscentrum. Controleer de BRIN-code.',
    en: 'The previous school’s BRIN code is not known to the traffic center. Check the BRIN code.',
  },
  TeVeelVerzoeken: {
    nl: 'De school van herkomst weigert tijdelijk verzoeken van uw school, omdat te veel leerlingen niet gevonden werden. Controleer uw aanmeldingen en probeer het over een uur opnieuw.',
    en: 'The previous school temporarily refuses requests from your school because too many pupils were not found. Check your registrations and try again in an hour.',
  },
  OngeldigVerzoek: {
    nl: 'Het verzoek was ongeldig of onleesbaar voor de ontvanger. Vraag het dossier opnieuw op; blijft dit gebeuren, meld het dan bij uw leverancier.',
    en: 'The request was invalid or unreadable for the recipient. Request the dossier again; if this keeps happening, report it to your supplier.',
  },
  TechnischeFout: {
    nl: 'Er ging technisch iets mis (geen verbinding of een onleesbaar dossier). Probeer het later opnieuw; blijft het misgaan, meld het dan bij uw leverancier.',
    en: 'Something went wrong technically (no connection or an unreadable dossier). Try again later; if it keeps failing, report it to your supplier.',
  },
};
