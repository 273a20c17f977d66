import type { ReactNode } from 'react';
import { Link, StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { formatDate } from './dates';
import { akkoordLabel, findingsCount, STATE_TONE, schoolShort, stateLabel } from './labels';
import { type DossierListItem, pupilName, type ShownState, shownState, sortName } from './types';

export const SORT_KEYS = [
  'name',
  'groep',
  'state',
  'findings',
  'inspection',
  'registered',
  'destination',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const STATE_ORDER: Record<ShownState, number> = {
  concept: 0,
  ter_inzage: 1,
  ingezien: 2,
  klaargezet: 3,
  geleverd: 4,
  ingetrokken: 5,
  verlopen: 6,
};

/** Compares two rows on a column; ties fall back to the name, so the order is stable. */
export function compareRows(a: DossierListItem, b: DossierListItem, sort: Sort): number {
  const text = (x: string, y: string) => x.localeCompare(y, 'nl', { sensitivity: 'base', numeric: true });
  const by: Record<SortKey, () => number> = {
    name: () => 0,
    groep: () => text(a.groep ?? '', b.groep ?? ''),
    state: () => STATE_ORDER[shownState(a)] - STATE_ORDER[shownState(b)],
    findings: () => a.errorCount - b.errorCount || a.warningCount - b.warningCount,
    inspection: () => text(a.inspection?.inzagedatum ?? '', b.inspection?.inzagedatum ?? ''),
    registered: () => text(a.registeredAt[0]?.schoolName ?? '', b.registeredAt[0]?.schoolName ?? ''),
    destination: () =>
      text(
        a.destination?.state === 'klaargezet' ? (a.destination.schoolName ?? a.destination.brin) : '',
        b.destination?.state === 'klaargezet' ? (b.destination.schoolName ?? b.destination.brin) : '',
      ),
  };
  const result = by[sort.key]() || text(sortName(a.pupil), sortName(b.pupil));
  return sort.descending ? -result : result;
}

interface Column {
  key: SortKey;
  header: string;
  cell(row: DossierListItem): ReactNode;
}

/**
 * The worklist as a table: a header button per column sorts (aria-sort says how), a checkbox per row
 * selects for a bulk action, the pupil's name links to the dossier. On a phone each row becomes a
 * card with the column names beside the values (po.css).
 */
export function WorklistTable({
  brin,
  rows,
  total,
  sort,
  onSort,
  selected,
  onSelect,
  selectable,
}: {
  brin: string;
  rows: DossierListItem[];
  total: number;
  sort: Sort;
  onSort(sort: Sort): void;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], on: boolean): void;
  selectable: boolean;
}) {
  const { t, language } = useT();
  const columns: Column[] = [
    {
      key: 'name',
      header: t('po.list.col.name'),
      cell: (d) => (
        <Link to={`/school/${brin}/vertrek/${d.dossierId}`} className="ovs-po-name">
          {pupilName(d.pupil)}
        </Link>
      ),
    },
    {
      key: 'groep',
      header: t('po.list.col.groep'),
      cell: (d) => d.groep ?? <span className="ovs-muted">—</span>,
    },
    {
      key: 'state',
      header: t('po.list.col.state'),
      cell: (d) => {
        const state = shownState(d);
        return <StatusBadge tone={STATE_TONE[state]}>{stateLabel(t, state)}</StatusBadge>;
      },
    },
    {
      // The school's own errors: what only waits for the parents' inspection (awaitingInspection)
      // is not counted here; the inspection column says where that stands.
      key: 'findings',
      header: t('po.list.col.findings'),
      cell: (d) => (
        <span className={d.errorCount > 0 ? 'ovs-po-errors' : d.warningCount > 0 ? '' : 'ovs-po-ok'}>
          {findingsCount(t, d)}
        </span>
      ),
    },
    {
      key: 'inspection',
      header: t('po.list.col.inspection'),
      cell: (d) =>
        d.inspection ? (
          <>
            {formatDate(d.inspection.inzagedatum, language)}
            <br />
            <span className="ovs-muted">{akkoordLabel(t, d.inspection.akkoord)}</span>
          </>
        ) : d.state === 'ter_inzage' ? (
          t('po.list.inspection.waiting')
        ) : (
          <span className="ovs-muted">{t('po.list.inspection.none')}</span>
        ),
    },
    {
      key: 'registered',
      header: t('po.list.col.registered'),
      cell: (d) =>
        d.registeredAt.length === 0 ? (
          <span className="ovs-muted">{t('po.list.registered.none')}</span>
        ) : (
          <ul className="ovs-po-plain-list">
            {d.registeredAt.map((r) => (
              <li key={r.brin}>
                {schoolShort(t, r)}
                {r.preferenceRank !== null && d.registeredAt.length > 1 ? (
                  <span className="ovs-muted"> ({t('po.rank', { rank: r.preferenceRank })})</span>
                ) : null}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'destination',
      header: t('po.list.col.destination'),
      cell: (d) =>
        d.destination?.state === 'klaargezet' ? (
          <>
            {schoolShort(t, d.destination)}
            {d.deliveries.lastAt ? (
              <>
                <br />
                <span className="ovs-muted">
                  {t('po.list.delivered', { date: formatDate(d.deliveries.lastAt, language) })}
                </span>
              </>
            ) : null}
          </>
        ) : (
          <span className="ovs-muted">—</span>
        ),
    },
  ];
  const visibleIds = rows.map((r) => r.dossierId);
  const allSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));
  const sortLabel = (c: Column) => t('po.list.sortBy', { column: c.header });
  return (
    <div className="utrecht-table-container ovs-po-table-container">
      <table className="utrecht-table utrecht-table--html-table ovs-po-table">
        <caption className="utrecht-table__caption">
          {t('po.list.caption', { shown: rows.length, total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {selectable ? (
              <th scope="col" className="utrecht-table__header-cell ovs-po-select-cell">
                <input
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={allSelected}
                  disabled={rows.length === 0}
                  aria-label={t('po.list.selectAll', { count: rows.length })}
                  onChange={(e) => onSelect(visibleIds, e.target.checked)}
                />
              </th>
            ) : null}
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className="utrecht-table__header-cell"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="ovs-po-sort"
                    title={sortLabel(c)}
                    onClick={() => onSort({ key: c.key, descending: active ? !sort.descending : false })}
                  >
                    {c.header}
                    <span aria-hidden="true" className="ovs-po-sort__mark">
                      {active ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((d) => (
            <tr
              key={d.dossierId}
              className={`utrecht-table__row${selected.has(d.dossierId) ? ' ovs-po-row--selected' : ''}`}
            >
              {selectable ? (
                <td className="utrecht-table__cell ovs-po-select-cell">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={selected.has(d.dossierId)}
                    aria-label={t('po.list.selectOne', { name: pupilName(d.pupil) })}
                    onChange={(e) => onSelect([d.dossierId], e.target.checked)}
                  />
                </td>
              ) : null}
              {columns.map((c) => (
                <td key={c.key} className="utrecht-table__cell" data-label={c.header}>
                  {c.cell(d)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
