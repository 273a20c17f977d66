import { useParams } from 'react-router';
import { seg } from '../../api';
import { DataList, Heading, Link, Paragraph, Section, StatusBadge, Table } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDate, groupedFingerprint } from './format';
import type { SupplierMandates } from './types';
import { Code } from './ui';

/** /servicedesk/leveranciers/:supplierId — a supplier system and the schools it holds a mandate for. */
export function SupplierPage() {
  const { t, language } = useT();
  const { supplierId = '' } = useParams();
  const { data, error, loading, reload } = useResource<SupplierMandates>(
    `/api/tc/suppliers/${seg(supplierId)}/mandates`,
  );
  const back = (
    <Paragraph>
      <Link to="/servicedesk/leveranciers">{t('sd.back.suppliers')}</Link>
    </Paragraph>
  );
  if (error) {
    return (
      <>
        {back}
        <Heading level={1}>{t('sd.supplier.title')}</Heading>
        <ErrorMessage error={error} onRetry={() => void reload()} />
      </>
    );
  }
  if (loading && !data) return back;
  if (!data) return back;
  const current = data.mandates.filter((m) => m.revokedAt === null).length;
  return (
    <>
      {back}
      <Heading level={1}>{data.supplier.name}</Heading>
      <Paragraph lead>{t('sd.supplier.intro')}</Paragraph>
      <Section title={t('sd.supplier.details')}>
        <DataList
          items={[
            { key: t('sd.suppliers.field.name'), value: data.supplier.name },
            { key: t('sd.col.admittedAt'), value: formatDate(data.supplier.createdAt, language) },
            {
              key: t('sd.supplier.fingerprint'),
              value: <Code>{groupedFingerprint(data.supplier.certificateFingerprint)}</Code>,
            },
          ]}
        />
      </Section>
      <Section title={t('sd.supplier.mandatesTitle')}>
        <Paragraph>
          {current === 1 ? t('sd.supplier.mandatesOne') : t('sd.supplier.mandatesCount', { count: current })}
        </Paragraph>
        {data.mandates.length === 0 ? (
          <Paragraph>{t('sd.supplier.noMandates')}</Paragraph>
        ) : (
          <Table
            caption={t('sd.supplier.mandatesCaption', { name: data.supplier.name })}
            rows={data.mandates}
            rowKey={(m) => m.brin}
            columns={[
              {
                key: 'school',
                header: t('sd.col.school'),
                cell: (m) => (
                  <>
                    <Link to={`/servicedesk/scholen/${seg(m.brin)}`}>{m.schoolName}</Link>
                    <Code>
                      {m.brin} {m.vestiging}
                    </Code>
                  </>
                ),
              },
              { key: 'sector', header: t('sd.col.sector'), cell: (m) => t(`sector.${m.sector}`) },
              { key: 'since', header: t('sd.col.grantedAt'), cell: (m) => formatDate(m.grantedAt, language) },
              {
                key: 'state',
                header: t('sd.col.state'),
                cell: (m) =>
                  m.revokedAt === null ? (
                    <StatusBadge tone="ok">{t('sd.mandates.current')}</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">
                      {t('sd.mandates.revokedOn', { date: formatDate(m.revokedAt, language) })}
                    </StatusBadge>
                  ),
              },
              {
                key: 'points',
                header: t('sd.col.activePoints'),
                numeric: true,
                cell: (m) => m.activeDeliveryPoints,
              },
            ]}
          />
        )}
      </Section>
    </>
  );
}
