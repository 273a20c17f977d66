import { Heading, Paragraph, Section, StatusBadge } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { formatDate, formatDateTime } from './dates';
import { findingsCount, schoolLabel } from './labels';
import type { DossierOverview } from './types';

/** Every version of the dossier and every school it was set ready for, newest first. */
export function HistorySection({ dossier }: { dossier: DossierOverview }) {
  const { t, language } = useT();
  return (
    <Section title={t('po.history.title')}>
      <Paragraph>{t('po.history.intro')}</Paragraph>
      <div className="utrecht-table-container">
        <table className="utrecht-table utrecht-table--html-table ovs-po-table ovs-po-table--compact">
          <caption className="utrecht-table__caption">{t('po.history.versions')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('po.history.col.version')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('po.history.col.date')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('po.history.col.origin')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('po.history.col.findings')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('po.history.col.inspection')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {dossier.versions.map((v) => (
              <tr key={v.version} className="utrecht-table__row">
                <td className="utrecht-table__cell" data-label={t('po.history.col.version')}>
                  {v.version}
                  {v.version === dossier.version ? (
                    <>
                      {' '}
                      <StatusBadge tone="info">{t('po.history.current')}</StatusBadge>
                    </>
                  ) : null}
                </td>
                <td className="utrecht-table__cell" data-label={t('po.history.col.date')}>
                  {formatDateTime(v.createdAt, language)}
                </td>
                <td className="utrecht-table__cell" data-label={t('po.history.col.origin')}>
                  {t(`po.origin.${v.origin}` as MessageKey)}
                </td>
                <td className="utrecht-table__cell" data-label={t('po.history.col.findings')}>
                  {findingsCount(t, v)}
                </td>
                <td className="utrecht-table__cell" data-label={t('po.history.col.inspection')}>
                  {v.inspectedAt
                    ? t('po.history.inspected', { date: formatDate(v.inspectedAt, language) })
                    : v.frozenAt
                      ? t('po.history.frozen', { date: formatDate(v.frozenAt, language) })
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Heading level={3}>{t('po.history.destinations')}</Heading>
      {dossier.destinations.length === 0 ? (
        <Paragraph>{t('po.history.noDestinations')}</Paragraph>
      ) : (
        <ul className="ovs-po-plain-list ovs-po-history">
          {dossier.destinations.map((d) => (
            <li key={`${d.brin}-${d.readyAt}`}>
              {t(`po.history.dest.${d.state}` as MessageKey, {
                school: schoolLabel(t, d),
                version: d.version,
                from: formatDate(d.readyAt, language),
                until: d.endedAt ? formatDate(d.endedAt, language) : '',
              })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
