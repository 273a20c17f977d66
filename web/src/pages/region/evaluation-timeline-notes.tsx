import { seg } from '../../api';
import { Heading, Link, Paragraph } from '../../components';
import { useT } from '../../i18n';
import { evaluationsBase } from './evaluation-types';
import type { TimelineFeedback, TimelineField, TimelineWarning } from './types';
import { Say } from './ui';
import './evaluation.css';

/**
 * The timeline page's notes from the previous school year's evaluation: a box above the dates with
 * the general findings, and beside each date its findings and the suggestion of a longer gap.
 */
export function EvaluationNotes({ regionId, feedback }: { regionId: string; feedback: TimelineFeedback }) {
  const { t } = useT();
  const general = feedback.findings.filter((f) => f.milestone === null);
  return (
    <section className="ovs-region-evaluation-notes" aria-labelledby="timeline-evaluation-title">
      <Heading level={2} id="timeline-evaluation-title">
        {t('region.timeline.evaluation.title', { schoolYear: feedback.schoolYear })}
      </Heading>
      <Paragraph>{t('region.timeline.evaluation.intro')}</Paragraph>
      {general.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {general.map((f) => (
            <li key={f.id} className="utrecht-unordered-list__item">
              {f.text}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <Link to={`${evaluationsBase(regionId)}/${seg(feedback.evaluationId)}/resultaten`}>
          {t('region.timeline.evaluation.link')}
        </Link>
      </Paragraph>
    </section>
  );
}

/** Beside one date: its findings, and the suggestion unless a saved warning says it already. */
export function EvaluationFieldNotes({
  field,
  feedback,
  warnings,
}: {
  field: TimelineField;
  feedback: TimelineFeedback | null;
  warnings: TimelineWarning[];
}) {
  const { t } = useT();
  if (!feedback) return null;
  const warned = warnings.some((w) => w.kind === 'evaluation' && w.field === field);
  return (
    <>
      {feedback.findings
        .filter((f) => f.milestone === field)
        .map((f) => (
          <span key={f.id} className="ovs-region-field-finding">
            <strong>{t('region.timeline.evaluation.finding')}</strong> {f.text}
          </span>
        ))}
      {warned
        ? null
        : feedback.gaps
            .filter((g) => g.field === field)
            .map((g) => (
              <span key={g.field} className="ovs-region-field-finding">
                <strong>{t('region.timeline.evaluation.suggestion')}</strong> <Say message={g.message} />
              </span>
            ))}
    </>
  );
}
