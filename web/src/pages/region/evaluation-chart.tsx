import { useId } from 'react';
import { Heading, Table } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { meanText, type QuestionResult, type TimeResult } from './evaluation-types';

/**
 * The evaluation's charts as plain HTML bars, no chart library: each bar is an image whose name says
 * its numbers in words, the parts differ in place and label as well as colour (with the count
 * written in each part wide enough), a legend, and the same numbers as a table under a disclosure.
 */

const LIKERT_PARTS = ['one', 'two', 'three', 'four', 'five'] as const;

/** Per question a bar of its answers 1–5 (statements) or yes/no, with the mean for statements. */
export function AnswerBars({
  title,
  questions,
  words,
}: {
  title: string;
  questions: QuestionResult[];
  /** The words of the answers: five for statements, [yes, no] for yes/no questions. */
  words: string[];
}) {
  const { t, pick, language } = useT();
  const id = useId();
  const parts = words.length === 5 ? LIKERT_PARTS : (['yes', 'no'] as const);
  const describe = (q: QuestionResult) =>
    q.counts
      ? `${words.map((w, i) => `${w}: ${q.counts?.[i] ?? 0}`).join(', ')}${
          q.mean !== null
            ? `; ${t('region.evaluation.results.mean', { mean: meanText(q.mean, language) })}`
            : ''
        }`
      : t('region.evaluation.results.tooFewQuestion');
  return (
    <figure className="ovs-evaluation-chart" aria-labelledby={`${id}-title`}>
      <Heading level={3} id={`${id}-title`}>
        {title}
      </Heading>
      <ul className="ovs-evaluation-legend" aria-hidden="true">
        {words.map((w, i) => (
          <li key={parts[i]}>
            <span className={`ovs-evaluation-swatch ovs-evaluation-part--${parts[i]}`} />
            {w}
          </li>
        ))}
      </ul>
      <ol className="ovs-evaluation-bars">
        {questions.map((q) => {
          const total = (q.counts ?? []).reduce((s, c) => s + c, 0);
          return (
            <li key={q.id} className="ovs-evaluation-bar-row">
              <p className="ovs-evaluation-bar-question">{pick(q.text)}</p>
              {q.counts && total > 0 ? (
                <div className="ovs-evaluation-bar-line">
                  <div
                    className="ovs-evaluation-bar"
                    role="img"
                    aria-label={`${pick(q.text)} ${describe(q)}`}
                  >
                    {q.counts.map((c, i) =>
                      c === 0 ? null : (
                        <span
                          key={parts[i]}
                          className={`ovs-evaluation-part ovs-evaluation-part--${parts[i]}`}
                          style={{ width: `${(c / total) * 100}%` }}
                        >
                          {c / total >= 0.08 ? c : ''}
                        </span>
                      ),
                    )}
                  </div>
                  <span className="ovs-evaluation-bar-mean">
                    {q.mean !== null
                      ? t('region.evaluation.results.mean', { mean: meanText(q.mean, language) })
                      : null}
                  </span>
                </div>
              ) : (
                <p className="ovs-evaluation-bar-hidden">
                  <em>{t('region.evaluation.results.tooFewQuestion')}</em>
                  {q.answered !== null ? ` (${q.answered})` : null}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <figcaption>
        <details className="ovs-evaluation-details">
          <summary>{t('region.evaluation.results.asTable')}</summary>
          <Table
            caption={title}
            rowKey={(q: QuestionResult) => q.id}
            rows={questions}
            columns={[
              { key: 'q', header: t('region.evaluation.results.col.question'), cell: (q) => pick(q.text) },
              {
                key: 'answered',
                header: t('region.evaluation.results.col.answered'),
                numeric: true,
                cell: (q) => q.answered ?? '',
              },
              ...words.map((w, i) => ({
                key: parts[i],
                header: w,
                numeric: true,
                cell: (q: QuestionResult) => (q.counts ? q.counts[i] : '—'),
              })),
              ...(words.length === 5
                ? [
                    {
                      key: 'mean',
                      header: t('region.evaluation.results.col.mean'),
                      numeric: true,
                      cell: (q: QuestionResult) => (q.mean !== null ? meanText(q.mean, language) : '—'),
                    },
                  ]
                : []),
            ]}
          />
        </details>
      </figcaption>
    </figure>
  );
}

/**
 * Per date of the timeline the mean on "enough time" on a 1–5 scale, the low ones marked. Under a
 * heading of the same words `showTitle={false}` leaves the chart's own heading out.
 */
export function TimeBars({
  title,
  time,
  showTitle = true,
}: {
  title: string;
  time: TimeResult[];
  showTitle?: boolean;
}) {
  const { t, language } = useT();
  const id = useId();
  const verdict = (r: TimeResult) =>
    t(r.low ? 'region.evaluation.results.timeLow' : 'region.evaluation.results.timeOk');
  const label = (r: TimeResult) => t(`region.field.${r.milestone}` as MessageKey);
  return (
    <figure
      className="ovs-evaluation-chart"
      {...(showTitle ? { 'aria-labelledby': `${id}-title` } : { 'aria-label': title })}
    >
      {showTitle ? (
        <Heading level={3} id={`${id}-title`}>
          {title}
        </Heading>
      ) : null}
      <ol className="ovs-evaluation-bars">
        {time.map((r) => (
          <li key={r.milestone} className="ovs-evaluation-bar-row">
            <p className="ovs-evaluation-bar-question">{label(r)}</p>
            <div className="ovs-evaluation-bar-line">
              <div
                className="ovs-evaluation-scale"
                role="img"
                aria-label={`${label(r)}: ${t('region.evaluation.results.mean', {
                  mean: r.mean === null ? '—' : meanText(r.mean, language),
                })}, ${r.answers} ${t('region.evaluation.results.col.answers').toLowerCase()}; ${verdict(r)}`}
              >
                <span className="ovs-evaluation-scale__mid" />
                <span
                  className={`ovs-evaluation-scale__fill${r.low ? ' ovs-evaluation-scale__fill--low' : ''}`}
                  style={{ width: `${r.mean === null ? 0 : ((r.mean - 1) / 4) * 100}%` }}
                />
              </div>
              <span className={`ovs-evaluation-bar-mean${r.low ? ' ovs-evaluation-low' : ''}`}>
                {r.mean === null ? '—' : meanText(r.mean, language)} · {verdict(r)}
              </span>
            </div>
          </li>
        ))}
      </ol>
      <figcaption>
        <details className="ovs-evaluation-details">
          <summary>{t('region.evaluation.results.asTable')}</summary>
          <Table
            caption={title}
            rowKey={(r: TimeResult) => r.milestone}
            rows={time}
            columns={[
              { key: 'm', header: t('region.evaluation.results.col.milestone'), cell: label },
              {
                key: 'answers',
                header: t('region.evaluation.results.col.answers'),
                numeric: true,
                cell: (r) => r.answers,
              },
              {
                key: 'mean',
                header: t('region.evaluation.results.col.mean'),
                numeric: true,
                cell: (r) => (r.mean === null ? '—' : meanText(r.mean, language)),
              },
              { key: 'verdict', header: t('region.evaluation.results.col.verdict'), cell: verdict },
            ]}
          />
        </details>
      </figcaption>
    </figure>
  );
}
