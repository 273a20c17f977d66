import { seg } from '../../api';
import { Alert, Heading, Link, Paragraph, Section } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { AnswerBars, TimeBars } from './evaluation-chart';
import { EvaluationNav } from './evaluation-page';
import { type EvaluationResults, evaluationsApi, evaluationsBase, type RoleResult } from './evaluation-types';

/**
 * /regio/:regionId/evaluatie/:evaluationId/resultaten — per role and question the counts per answer
 * and the mean as bars, open answers as written (React escapes them), "enough time" per date of the
 * timeline; groups under the minimum size say so instead. Downloads as CSV and PDF.
 */
export function EvaluationResultsPage({
  regionId,
  evaluationId,
}: {
  regionId: string;
  evaluationId: string;
}) {
  const { t, language } = useT();
  const url = `${evaluationsApi(regionId)}/${seg(evaluationId)}`;
  const results = useResource<EvaluationResults>(`${url}/results`);
  const d = results.data;
  return (
    <div className="ovs-evaluation">
      <Heading level={1}>
        {t('region.evaluation.results.heading', { schoolYear: d?.schoolYear ?? '' }).trim()}
      </Heading>
      <EvaluationNav regionId={regionId} evaluationId={evaluationId} />
      {results.error ? <ErrorMessage error={results.error} onRetry={() => void results.reload()} /> : null}
      {results.loading && !d ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {d ? (
        <>
          <Paragraph>
            {t('region.evaluation.results.summary', {
              count: d.responses,
              state: t(`region.evaluation.state.${d.state}` as MessageKey).toLowerCase(),
            })}
          </Paragraph>
          <Paragraph>
            <small className="ovs-muted">
              {t('region.evaluation.results.minGroup', { min: d.minGroupSize })}
            </small>
          </Paragraph>
          <div className="ovs-evaluation-downloads">
            {(['csv', 'pdf'] as const).map((format) => (
              <a
                key={format}
                className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                href={`${url}/export.${format}?lang=${language}`}
                download
              >
                {t(format === 'csv' ? 'region.evaluation.results.csv' : 'region.evaluation.results.pdf')}
              </a>
            ))}
          </div>
          <Section title={t('region.evaluation.results.time')}>
            <Paragraph>{t('region.evaluation.results.timeIntro')}</Paragraph>
            {d.time.length === 0 ? (
              <Paragraph>{t('region.evaluation.results.timeNone')}</Paragraph>
            ) : (
              <TimeBars title={t('region.evaluation.results.time')} time={d.time} showTitle={false} />
            )}
          </Section>
          {d.roles.map((r) => (
            <RoleSection key={r.role} result={r} minGroupSize={d.minGroupSize} />
          ))}
          <Paragraph>
            <Link to={`${evaluationsBase(regionId)}/${seg(evaluationId)}/bevindingen`}>
              {t('region.evaluation.results.toFindings')}
            </Link>
          </Paragraph>
        </>
      ) : null}
    </div>
  );
}

function RoleSection({ result, minGroupSize }: { result: RoleResult; minGroupSize: number }) {
  const { t, pick } = useT();
  const statements = result.questions.filter((q) => q.kind === 'likert');
  const yesNo = result.questions.filter((q) => q.kind === 'yesno');
  const open = result.questions.filter((q) => q.kind === 'open');
  return (
    <Section title={pick(result.name)}>
      <Paragraph>{t('region.evaluation.results.responses', { count: result.responses })}</Paragraph>
      {!result.shown ? (
        <Alert type="warning">
          <Heading level={3}>{t('region.evaluation.results.tooFew')}</Heading>
          <Paragraph>{t('region.evaluation.results.tooFewText', { min: minGroupSize })}</Paragraph>
        </Alert>
      ) : (
        <>
          <AnswerBars
            title={`${pick(result.name)}: ${t('region.evaluation.results.statements').toLowerCase()}`}
            questions={statements}
            words={result.scaleWords.map(pick)}
          />
          {yesNo.length > 0 ? (
            <AnswerBars
              title={`${pick(result.name)}: ${t('region.evaluation.results.yesNo').toLowerCase()}`}
              questions={yesNo}
              words={[t('region.evaluation.results.yes'), t('region.evaluation.results.no')]}
            />
          ) : null}
          <Heading level={3}>{t('region.evaluation.results.open')}</Heading>
          {open.map((q) => (
            <div key={q.id} className="ovs-evaluation-open">
              <Heading level={4}>{pick(q.text)}</Heading>
              {!q.shown ? (
                <Paragraph>
                  <em>{t('region.evaluation.results.tooFewQuestion')}</em>
                  {q.answered !== null ? ` (${q.answered})` : null}
                </Paragraph>
              ) : (q.texts ?? []).length === 0 ? (
                <Paragraph>{t('region.evaluation.results.noTexts')}</Paragraph>
              ) : (
                <ul className="ovs-evaluation-texts">
                  {(q.texts ?? []).map((text, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: answers may repeat; the order is fixed
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
