import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Table,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { countOf, formatDate, formatNumber } from './format';
import { BRIN_PATTERN, type FieldErrors, summaryOf } from './forms';
import { resultLabel } from './labels';
import { type OutcomeStatistics, RESULT_CODES } from './types';
import { Code } from './ui';

type Field = 'brin' | 'from' | 'to';
const ORDER: readonly Field[] = ['brin', 'from', 'to'];
const IDS: Record<Field, string> = { brin: 'exchanges-brin', from: 'exchanges-from', to: 'exchanges-to' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SUCCESS = 'OverdrachtGeslaagd';

/**
 * /servicedesk/uitwisselingen — the outcomes of closed sessions per pair of schools (the traffic
 * center keeps counts only, never who), filtered by a school's BRIN and a period.
 */
export function ExchangesPage() {
  const { t, language } = useT();
  const [params, setParams] = useSearchParams();
  const brin = params.get('brin') ?? '';
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const [form, setForm] = useState({ brin, from, to });
  useEffect(() => setForm({ brin, from, to }), [brin, from, to]);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);

  const query = new URLSearchParams();
  if (brin) query.set('brin', brin);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const { data, error, loading, reload } = useResource<OutcomeStatistics>(
    `/api/tc/statistics/outcomes/named${query.toString() ? `?${query}` : ''}`,
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const v = { brin: form.brin.trim().toUpperCase(), from: form.from, to: form.to };
    const found: FieldErrors<Field> = {};
    if (v.brin && !BRIN_PATTERN.test(v.brin)) found.brin = t('sd.exchanges.error.brin');
    if (v.from && !DAY.test(v.from)) found.from = t('sd.exchanges.error.date');
    if (v.to && !DAY.test(v.to)) found.to = t('sd.exchanges.error.date');
    else if (v.from && v.to && v.to < v.from) found.to = t('sd.exchanges.error.order');
    setErrors(found);
    setSummary(summaryOf(found, ORDER, IDS));
    if (Object.keys(found).length > 0) return;
    const next: Record<string, string> = {};
    if (v.brin) next.brin = v.brin;
    if (v.from) next.van = v.from;
    if (v.to) next.tot = v.to;
    setParams(next);
  };

  const pairs = data?.pairs ?? [];
  const sessions = pairs.reduce((sum, p) => sum + p.total, 0);
  const period =
    from && to
      ? t('sd.exchanges.periodBetween', { from: formatDate(from, language), to: formatDate(to, language) })
      : from
        ? t('sd.exchanges.periodFrom', { from: formatDate(from, language) })
        : to
          ? t('sd.exchanges.periodTo', { to: formatDate(to, language) })
          : t('sd.exchanges.periodAll');
  const order = (code: string) => {
    const i = (RESULT_CODES as readonly string[]).indexOf(code);
    return i === -1 ? RESULT_CODES.length : i;
  };

  return (
    <>
      <Heading level={1}>{t('sd.exchanges.title')}</Heading>
      <Paragraph lead>{t('sd.exchanges.intro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={apply} className="ovs-sd-filters" aria-label={t('sd.exchanges.filters')}>
        <TextField
          id={IDS.brin}
          label={t('sd.exchanges.brin')}
          description={t('sd.exchanges.brinHint')}
          maxLength={4}
          autoComplete="off"
          spellCheck={false}
          className="ovs-sd-short"
          value={form.brin}
          error={errors.brin}
          onChange={(e) => setForm({ ...form, brin: e.target.value })}
        />
        <TextField
          id={IDS.from}
          type="date"
          label={t('sd.exchanges.from')}
          value={form.from}
          error={errors.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <TextField
          id={IDS.to}
          type="date"
          label={t('sd.exchanges.to')}
          value={form.to}
          error={errors.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <ButtonGroup>
          <Button type="submit">{t('sd.exchanges.apply')}</Button>
          {brin || from || to ? (
            <Button kind="secondary" onClick={() => setParams({})}>
              {t('sd.schools.clear')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
      {error ? <ErrorMessage error={error} onRetry={() => void reload()} /> : null}
      {loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data ? (
        <>
          <p className="utrecht-paragraph" aria-live="polite">
            {t('sd.exchanges.summary', {
              period,
              sessions: countOf(t, language, sessions, 'exchanges'),
              pairs: countOf(t, language, pairs.length, 'pairs'),
            })}
          </p>
          {pairs.length === 0 ? <Alert>{t('sd.exchanges.none')}</Alert> : null}
          {pairs.length > 0 ? (
            <Table
              caption={t('sd.exchanges.caption', { period })}
              rows={pairs}
              rowKey={(p) => `${p.sourceBrin}-${p.destinationBrin}`}
              columns={[
                {
                  key: 'source',
                  header: t('sd.exchanges.col.source'),
                  cell: (p) => (
                    <>
                      <Link to={`/servicedesk/scholen/${seg(p.sourceBrin)}`}>{p.sourceName}</Link>
                      <Code>{p.sourceBrin}</Code>
                    </>
                  ),
                },
                {
                  key: 'destination',
                  header: t('sd.exchanges.col.destination'),
                  cell: (p) => (
                    <>
                      <Link to={`/servicedesk/scholen/${seg(p.destinationBrin)}`}>{p.destinationName}</Link>
                      <Code>{p.destinationBrin}</Code>
                    </>
                  ),
                },
                {
                  key: 'total',
                  header: t('sd.exchanges.col.total'),
                  numeric: true,
                  cell: (p) => formatNumber(p.total, language),
                },
                {
                  key: 'success',
                  header: t('sd.exchanges.col.success'),
                  numeric: true,
                  cell: (p) => formatNumber(p.results[SUCCESS] ?? 0, language),
                },
                {
                  key: 'other',
                  header: t('sd.exchanges.col.other'),
                  cell: (p) => {
                    const other = Object.entries(p.results)
                      .filter(([code]) => code !== SUCCESS)
                      .sort((a, b) => order(a[0]) - order(b[0]));
                    if (other.length === 0) return '—';
                    return (
                      <ul className="ovs-sd-results">
                        {other.map(([code, n]) => (
                          <li key={code}>
                            {resultLabel(t, code)}: {formatNumber(n, language)}
                          </li>
                        ))}
                      </ul>
                    );
                  },
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
