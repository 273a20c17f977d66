import { useEffect, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Button, Heading, Link, Paragraph, Section, SelectField, StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { schoolYearOf, today } from './format';
import { ProgressChart, SchoolsBehindChart } from './monitoring-charts';
import {
  daysBetween,
  formatDay,
  milestoneKey,
  percentOf,
  schoolYearChoicesBack,
  statusKey,
  statusTone,
} from './monitoring-format';
import { SchoolTable } from './monitoring-table';
import type { MilestoneKey, MilestoneSummary, MonitoringDashboard } from './monitoring-types';
import { Notice } from './ui';
import './monitoring.css';

const SENDING: MilestoneKey[] = ['inspected', 'registrationsKnown', 'setReady', 'requested', 'delivered'];
const RECEIVING: MilestoneKey[] = ['registrations', 'dossiersRequested', 'received', 'imported'];
const BEHIND_CHART: MilestoneKey[] = [
  'inspected',
  'registrationsKnown',
  'setReady',
  'delivered',
  'dossiersRequested',
  'received',
  'imported',
];

/**
 * /regio/:regionId/monitoring — the coordinator's dashboard: per milestone the region's count
 * against its deadline, progress over time, the schools per milestone that are done, on track or
 * behind, and the table per school (sortable, filterable); exports as CSV and PDF. Counts only.
 */
export function MonitoringPage({ regionId }: { regionId: string }) {
  const { t, language, pick } = useT();
  const [year, setYear] = useState(() => schoolYearOf(today()));
  const base = `/api/region/regions/${seg(regionId)}/monitoring`;
  const dashboard = useResource<MonitoringDashboard>(`${base}?schoolYear=${year}`, { pollMs: 60_000 });
  const [refresh, setRefresh] = useState<{ busy: boolean; notice?: string; error?: string; key?: string }>({
    busy: false,
  });
  const d = dashboard.data;

  // After "bring up to date" the gateway reports within seconds: look again a few times.
  useEffect(() => {
    if (!refresh.key) return;
    const timers = [3000, 8000].map((ms) => setTimeout(() => void dashboard.reload(), ms));
    return () => timers.forEach(clearTimeout);
  }, [refresh.key, dashboard.reload]);

  const bringUpToDate = async () => {
    setRefresh({ busy: true });
    try {
      await api.post(`${base}/refresh`);
      setRefresh({ busy: false, notice: t('region.monitoring.refresh.done'), key: `${Date.now()}` });
    } catch (e) {
      setRefresh({
        busy: false,
        error: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
        key: `${Date.now()}`,
      });
    }
  };

  const byKey = new Map((d?.milestones ?? []).map((m) => [m.key, m]));
  const exportHref = (format: 'csv' | 'pdf') =>
    `${base}/export.${format}?schoolYear=${year}&lang=${language}`;
  const leaving = byKey.get('leaving');

  return (
    <div className="ovs-monitoring">
      <Heading level={1}>{t('region.monitoring.heading', { region: d?.regionName ?? '' }).trim()}</Heading>
      <Paragraph lead>{t('region.monitoring.intro')}</Paragraph>

      <div className="ovs-monitoring-toolbar">
        <SelectField
          label={t('region.monitoring.schoolYear')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          options={schoolYearChoicesBack().map((y) => ({ value: y, label: y }))}
        />
        <div className="ovs-monitoring-toolbar__actions">
          <Button kind="secondary" busy={refresh.busy} onClick={() => void bringUpToDate()}>
            {t('region.monitoring.refresh.action')}
          </Button>
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={exportHref('csv')}
            download
          >
            {t('region.monitoring.export.csv')}
          </a>
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={exportHref('pdf')}
            download
          >
            {t('region.monitoring.export.pdf')}
          </a>
        </div>
      </div>
      {refresh.notice ? <Notice title={refresh.notice} focusKey={refresh.key} /> : null}
      {refresh.error ? (
        <Notice tone="error" title={t('region.monitoring.refresh.failed')} focusKey={refresh.key}>
          <Paragraph>{refresh.error}</Paragraph>
        </Notice>
      ) : null}

      {dashboard.error ? (
        <ErrorMessage error={dashboard.error} onRetry={() => void dashboard.reload()} />
      ) : null}
      {dashboard.loading && !d ? <Paragraph>{t('state.loading')}</Paragraph> : null}

      {d ? (
        <>
          <Paragraph>
            {d.lastReportedAt
              ? t('region.monitoring.summary', {
                  date: formatDay(d.lastReportedAt.slice(0, 10), language),
                  reporting: d.totals.schoolsReporting,
                  schools: d.totals.schools,
                })
              : t('region.monitoring.summaryNone', { schools: d.totals.schools })}{' '}
            {d.totals.schoolsBehind === 0
              ? t('region.monitoring.behindNone')
              : d.totals.schoolsBehind === 1
                ? t('region.monitoring.behindOne')
                : t('region.monitoring.behindMany', { count: d.totals.schoolsBehind })}
          </Paragraph>
          {d.timeline ? null : (
            <Notice
              tone="warning"
              title={t('region.monitoring.noTimeline.title', { schoolYear: d.schoolYear })}
            >
              <Paragraph>
                {t('region.monitoring.noTimeline.text')}{' '}
                <Link to={`/regio/${seg(regionId)}/tijdlijn`}>{t('region.monitoring.noTimeline.link')}</Link>
              </Paragraph>
            </Notice>
          )}
          <Paragraph>
            <small className="ovs-muted">{t('region.monitoring.onceNote')}</small>
          </Paragraph>

          <Section title={t('region.monitoring.sending.title')}>
            <Paragraph>
              {t('region.monitoring.sending.leaving', { count: leaving?.total.count ?? 0 })}
            </Paragraph>
            <ul className="ovs-monitoring-cards">
              {SENDING.map((k) => {
                const m = byKey.get(k);
                return m ? <MilestoneCard key={k} milestone={m} today={d.today} /> : null;
              })}
            </ul>
          </Section>
          <Section title={t('region.monitoring.receiving.title')}>
            <Paragraph>
              {t('region.monitoring.receiving.registrations', {
                pupils: byKey.get('registrations')?.total.count ?? 0,
                registrations: d.totals.registrationsAll,
              })}
            </Paragraph>
            <ul className="ovs-monitoring-cards">
              {RECEIVING.map((k) => {
                const m = byKey.get(k);
                return m ? <MilestoneCard key={k} milestone={m} today={d.today} /> : null;
              })}
            </ul>
          </Section>
          <Section title={t('region.monitoring.attention.title')}>
            <ul className="ovs-monitoring-cards">
              <AttentionCard
                title={t('region.monitoring.attention.readyNotRequested')}
                count={d.totals.readyNotRequested}
                text={t('region.monitoring.attention.readyNotRequestedText')}
                deadline={d.timeline?.requestedBy ?? null}
                today={d.today}
              />
              <AttentionCard
                title={t('region.monitoring.attention.notArrived')}
                count={d.totals.notArrived}
                text={t('region.monitoring.attention.notArrivedText')}
                deadline={d.timeline?.requestedBy ?? null}
                today={d.today}
              />
              <li className="ovs-monitoring-card">
                <Heading level={3}>{t('region.monitoring.attention.sessions')}</Heading>
                <p className="ovs-monitoring-card__number">
                  {d.totals.sessions.delivered}
                  <span className="ovs-monitoring-card__of">
                    {' '}
                    {t('region.monitoring.of', { outOf: d.totals.sessions.total })}
                  </span>
                </p>
                <Paragraph>
                  {t('region.monitoring.attention.sessionsText', {
                    notReady: d.totals.sessions.notReady,
                    notFound: d.totals.sessions.notFound,
                  })}
                </Paragraph>
              </li>
            </ul>
          </Section>

          <Section title={t('region.monitoring.progress.title')}>
            {d.progress.length === 0 ? (
              <Paragraph>{t('region.monitoring.noData')}</Paragraph>
            ) : (
              <div className="ovs-monitoring-charts">
                <ProgressChart
                  title={t('region.monitoring.progress.sending')}
                  points={d.progress}
                  reference={{ key: 'leaving', label: t(milestoneKey('leaving')) }}
                  series={(['inspected', 'registrationsKnown', 'setReady', 'delivered'] as const).map(
                    (k) => ({
                      key: k,
                      label: t(milestoneKey(k)),
                    }),
                  )}
                />
                <ProgressChart
                  title={t('region.monitoring.progress.receiving')}
                  points={d.progress}
                  series={(['registrations', 'dossiersRequested', 'received', 'imported'] as const).map(
                    (k) => ({
                      key: k,
                      label: t(milestoneKey(k)),
                    }),
                  )}
                />
              </div>
            )}
          </Section>

          <Section title={t('region.monitoring.behind.title')}>
            <Paragraph>{t('region.monitoring.behind.intro')}</Paragraph>
            <SchoolsBehindChart
              title={t('region.monitoring.behind.title')}
              schools={d.schools}
              milestones={BEHIND_CHART.map((k) => ({ key: k, label: t(milestoneKey(k)) }))}
            />
          </Section>

          <Section title={t('region.monitoring.table.title')}>
            {d.schools.length === 0 ? (
              <Paragraph>
                {t('region.monitoring.table.noSchools')}{' '}
                <Link to={`/regio/${seg(regionId)}`}>{t('region.monitoring.table.addSchools')}</Link>
              </Paragraph>
            ) : (
              <SchoolTable schools={d.schools} />
            )}
          </Section>
        </>
      ) : null}
    </div>
  );
}

/** A milestone of the region: the count against what it is counted out of and its deadline. */
function MilestoneCard({ milestone: m, today }: { milestone: MilestoneSummary; today: string }) {
  const { t } = useT();
  const percent = percentOf(m.total);
  return (
    <li className={`ovs-monitoring-card ovs-monitoring-card--${m.total.status}`}>
      <Heading level={3}>{t(milestoneKey(m.key))}</Heading>
      <p className="ovs-monitoring-card__number">
        {m.total.count ?? '—'}
        {m.total.outOf !== null ? (
          <span className="ovs-monitoring-card__of">
            {' '}
            {t('region.monitoring.of', { outOf: m.total.outOf })}
          </span>
        ) : null}
      </p>
      {percent !== null ? (
        <div className="ovs-monitoring-meter" aria-hidden="true">
          <div className="ovs-monitoring-meter__value" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      <Paragraph>
        <Deadline deadline={m.deadline} today={today} />
      </Paragraph>
      <p className="ovs-monitoring-card__status">
        <StatusBadge tone={statusTone(m.total.status)}>{t(statusKey(m.total.status))}</StatusBadge>
        {percent !== null ? <span className="ovs-muted"> {percent}%</span> : null}
      </p>
      {m.schoolsBehind > 0 ? (
        <Paragraph>
          {m.schoolsBehind === 1
            ? t('region.monitoring.card.behindOne')
            : t('region.monitoring.card.behindMany', { count: m.schoolsBehind })}
        </Paragraph>
      ) : null}
    </li>
  );
}

function AttentionCard({
  title,
  count,
  text,
  deadline,
  today,
}: {
  title: string;
  count: number;
  text: string;
  deadline: string | null;
  today: string;
}) {
  const { t } = useT();
  const late = deadline !== null && today > deadline && count > 0;
  return (
    <li className="ovs-monitoring-card">
      <Heading level={3}>{title}</Heading>
      <p className="ovs-monitoring-card__number">{count}</p>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <Deadline deadline={deadline} today={today} />
      </Paragraph>
      {late ? <StatusBadge tone="error">{t('region.monitoring.attention.late')}</StatusBadge> : null}
    </li>
  );
}

/** "Deadline 5 maart 2027, over 97 dagen" / "… was 3 dagen geleden" / "Geen deadline". */
function Deadline({ deadline, today }: { deadline: string | null; today: string }) {
  const { t, language } = useT();
  if (!deadline) return <>{t('region.monitoring.deadline.none')}</>;
  const days = daysBetween(today, deadline);
  const date = formatDay(deadline, language);
  if (days > 1) return <>{t('region.monitoring.deadline.future', { date, days })}</>;
  if (days === 1) return <>{t('region.monitoring.deadline.tomorrow', { date })}</>;
  if (days === 0) return <>{t('region.monitoring.deadline.today', { date })}</>;
  if (days === -1) return <>{t('region.monitoring.deadline.yesterday', { date })}</>;
  return <>{t('region.monitoring.deadline.past', { date, days: -days })}</>;
}
