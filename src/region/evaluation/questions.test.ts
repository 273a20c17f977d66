import { describe, expect, it } from 'vitest';
import { EVALUATION_ROLES, MAX_OPEN_LENGTH, QUESTION_SETS, QUESTIONS_BY_ID, SCALES } from './questions.js';

describe('the evaluation’s question sets', () => {
  it('ask every role its own questions, each with a unique id of the stored shape and a text in Dutch and English', () => {
    const all = EVALUATION_ROLES.flatMap((r) => QUESTION_SETS[r].questions);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(QUESTIONS_BY_ID.size).toBe(all.length);
    for (const role of EVALUATION_ROLES) {
      const set = QUESTION_SETS[role];
      expect(set.role).toBe(role);
      for (const q of set.questions) {
        // the database's CHECK on evaluation_answers.question_id
        expect(q.id).toMatch(/^[a-z]+\.[a-z]+\.[a-zA-Z]+$/);
        expect(q.id.startsWith(`${role}.`)).toBe(true);
        expect(q.text.nl.length).toBeGreaterThan(5);
        expect(q.text.en.length).toBeGreaterThan(5);
        expect(q.text.nl).not.toBe(q.text.en);
        if (q.topic === 'time') expect([q.kind, q.milestone !== null]).toEqual(['likert', true]);
      }
      // statements, a yes/no and an open question in every set
      expect(new Set(set.questions.map((q) => q.kind))).toEqual(new Set(['likert', 'yesno', 'open']));
    }
  });

  it('keep their ids stable: answers of earlier years are stored under them', () => {
    expect(QUESTION_SETS.ouders.questions.map((q) => q.id)).toEqual([
      'ouders.time.inspectedBy',
      'ouders.clear.inspectedBy',
      'ouders.general.understood',
      'ouders.clear.registeredBy',
      'ouders.yesno.talk',
      'ouders.open.better',
    ]);
    expect(QUESTION_SETS.administratie.questions.map((q) => q.id)).toEqual([
      'administratie.time.registeredBy',
      'administratie.clear.registeredBy',
      'administratie.time.destinationKnownBy',
      'administratie.clear.destinationKnownBy',
      'administratie.time.readyBy',
      'administratie.clear.readyBy',
      'administratie.time.requestedBy',
      'administratie.clear.requestedBy',
      'administratie.general.las',
      'administratie.yesno.help',
      'administratie.yesno.problem',
      'administratie.open.well',
      'administratie.open.better',
    ]);
    expect(
      EVALUATION_ROLES.map((r) => [r, QUESTION_SETS[r].questions.filter((q) => q.topic === 'time').length]),
    ).toEqual([
      ['administratie', 4],
      ['directie', 3],
      ['leerkracht', 2],
      ['coordinator', 3],
      ['ouders', 1],
      ['regio', 6],
    ]);
  });

  it('keep the parents’ set short, in plain words, with yes/no answers instead of agree/disagree', () => {
    const parents = QUESTION_SETS.ouders;
    expect(parents.questions.length).toBeLessThanOrEqual(6);
    expect(parents.scale).toBe('plain');
    expect(SCALES.plain.map((s) => s.nl)).toEqual([
      'Nee, helemaal niet',
      'Nee',
      'Een beetje',
      'Ja',
      'Ja, helemaal',
    ]);
    for (const q of parents.questions) {
      // short sentences (B1): at most 15 words, no jargon of the chain
      expect(q.text.nl.split(/\s+/).length).toBeLessThanOrEqual(15);
      expect(q.text.nl).not.toMatch(/klaarzet|OSO|BRIN|aanleverpunt|vo-school/i);
    }
    expect(MAX_OPEN_LENGTH).toBe(1000);
  });
});
