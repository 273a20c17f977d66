import { Paragraph, Section, Table } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import type { Resource } from '../../use-resource';
import { formatDate, formatDateTime } from './format';
import { actorLabel, historyLabel } from './labels';
import type { HistoryEntry, SchoolHistory } from './types';

const FIELD_LABELS: Record<string, MessageKey> = {
  vestiging: 'sd.school.field.vestiging',
  name: 'sd.school.field.name',
  sector: 'sd.school.field.sector',
  board: 'sd.school.field.board',
  region: 'sd.school.field.region',
  place: 'sd.school.field.place',
};

/** What the traffic center recorded about the school, newest first, in words. */
export function HistorySection({
  history,
  supplierName,
}: {
  history: Resource<SchoolHistory>;
  supplierName(id: string): string;
}) {
  const { t, language } = useT();
  const explain = (e: HistoryEntry): string => {
    const parts: string[] = [];
    const d = e.details;
    if (e.subject?.startsWith('supplier:')) parts.push(supplierName(e.subject.slice('supplier:'.length)));
    if (e.subject?.startsWith('delivery-point:')) {
      parts.push(t('sd.history.point', { key: e.subject.slice('delivery-point:'.length) }));
    }
    if (typeof d.purpose === 'string') parts.push(t(`sd.purpose.${d.purpose}` as MessageKey));
    if (e.action === 'tc.admission.qualify' && typeof d.from === 'string') {
      parts.push(
        typeof d.until === 'string'
          ? t('sd.admission.periodUntil', {
              from: formatDate(d.from, language),
              until: formatDate(d.until, language),
            })
          : t('sd.admission.periodOpen', { from: formatDate(d.from, language) }),
      );
    }
    if (Array.isArray(d.fields)) {
      parts.push(
        t('sd.history.fields', {
          fields: (d.fields as string[])
            .map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f).toLowerCase())
            .join(', '),
        }),
      );
    }
    if (Array.isArray(d.deactivatedDeliveryPoints) && d.deactivatedDeliveryPoints.length > 0) {
      parts.push(t('sd.history.pointsOff', { count: d.deactivatedDeliveryPoints.length }));
    }
    if (typeof d.note === 'string') {
      parts.push(
        e.action === 'tc.admission.unqualify'
          ? t('sd.history.reason', { note: d.note })
          : t('sd.history.note', { note: d.note }),
      );
    }
    return parts.join(' · ') || '—';
  };
  return (
    <Section title={t('sd.history.title')}>
      <Paragraph>{t('sd.history.intro')}</Paragraph>
      {history.error ? <ErrorMessage error={history.error} onRetry={() => void history.reload()} /> : null}
      {history.loading && !history.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {history.data && history.data.entries.length === 0 ? (
        <Paragraph>{t('sd.history.none')}</Paragraph>
      ) : null}
      {history.data && history.data.entries.length > 0 ? (
        <Table
          caption={t('sd.history.caption')}
          rows={history.data.entries.map((e, index) => ({ ...e, index }))}
          rowKey={(e) => String(e.index)}
          columns={[
            { key: 'at', header: t('sd.col.when'), cell: (e) => formatDateTime(e.at, language) },
            { key: 'what', header: t('sd.col.what'), cell: (e) => historyLabel(t, e.action) },
            { key: 'who', header: t('sd.col.who'), cell: (e) => actorLabel(t, e.actorKind) },
            { key: 'details', header: t('sd.col.details'), cell: explain },
          ]}
        />
      ) : null}
    </Section>
  );
}
