import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { seg } from '../../api';
import { Alert, Button, Heading, Paragraph, Section, SelectField, TextField } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { ReminderNotices } from '../region';
import { BulkActions } from './bulk-actions';
import { ImportForm } from './import-form';
import { STATE_TONE, stateLabel } from './labels';
import { type DossierListItem, pupilName, SHOWN_STATES, type ShownState, shownState } from './types';
import { compareRows, SORT_KEYS, type Sort, type SortKey, WorklistTable } from './worklist-table';
import './po.css';

/**
 * /school/:brin/vertrek — the po school's worklist: every leaving pupil with the state of the
 * dossier, counts per state, filters, sorting, and bulk actions for a whole groep 8. Everything comes
 * from ONE request (GET /api/gw/schools/:brin/dossiers), however many pupils there are.
 */
export function LeavingListPage() {
  const { t } = useT();
  const { brin = '' } = useParams();
  const { can, schools } = useSession();
  const navigate = useNavigate();
  const allowed = can('dossier:read', brin);
  const list = useResource<DossierListItem[]>(allowed ? `/api/gw/schools/${seg(brin)}/dossiers` : null);
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<ShownState | ''>('');
  const [groep, setGroep] = useState('');
  const [year, setYear] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const schoolName = schools.find((s) => s.brin === brin)?.schoolName ?? brin;

  const all = list.data ?? [];
  const years = useMemo(() => [...new Set(all.map((d) => d.schooljaar))].sort().reverse(), [all]);
  const shownYear = year || years[0] || '';
  const ofYear = useMemo(() => all.filter((d) => d.schooljaar === shownYear), [all, shownYear]);
  const groups = useMemo(
    () =>
      [...new Set(ofYear.map((d) => d.groep).filter((g): g is string => !!g))].sort((a, b) =>
        a.localeCompare(b, 'nl', { numeric: true }),
      ),
    [ofYear],
  );
  const counts = useMemo(() => {
    const c = Object.fromEntries(SHOWN_STATES.map((s) => [s, 0])) as Record<ShownState, number>;
    for (const d of ofYear) c[shownState(d)]++;
    return c;
  }, [ofYear]);
  const rows = useMemo(() => {
    const words = search.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
    return ofYear
      .filter((d) => !stateFilter || shownState(d) === stateFilter)
      .filter((d) => !groep || d.groep === groep)
      .filter((d) => {
        const name = `${pupilName(d.pupil)} ${d.pupil.achternaam}`.toLocaleLowerCase('nl');
        return words.every((w) => name.includes(w));
      })
      .sort((a, b) => compareRows(a, b, sort));
  }, [ofYear, stateFilter, groep, search, sort]);

  if (!allowed) {
    return (
      <div className="ovs-po">
        <Heading level={1}>{t('po.list.title')}</Heading>
        <Alert type="error">
          <Paragraph>
            <strong>{t('forbidden.title')}</strong>
          </Paragraph>
          <Paragraph>{t('po.forbidden')}</Paragraph>
        </Alert>
      </div>
    );
  }

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const selectedRows = ofYear.filter((d) => selected.has(d.dossierId));
  const mayInspect = can('dossier:inzage', brin);
  const mayReady = can('dossier:klaarzetten', brin);
  const filtered = !!(search || stateFilter || groep);
  const clearFilters = () => {
    setSearch('');
    setStateFilter('');
    setGroep('');
  };

  return (
    <div className="ovs-po">
      <Heading level={1}>{t('po.list.title')}</Heading>
      <Paragraph lead>{t('po.list.intro', { school: schoolName })}</Paragraph>
      <ReminderNotices brin={brin} />

      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}

      {list.data && all.length === 0 ? (
        <Section title={t('po.list.emptyTitle')}>
          <Paragraph>{t('po.list.empty')}</Paragraph>
        </Section>
      ) : null}

      {list.data && all.length > 0 ? (
        <>
          <nav aria-label={t('po.list.countsLabel')} className="ovs-po-counts">
            <ul>
              <li>
                <button
                  type="button"
                  className="ovs-po-count ovs-po-count--all"
                  aria-pressed={stateFilter === ''}
                  onClick={() => setStateFilter('')}
                >
                  <span className="ovs-po-count__n">{ofYear.length}</span>{' '}
                  <span className="ovs-po-count__label">{t('po.list.countAll')}</span>
                </button>
              </li>
              {SHOWN_STATES.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className={`ovs-po-count ovs-po-count--${STATE_TONE[s]}`}
                    aria-pressed={stateFilter === s}
                    onClick={() => setStateFilter(stateFilter === s ? '' : s)}
                  >
                    <span className="ovs-po-count__n">{counts[s]}</span>{' '}
                    <span className="ovs-po-count__label">{stateLabel(t, s)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>

          <search className="ovs-po-filters" aria-label={t('po.list.filter.label')}>
            <TextField
              label={t('po.list.filter.search')}
              description={t('po.list.filter.searchHint')}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoComplete="off"
            />
            <SelectField
              label={t('po.list.filter.state')}
              value={stateFilter}
              onChange={(e) => setStateFilter(e.target.value as ShownState | '')}
              options={[
                { value: '', label: t('po.list.filter.allStates') },
                ...SHOWN_STATES.map((s) => ({ value: s, label: `${stateLabel(t, s)} (${counts[s]})` })),
              ]}
            />
            <SelectField
              label={t('po.list.filter.groep')}
              value={groep}
              onChange={(e) => setGroep(e.target.value)}
              options={[
                { value: '', label: t('po.list.filter.allGroups') },
                ...groups.map((g) => ({ value: g, label: g })),
              ]}
            />
            <SelectField
              label={t('po.list.filter.sort')}
              value={sort.key}
              onChange={(e) => setSort({ key: e.target.value as SortKey, descending: false })}
              options={SORT_KEYS.map((k) => ({ value: k, label: t(`po.list.col.${k}` as MessageKey) }))}
            />
            {years.length > 1 ? (
              <SelectField
                label={t('po.list.filter.year')}
                value={shownYear}
                onChange={(e) => {
                  setYear(e.target.value);
                  setSelected(new Set());
                }}
                options={years.map((y) => ({ value: y, label: y }))}
              />
            ) : null}
          </search>

          {mayInspect || mayReady ? (
            <BulkActions
              brin={brin}
              selected={selectedRows}
              rows={all}
              mayInspect={mayInspect}
              mayReady={mayReady}
              onClear={() => setSelected(new Set())}
              onDone={() => void list.reload()}
            />
          ) : null}

          {rows.length === 0 ? (
            <div className="ovs-section">
              <Paragraph>{t('po.list.noMatch')}</Paragraph>
              {filtered ? (
                <Button kind="secondary" onClick={clearFilters}>
                  {t('po.list.clearFilters')}
                </Button>
              ) : null}
            </div>
          ) : (
            <WorklistTable
              brin={brin}
              rows={rows}
              total={ofYear.length}
              sort={sort}
              onSort={setSort}
              selected={selected}
              onSelect={select}
              selectable={mayInspect || mayReady}
            />
          )}
        </>
      ) : null}

      {can('dossier:write', brin) ? (
        <Section title={t('po.import.title')}>
          <Paragraph>{t('po.import.intro')}</Paragraph>
          <ImportForm
            brin={brin}
            onImported={(saved) =>
              navigate(`/school/${brin}/vertrek/${saved.dossierId}`, { state: { imported: saved.version } })
            }
          />
        </Section>
      ) : null}
    </div>
  );
}
