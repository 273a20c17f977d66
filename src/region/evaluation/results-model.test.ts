import { describe, expect, it } from 'vitest';
import type { AnswerRow } from './evaluation-store.js';
import { MIN_GROUP_SIZE, summarize } from './results-model.js';

const likert = (role: AnswerRow['role'], questionId: string, values: number[]): AnswerRow[] =>
  values.map((v) => ({ role, questionId, likert: v, yesNo: null, openText: null }));
const open = (role: AnswerRow['role'], questionId: string, texts: string[]): AnswerRow[] =>
  texts.map((t) => ({ role, questionId, likert: null, yesNo: null, openText: t }));

describe('the results of an evaluation', () => {
  it('count each answer and give the mean, from a group of five on', () => {
    const answers = [
      ...likert('ouders', 'ouders.time.inspectedBy', [1, 2, 2, 4, 5]),
      ...[true, true, false, true, true].map((yesNo) => ({
        role: 'ouders' as const,
        questionId: 'ouders.yesno.talk',
        likert: null,
        yesNo,
        openText: null,
      })),
    ];
    const { roles } = summarize(['ouders'], { ouders: 5 }, answers);
    const q = (id: string) => roles[0].questions.find((x) => x.id === id);
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(roles[0]).toMatchObject({ role: 'ouders', responses: 5, shown: true, scale: 'plain' });
    expect(q('ouders.time.inspectedBy')).toMatchObject({
      answered: 5,
      shown: true,
      counts: [1, 2, 0, 1, 1],
      mean: 2.8,
    });
    expect(q('ouders.yesno.talk')).toMatchObject({ answered: 5, shown: true, counts: [4, 1], mean: null });
    // a question fewer than five answered shows no counts, even in a group that is shown
    expect(q('ouders.clear.inspectedBy')).toMatchObject({
      answered: 0,
      shown: false,
      counts: null,
      mean: null,
    });
  });

  it('show nothing of a group under five but how many filled it in', () => {
    const answers = [
      ...likert('leerkracht', 'leerkracht.time.readyBy', [1, 1, 1, 1]),
      ...open('leerkracht', 'leerkracht.open.better', ['Alles was te laat.']),
    ];
    const { roles, time } = summarize(['leerkracht'], { leerkracht: 4 }, answers);
    expect(roles[0]).toMatchObject({ responses: 4, shown: false });
    for (const q of roles[0].questions) {
      expect(q).toMatchObject({ answered: null, shown: false, counts: null, mean: null, texts: null });
    }
    // and it does not count in the timeline's "enough time" either
    expect(time).toEqual([]);
  });

  it('list open answers as written, alphabetically — not in the order they came', () => {
    const texts = ['zeker beter', '<b>vet</b>', 'Meer tijd', 'alles goed', 'Beter plannen'];
    const { roles } = summarize(['ouders'], { ouders: 5 }, open('ouders', 'ouders.open.better', texts));
    expect(roles[0].questions.find((q) => q.id === 'ouders.open.better')?.texts).toEqual([
      '<b>vet</b>',
      'alles goed',
      'Beter plannen',
      'Meer tijd',
      'zeker beter',
    ]);
  });

  it('put the shown "enough time" answers of every role together per date, low below 3', () => {
    const answers = [
      ...likert('administratie', 'administratie.time.requestedBy', [2, 2, 2, 3, 1]),
      ...likert('coordinator', 'coordinator.time.requestedBy', [3, 2, 2, 2, 1]),
      ...likert('administratie', 'administratie.time.readyBy', [4, 4, 3, 5, 4]),
      // the region's own role is under five: left out, also of the together
      ...likert('regio', 'regio.time.requestedBy', [5, 5]),
    ];
    const { time } = summarize(
      ['administratie', 'coordinator', 'regio'],
      { administratie: 5, coordinator: 5, regio: 2 },
      answers,
    );
    expect(time).toEqual([
      { milestone: 'readyBy', answers: 5, mean: 4, low: false, roles: ['administratie'] },
      { milestone: 'requestedBy', answers: 10, mean: 2, low: true, roles: ['administratie', 'coordinator'] },
    ]);
  });
});
