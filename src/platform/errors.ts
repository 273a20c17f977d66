import type { Message } from '../standard/index.js';
import { fieldMessages, reasonMessage } from './problem-texts.js';

/**
 * Every error Overstap can give to a user or a peer: a stable code, an HTTP status and a message
 * in Dutch and English. Code throws `new AppError('DOSSIER_NOT_READY', details)`; one handler turns
 * it into `{code, message: {nl, en}, details}`. Add new codes here, nowhere else.
 */
export const ERRORS = {
  // generic
  VALIDATION_FAILED: { status: 400, nl: 'De invoer klopt niet.', en: 'The input is not valid.' },
  UNAUTHENTICATED: {
    status: 401,
    nl: 'U bent niet aangemeld of uw sleutel is ongeldig.',
    en: 'You are not signed in or your key is invalid.',
  },
  FORBIDDEN: {
    status: 403,
    nl: 'U mag dit niet doen voor deze school.',
    en: 'You may not do this for this school.',
  },
  NOT_FOUND: { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  CONFLICT: {
    status: 409,
    nl: 'Dit botst met de huidige toestand; probeer het opnieuw.',
    en: 'This conflicts with the current state; try again.',
  },
  RATE_LIMITED: {
    status: 429,
    nl: 'Te veel verzoeken; wacht even en probeer het opnieuw.',
    en: 'Too many requests; wait a moment and try again.',
  },
  INTERNAL: {
    status: 500,
    nl: 'Er ging iets mis in Overstap. De fout is vastgelegd.',
    en: 'Something went wrong in Overstap. The error was logged.',
  },
  // configuration and start-up
  CONFIG_INVALID: { status: 500, nl: 'De configuratie klopt niet.', en: 'The configuration is not valid.' },
  ENCRYPTION_KEY_MISSING: {
    status: 500,
    nl: 'Een versleutelingssleutel die de database gebruikt ontbreekt of is onjuist; Overstap start niet om geen onleesbare gegevens te maken.',
    en: 'An encryption key the database uses is missing or wrong; Overstap does not start, so as not to produce unreadable data.',
  },
  // storage (database, migrations)
  DATABASE_UNAVAILABLE: {
    status: 503,
    nl: 'De database is niet bereikbaar; controleer DATABASE_URL en of PostgreSQL draait.',
    en: 'The database cannot be reached; check DATABASE_URL and whether PostgreSQL is running.',
  },
  DATA_DIR_IN_USE: {
    status: 500,
    nl: 'De datamap wordt al gebruikt door een ander Overstap-proces; stop dat eerst of kies een andere map.',
    en: 'The data folder is already in use by another Overstap process; stop that first or choose another folder.',
  },
  DATABASE_MISUSE: {
    status: 500,
    nl: 'Programmeerfout: de database wordt verkeerd gebruikt (bijvoorbeeld buiten de lopende transactie om).',
    en: 'Programming error: the database is used wrongly (for example around the running transaction).',
  },
  DATABASE_SCHEMA_NEWER: {
    status: 500,
    nl: 'De database is bijgewerkt door een nieuwere versie van Overstap; start die versie, niet deze oudere.',
    en: 'The database was upgraded by a newer version of Overstap; run that version, not this older one.',
  },
  MIGRATION_FAILED: {
    status: 500,
    nl: 'Een databasemigratie is mislukt en teruggedraaid; Overstap start niet.',
    en: 'A database migration failed and was rolled back; Overstap does not start.',
  },
  // dossier library
  DOSSIER_INVALID: {
    status: 422,
    nl: 'Het dossier voldoet niet aan de OSO gegevensset 2019.1.',
    en: 'The dossier does not conform to the OSO gegevensset 2019.1.',
  },
  // lifecycle (gateway)
  DOSSIER_NOT_FOUND: {
    status: 404,
    nl: 'Dit dossier bestaat niet (bij deze school).',
    en: 'This dossier does not exist (at this school).',
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    nl: 'Deze stap is in de huidige toestand van het dossier niet mogelijk.',
    en: 'This step is not possible in the dossier’s current state.',
  },
  INSPECTION_REQUIRED: {
    status: 409,
    nl: 'De ouders moeten het dossier eerst hebben ingezien; leg de inzage vast.',
    en: 'The parents must first have inspected the dossier; record the inspection.',
  },
  DOSSIER_HAS_ERRORS: {
    status: 422,
    nl: 'Het dossier bevat fouten; los die eerst op.',
    en: 'The dossier has errors; fix them first.',
  },
  REGISTRATION_INVALID: {
    status: 422,
    nl: 'De aanmelding klopt niet.',
    en: 'The registration is not valid.',
  },
  // gateway (src/gateway): hosted schools, sending and receiving side
  GW_SCHOOL_NOT_HOSTED: {
    status: 404,
    nl: 'Deze school wordt niet door deze gateway bediend.',
    en: 'This school is not hosted by this gateway.',
  },
  GW_SCHOOL_ALREADY_HOSTED: {
    status: 409,
    nl: 'Deze school wordt al door deze gateway bediend.',
    en: 'This school is already hosted by this gateway.',
  },
  GW_HOSTING_NOT_ENDED: {
    status: 409,
    nl: 'Deze gateway bedient deze school nog; alleen een school waarvan de bediening is beëindigd kan worden hervat.',
    en: 'This gateway still hosts this school; only a school whose hosting ended can resume.',
  },
  GW_DELIVERY_POINT_NOT_FOUND: {
    status: 404,
    nl: 'Deze school heeft bij deze gateway geen aanleverpunt met deze routeringssleutel.',
    en: 'This school has no delivery point with this routing key at this gateway.',
  },
  GW_SCHOOL_PURGED: {
    status: 410,
    nl: 'De gegevens van deze school zijn na de bewaartermijn verwijderd. Ze kunnen niet meer worden ingezien of geëxporteerd, en de school kan niet opnieuw onder deze gegevens worden bediend.',
    en: 'The data of this school was deleted after its retention period. It can no longer be read or exported, and the school cannot be hosted again under this record.',
  },
  GW_PURGE_NOT_DUE: {
    status: 409,
    nl: 'De gegevens van deze school worden nog bewaard: ze worden pas verwijderd als de bediening is beëindigd en de bewaartermijn (retainUntil) voorbij is.',
    en: 'The data of this school is still kept: it is deleted only once its hosting ended and its retention period (retainUntil) has passed.',
  },
  DOSSIER_WRONG_SCHOOL: {
    status: 422,
    nl: 'Het dossier hoort bij een andere school (huidigeschool/brincode) dan de school waarvoor het wordt ingelezen.',
    en: 'The dossier belongs to another school (huidigeschool/brincode) than the school it is imported for.',
  },
  DOSSIER_NO_PUPIL_NUMBER: {
    status: 422,
    nl: 'Het dossier heeft geen BSN of onderwijsnummer van de leerling; zonder een van beide kan het niet worden overgedragen.',
    en: 'The dossier has neither a BSN nor an onderwijsnummer of the pupil; without one it cannot be transferred.',
  },
  DOSSIER_FROZEN: {
    status: 409,
    nl: 'Deze versie van het dossier ligt ter inzage of is ingezien en kan niet meer worden gewijzigd; bewerk het dossier om een nieuwe versie te maken.',
    en: 'This version of the dossier is up for inspection or was inspected and can no longer change; edit the dossier to make a new version.',
  },
  REGISTRATION_NOT_FOUND: {
    status: 404,
    nl: 'Deze aanmelding bestaat niet (bij deze school).',
    en: 'This registration does not exist (at this school).',
  },
  REGISTRATION_EXISTS: {
    status: 409,
    nl: 'Deze leerling is al aangemeld bij deze school.',
    en: 'This pupil is already registered at this school.',
  },
  RECEIVED_DOSSIER_NOT_FOUND: {
    status: 404,
    nl: 'Er is (nog) geen ontvangen dossier voor deze aanmelding.',
    en: 'There is no received dossier for this registration (yet).',
  },
  REGISTRATIONS_CSV_INVALID: {
    status: 400,
    nl: 'Het bestand met aanmeldingen bevat fouten; er is niets opgeslagen. Verbeter de genoemde regels en lever het bestand opnieuw aan.',
    en: 'The registrations file has errors; nothing was stored. Correct the lines listed and upload the file again.',
  },
  // gateway: SWV exchange (koppelsleutel), feedback (terugkoppeling), delivery points per purpose
  GW_DELIVERY_POINT_EXISTS: {
    status: 409,
    nl: 'Deze school heeft al een actief aanleverpunt voor dit doel.',
    en: 'This school already has an active delivery point for this purpose.',
  },
  GW_DELIVERY_POINT_MISSING: {
    status: 409,
    nl: 'Deze school heeft geen actief aanleverpunt voor dit doel (bijvoorbeeld SWV); laat de beheerder van de gateway het toevoegen en bij het verkeerscentrum registreren.',
    en: 'This school has no active delivery point for this purpose (for example SWV); ask the gateway’s administrator to add it and register it at the traffic center.',
  },
  DOSSIER_NO_LEERLINGID: {
    status: 422,
    nl: 'Een SWV-dossier heeft geen BSN of onderwijsnummer; de gateway herkent de leerling aan het leerlingid, maar dat ontbreekt in het dossier.',
    en: 'An SWV dossier has no BSN or onderwijsnummer; the gateway recognises the pupil by leerlingid, which the dossier lacks.',
  },
  KOPPELSLEUTEL_INVALID: {
    status: 422,
    nl: 'Deze koppelsleutel klopt niet. Een koppelsleutel heeft 16 tekens (zoals ABCD-EFGH-JKLM-NPQ7): letters en de cijfers 2 tot en met 9, zonder I en O. Controleer hem teken voor teken met de school die hem gaf.',
    en: 'This koppelsleutel is not valid. A koppelsleutel has 16 characters (like ABCD-EFGH-JKLM-NPQ7): letters and the digits 2 to 9, without I and O. Check it character by character with the school that gave it.',
  },
  DESTINATION_SECTOR_MISMATCH: {
    status: 422,
    nl: 'Deze school past niet bij het soort dossier: een SWV-dossier (POSWV, VOSWV) gaat alleen naar een samenwerkingsverband, een ander dossier nooit naar een samenwerkingsverband. Kies de juiste BRIN-code.',
    en: 'This school does not fit the kind of dossier: an SWV dossier (POSWV, VOSWV) goes to a samenwerkingsverband only, any other dossier never to a samenwerkingsverband. Choose the right BRIN code.',
  },
  SWV_REQUEST_NOT_FOUND: {
    status: 404,
    nl: 'Deze SWV-aanvraag bestaat niet (bij deze school), of er is nog geen dossier voor ontvangen.',
    en: 'This SWV request does not exist (at this school), or no dossier was received for it yet.',
  },
  TERUGKOPPELING_INVALID: {
    status: 422,
    nl: 'De terugkoppeling klopt niet; zie de bevindingen.',
    en: 'The feedback (terugkoppeling) is not valid; see the findings.',
  },
  // gateway, the po school's worklist (fields, attachments, bulk actions)
  DOSSIER_CHANGED: {
    status: 409,
    nl: 'Het dossier is intussen gewijzigd (er is een nieuwere versie). Laad het opnieuw en breng uw wijziging nog eens aan.',
    en: 'The dossier was changed meanwhile (there is a newer version). Reload it and make your change again.',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 422,
    nl: 'Dit bestandstype mag niet als bijlage mee, of de inhoud past niet bij de naam. Toegestaan: PDF, JPG, PNG, DOC(X), XLS(X), PPT(X), ODT/ODS/ODP en TXT.',
    en: 'This file type may not be attached, or its content does not match its name. Allowed: PDF, JPG, PNG, DOC(X), XLS(X), PPT(X), ODT/ODS/ODP and TXT.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    nl: 'De bijlage is te groot: een bijlage mag hoogstens 10 MB zijn, en een dossier hoogstens 20 bijlagen hebben.',
    en: 'The attachment is too large: an attachment may be at most 10 MB, and a dossier may have at most 20 attachments.',
  },
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    nl: 'Deze bijlage staat niet (meer) in deze versie van het dossier.',
    en: 'This attachment is not (or no longer) in this version of the dossier.',
  },
  NO_REGISTRATION: {
    status: 409,
    nl: 'Er is nog geen aanmelding van deze leerling bekend bij een vo-school, dus Overstap weet niet voor welke school het dossier klaar moet staan. Zet het dossier op de dossierpagina klaar.',
    en: 'No registration of this pupil at a secondary school is known yet, so Overstap does not know which school to set the dossier ready for. Set it ready on the dossier page.',
  },
  REGISTRATION_AMBIGUOUS: {
    status: 409,
    nl: 'De leerling is bij meer dan één school aangemeld zonder volgorde van voorkeur; kies de school op de dossierpagina.',
    en: 'The pupil registered at more than one school without an order of preference; choose the school on the dossier page.',
  },
  // gateway: the parents' inspection link (sending/create-inspection-link.ts and the /api/inzage routes)
  DOSSIER_NOT_UNDER_INSPECTION: {
    status: 409,
    nl: 'Een inzagelink kan alleen worden gemaakt als het dossier ter inzage ligt; zet het eerst ter inzage.',
    en: 'An inspection link can only be made while the dossier is up for inspection; put it up for inspection first.',
  },
  INSPECTION_LINK_INVALID: {
    status: 410,
    nl: 'Deze link werkt niet meer. Hij is verlopen, al gebruikt of vervangen door een nieuwe link. Vraag de school om een nieuwe link.',
    en: 'This link no longer works. It has expired, was used already or was replaced by a new link. Ask the school for a new link.',
  },
  INSPECTION_LINK_BLOCKED: {
    status: 410,
    nl: 'Er is te vaak een verkeerde geboortedatum ingevuld. Daarom werkt deze link niet meer. Vraag de school om een nieuwe link.',
    en: 'A wrong date of birth was entered too often. That is why this link no longer works. Ask the school for a new link.',
  },
  BIRTH_DATE_MISMATCH: {
    status: 401,
    nl: 'Deze geboortedatum klopt niet. Controleer de dag, de maand en het jaar.',
    en: 'This date of birth is not correct. Check the day, the month and the year.',
  },
  INSPECTION_SESSION_REQUIRED: {
    status: 401,
    nl: 'Vul eerst de geboortedatum van uw kind in. Na 60 minuten moet u dat opnieuw doen.',
    en: 'First enter your child’s date of birth. After 60 minutes you need to do that again.',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    nl: 'De PDF kan nu niet worden gemaakt. Probeer het later opnieuw; u kunt het dossier wel op deze pagina lezen.',
    en: 'The PDF cannot be made right now. Try again later; you can still read the dossier on this page.',
  },
  // chain (traffic center)
  SCHOOL_NOT_ADMITTED: {
    status: 403,
    nl: 'Deze school is niet toegelaten tot de overstapservice.',
    en: 'This school is not admitted to the transfer service.',
  },
  NO_MANDATE: {
    status: 403,
    nl: 'Dit leverancierssysteem heeft geen mandaat voor deze school.',
    en: 'This supplier system has no mandate for this school.',
  },
  UNKNOWN_SUPPLIER: {
    status: 403,
    nl: 'Dit certificaat hoort bij geen bekend leverancierssysteem.',
    en: 'This certificate belongs to no known supplier system.',
  },
  // traffic center administration (the chain operator's API); chain answers use OSO result codes instead
  SCHOOL_NOT_FOUND: {
    status: 404,
    nl: 'Deze school is niet bekend bij het verkeerscentrum.',
    en: 'This school is not known to the traffic center.',
  },
  SCHOOL_ALREADY_REGISTERED: {
    status: 409,
    nl: 'Deze BRIN-code is al geregistreerd bij het verkeerscentrum.',
    en: 'This BRIN code is already registered at the traffic center.',
  },
  SUPPLIER_SYSTEM_NOT_FOUND: {
    status: 404,
    nl: 'Dit leverancierssysteem is niet bekend bij het verkeerscentrum.',
    en: 'This supplier system is not known to the traffic center.',
  },
  CERTIFICATE_INVALID: {
    status: 400,
    nl: 'Dit is geen leesbaar X.509-certificaat (PEM) of SHA-256-vingerafdruk.',
    en: 'This is not a readable X.509 certificate (PEM) or SHA-256 fingerprint.',
  },
  CERTIFICATE_ALREADY_REGISTERED: {
    status: 409,
    nl: 'Dit certificaat is al geregistreerd voor een leverancierssysteem.',
    en: 'This certificate is already registered for a supplier system.',
  },
  MANDATE_NOT_FOUND: {
    status: 404,
    nl: 'Dit leverancierssysteem heeft geen lopend mandaat voor deze school.',
    en: 'This supplier system holds no current mandate for this school.',
  },
  DELIVERY_POINT_NOT_FOUND: {
    status: 404,
    nl: 'Dit aanleverpunt is niet bekend bij het verkeerscentrum.',
    en: 'This delivery point is not known to the traffic center.',
  },
  DELIVERY_POINT_CONFLICT: {
    status: 409,
    nl: 'Deze routeringssleutel bestaat al, of dit leverancierssysteem heeft al een actief aanleverpunt voor deze school en dit doel.',
    en: 'This routing key exists already, or this supplier system already has an active delivery point for this school and purpose.',
  },
  ADMISSION_INCOMPLETE: {
    status: 409,
    nl: 'De school heeft het aansluittraject nog niet doorlopen (mandaat, actief aanleverpunt en geslaagde testuitwisseling).',
    en: 'The school has not completed the connection path (mandate, active delivery point and a successful test exchange).',
  },
  // security platform: chain transport, sealing, audit log
  CHAIN_UNREACHABLE: {
    status: 502,
    nl: 'De andere partij in de keten is niet bereikbaar (geen verbinding, TLS geweigerd of geen antwoord op tijd); probeer het later opnieuw.',
    en: 'The other party in the chain cannot be reached (no connection, TLS refused or no answer in time); try again later.',
  },
  CHAIN_PROTOCOL_ERROR: {
    status: 502,
    nl: 'De andere partij in de keten gaf een antwoord dat Overstap niet kan lezen.',
    en: 'The other party in the chain gave an answer Overstap cannot read.',
  },
  SEAL_INVALID: {
    status: 400,
    nl: 'Het verzegelde bericht kan niet worden geopend: het is gewijzigd, niet voor deze ontvanger of hoort bij een ander verzoek.',
    en: 'The sealed message cannot be opened: it was altered, is not for this recipient or belongs to another request.',
  },
  SEALING_KEY_INVALID: {
    status: 422,
    nl: 'De publieke sleutel van het aanleverpunt is ongeldig (verwacht: 32 bytes X25519, base64url).',
    en: 'The delivery point’s public key is not valid (expected: 32 bytes X25519, base64url).',
  },
  AUDIT_PERSONAL_DATA: {
    status: 500,
    nl: 'Een auditregel mag geen persoonsgegevens bevatten (BSN, naam, geboortedatum); de handeling is niet uitgevoerd.',
    en: 'An audit entry must not contain personal data (BSN, name, birth date); the action was not carried out.',
  },
  // people's sign-in (src/platform/auth)
  SIGN_IN_FAILED: {
    status: 401,
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not correct.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    nl: 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen; probeer het over een kwartier opnieuw of herstel uw wachtwoord.',
    en: 'This account is locked for a while after too many failed attempts; try again in a quarter of an hour or reset your password.',
  },
  TOTP_INVALID: {
    status: 401,
    nl: 'De code uit de authenticator-app klopt niet (of is al gebruikt).',
    en: 'The code from the authenticator app is not correct (or was used already).',
  },
  CSRF_INVALID: {
    status: 403,
    nl: 'Het verzoek mist een geldig CSRF-token; laad de pagina opnieuw.',
    en: 'The request lacks a valid CSRF token; reload the page.',
  },
  TOKEN_INVALID: {
    status: 410,
    nl: 'Deze link is ongeldig, verlopen of al gebruikt; vraag een nieuwe aan.',
    en: 'This link is invalid, expired or used already; ask for a new one.',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    nl: 'Kies een wachtwoord van minstens 12 tekens dat niet uw e-mailadres is.',
    en: 'Choose a password of at least 12 characters that is not your e-mail address.',
  },
  MAIL_FAILED: {
    status: 502,
    nl: 'De e-mail kon niet worden verstuurd; probeer het later opnieuw.',
    en: 'The e-mail could not be sent; try again later.',
  },
  // region (src/region): regions, member schools, settings, timeline, contacts
  REGION_NOT_FOUND: {
    status: 404,
    nl: 'Deze regio bestaat niet.',
    en: 'This region does not exist.',
  },
  REGION_EXISTS: {
    status: 409,
    nl: 'Er is al een regio met deze code of naam.',
    en: 'There is already a region with this code or name.',
  },
  REGION_MEMBER_NOT_FOUND: {
    status: 404,
    nl: 'Deze school hoort niet bij deze regio. Voeg haar eerst toe als school van de regio.',
    en: 'This school is not a member of this region. Add it to the region first.',
  },
  REGION_SETTINGS_INVALID: {
    status: 422,
    nl: 'Deze instellingen passen niet bij elkaar; zie de uitleg bij het veld.',
    en: 'These settings do not fit together; see the explanation at the field.',
  },
  TIMELINE_ORDER_INVALID: {
    status: 422,
    nl: 'De data van de tijdlijn staan in een volgorde die niet kan werken; zie de uitleg bij de data.',
    en: 'The dates of the timeline are in an order that cannot work; see the explanation at the dates.',
  },
  TIMELINE_DATE_INVALID: {
    status: 422,
    nl: 'Een datum van de tijdlijn past niet in het schooljaar; zie de uitleg bij de datum.',
    en: 'A date of the timeline does not fit the school year; see the explanation at the date.',
  },
  CONTACT_NOT_FOUND: {
    status: 404,
    nl: 'Deze contactpersoon bestaat niet (meer).',
    en: 'This contact does not exist (any more).',
  },
  CONTACT_EXISTS: {
    status: 409,
    nl: 'Deze persoon staat al als contactpersoon voor deze rol bij deze school.',
    en: 'This person is already a contact for this role at this school.',
  },
  // region reminders (src/region/reminders)
  REMINDER_NOTICE_NOT_FOUND: {
    status: 404,
    nl: 'Deze melding bestaat niet (meer) bij deze school.',
    en: 'This notice does not exist (any more) at this school.',
  },
  // region pilot (src/region/pilot, ADR 0007): fictional pupils with test BSNs, kept apart from production
  PILOT_NOT_FOUND: {
    status: 404,
    nl: 'Deze pilot bestaat niet (in deze regio).',
    en: 'This pilot does not exist (in this region).',
  },
  PILOT_EXISTS: {
    status: 409,
    nl: 'De regio heeft al een pilot met deze naam; kies een andere naam.',
    en: 'The region already has a pilot with this name; choose another name.',
  },
  PILOT_INVALID: {
    status: 422,
    nl: 'De pilot is niet goed ingevuld; zie de uitleg bij de velden. Er is niets opgeslagen.',
    en: 'The pilot is not filled in correctly; see the explanation at the fields. Nothing was stored.',
  },
  PILOT_PAIR_NOT_FOUND: {
    status: 404,
    nl: 'Dit schoolpaar hoort niet (meer) bij deze pilot.',
    en: 'This pair of schools is not (or no longer) part of this pilot.',
  },
  PILOT_PAIR_STARTED: {
    status: 409,
    nl: 'Dit schoolpaar is al met de uitwisseling begonnen en kan niet meer uit de pilot.',
    en: 'This pair of schools has started exchanging and can no longer leave the pilot.',
  },
  PILOT_TEST_BSN_REQUIRED: {
    status: 422,
    nl: 'Een pilotdossier gaat over een fictieve leerling met een BSN uit de testreeks van RvIG (999990000 tot en met 999999999, elfproef).',
    en: 'A pilot dossier is about a fictional pupil with a BSN from the RvIG test range (999990000 to 999999999, 11-check).',
  },
  PILOT_TEST_BSN_NOT_ALLOWED: {
    status: 422,
    nl: 'Dit nummer komt uit de testreeks van RvIG (999990000 tot en met 999999999). Zulke nummers horen alleen bij de pilot van de regio, niet bij echte leerlingen.',
    en: 'This number is from the RvIG test range (999990000 to 999999999). Such numbers belong only to the region’s pilot, not to real pupils.',
  },
  PILOT_TEST_NUMBERS_USED_UP: {
    status: 409,
    nl: 'Alle BSN’s uit de testreeks zijn al aan pilotleerlingen gegeven.',
    en: 'Every BSN of the test range has been given to a pilot pupil already.',
  },
  PILOT_NO_RECIPIENTS: {
    status: 422,
    nl: 'Er is niemand om te berichten: vul bij minstens één leverancier een e-mailadres in, of zorg dat de servicedesk een account heeft.',
    en: 'There is nobody to notify: enter an e-mail address for at least one supplier, or make sure the servicedesk has an account.',
  },
  // region OKR coverage (src/region/okr): the region's transfer report and its addendum
  OKR_FILE_INVALID: {
    status: 400,
    nl: 'Het bestand met OKR-velden bevat fouten; er is niets opgeslagen. Verbeter de genoemde regels en lever het bestand opnieuw aan.',
    en: 'The file of OKR fields has errors; nothing was stored. Correct the rows listed and upload the file again.',
  },
  OKR_FIELD_INVALID: {
    status: 400,
    nl: 'Dit veld is niet goed ingevuld; zie de uitleg bij het veld.',
    en: 'This field is not filled in correctly; see the explanation at the field.',
  },
  OKR_FIELD_NOT_FOUND: {
    status: 404,
    nl: 'Dit veld staat niet (meer) in het OKR van de regio.',
    en: "This field is not (or no longer) in the region's OKR.",
  },
  OKR_FIELD_EXISTS: {
    status: 409,
    nl: 'Dit veld (met dezelfde sectie) staat al in het OKR van de regio.',
    en: "This field (with the same section) is already in the region's OKR.",
  },
  OKR_TOO_MANY_FIELDS: {
    status: 422,
    nl: 'Het OKR van de regio heeft al het grootste aantal velden (300). Verwijder eerst een veld.',
    en: "The region's OKR already has the largest number of fields (300). Remove a field first.",
  },
  OKR_ELEMENT_UNKNOWN: {
    status: 422,
    nl: 'Dit element bestaat niet in de OSO-gegevensset 2019.1; kies een element uit de lijst.',
    en: 'This element does not exist in the OSO gegevensset 2019.1; choose an element from the list.',
  },
  OKR_ADDENDUM_EMPTY: {
    status: 404,
    nl: 'Deze regio heeft (nog) geen addendum: geen enkel veld van het OKR is bevestigd als ‘niet in OSO’.',
    en: "This region has no addendum (yet): no field of the OKR has been confirmed as 'not in OSO'.",
  },
  OKR_ADDENDUM_CHANGED: {
    status: 409,
    nl: 'Het addendum van de regio is intussen veranderd. Laad het formulier opnieuw; uw invoer staat er nog.',
    en: "The region's addendum has changed in the meantime. Reload the form; your input is still there.",
  },
  OKR_ADDENDUM_INVALID: {
    status: 400,
    nl: 'Het addendum is niet goed ingevuld; zie de uitleg bij de velden.',
    en: 'The addendum is not filled in correctly; see the explanation at the fields.',
  },
  // region evaluation (src/region/evaluation): questionnaires per role, answered by link
  EVALUATION_NOT_FOUND: {
    status: 404,
    nl: 'Deze evaluatie bestaat niet (in deze regio).',
    en: 'This evaluation does not exist (in this region).',
  },
  EVALUATION_EXISTS: {
    status: 409,
    nl: 'De regio heeft al een evaluatie voor dit schooljaar; open die.',
    en: 'The region already has an evaluation for this school year; open that one.',
  },
  EVALUATION_STATE_INVALID: {
    status: 409,
    nl: 'Dit kan niet in de huidige toestand van de evaluatie (concept, open of gesloten).',
    en: 'This is not possible in the evaluation’s current state (concept, open or closed).',
  },
  EVALUATION_ROLE_NOT_ASKED: {
    status: 422,
    nl: 'Deze evaluatie stelt geen vragen aan deze rol.',
    en: 'This evaluation asks no questions of this role.',
  },
  EVALUATION_LINK_INVALID: {
    status: 404,
    nl: 'Deze link naar de vragenlijst werkt niet. Misschien is hij niet helemaal overgenomen, of vervangen door een nieuwe link. Vraag om de juiste link.',
    en: 'This link to the questionnaire does not work. Perhaps it was not copied completely, or it was replaced by a new link. Ask for the right link.',
  },
  EVALUATION_NOT_OPEN: {
    status: 409,
    nl: 'Deze vragenlijst is nu niet open: hij is nog niet begonnen of al gesloten. Er zijn geen antwoorden opgeslagen.',
    en: 'This questionnaire is not open now: it has not started yet or has closed. No answers were stored.',
  },
  EVALUATION_ANSWERS_INVALID: {
    status: 400,
    nl: 'De antwoorden kloppen niet; zie de uitleg bij de vragen. Er is niets opgeslagen.',
    en: 'The answers are not valid; see the explanation at the questions. Nothing was stored.',
  },
  EVALUATION_FINDING_NOT_FOUND: {
    status: 404,
    nl: 'Deze bevinding bestaat niet (meer).',
    en: 'This finding does not exist (any more).',
  },
} as const satisfies Record<string, { status: number } & Message>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: Message;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: Message) {
    const e = ERRORS[code];
    super(message?.en ?? e.en);
    this.name = 'AppError';
    this.code = code;
    this.status = e.status;
    this.messages = message ?? { nl: e.nl, en: e.en };
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The one shape every error takes on the wire. */
export interface ErrorBody {
  code: string;
  message: Message;
  details: Record<string, unknown>;
}

/**
 * The error as the API sends it. A VALIDATION_FAILED whose `problems` name fields with a short
 * English text, or that names one `field` (with its `reason`), gets those in Dutch and English under
 * `details.messages` too (problem-texts.ts), as REGISTRATION_INVALID and the schema check have them.
 */
export function errorBody(e: AppError): ErrorBody {
  if (e.code !== 'VALIDATION_FAILED') return { code: e.code, message: e.messages, details: e.details };
  const messages = e.details.messages === undefined ? fieldMessages(e.details) : undefined;
  return {
    code: e.code,
    // a message of its own (given where it was thrown) stays as it is
    message:
      (e.messages.en === ERRORS.VALIDATION_FAILED.en && reasonMessage(e.details, e.messages)) || e.messages,
    details: messages ? { ...e.details, messages } : e.details,
  };
}
