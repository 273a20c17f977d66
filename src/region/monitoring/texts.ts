import type { Message } from '../../standard/index.js';
import type { MilestoneKey, MilestoneStatus } from './milestones.js';

/** The monitoring's words for people (the exports; the web app has its own catalogue). */

export type Lang = 'nl' | 'en';

export const MILESTONE_NAMES: Record<MilestoneKey, Message> = {
  leaving: { nl: 'Vertrekkende leerlingen', en: 'Leaving pupils' },
  inspected: { nl: 'Ingezien door ouders', en: 'Inspected by parents' },
  registrations: { nl: 'Aanmeldingen ontvangen', en: 'Registrations received' },
  registrationsKnown: { nl: 'Aanmelding bekend', en: 'Registration known' },
  setReady: { nl: 'Klaargezet', en: 'Set ready' },
  requested: { nl: 'Opgevraagd (bij po)', en: 'Requested (at po)' },
  delivered: { nl: 'Afgeleverd', en: 'Delivered' },
  dossiersRequested: { nl: 'Opgevraagd (door vo)', en: 'Requested (by vo)' },
  received: { nl: 'Ontvangen', en: 'Received' },
  imported: { nl: 'Ingelezen', en: 'Imported' },
};

export const STATUS_NAMES: Record<MilestoneStatus, Message> = {
  done: { nl: 'Klaar', en: 'Done' },
  on_track: { nl: 'Op schema', en: 'On track' },
  behind: { nl: 'Achter', en: 'Behind' },
  no_deadline: { nl: 'Geen deadline', en: 'No deadline' },
  counted: { nl: 'Geteld', en: 'Counted' },
  empty: { nl: 'Nog niets', en: 'Nothing yet' },
  no_data: { nl: 'Geen gegevens', en: 'No data' },
  not_applicable: { nl: 'n.v.t.', en: 'n/a' },
};

export const WORDS = {
  title: { nl: 'Monitoring overstapdossiers', en: 'Monitoring of transfer dossiers' },
  schoolYear: { nl: 'Schooljaar', en: 'School year' },
  madeOn: { nl: 'Gemaakt op', en: 'Made on' },
  brin: { nl: 'BRIN', en: 'BRIN' },
  school: { nl: 'School', en: 'School' },
  sector: { nl: 'Sector', en: 'Sector' },
  place: { nl: 'Plaats', en: 'Place' },
  reportedOn: { nl: 'Laatst gemeld', en: 'Last reported' },
  outOf: { nl: 'van', en: 'of' },
  status: { nl: 'status', en: 'status' },
  statusHeading: { nl: 'Status', en: 'Status' },
  readyNotRequested: { nl: 'Klaargezet, niet opgevraagd', en: 'Set ready, not requested' },
  notArrived: { nl: 'Aangemeld, dossier niet binnen', en: 'Registered, dossier not arrived' },
  sessionsAsSource: { nl: 'Sessies als bron', en: 'Sessions as source' },
  sessionsAsDestination: { nl: 'Sessies als bestemming', en: 'Sessions as destination' },
  deliveredSessions: { nl: 'geslaagd', en: 'delivered' },
  behind: { nl: 'Mijlpalen achter', en: 'Milestones behind' },
  total: { nl: 'Regio totaal', en: 'Region total' },
  milestone: { nl: 'Mijlpaal', en: 'Milestone' },
  deadline: { nl: 'Deadline', en: 'Deadline' },
  day: { nl: 'Datum', en: 'Date' },
  count: { nl: 'Aantal', en: 'Count' },
  schoolsBehind: { nl: 'Scholen achter', en: 'Schools behind' },
  noTimeline: {
    nl: 'De regio heeft voor dit schooljaar nog geen tijdlijn; er zijn geen deadlines.',
    en: 'The region has no timeline for this school year yet; there are no deadlines.',
  },
  onceNote: {
    nl: 'Regiototalen tellen elke leerling één keer: aanmeldingen bij de school van eerste voorkeur.',
    en: 'Regional totals count each pupil once: registrations at the school of first preference.',
  },
  progress: { nl: 'Voortgang in de tijd', en: 'Progress over time' },
  perSchool: { nl: 'Per school', en: 'Per school' },
  noData: { nl: 'Nog geen gegevens gemeld.', en: 'No data reported yet.' },
} satisfies Record<string, Message>;

const formats = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `12 maart 2027` / `12 March 2027`. */
export function longDate(day: string, lang: Lang): string {
  return formats[lang].format(new Date(`${day.slice(0, 10)}T00:00:00.000Z`));
}
