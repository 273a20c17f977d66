import type { Message } from '../../standard/index.js';
import { day } from '../texts.js';
import type { PilotKind } from './deps.js';

/**
 * The pilot's sentences for people, in Dutch and English (ADR 0007): what is wrong with a pilot's
 * input, the checklist's steps, and the notification to suppliers and the servicedesk. The web app
 * shows them as they come.
 */

export const KIND_NAMES: Record<PilotKind, Message> = {
  regular: { nl: 'Regulier dossier', en: 'Regular dossier' },
  support: { nl: 'Dossier met ondersteuning (zorg)', en: 'Dossier with support information' },
};

export type PilotStep = 'setReady' | 'requested' | 'delivered' | 'imported';

export const STEP_NAMES: Record<PilotStep, Message> = {
  setReady: { nl: 'Klaargezet door de po-school', en: 'Set ready by the primary school' },
  requested: { nl: 'Opgevraagd door de vo-school', en: 'Requested by the secondary school' },
  delivered: { nl: 'Afgeleverd via de keten', en: 'Delivered through the chain' },
  imported: { nl: 'Ingelezen door de vo-school', en: 'Imported by the secondary school' },
};

export type PilotCheck = 'pairs' | 'notified' | 'schoolsReady' | 'pairsComplete';

export const CHECK_NAMES: Record<PilotCheck, Message> = {
  pairs: { nl: 'Scholen en paren gekozen', en: 'Schools and pairs chosen' },
  notified: {
    nl: 'Leveranciers en servicedesk op de hoogte van de data',
    en: 'Suppliers and servicedesk told the dates',
  },
  schoolsReady: {
    nl: 'Alle scholen aangesloten (toegelaten, aanleverpunt, testuitwisseling)',
    en: 'Every school connected (admitted, delivery point, test exchange)',
  },
  pairsComplete: {
    nl: 'Elk paar heeft beide dossiers uitgewisseld en ingelezen',
    en: 'Every pair exchanged and imported both dossiers',
  },
};

export const PROBLEMS = {
  name: {
    nl: 'Geef de pilot een naam van hoogstens 200 tekens.',
    en: 'Give the pilot a name of at most 200 characters.',
  },
  startsOn: { nl: 'Vul een bestaande begindatum in.', en: 'Enter a real start date.' },
  endsOn: { nl: 'Vul een bestaande einddatum in.', en: 'Enter a real end date.' },
  pairsMissing: {
    nl: 'Kies minstens één paar: een po-school die haar pilotdossiers naar een vo-school stuurt.',
    en: 'Choose at least one pair: a primary school that sends its pilot dossiers to a secondary school.',
  },
  pairsTooMany: {
    nl: 'Een pilot heeft hoogstens 50 paren; begin met een paar scholen.',
    en: 'A pilot has at most 50 pairs; start with a few schools.',
  },
} satisfies Record<string, Message>;

export function endBeforeStart(startsOn: string, endsOn: string): Message {
  const [s, e] = [day(startsOn), day(endsOn)];
  return {
    nl: `De einddatum (${e.nl}) ligt vóór de begindatum (${s.nl}). Kies een einddatum op of na de begindatum.`,
    en: `The end date (${e.en}) is before the start date (${s.en}). Choose an end date on or after the start date.`,
  };
}

export function periodTooLong(startsOn: string, endsOn: string): Message {
  const [s, e] = [day(startsOn), day(endsOn)];
  return {
    nl: `Van ${s.nl} tot ${e.nl} is langer dan een jaar. Een pilot duurt enkele weken; kies een kortere periode.`,
    en: `From ${s.en} to ${e.en} is longer than a year. A pilot takes a few weeks; choose a shorter period.`,
  };
}

export function pairTwice(po: string, vo: string): Message {
  return {
    nl: `Het paar ${po} → ${vo} staat er twee keer in.`,
    en: `The pair ${po} → ${vo} is in the list twice.`,
  };
}

export function sameSchool(brin: string): Message {
  return {
    nl: `Een paar bestaat uit twee verschillende scholen; ${brin} staat aan beide kanten.`,
    en: `A pair is two different schools; ${brin} is on both sides.`,
  };
}

export function notMember(brin: string): Message {
  return {
    nl: `${brin} hoort niet bij de regio. Alleen scholen van de regio doen mee aan haar pilot; voeg de school eerst toe.`,
    en: `${brin} is not a member of the region. Only the region’s schools take part in its pilot; add the school first.`,
  };
}

export function wrongSector(brin: string, name: string, want: 'po' | 'vo'): Message {
  return want === 'po'
    ? {
        nl: `${name} (${brin}) is geen po-school; de verzendende school van een paar is een po-school.`,
        en: `${name} (${brin}) is not a primary school; the sending school of a pair is a primary school.`,
      }
    : {
        nl: `${name} (${brin}) is geen vo-school; de ontvangende school van een paar is een vo-school.`,
        en: `${name} (${brin}) is not a secondary school; the receiving school of a pair is a secondary school.`,
      };
}

export function notPartOfPair(brin: string, side: 'po' | 'vo'): Message {
  return side === 'po'
    ? {
        nl: `${brin} is niet de po-school van dit paar; alleen zij zet de pilotdossiers klaar.`,
        en: `${brin} is not the primary school of this pair; only it sets the pilot dossiers ready.`,
      }
    : {
        nl: `${brin} is niet de vo-school van dit paar; alleen zij vraagt de pilotdossiers op.`,
        en: `${brin} is not the secondary school of this pair; only it requests the pilot dossiers.`,
      };
}

export function emailInvalid(supplier: string): Message {
  return {
    nl: `Het e-mailadres bij ${supplier} klopt niet.`,
    en: `The e-mail address for ${supplier} is not valid.`,
  };
}

export function supplierUnknown(supplier: string): Message {
  return {
    nl: `${supplier} is geen leverancier van een school in deze pilot.`,
    en: `${supplier} is not a supplier of a school in this pilot.`,
  };
}

/** The mail to a supplier or the servicedesk about the pilot's dates, Dutch first, English below. */
export function notificationMail(input: {
  regionName: string;
  pilotName: string;
  startsOn: string;
  endsOn: string;
  pairs: Array<{ po: string; vo: string }>;
  /** For a supplier: the schools it serves in the pilot. */
  supplier?: { name: string; schools: string[] };
  coordinator: string;
}): { subject: string; text: string; html: string } {
  const [s, e] = [day(input.startsOn), day(input.endsOn)];
  const pairs = input.pairs.map((p) => `  - ${p.po} → ${p.vo}`).join('\n');
  const schoolsNl = input.supplier
    ? `\nUw systeem (${input.supplier.name}) is de schooladministratie van:\n${input.supplier.schools.map((x) => `  - ${x}`).join('\n')}\n`
    : '';
  const schoolsEn = input.supplier
    ? `\nYour system (${input.supplier.name}) is the school administration of:\n${input.supplier.schools.map((x) => `  - ${x}`).join('\n')}\n`
    : '';
  const subject = `Pilot ${input.pilotName} (${input.regionName}): ${s.nl} t/m ${e.nl}`;
  const text = `Beste ${input.supplier ? 'leverancier' : 'servicedesk'},

${input.regionName} houdt van ${s.nl} tot en met ${e.nl} de pilot "${input.pilotName}" van de Overstapservice Onderwijs. In die periode wisselt elk paar scholen hieronder twee dossiers uit via de keten: een regulier dossier en een dossier met ondersteuningsinformatie.

Paren (po-school → vo-school):
${pairs}
${schoolsNl}
De dossiers gaan over fictieve leerlingen met een BSN uit de testreeks van RvIG (999990000 tot en met 999999999). Ze zijn als pilot gemarkeerd en blijven buiten de werklijsten en de monitoring van de scholen. Wilt u in deze periode bereikbaar zijn voor de scholen, en ons laten weten als er iets is dat wij moeten weten?

Met vriendelijke groet,
${input.coordinator}
${input.regionName}

---

Dear ${input.supplier ? 'supplier' : 'service desk'},

From ${s.en} to ${e.en}, ${input.regionName} runs the pilot "${input.pilotName}" of the Overstapservice Onderwijs. In that period each pair of schools below exchanges two dossiers through the chain: a regular dossier and a dossier with support information.

Pairs (primary school → secondary school):
${pairs}
${schoolsEn}
The dossiers are about fictional pupils with a BSN from the RvIG test range (999990000 to 999999999). They are marked as pilot and stay out of the schools' worklists and monitoring. Please be available to the schools in this period, and let us know anything we should know.

Kind regards,
${input.coordinator}
${input.regionName}
`;
  return { subject, text, html: asHtml(text) };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The plain text as HTML: a paragraph per block, its lines kept. */
function asHtml(text: string): string {
  const blocks = text.trim().split(/\n{2,}/);
  const body = blocks
    .map((b) => (b === '---' ? '<hr>' : `<p>${escapeHtml(b).replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
  return `<!doctype html>\n<html><body>\n${body}\n</body></html>\n`;
}
