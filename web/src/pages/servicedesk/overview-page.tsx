import {
  ButtonGroup,
  ButtonLink,
  Heading,
  Link,
  Paragraph,
  Section,
  StatusBadge,
  Table,
} from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { UpcomingPilotsSection } from '../region';
import { countOf, dutchDay, formatDate, formatNumber } from './format';
import { CONNECTION_TONE, connectionHint, connectionLabel, resultLabel } from './labels';
import { CONNECTION_STATUSES, type ConnectionCounts, type OutcomeStatistics, RESULT_CODES } from './types';

const RECENT_DAYS = 30;

/** /servicedesk — where the schools stand on the connection path, and how exchanges went lately. */
export function OverviewPage() {
  const { t, language } = useT();
  const counts = useResource<ConnectionCounts>('/api/tc/statistics/connection');
  const from = dutchDay(-(RECENT_DAYS - 1));
  const to = dutchDay();
  const outcomes = useResource<OutcomeStatistics>(`/api/tc/statistics/outcomes/named?from=${from}&to=${to}`);

  const totals = new Map<string, number>();
  for (const pair of outcomes.data?.pairs ?? []) {
    for (const [code, n] of Object.entries(pair.results)) totals.set(code, (totals.get(code) ?? 0) + n);
  }
  const order = (code: string) => {
    const i = (RESULT_CODES as readonly string[]).indexOf(code);
    return i === -1 ? RESULT_CODES.length : i;
  };
  const resultRows = [...totals.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([code, count]) => ({ code, count }));
  const sessions = resultRows.reduce((sum, r) => sum + r.count, 0);

  return (
    <>
      <Heading level={1}>{t('sd.title')}</Heading>
      <Paragraph lead>{t('sd.overview.intro')}</Paragraph>
      <ButtonGroup>
        <ButtonLink kind="primary" to="/servicedesk/scholen/nieuw">
          {t('sd.schools.new')}
        </ButtonLink>
        <ButtonLink to="/servicedesk/leveranciers">{t('sd.suppliers.admit')}</ButtonLink>
      </ButtonGroup>

      <Section title={t('sd.overview.connectionTitle')}>
        {counts.error ? <ErrorMessage error={counts.error} onRetry={() => void counts.reload()} /> : null}
        {counts.loading && !counts.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
        {counts.data ? (
          <>
            <Paragraph>
              {t('sd.overview.connectionText', {
                total: formatNumber(counts.data.total, language),
                admitted: formatNumber(counts.data.counts.admitted, language),
              })}
            </Paragraph>
            <ul className="ovs-sd-steps">
              {CONNECTION_STATUSES.map((status) => (
                <li key={status} className={`ovs-sd-step ovs-sd-step--${CONNECTION_TONE[status]}`}>
                  <span className="ovs-sd-step__count">
                    {formatNumber(counts.data?.counts[status] ?? 0, language)}
                  </span>
                  <StatusBadge tone={CONNECTION_TONE[status]}>{t(connectionLabel(status))}</StatusBadge>
                  <span className="ovs-sd-step__hint">{t(connectionHint(status))}</span>
                  <Link to={`/servicedesk/scholen?status=${status}`}>
                    {t('sd.overview.showSchools', { status: t(connectionLabel(status)) })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section
        title={t('sd.overview.outcomesTitle', { days: RECENT_DAYS })}
        actions={<ButtonLink to="/servicedesk/uitwisselingen">{t('sd.overview.allExchanges')}</ButtonLink>}
      >
        <Paragraph>
          {t('sd.overview.outcomesPeriod', {
            from: formatDate(from, language),
            to: formatDate(to, language),
          })}
        </Paragraph>
        {outcomes.error ? (
          <ErrorMessage error={outcomes.error} onRetry={() => void outcomes.reload()} />
        ) : null}
        {outcomes.loading && !outcomes.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
        {outcomes.data && sessions === 0 ? <Paragraph>{t('sd.overview.noOutcomes')}</Paragraph> : null}
        {outcomes.data && sessions > 0 ? (
          <Table
            caption={t('sd.overview.outcomesCaption', {
              sessions: countOf(t, language, sessions, 'exchanges'),
              pairs: countOf(t, language, outcomes.data.pairs.length, 'pairs'),
            })}
            rows={resultRows}
            rowKey={(r) => r.code}
            columns={[
              {
                key: 'result',
                header: t('sd.exchanges.col.result'),
                cell: (r) => (
                  <StatusBadge tone={r.code === 'OverdrachtGeslaagd' ? 'ok' : 'neutral'}>
                    {resultLabel(t, r.code)}
                  </StatusBadge>
                ),
              },
              {
                key: 'count',
                header: t('sd.exchanges.col.count'),
                numeric: true,
                cell: (r) => formatNumber(r.count, language),
              },
            ]}
          />
        ) : null}
      </Section>

      {/* the regions' pilots that have not ended (src/region/pilot, ADR 0007) */}
      <UpcomingPilotsSection />
    </>
  );
}
