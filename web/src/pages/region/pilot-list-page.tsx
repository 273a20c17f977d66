import { seg } from '../../api';
import { ButtonGroup, ButtonLink, Heading, Link, Paragraph, Table } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDay } from './format';
import { formatPeriod, PilotStatusBadge } from './pilot-checklist';
import type { PilotList } from './pilot-types';

/** /regio/:regionId/pilots — the region's pilots: period, status, pairs complete, suppliers told. */
export function PilotListPage({ regionId }: { regionId: string }) {
  const { t, language } = useT();
  const base = `/regio/${seg(regionId)}/pilots`;
  const list = useResource<PilotList>(`/api/region/regions/${seg(regionId)}/pilots`);
  const data = list.data;
  return (
    <>
      <Heading level={1}>{t('region.pilot.list.title')}</Heading>
      <Paragraph lead>{t('region.pilot.list.intro')}</Paragraph>
      <ButtonGroup>
        <ButtonLink kind="primary" to={`${base}/nieuw`}>
          {t('region.pilot.list.new')}
        </ButtonLink>
      </ButtonGroup>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data && data.pilots.length === 0 ? <Paragraph>{t('region.pilot.list.empty')}</Paragraph> : null}
      {data && data.pilots.length > 0 ? (
        <Table
          caption={t('region.pilot.list.caption', { region: data.regionName })}
          rows={data.pilots}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'pilot',
              header: t('region.pilot.list.col.pilot'),
              cell: (p) => <Link to={`${base}/${seg(p.id)}`}>{p.name}</Link>,
            },
            {
              key: 'period',
              header: t('region.pilot.list.col.period'),
              cell: (p) => formatPeriod(t, language, p),
            },
            {
              key: 'status',
              header: t('region.pilot.list.col.status'),
              cell: (p) => <PilotStatusBadge status={p.status} />,
            },
            {
              key: 'pairs',
              header: t('region.pilot.list.col.pairs'),
              cell: (p) => t('region.pilot.list.pairs', { done: p.completePairs, total: p.pairs }),
            },
            {
              key: 'notified',
              header: t('region.pilot.list.col.notified'),
              cell: (p) =>
                p.notifiedAt
                  ? t('region.pilot.list.notifiedOn', {
                      date: formatDay(p.notifiedAt.slice(0, 10), language),
                    })
                  : t('region.pilot.list.notNotified'),
            },
          ]}
        />
      ) : null}
    </>
  );
}
