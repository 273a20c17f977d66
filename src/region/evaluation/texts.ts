import type { OutgoingMail } from '../../platform/auth/index.js';
import { escapeHtml, type Message } from '../../standard/index.js';
import { type Lang, longDate } from '../monitoring/texts.js';
import { FIELD_NAMES } from '../texts.js';
import { type EvaluationRole, MAX_OPEN_LENGTH, ROLE_NAMES } from './questions.js';

/** The evaluation's words for people on the server side: answer problems, the mail, the report. */

export type { Lang };
export { longDate };

export const ANSWER_PROBLEMS = {
  unknown: {
    nl: 'Deze vraag hoort niet bij deze vragenlijst.',
    en: 'This question is not part of this questionnaire.',
  },
  likert: {
    nl: 'Kies een antwoord van 1 tot en met 5.',
    en: 'Choose an answer from 1 to 5.',
  },
  yesNo: { nl: 'Kies ja of nee.', en: 'Choose yes or no.' },
  tooLong: {
    nl: `Uw antwoord is te lang: schrijf hoogstens ${MAX_OPEN_LENGTH} tekens.`,
    en: `Your answer is too long: write at most ${MAX_OPEN_LENGTH} characters.`,
  },
  openText: { nl: 'Schrijf uw antwoord als tekst.', en: 'Write your answer as text.' },
  empty: {
    nl: 'Beantwoord minstens één vraag voordat u verstuurt.',
    en: 'Answer at least one question before you send.',
  },
} satisfies Record<string, Message>;

/**
 * The mail with a role's link: Dutch first, then English. The same link goes to everyone in the role
 * (it says who you are nowhere), so the mail asks not to pass it on outside the role.
 */
export function linkMail(v: {
  regionName: string;
  schoolYear: string;
  role: EvaluationRole;
  link: string;
}): Omit<OutgoingMail, 'to'> {
  const role = ROLE_NAMES[v.role];
  const nl = [
    'Beste collega,',
    `De regio ${v.regionName} wil weten hoe de overstap van po naar vo in schooljaar ${v.schoolYear} is gegaan, en vraagt daarom iedereen in de rol ${role.nl.toLowerCase()} om een korte vragenlijst in te vullen. Het kost ongeveer vijf minuten.`,
    'Uw antwoorden zijn anoniem: Overstap bewaart niet wie u bent, uw e-mailadres of uw IP-adres, en de regio ziet alleen aantallen van vijf antwoorden of meer. Deze link is voor iedereen in uw rol dezelfde; stuur hem niet door aan anderen.',
  ];
  const en = [
    'Dear colleague,',
    `The region ${v.regionName} wants to know how the transfer from primary to secondary school went in school year ${v.schoolYear}, and asks everyone in the role ${role.en.toLowerCase()} to fill in a short questionnaire. It takes about five minutes.`,
    'Your answers are anonymous: Overstap does not keep who you are, your e-mail address or your IP address, and the region only sees counts of five answers or more. This link is the same for everyone in your role; please do not pass it on.',
  ];
  const paragraphs = (lines: string[]) => lines.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return {
    subject: `Vragenlijst over de overstap ${v.schoolYear} (${v.regionName}) / Questionnaire on the transfer`,
    text: `${nl.join('\n\n')}\n\n${v.link}\n\n---\n\n${en.join('\n\n')}\n\n${v.link}\n`,
    html: `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
${paragraphs(nl)}
<p><a href="${escapeHtml(v.link)}">Naar de vragenlijst</a></p>
<hr>
<div lang="en">
${paragraphs(en)}
<p><a href="${escapeHtml(v.link)}">To the questionnaire</a></p>
</div>
</body></html>
`,
  };
}

export const STATE_NAMES: Record<'concept' | 'open' | 'gesloten', Message> = {
  concept: { nl: 'Concept', en: 'Draft' },
  open: { nl: 'Open', en: 'Open' },
  gesloten: { nl: 'Gesloten', en: 'Closed' },
};

export const MILESTONE_NAMES = FIELD_NAMES;

export const WORDS = {
  title: { nl: 'Evaluatie van de overstap', en: 'Evaluation of the transfer' },
  schoolYear: { nl: 'Schooljaar', en: 'School year' },
  madeOn: { nl: 'Gemaakt op', en: 'Made on' },
  state: { nl: 'Toestand', en: 'State' },
  role: { nl: 'Rol', en: 'Role' },
  responses: { nl: 'Ingevulde vragenlijsten', en: 'Questionnaires filled in' },
  questionId: { nl: 'Vraagnummer', en: 'Question id' },
  question: { nl: 'Vraag', en: 'Question' },
  kind: { nl: 'Soort', en: 'Kind' },
  milestone: { nl: 'Datum van de tijdlijn', en: 'Date of the timeline' },
  answered: { nl: 'Beantwoord', en: 'Answered' },
  mean: { nl: 'Gemiddelde (1–5)', en: 'Mean (1–5)' },
  answer: { nl: 'Antwoord', en: 'Answer' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  likert: { nl: 'Stelling 1–5', en: 'Statement 1–5' },
  yesno: { nl: 'Ja/nee', en: 'Yes/no' },
  open: { nl: 'Open vraag', en: 'Open question' },
  tooFew: { nl: 'te weinig antwoorden om te tonen', en: 'too few answers to show' },
  tooFewRole: {
    nl: 'Te weinig antwoorden om te tonen: een groep wordt pas getoond vanaf {min} ingevulde vragenlijsten, zodat niemand te herkennen is.',
    en: 'Too few answers to show: a group is only shown from {min} filled-in questionnaires, so that no one can be recognised.',
  },
  minGroupNote: {
    nl: 'Aantallen worden alleen getoond als er minstens {min} antwoorden zijn; open antwoorden staan er zoals ze zijn geschreven, op alfabet.',
    en: 'Counts are only shown when there are at least {min} answers; open answers are shown as written, in alphabetical order.',
  },
  timeSummary: { nl: 'Genoeg tijd per datum van de tijdlijn', en: 'Enough time per date of the timeline' },
  timeLow: { nl: 'te weinig tijd', en: 'too little time' },
  timeOk: { nl: 'genoeg tijd', en: 'enough time' },
  findings: { nl: 'Bevindingen voor de tijdlijn van volgend jaar', en: 'Findings for next year’s timeline' },
  general: { nl: 'Algemeen', en: 'General' },
  noFindings: { nl: 'Nog geen bevindingen vastgelegd.', en: 'No findings recorded yet.' },
  noResponses: { nl: 'Nog geen antwoorden.', en: 'No answers yet.' },
  openAnswers: { nl: 'Open antwoorden', en: 'Open answers' },
} satisfies Record<string, Message>;

/** `{min}` filled in. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** A mean as people read it: `3,4` / `3.4`. */
export const meanText = (value: number, lang: Lang) =>
  lang === 'nl' ? value.toFixed(1).replace('.', ',') : value.toFixed(1);
