import { Paragraph, Section, Table } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatPeriod, PilotStatusBadge } from './pilot-checklist';
import type { UpcomingPilot } from './pilot-types';
import './pilot.css';

/**
 * For the servicedesk's overview: the regions' pilots that have not ended — when, which schools and
 * which suppliers — so that it knows when pilot exchanges come (ADR 0007).
 */
export function UpcomingPilotsSection() {
  const { t, language } = useT();
  const pilots = useResource<UpcomingPilot[]>('/api/region/pilots/upcoming');
  return (
    <Section title={t('region.pilot.upcoming.title')}>
      <Paragraph>{t('region.pilot.upcoming.intro')}</Paragraph>
      {pilots.error ? <ErrorMessage error={pilots.error} onRetry={() => void pilots.reload()} /> : null}
      {pilots.loading && !pilots.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {pilots.data && pilots.data.length === 0 ? (
        <Paragraph>{t('region.pilot.upcoming.empty')}</Paragraph>
      ) : null}
      {pilots.data && pilots.data.length > 0 ? (
        <Table
          caption={t('region.pilot.upcoming.caption')}
          rows={pilots.data}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'pilot',
              header: t('region.pilot.upcoming.col.pilot'),
              cell: (p) => (
                <>
                  <span className="ovs-region-school">{p.name}</span>
                  <span className="ovs-muted ovs-region-detail">{p.regionName}</span>
                </>
              ),
            },
            {
              key: 'period',
              header: t('region.pilot.upcoming.col.period'),
              cell: (p) => (
                <>
                  {formatPeriod(t, language, p)} <PilotStatusBadge status={p.status} />
                </>
              ),
            },
            {
              key: 'schools',
              header: t('region.pilot.upcoming.col.schools'),
              cell: (p) => p.schools.map((s) => `${s.name} (${s.brin})`).join(', '),
            },
            {
              key: 'suppliers',
              header: t('region.pilot.upcoming.col.suppliers'),
              cell: (p) => (p.suppliers.length > 0 ? p.suppliers.join(', ') : '—'),
            },
            {
              key: 'progress',
              header: t('region.pilot.upcoming.col.progress'),
              cell: (p) => t('region.pilot.list.pairs', { done: p.completePairs, total: p.pairs }),
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
