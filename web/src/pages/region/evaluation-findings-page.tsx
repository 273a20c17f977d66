import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Section,
  SelectField,
  TextArea,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { TimeBars } from './evaluation-chart';
import { EvaluationNav } from './evaluation-page';
import { type EvaluationResults, evaluationsApi, type Finding, nextSchoolYear } from './evaluation-types';
import { TIMELINE_FIELDS, type TimelineField } from './types';
import { Notice } from './ui';

const MAX_FINDING = 1000;

/**
 * /regio/:regionId/evaluatie/:evaluationId/bevindingen — what the coordinator concludes from the
 * results, per date of the timeline or in general; the next school year's timeline page shows each
 * finding beside its date (and suggests more time where "enough time" was low).
 */
export function EvaluationFindingsPage({
  regionId,
  evaluationId,
}: {
  regionId: string;
  evaluationId: string;
}) {
  const { t } = useT();
  const url = `${evaluationsApi(regionId)}/${seg(evaluationId)}`;
  const results = useResource<EvaluationResults>(`${url}/results`);
  const d = results.data;
  const next = d ? nextSchoolYear(d.schoolYear) : '';
  return (
    <div className="ovs-evaluation">
      <Heading level={1}>
        {t('region.evaluation.findings.heading', { schoolYear: d?.schoolYear ?? '' }).trim()}
      </Heading>
      <EvaluationNav regionId={regionId} evaluationId={evaluationId} />
      {results.error ? <ErrorMessage error={results.error} onRetry={() => void results.reload()} /> : null}
      {results.loading && !d ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {d ? (
        <>
          <Paragraph lead>{t('region.evaluation.findings.intro', { nextYear: next })}</Paragraph>
          <Paragraph>
            <Link to={`/regio/${seg(regionId)}/tijdlijn?jaar=${next}`}>
              {t('region.evaluation.findings.toTimeline', { nextYear: next })}
            </Link>
          </Paragraph>
          {d.time.length > 0 ? <TimeBars title={t('region.evaluation.results.time')} time={d.time} /> : null}
          {d.state === 'concept' ? (
            <Alert type="warning">
              <Paragraph>{t('region.evaluation.findings.concept')}</Paragraph>
            </Alert>
          ) : (
            <FindingForm url={url} onAdded={() => void results.reload()} />
          )}
          <FindingList url={url} findings={d.findings} onRemoved={() => void results.reload()} />
        </>
      ) : null}
    </div>
  );
}

function FindingForm({ url, onAdded }: { url: string; onAdded(): void }) {
  const { t, pick } = useT();
  const id = useId();
  const [milestone, setMilestone] = useState<TimelineField | ''>('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (text.trim() === '') {
      setError(t('region.evaluation.findings.textMissing'));
      return;
    }
    setBusy(true);
    try {
      await api.post<Finding>(`${url}/findings`, { milestone: milestone === '' ? null : milestone, text });
      setError(undefined);
      setText('');
      setDone(`${Date.now()}`);
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.evaluation.findings.formTitle')}>
      {done ? <Notice title={t('region.evaluation.findings.added')} focusKey={done} /> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary
          title={t('region.evaluation.findings.errorTitle')}
          errors={error ? [{ fieldId: `${id}-text`, message: error }] : []}
        />
        <SelectField
          label={t('region.evaluation.findings.milestone')}
          value={milestone}
          onChange={(e) => setMilestone(e.target.value as TimelineField | '')}
          options={[
            { value: '', label: t('region.evaluation.findings.general') },
            ...TIMELINE_FIELDS.map((f) => ({ value: f, label: t(`region.field.${f}` as MessageKey) })),
          ]}
        />
        <TextArea
          id={`${id}-text`}
          label={t('region.evaluation.findings.text')}
          description={t('region.evaluation.findings.textHint')}
          error={error}
          value={text}
          maxLength={MAX_FINDING}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('region.evaluation.findings.add')}
        </Button>
      </form>
    </Section>
  );
}

function FindingList({ url, findings, onRemoved }: { url: string; findings: Finding[]; onRemoved(): void }) {
  const { t, pick } = useT();
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; title: string; key: string }>();
  const remove = async (f: Finding) => {
    try {
      await api.delete(`${url}/findings/${seg(f.id)}`);
      setOutcome({ tone: 'ok', title: t('region.evaluation.findings.removed'), key: `${Date.now()}` });
      onRemoved();
    } catch (e) {
      setOutcome({
        tone: 'error',
        title: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
        key: `${Date.now()}`,
      });
    }
  };
  const groups: Array<TimelineField | null> = [null, ...TIMELINE_FIELDS];
  return (
    <Section title={t('region.evaluation.findings.listTitle')}>
      {outcome ? <Notice tone={outcome.tone} title={outcome.title} focusKey={outcome.key} /> : null}
      {findings.length === 0 ? <Paragraph>{t('region.evaluation.findings.none')}</Paragraph> : null}
      {groups.map((g) => {
        const here = findings.filter((f) => f.milestone === g);
        if (here.length === 0) return null;
        return (
          <div key={g ?? 'general'} className="ovs-evaluation-findings">
            <Heading level={3}>
              {g === null ? t('region.evaluation.findings.general') : t(`region.field.${g}` as MessageKey)}
            </Heading>
            <ul className="ovs-evaluation-texts">
              {here.map((f) => (
                <li key={f.id}>
                  <span>{f.text}</span>{' '}
                  <Button
                    kind="subtle"
                    className="ovs-region-remove"
                    aria-label={t('region.evaluation.findings.removeLabel', { text: f.text })}
                    onClick={() => void remove(f)}
                  >
                    {t('region.evaluation.findings.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </Section>
  );
}
