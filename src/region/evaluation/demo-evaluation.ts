import type { Ctx } from '../../platform/context.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import { addEvaluationFinding } from './add-evaluation-finding.js';
import { answerEvaluation } from './answer-evaluation.js';
import { closeEvaluation } from './close-evaluation.js';
import { createEvaluation } from './create-evaluation.js';
import { makeEvaluationLink } from './make-evaluation-link.js';
import { openEvaluation } from './open-evaluation.js';
import { EVALUATION_ROLES, type EvaluationRole, QUESTION_SETS } from './questions.js';
import { previousSchoolYear } from './timeline-feedback.js';

/** Made-up submissions per role: the region's own role stays under the minimum group size. */
const RESPONSES: Record<EvaluationRole, number> = {
  administratie: 8,
  directie: 5,
  leerkracht: 7,
  coordinator: 6,
  ouders: 14,
  regio: 2,
};

/** The usual answer per statement (1–5); time before `requestedBy` was short for everyone. */
function usual(questionId: string): number {
  if (questionId.endsWith('.time.requestedBy')) return 2;
  if (questionId.endsWith('.time.readyBy')) return 3;
  if (questionId.startsWith('ouders.')) return 4;
  return 4;
}

const OPEN_ANSWERS: Record<string, string[]> = {
  better: [
    'Meer tijd tussen klaarzetten en opvragen.',
    'De vo-scholen vroegen de dossiers pas op de laatste dag op.',
    'Een herinnering een week voor elke datum zou helpen.',
    'Eerder laten weten welke datum de zomerwissel is.',
    'De handleiding voor het klaarzetten mag korter.',
  ],
  well: [
    'Het klaarzetten ging snel als de aanmelding bekend was.',
    'Duidelijke tijdlijn en goede hulp van de regio.',
    'Ouders konden het dossier zelf thuis inzien.',
  ],
  ouders: [
    'De link werkte goed op mijn telefoon.',
    'Ik wist niet dat ik mijn mening mocht geven.',
    'Meer uitleg over wat er in het dossier staat.',
    'Graag de brief ook in eenvoudige woorden.',
  ],
};

/**
 * The demo region's evaluation of the previous school year, closed, with made-up answers through
 * its links (so the results page shows charts, one group too small to show, and open answers) and
 * two findings — one about the gap before `requestedBy` — that the current year's timeline shows.
 * Development only.
 */
export async function seedDemoEvaluation(ctx: Ctx, regionId: string): Promise<void> {
  const schoolYear = previousSchoolYear(schoolYearOf(dutchDay(ctx.now())));
  const evaluation = await createEvaluation(ctx, { regionId, schoolYear, roles: [...EVALUATION_ROLES] });
  await openEvaluation(ctx, { regionId, evaluationId: evaluation.id });
  const answering = {
    db: ctx.db,
    keyring: ctx.keyring,
    requestId: ctx.requestId,
    now: ctx.now,
    ip: 'demo-seed',
  };
  for (const role of EVALUATION_ROLES) {
    const { url } = await makeEvaluationLink(
      ctx,
      { publicUrl: () => '' },
      {
        regionId,
        evaluationId: evaluation.id,
        role,
      },
    );
    const token = url.slice(url.lastIndexOf('/') + 1);
    for (let n = 0; n < RESPONSES[role]; n++) {
      const answers: Record<string, number | boolean | string> = {};
      QUESTION_SETS[role].questions.forEach((q, i) => {
        if (q.kind === 'likert') answers[q.id] = Math.min(5, Math.max(1, usual(q.id) + (((n + i) % 3) - 1)));
        else if (q.kind === 'yesno') answers[q.id] = (n + i) % 3 !== 0;
        else {
          const pool =
            role === 'ouders'
              ? OPEN_ANSWERS.ouders
              : q.id.endsWith('.well')
                ? OPEN_ANSWERS.well
                : OPEN_ANSWERS.better;
          if (n < pool.length) answers[q.id] = pool[n];
        }
      });
      await answerEvaluation(answering, { limits: {} }, { token, answers });
    }
  }
  await closeEvaluation(ctx, { regionId, evaluationId: evaluation.id });
  await addEvaluationFinding(ctx, {
    regionId,
    evaluationId: evaluation.id,
    milestone: 'requestedBy',
    text: 'Meer tijd tussen klaarzetten en opvragen: vo-scholen kwamen in één week niet toe aan alle dossiers.',
  });
  await addEvaluationFinding(ctx, {
    regionId,
    evaluationId: evaluation.id,
    milestone: 'inspectedBy',
    text: 'Ouders een week voor de inzage laten weten dat de link komt.',
  });
}
