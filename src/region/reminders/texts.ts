import type { SchoolRole } from '../../platform/auth/index.js';
import type { Message } from '../../standard/index.js';
import type { MilestoneStatus } from '../monitoring/milestones.js';
import { ROLE_NAMES } from '../readiness-rules.js';
import { FIELD_NAMES } from '../texts.js';
import type { Deadline } from '../timeline-rules.js';
import type { ReminderKind } from './reminder-rules.js';

/**
 * The reminders' words for people, in Dutch and English: the e-mail (Dutch first, English below it,
 * one mail for everyone) and the in-app notice (the web app picks the language). Plain sentences
 * that name the deadline, its date and what to do.
 */

const formats = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** `vrijdag 5 maart 2027` / `Friday 5 March 2027`. */
export function longDay(day: string): Message {
  const d = new Date(`${day}T00:00:00.000Z`);
  return { nl: formats.nl.format(d), en: formats.en.format(d) };
}

/** What the school must have done by each deadline, as an instruction. */
export const ACTIONS: Record<Deadline, Message> = {
  inspectedBy: {
    nl: 'Zet de overstapdossiers van groep 8 ter inzage en zorg dat alle ouders het dossier van hun kind hebben ingezien. Leg per leerling vast dat de ouders hebben ingezien (en of zij akkoord zijn).',
    en: 'Put the transfer dossiers of year 8 up for inspection and make sure all parents have inspected their child’s dossier. Record for each pupil that the parents have inspected it (and whether they agree).',
  },
  registeredBy: {
    nl: 'Leg alle aanmeldingen van nieuwe brugklasleerlingen vast in Overstap of in uw administratiesysteem, zodat de basisscholen weten waar hun leerlingen zijn aangemeld.',
    en: 'Record every registration of a new first-year pupil in Overstap or in your administration system, so that the primary schools know where their pupils registered.',
  },
  destinationKnownBy: {
    nl: 'Controleer of u van elke vertrekkende leerling weet bij welke school hij of zij is aangemeld. Vraag ouders of de vo-school ernaar bij leerlingen zonder aanmelding.',
    en: 'Check that you know for every leaving pupil at which school he or she registered. Ask the parents or the secondary school about pupils without a registration.',
  },
  readyBy: {
    nl: 'Zet het overstapdossier van elke leerling klaar voor de school waar hij of zij is aangemeld.',
    en: 'Set the transfer dossier of every pupil ready for the school where he or she registered.',
  },
  requestedBy: {
    nl: 'Vraag de overstapdossiers van al uw aangemelde leerlingen op bij hun basisschool.',
    en: 'Request the transfer dossiers of all your registered pupils from their primary school.',
  },
};

/** The school's count for the deadline's milestone, as a sentence (counts only, never a pupil). */
export function progressSentence(
  deadline: Deadline,
  count: number | null,
  outOf: number | null,
): Message | null {
  if (count === null) return null;
  if (deadline === 'registeredBy') {
    return {
      nl: `Uw school heeft nu ${count} ${count === 1 ? 'aanmelding' : 'aanmeldingen'} vastgelegd.`,
      en: `Your school has recorded ${count} ${count === 1 ? 'registration' : 'registrations'} so far.`,
    };
  }
  if (outOf === null || outOf === 0) return null;
  const of = { nl: `${count} van de ${outOf}`, en: `${count} of the ${outOf}` };
  switch (deadline) {
    case 'inspectedBy':
      return {
        nl: `Volgens de laatste melding hebben de ouders ${of.nl} dossiers ingezien.`,
        en: `According to the latest report, parents have inspected ${of.en} dossiers.`,
      };
    case 'destinationKnownBy':
      return {
        nl: `Volgens de laatste melding weet uw school van ${of.nl} vertrekkende leerlingen waar zij zijn aangemeld.`,
        en: `According to the latest report, your school knows for ${of.en} leaving pupils where they registered.`,
      };
    case 'readyBy':
      return {
        nl: `Volgens de laatste melding zijn ${of.nl} dossiers klaargezet.`,
        en: `According to the latest report, ${of.en} dossiers have been set ready.`,
      };
    default:
      return {
        nl: `Volgens de laatste melding heeft uw school ${of.nl} dossiers van aangemelde leerlingen opgevraagd.`,
        en: `According to the latest report, your school has requested ${of.en} dossiers of registered pupils.`,
      };
  }
}

const quoted = (deadline: Deadline): Message => ({
  nl: `‘${FIELD_NAMES[deadline].nl}’`,
  en: `‘${FIELD_NAMES[deadline].en}’`,
});

/** The notice's (and the mail's) heading. */
export function reminderTitle(deadline: Deadline, kind: ReminderKind, day: string): Message {
  const q = quoted(deadline);
  const d = longDay(day);
  if (kind === 'after') {
    return {
      nl: `Deadline voorbij: ${q.nl} (${d.nl})`,
      en: `Deadline passed: ${q.en} (${d.en})`,
    };
  }
  return {
    nl: `Herinnering: ${q.nl} uiterlijk ${d.nl}`,
    en: `Reminder: ${q.en} by ${d.en}`,
  };
}

/** The first sentence: which deadline of which region, when, and how far off. */
export function reminderLead(input: {
  deadline: Deadline;
  kind: ReminderKind;
  deadlineDay: string;
  regionName: string;
  /** The school's name, or words for it (`uw school` / `your school` in the school's own notices). */
  schoolName: string | Message;
  /** The day the reminder was decided (YYYY-MM-DD). */
  today: string;
  /** School days after today up to and including the deadline (for the mail of a 'before' reminder). */
  schoolDaysLeft?: number;
  /**
   * For an in-app notice, read on later days: the deadline and the days by their dates, without
   * "today" or "in 5 school days".
   */
  absolute?: boolean;
}): Message {
  const q = quoted(input.deadline);
  const d = longDay(input.deadlineDay);
  const r = input.regionName;
  if (input.kind === 'after') {
    const s =
      typeof input.schoolName === 'string'
        ? { nl: input.schoolName, en: input.schoolName }
        : input.schoolName;
    return {
      nl: `De deadline ${q.nl} van ${r} was op ${d.nl}. Volgens de monitoring van de regio is ${s.nl} daarmee nog niet klaar.`,
      en: `The deadline ${q.en} of ${r} was on ${d.en}. According to the region’s monitoring, ${s.en} has not finished it yet.`,
    };
  }
  if (input.absolute) {
    const lead = {
      nl: `De deadline ${q.nl} van ${r} is op ${d.nl}.`,
      en: `The deadline ${q.en} of ${r} is on ${d.en}.`,
    };
    if (input.kind !== 'last_day' || input.today >= input.deadlineDay) return lead;
    const t = longDay(input.today);
    return {
      nl: `${lead.nl} ${capitalize(t.nl)} is de laatste schooldag ervoor.`,
      en: `${lead.en} ${t.en} is the last school day before it.`,
    };
  }
  if (input.today >= input.deadlineDay) {
    return {
      nl: `Vandaag, ${d.nl}, is de deadline ${q.nl} van ${r}.`,
      en: `Today, ${d.en}, is the deadline ${q.en} of ${r}.`,
    };
  }
  if (input.kind === 'last_day') {
    return {
      nl: `De deadline ${q.nl} van ${r} is op ${d.nl}. Vandaag is de laatste schooldag ervoor.`,
      en: `The deadline ${q.en} of ${r} is on ${d.en}. Today is the last school day before it.`,
    };
  }
  const n = input.schoolDaysLeft ?? 0;
  return {
    nl: `Over ${n} ${n === 1 ? 'schooldag' : 'schooldagen'}, op ${d.nl}, is de deadline ${q.nl} van ${r}.`,
    en: `In ${n} ${n === 1 ? 'school day' : 'school days'}, on ${d.en}, is the deadline ${q.en} of ${r}.`,
  };
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('nl') + s.slice(1);

const list = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

export function roleList(roles: readonly SchoolRole[]): Message {
  return {
    nl: list(
      roles.map((r) => ROLE_NAMES[r].nl),
      'of',
    ),
    en: list(
      roles.map((r) => ROLE_NAMES[r].en),
      'or',
    ),
  };
}

/** Why this person gets the mail: their role, or — at a school without the roles — the fallback. */
export function whyYou(input: {
  schoolName: string;
  roles: readonly SchoolRole[];
  dutyRoles: readonly SchoolRole[];
  fallback: boolean;
}): Message {
  const mine = roleList(input.roles);
  if (!input.fallback) {
    return {
      nl: `U krijgt deze e-mail als ${mine.nl} van ${input.schoolName}.`,
      en: `You receive this e-mail as ${mine.en} of ${input.schoolName}.`,
    };
  }
  const duty = roleList(input.dutyRoles);
  return {
    nl: `Bij ${input.schoolName} is niemand met een e-mailadres bekend als ${duty.nl}. Daarom krijgt u deze e-mail als ${mine.nl}. Wilt u hem doorsturen naar wie dit doet, en de regio laten weten wie dat is?`,
    en: `Nobody with an e-mail address is known at ${input.schoolName} as ${duty.en}. That is why you receive this e-mail as ${mine.en}. Please forward it to whoever does this, and let the region know who that is.`,
  };
}

export const STATUS_WORDS: Partial<Record<MilestoneStatus, Message>> = {
  behind: { nl: 'achter', en: 'behind' },
  on_track: { nl: 'op schema', en: 'on track' },
  no_data: { nl: 'geen gegevens', en: 'no data' },
  empty: { nl: 'nog niets', en: 'nothing yet' },
  counted: { nl: 'geteld', en: 'counted' },
};

export interface RegionContactLine {
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
}

export interface ReminderMailInput {
  deadline: Deadline;
  kind: ReminderKind;
  deadlineDay: string;
  /** The day the reminder was decided, and the school days left after it until the deadline. */
  today: string;
  schoolDaysLeft: number;
  regionName: string;
  schoolName: string;
  count: number | null;
  outOf: number | null;
  /** The recipient's roles at the school. */
  roles: readonly SchoolRole[];
  dutyRoles: readonly SchoolRole[];
  fallback: boolean;
  link: string;
  regionContacts: readonly RegionContactLine[];
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function contactLine(c: RegionContactLine): string {
  return [`${c.name} (${c.function})`, c.email, c.phone].filter(Boolean).join(', ');
}

/** The parts of the mail in one language, as paragraphs (the link is its own paragraph). */
function paragraphs(lang: 'nl' | 'en', v: ReminderMailInput): { lines: string[]; linkLabel: string } {
  const progress = progressSentence(v.deadline, v.count, v.outOf);
  const contacts = v.regionContacts.map(contactLine);
  const ask =
    lang === 'nl'
      ? contacts.length > 0
        ? `Vragen over de planning? Neem contact op met ${v.regionName}: ${contacts.join('; ')}.`
        : `Vragen over de planning? Neem contact op met de coördinator van ${v.regionName}.`
      : contacts.length > 0
        ? `Questions about the planning? Contact ${v.regionName}: ${contacts.join('; ')}.`
        : `Questions about the planning? Contact the coordinator of ${v.regionName}.`;
  const lines = [
    lang === 'nl' ? `Beste collega van ${v.schoolName},` : `Dear colleague at ${v.schoolName},`,
    reminderLead(v)[lang],
    ...(progress ? [progress[lang]] : []),
    `${lang === 'nl' ? 'Wat moet u doen?' : 'What to do?'} ${ACTIONS[v.deadline][lang]}`,
    whyYou({ schoolName: v.schoolName, roles: v.roles, dutyRoles: v.dutyRoles, fallback: v.fallback })[lang],
    ask,
  ];
  return { lines, linkLabel: lang === 'nl' ? 'Naar Overstap' : 'Go to Overstap' };
}

/** The reminder e-mail: Dutch, then the same in English below it; plain text and HTML. */
export function reminderMail(v: ReminderMailInput): { subject: string; text: string; html: string } {
  const title = reminderTitle(v.deadline, v.kind, v.deadlineDay);
  const nl = paragraphs('nl', v);
  const en = paragraphs('en', v);
  const textBlock = (p: { lines: string[]; linkLabel: string }) =>
    [...p.lines.slice(0, -2), `${p.linkLabel}: ${v.link}`, ...p.lines.slice(-2)].join('\n\n');
  const htmlBlock = (lang: 'nl' | 'en', p: { lines: string[]; linkLabel: string }) =>
    [
      `<div lang="${lang}">`,
      ...p.lines.slice(0, -2).map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(v.link)}">${escapeHtml(p.linkLabel)}</a></p>`,
      ...p.lines.slice(-2).map((l) => `<p>${escapeHtml(l)}</p>`),
      '</div>',
    ].join('\n');
  return {
    subject: `${title.nl} (${v.schoolName})`,
    text: `${title.nl}\n\n${textBlock(nl)}\n\n----- English below -----\n\n${title.en}\n\n${textBlock(en)}\n`,
    html: `<!doctype html>
<html lang="nl"><body style="font-family: sans-serif; line-height: 1.5">
<h1 style="font-size: 1.25em">${escapeHtml(title.nl)}</h1>
${htmlBlock('nl', nl)}
<hr>
<h2 style="font-size: 1.25em" lang="en">${escapeHtml(title.en)}</h2>
${htmlBlock('en', en)}
</body></html>
`,
  };
}
