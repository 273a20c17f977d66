import { type ReactNode, useId, useMemo, useState } from 'react';
import { SelectField, StatusBadge, TextField } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { cellText, formatDay, milestoneKey, percentOf, statusKey, statusTone } from './monitoring-format';
import type { MilestoneKey, SchoolRow } from './monitoring-types';

/**
 * The table per school: every member school with its counts per milestone against the deadline,
 * sortable by any column (buttons in the headers, aria-sort) and filtered by name or BRIN, sector
 * and status. Behind and missing reports are said in words, not only in colour.
 */

const TABLE_MILESTONES: MilestoneKey[] = [
  'leaving',
  'inspected',
  'registrationsKnown',
  'setReady',
  'delivered',
  'registrations',
  'received',
  'imported',
];

type SortKey =
  | 'name'
  | 'reportedOn'
  | MilestoneKey
  | 'readyNotRequested'
  | 'notArrived'
  | 'sessions'
  | 'behind';
type Filter = 'all' | 'behind' | 'fine' | 'no_data';

function sessionsOf(row: SchoolRow): { delivered: number; total: number } {
  return {
    delivered: row.sessions.asSource.delivered + row.sessions.asDestination.delivered,
    total: row.sessions.asSource.total + row.sessions.asDestination.total,
  };
}

/** The value a column sorts by; null sorts last. */
function sortValue(row: SchoolRow, key: SortKey): string | number | null {
  if (key === 'name') return row.name;
  if (key === 'reportedOn') return row.reportedOn;
  if (key === 'readyNotRequested') return row.readyNotRequested;
  if (key === 'notArrived') return row.notArrived;
  if (key === 'sessions') return sessionsOf(row).total;
  if (key === 'behind') return row.behind;
  const cell = row.cells[key];
  return percentOf(cell) ?? cell.count;
}

export function SchoolTable({ schools }: { schools: SchoolRow[] }) {
  const { t, language } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [sector, setSector] = useState('all');
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'behind',
    descending: true,
  });

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const rows = schools.filter(
      (s) =>
        (q === '' || s.name.toLowerCase().includes(q) || s.brin.toLowerCase().includes(q)) &&
        (sector === 'all' || s.sector === sector) &&
        (filter === 'all' ||
          (filter === 'behind' && s.behind > 0) ||
          (filter === 'no_data' && s.reportedOn === null) ||
          (filter === 'fine' && s.behind === 0 && s.reportedOn !== null)),
    );
    const direction = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
      if (va === vb) return a.name.localeCompare(b.name, 'nl');
      if (va === null) return 1;
      if (vb === null) return -1;
      const order = typeof va === 'string' ? va.localeCompare(String(vb), 'nl') : va - Number(vb);
      return order * direction || a.name.localeCompare(b.name, 'nl');
    });
  }, [schools, query, sector, filter, sort]);

  const na = (
    <span className="ovs-muted">
      <span aria-hidden="true">—</span>
      <span className="ovs-visually-hidden">{t('region.monitoring.status.not_applicable')}</span>
    </span>
  );
  const sectors = [...new Set(schools.map((s) => s.sector))].sort();
  const toggle = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: key !== 'name' && key !== 'reportedOn' },
    );

  const header = (key: SortKey, label: ReactNode, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
        className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
      >
        <button type="button" className="ovs-monitoring-sort" onClick={() => toggle(key)}>
          {label}
          <span aria-hidden="true" className="ovs-monitoring-sort__mark">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      <search className="ovs-monitoring-filters" aria-label={t('region.monitoring.table.filters')}>
        <TextField
          label={t('region.monitoring.table.search')}
          description={t('region.monitoring.table.searchHelp')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          type="search"
        />
        <SelectField
          label={t('region.monitoring.table.sector')}
          value={sector}
          onChange={(e) => setSector(e.target.value)}
          options={[
            { value: 'all', label: t('region.monitoring.table.sectorAll') },
            ...sectors.map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField
          label={t('region.monitoring.table.status')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          options={[
            { value: 'all', label: t('region.monitoring.table.statusAll') },
            { value: 'behind', label: t('region.monitoring.table.statusBehind') },
            { value: 'fine', label: t('region.monitoring.table.statusFine') },
            { value: 'no_data', label: t('region.monitoring.table.statusNoData') },
          ]}
        />
      </search>
      <p className="utrecht-paragraph" aria-live="polite" id={`${id}-count`}>
        {t('region.monitoring.table.shown', { shown: shown.length, total: schools.length })}
      </p>
      <section
        className="utrecht-table-container utrecht-table-container--overflow-inline"
        aria-labelledby={`${id}-caption`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard
        tabIndex={0}
      >
        <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color ovs-monitoring-table">
          <caption id={`${id}-caption`} className="utrecht-table__caption">
            {t('region.monitoring.table.caption')}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {header('name', t('region.monitoring.col.school'))}
              {header('reportedOn', t('region.monitoring.col.reportedOn'))}
              {TABLE_MILESTONES.map((k) => header(k, t(milestoneKey(k)), true))}
              {header('readyNotRequested', t('region.monitoring.col.readyNotRequested'), true)}
              {header('notArrived', t('region.monitoring.col.notArrived'), true)}
              {header('sessions', t('region.monitoring.col.sessions'), true)}
              {header('behind', t('region.monitoring.col.behind'), true)}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((s) => {
              const sessions = sessionsOf(s);
              return (
                <tr key={s.brin} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell ovs-monitoring-table__school">
                    <span className="ovs-monitoring-table__name">{s.name}</span>
                    <span className="ovs-monitoring-table__detail">
                      {[s.brin, s.sector, s.place].filter(Boolean).join(' · ')}
                    </span>
                  </th>
                  <td className="utrecht-table__cell">
                    {s.reportedOn ? (
                      formatDay(s.reportedOn, language)
                    ) : (
                      <StatusBadge tone="warning">{t('region.monitoring.status.no_data')}</StatusBadge>
                    )}
                  </td>
                  {TABLE_MILESTONES.map((k) => {
                    const cell = s.cells[k];
                    return (
                      <td key={k} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                        {cell.status === 'not_applicable' ? (
                          na
                        ) : cell.count === null ? (
                          <span className="ovs-muted">{t(statusKey(cell.status))}</span>
                        ) : (
                          <>
                            {cellText(cell, t)}
                            {cell.status === 'behind' || cell.status === 'done' ? (
                              <>
                                {' '}
                                <StatusBadge tone={statusTone(cell.status)}>
                                  {t(statusKey(cell.status) as MessageKey)}
                                </StatusBadge>
                              </>
                            ) : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {s.readyNotRequested ?? na}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {s.notArrived ?? na}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {sessions.total === 0
                      ? 0
                      : t('region.monitoring.countOf', { count: sessions.delivered, outOf: sessions.total })}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {s.behind > 0 ? <StatusBadge tone="error">{s.behind}</StatusBadge> : 0}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {shown.length === 0 ? <p className="utrecht-paragraph">{t('region.monitoring.table.none')}</p> : null}
    </>
  );
}
