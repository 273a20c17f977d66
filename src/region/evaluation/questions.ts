import type { Message } from '../../standard/index.js';
import type { TimelineField } from '../texts.js';

/**
 * The evaluation's curated questions per role, in Dutch and English, as data (DESIGN.md §6, issue 5).
 * A question's id is stable: answers are stored under it and the reports of earlier years use it,
 * so a question that changes its meaning gets a new id and the old one is retired, never reused.
 *
 * Likert questions are statements answered 1–5. The `time` statements ("there was enough time
 * to …") are tied to a date of the timeline: the gap before that date is what a low mean says was
 * too short, and the next school year's timeline suggests more room there (timeline-feedback.ts).
 */

/** Who is asked: four school roles, the parents, and the region's own coordinators. */
export const EVALUATION_ROLES = [
  'administratie',
  'directie',
  'leerkracht',
  'coordinator',
  'ouders',
  'regio',
] as const;
export type EvaluationRole = (typeof EVALUATION_ROLES)[number];

export const isEvaluationRole = (value: string): value is EvaluationRole =>
  (EVALUATION_ROLES as readonly string[]).includes(value);

export const ROLE_NAMES: Record<EvaluationRole, Message> = {
  administratie: { nl: 'Administratie', en: 'Administration' },
  directie: { nl: 'Directie', en: 'School management' },
  leerkracht: { nl: 'Leerkracht groep 8', en: 'Year 8 teacher' },
  coordinator: { nl: 'Brugklas-/instroomcoördinator', en: 'Intake coordinator (secondary)' },
  ouders: { nl: 'Ouders', en: 'Parents' },
  regio: { nl: 'Regiocoördinator', en: 'Regional coordinator' },
};

export type QuestionKind = 'likert' | 'yesno' | 'open';
/** `time`: enough time for a date of the timeline; `clarity`: clear what to do; `general`: the rest. */
export type QuestionTopic = 'time' | 'clarity' | 'general';

export interface Question {
  id: string;
  kind: QuestionKind;
  topic: QuestionTopic;
  /** The date of the timeline the question is about, or null. */
  milestone: TimelineField | null;
  text: Message;
}

/** The words of the five answers of a Likert statement: staff agree or disagree, parents say yes or no. */
export type Scale = 'agree' | 'plain';
export const SCALES: Record<Scale, readonly [Message, Message, Message, Message, Message]> = {
  agree: [
    { nl: 'Helemaal oneens', en: 'Strongly disagree' },
    { nl: 'Oneens', en: 'Disagree' },
    { nl: 'Neutraal', en: 'Neutral' },
    { nl: 'Eens', en: 'Agree' },
    { nl: 'Helemaal eens', en: 'Strongly agree' },
  ],
  plain: [
    { nl: 'Nee, helemaal niet', en: 'No, not at all' },
    { nl: 'Nee', en: 'No' },
    { nl: 'Een beetje', en: 'A little' },
    { nl: 'Ja', en: 'Yes' },
    { nl: 'Ja, helemaal', en: 'Yes, completely' },
  ],
};
export const YES_NO: { yes: Message; no: Message } = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
};

export interface QuestionSet {
  role: EvaluationRole;
  scale: Scale;
  questions: readonly Question[];
}

/** The longest open answer, in characters (the form says so; the server and the database refuse more). */
export const MAX_OPEN_LENGTH = 1000;

// ---- the staff's statements per date of the timeline ------------------------------------------------

/** What has to be done by each date, to finish "There was enough time to …". */
const TO_DO: Record<TimelineField, Message> = {
  inspectedBy: { nl: 'de inzage door ouders af te ronden', en: 'complete the parents’ inspection' },
  registeredBy: {
    nl: 'de aanmeldingen bij het vo rond te krijgen',
    en: 'complete the registrations at secondary schools',
  },
  destinationKnownBy: {
    nl: 'te weten bij welke vo-school elke leerling is aangemeld',
    en: 'know which secondary school each pupil registered at',
  },
  readyBy: { nl: 'de dossiers klaar te zetten', en: 'set the dossiers ready' },
  requestedBy: { nl: 'de dossiers op te vragen', en: 'request the dossiers' },
  summerSwitch: {
    nl: 'alle dossiers binnen te hebben vóór de zomerwissel',
    en: 'have all dossiers in before the summer switch',
  },
};

const time = (role: EvaluationRole, milestone: TimelineField): Question => ({
  id: `${role}.time.${milestone}`,
  kind: 'likert',
  topic: 'time',
  milestone,
  text: {
    nl: `Er was genoeg tijd om ${TO_DO[milestone].nl}.`,
    en: `There was enough time to ${TO_DO[milestone].en}.`,
  },
});
const clarity = (role: EvaluationRole, milestone: TimelineField): Question => ({
  id: `${role}.clear.${milestone}`,
  kind: 'likert',
  topic: 'clarity',
  milestone,
  text: {
    nl: `Het was duidelijk wat ik moest doen om ${TO_DO[milestone].nl}.`,
    en: `It was clear what I had to do to ${TO_DO[milestone].en}.`,
  },
});
const statement = (id: string, text: Message): Question => ({
  id,
  kind: 'likert',
  topic: 'general',
  milestone: null,
  text,
});
const yesNo = (id: string, text: Message): Question => ({
  id,
  kind: 'yesno',
  topic: 'general',
  milestone: null,
  text,
});
const open = (id: string, text: Message): Question => ({
  id,
  kind: 'open',
  topic: 'general',
  milestone: null,
  text,
});

const wentWell = (role: EvaluationRole) =>
  open(`${role}.open.well`, { nl: 'Wat ging goed?', en: 'What went well?' });
const couldBeBetter = (role: EvaluationRole) =>
  open(`${role}.open.better`, {
    nl: 'Wat kan volgend schooljaar beter?',
    en: 'What could be better next school year?',
  });
const askedForHelp = (role: EvaluationRole) =>
  yesNo(`${role}.yesno.help`, {
    nl: 'Heeft u hulp gevraagd aan de regio, de servicedesk of uw leverancier?',
    en: 'Did you ask the region, the service desk or your supplier for help?',
  });

export const QUESTION_SETS: Record<EvaluationRole, QuestionSet> = {
  administratie: {
    role: 'administratie',
    scale: 'agree',
    questions: [
      ...(['registeredBy', 'destinationKnownBy', 'readyBy', 'requestedBy'] as const).flatMap((m) => [
        time('administratie', m),
        clarity('administratie', m),
      ]),
      statement('administratie.general.las', {
        nl: 'Overstap werkte goed samen met ons leerlingadministratiesysteem.',
        en: 'Overstap worked well with our pupil administration system.',
      }),
      askedForHelp('administratie'),
      yesNo('administratie.yesno.problem', {
        nl: 'Liep u tegen een technisch probleem aan?',
        en: 'Did you run into a technical problem?',
      }),
      wentWell('administratie'),
      couldBeBetter('administratie'),
    ],
  },
  directie: {
    role: 'directie',
    scale: 'agree',
    questions: [
      ...(['inspectedBy', 'readyBy', 'requestedBy'] as const).map((m) => time('directie', m)),
      statement('directie.general.planning', {
        nl: 'De tijdlijn van de regio paste bij de planning van onze school.',
        en: 'The region’s timeline fitted our school’s planning.',
      }),
      statement('directie.general.informed', {
        nl: 'De regio heeft ons op tijd verteld wat de data en de afspraken waren.',
        en: 'The region told us the dates and the agreements in good time.',
      }),
      yesNo('directie.yesno.roles', {
        nl: 'Was op uw school duidelijk wie welke taak had bij de overstap?',
        en: 'Was it clear at your school who had which task in the transfer?',
      }),
      wentWell('directie'),
      couldBeBetter('directie'),
    ],
  },
  leerkracht: {
    role: 'leerkracht',
    scale: 'agree',
    questions: [
      ...(['inspectedBy', 'readyBy'] as const).flatMap((m) => [
        time('leerkracht', m),
        clarity('leerkracht', m),
      ]),
      statement('leerkracht.general.parents', {
        nl: 'Ouders begrepen wat er in het overstapdossier stond.',
        en: 'Parents understood what was in the transfer dossier.',
      }),
      yesNo('leerkracht.yesno.talk', {
        nl: 'Heeft u het dossier met ouders besproken voordat zij het inzagen?',
        en: 'Did you talk the dossier through with parents before they inspected it?',
      }),
      wentWell('leerkracht'),
      couldBeBetter('leerkracht'),
    ],
  },
  coordinator: {
    role: 'coordinator',
    scale: 'agree',
    questions: [
      ...(['registeredBy', 'requestedBy'] as const).flatMap((m) => [
        time('coordinator', m),
        clarity('coordinator', m),
      ]),
      time('coordinator', 'summerSwitch'),
      statement('coordinator.general.complete', {
        nl: 'De dossiers bevatten wat wij nodig hadden om de brugklassen in te delen.',
        en: 'The dossiers held what we needed to form the first-year classes.',
      }),
      yesNo('coordinator.yesno.missing', {
        nl: 'Ontbrak er een dossier op het moment dat u het nodig had?',
        en: 'Was a dossier missing at the moment you needed it?',
      }),
      wentWell('coordinator'),
      couldBeBetter('coordinator'),
    ],
  },
  ouders: {
    role: 'ouders',
    scale: 'plain',
    questions: [
      {
        id: 'ouders.time.inspectedBy',
        kind: 'likert',
        topic: 'time',
        milestone: 'inspectedBy',
        text: {
          nl: 'Ik had genoeg tijd om het dossier van mijn kind te lezen.',
          en: 'I had enough time to read my child’s dossier.',
        },
      },
      {
        id: 'ouders.clear.inspectedBy',
        kind: 'likert',
        topic: 'clarity',
        milestone: 'inspectedBy',
        text: {
          nl: 'Ik wist wat ik moest doen met de link naar het dossier.',
          en: 'I knew what to do with the link to the dossier.',
        },
      },
      statement('ouders.general.understood', {
        nl: 'Ik begreep wat er in het dossier stond.',
        en: 'I understood what was in the dossier.',
      }),
      {
        id: 'ouders.clear.registeredBy',
        kind: 'likert',
        topic: 'clarity',
        milestone: 'registeredBy',
        text: {
          nl: 'Het was duidelijk hoe ik mijn kind kon aanmelden bij de nieuwe school.',
          en: 'It was clear how to register my child at the new school.',
        },
      },
      yesNo('ouders.yesno.talk', {
        nl: 'Heeft de school het dossier met u besproken?',
        en: 'Did the school talk the dossier through with you?',
      }),
      open('ouders.open.better', {
        nl: 'Wat kan er beter? Schrijf het hier op.',
        en: 'What could be better? Write it here.',
      }),
    ],
  },
  regio: {
    role: 'regio',
    scale: 'agree',
    questions: [
      ...(
        [
          'inspectedBy',
          'registeredBy',
          'destinationKnownBy',
          'readyBy',
          'requestedBy',
          'summerSwitch',
        ] as const
      ).map((m) => time('regio', m)),
      statement('regio.general.schools', {
        nl: 'De scholen wisten wat er van hen werd verwacht.',
        en: 'The schools knew what was expected of them.',
      }),
      yesNo('regio.yesno.monitoring', {
        nl: 'Heeft u de monitoring gebruikt om scholen te helpen die achterliepen?',
        en: 'Did you use the monitoring to help schools that were behind?',
      }),
      open('regio.open.timeline', {
        nl: 'Welke datum van de tijdlijn zou u volgend jaar anders kiezen, en waarom?',
        en: 'Which date of the timeline would you choose differently next year, and why?',
      }),
      wentWell('regio'),
      couldBeBetter('regio'),
    ],
  },
};

/** Every question of every role, by id. */
export const QUESTIONS_BY_ID: ReadonlyMap<string, Question & { role: EvaluationRole }> = new Map(
  EVALUATION_ROLES.flatMap((role) =>
    QUESTION_SETS[role].questions.map((q) => [q.id, { ...q, role }] as const),
  ),
);
