import type { Message } from '../standard/index.js';
import type { HolidayName, HolidayRegion, PublicHolidayName } from './school-calendar.js';

/**
 * The region module's sentences for people, in Dutch and English: the explanations of a refused
 * timeline, its warnings and the readiness checklist. The web app shows them as they come
 * (`pick(message)`), so each is a whole sentence that names the dates and says what to do.
 */

const formats = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar day as people read it: `12 maart 2027` / `12 March 2027`. */
export function day(value: string): Message {
  const d = new Date(`${value}T00:00:00.000Z`);
  return { nl: formats.nl.format(d), en: formats.en.format(d) };
}

export type TimelineField =
  | 'inspectedBy'
  | 'registeredBy'
  | 'destinationKnownBy'
  | 'readyBy'
  | 'requestedBy'
  | 'summerSwitch';

/** The dates of a timeline as a coordinator names them. */
export const FIELD_NAMES: Record<TimelineField, Message> = {
  inspectedBy: { nl: 'Ouders hebben ingezien', en: 'Parents have inspected' },
  registeredBy: { nl: 'Leerlingen aangemeld', en: 'Pupils registered' },
  destinationKnownBy: {
    nl: 'Po-scholen weten waar is aangemeld',
    en: 'Primary schools know where pupils registered',
  },
  readyBy: { nl: 'Dossiers klaargezet', en: 'Dossiers set ready' },
  requestedBy: { nl: 'Dossiers opgevraagd', en: 'Dossiers requested' },
  summerSwitch: { nl: 'Zomerwissel', en: 'Summer switch' },
};

/** Why each date must come after the one before it. */
const WHY_AFTER: Record<Exclude<TimelineField, 'inspectedBy'>, Message> = {
  registeredBy: {
    nl: 'ouders moeten het dossier hebben ingezien voordat hun kind wordt aangemeld, want het dossier hoort bij de aanmelding',
    en: 'parents must have inspected the dossier before their child is registered, because the dossier belongs with the registration',
  },
  destinationKnownBy: {
    nl: 'een po-school kan pas weten waar een leerling is aangemeld als de aanmelding gedaan is',
    en: 'a primary school can only know where a pupil registered once the registration has been made',
  },
  readyBy: {
    nl: 'een po-school kan een dossier pas klaarzetten als zij weet bij welke school de leerling is aangemeld',
    en: 'a primary school can only set a dossier ready once it knows which school the pupil registered at',
  },
  requestedBy: {
    nl: 'een vo-school kan een dossier pas opvragen als het klaarstaat',
    en: 'a secondary school can only request a dossier once it is ready',
  },
  summerSwitch: {
    nl: 'bij de zomerwissel verlopen klaargezette dossiers, dus wat daarna nog wordt opgevraagd vindt niets meer',
    en: 'at the summer switch ready dossiers expire, so anything requested after it finds nothing',
  },
};

const quote = (field: TimelineField, lang: 'nl' | 'en') =>
  lang === 'nl' ? `‘${FIELD_NAMES[field].nl}’` : `‘${FIELD_NAMES[field].en}’`;

/** A refusal: `later` is not after `earlier`. Names both dates and says why. */
export function orderProblem(
  later: Exclude<TimelineField, 'inspectedBy'>,
  laterDay: string,
  earlier: TimelineField,
  earlierDay: string,
): Message {
  const [l, e] = [day(laterDay), day(earlierDay)];
  return {
    nl: `${quote(later, 'nl')} (${l.nl}) moet na ${quote(earlier, 'nl')} (${e.nl}) liggen: ${WHY_AFTER[later].nl}.`,
    en: `${quote(later, 'en')} (${l.en}) must come after ${quote(earlier, 'en')} (${e.en}): ${WHY_AFTER[later].en}.`,
  };
}

export function outsideSchoolYear(field: TimelineField, value: string, schoolYear: string): Message {
  const d = day(value);
  return {
    nl: `${quote(field, 'nl')} (${d.nl}) valt buiten schooljaar ${schoolYear} (1 augustus tot en met 31 juli). Kies een datum in dat schooljaar.`,
    en: `${quote(field, 'en')} (${d.en}) lies outside school year ${schoolYear} (1 August to 31 July). Choose a date in that school year.`,
  };
}

export function summerSwitchOutOfSummer(value: string, schoolYear: string): Message {
  const d = day(value);
  const end = schoolYear.slice(5);
  return {
    nl: `De zomerwissel (${d.nl}) moet in de zomer aan het eind van schooljaar ${schoolYear} liggen: tussen 1 juni en 30 september ${end}.`,
    en: `The summer switch (${d.en}) must lie in the summer at the end of school year ${schoolYear}: between 1 June and 30 September ${end}.`,
  };
}

export function shortGap(
  later: TimelineField,
  laterDay: string,
  earlier: TimelineField,
  earlierDay: string,
  schoolDays: number,
  minimum: number,
): Message {
  const [l, e] = [day(laterDay), day(earlierDay)];
  const nlDays = schoolDays === 1 ? '1 schooldag' : `${schoolDays} schooldagen`;
  const enDays = schoolDays === 1 ? '1 school day' : `${schoolDays} school days`;
  return {
    nl: `Tussen ${quote(earlier, 'nl')} (${e.nl}) en ${quote(later, 'nl')} (${l.nl}) zit maar ${nlDays}; scholen hebben minstens ${minimum} schooldagen nodig om te handelen.`,
    en: `Between ${quote(earlier, 'en')} (${e.en}) and ${quote(later, 'en')} (${l.en}) there ${schoolDays === 1 ? 'is' : 'are'} only ${enDays}; schools need at least ${minimum} school days to act.`,
  };
}

export const HOLIDAY_NAMES: Record<HolidayName, Message> = {
  herfstvakantie: { nl: 'herfstvakantie', en: 'autumn holiday' },
  kerstvakantie: { nl: 'kerstvakantie', en: 'Christmas holiday' },
  voorjaarsvakantie: { nl: 'voorjaarsvakantie', en: 'spring holiday' },
  meivakantie: { nl: 'meivakantie', en: 'May holiday' },
  zomervakantie: { nl: 'zomervakantie', en: 'summer holiday' },
};

export const PUBLIC_HOLIDAY_NAMES: Record<PublicHolidayName, Message> = {
  tweedePaasdag: { nl: 'Tweede Paasdag', en: 'Easter Monday' },
  koningsdag: { nl: 'Koningsdag', en: 'King’s Day' },
  bevrijdingsdag: { nl: 'Bevrijdingsdag', en: 'Liberation Day' },
  hemelvaartsdag: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
  tweedePinksterdag: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
  eersteKerstdag: { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
  tweedeKerstdag: { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
  nieuwjaarsdag: { nl: 'Nieuwjaarsdag', en: 'New Year’s Day' },
};

export const HOLIDAY_REGION_NAMES: Record<HolidayRegion, Message> = {
  noord: { nl: 'regio noord', en: 'region north' },
  midden: { nl: 'regio midden', en: 'region middle' },
  zuid: { nl: 'regio zuid', en: 'region south' },
};

export function inHoliday(
  field: TimelineField,
  value: string,
  holiday: HolidayName,
  from: string,
  until: string,
  region: HolidayRegion,
): Message {
  const [d, f, u] = [day(value), day(from), day(until)];
  return {
    nl: `${quote(field, 'nl')} (${d.nl}) valt in de ${HOLIDAY_NAMES[holiday].nl} (${HOLIDAY_REGION_NAMES[region].nl}: ${f.nl} tot en met ${u.nl}); scholen zijn dan dicht.`,
    en: `${quote(field, 'en')} (${d.en}) falls in the ${HOLIDAY_NAMES[holiday].en} (${HOLIDAY_REGION_NAMES[region].en}: ${f.en} to ${u.en}); schools are closed then.`,
  };
}

export function onDayOff(
  field: TimelineField,
  value: string,
  reason: 'weekend' | PublicHolidayName,
): Message {
  const d = day(value);
  const why =
    reason === 'weekend'
      ? { nl: 'in het weekend', en: 'in a weekend' }
      : onHolidayName(PUBLIC_HOLIDAY_NAMES[reason]);
  return {
    nl: `${quote(field, 'nl')} (${d.nl}) valt ${why.nl}; scholen zijn dan dicht.`,
    en: `${quote(field, 'en')} (${d.en}) falls ${why.en}; schools are closed then.`,
  };
}

const onHolidayName = (name: Message): Message => ({ nl: `op ${name.nl}`, en: `on ${name.en}` });

export function noHolidayData(schoolYear: string): Message {
  return {
    nl: `Overstap kent de schoolvakanties van schooljaar ${schoolYear} nog niet; de data zijn niet aan de vakanties getoetst (wel aan weekenden en feestdagen).`,
    en: `Overstap does not know the school holidays of school year ${schoolYear} yet; the dates were not checked against the holidays (only against weekends and public holidays).`,
  };
}

const mean = (value: number): Message => ({
  nl: value.toFixed(1).replace('.', ','),
  en: value.toFixed(1),
});

/**
 * The previous year's evaluation found the gap before `field` too short. Without `now` (no dates
 * yet) the advice alone; with it, how many school days the dates give now.
 */
export function evaluationGap(
  gap: {
    field: TimelineField;
    otherField: TimelineField;
    schoolYear: string;
    mean: number;
    answers: number;
    schoolDays: number | null;
  },
  suggested: number,
  now?: number,
): Message {
  const m = mean(gap.mean);
  const then =
    gap.schoolDays === null
      ? { nl: '', en: '' }
      : {
          nl: `; toen zaten er ${gap.schoolDays} schooldagen tussen ${quote(gap.otherField, 'nl')} en ${quote(gap.field, 'nl')}`,
          en: `; it had ${gap.schoolDays} school days between ${quote(gap.otherField, 'en')} and ${quote(gap.field, 'en')} then`,
        };
  const current =
    now === undefined ? { nl: '', en: '' } : { nl: ` Nu zijn het er ${now}.`, en: ` Now there are ${now}.` };
  return {
    nl: `Bij de evaluatie van ${gap.schoolYear} vonden de deelnemers dat er te weinig tijd was voor ${quote(gap.field, 'nl')} (gemiddeld ${m.nl} van 5 op ‘Er was genoeg tijd’, ${gap.answers} antwoorden${then.nl}). Geef minstens ${suggested} schooldagen na ${quote(gap.otherField, 'nl')}.${current.nl}`,
    en: `In the evaluation of ${gap.schoolYear} the participants found there was too little time for ${quote(gap.field, 'en')} (on average ${m.en} of 5 on ‘There was enough time’, ${gap.answers} answers${then.en}). Give at least ${suggested} school days after ${quote(gap.otherField, 'en')}.${current.en}`,
  };
}
