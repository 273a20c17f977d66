import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Heading,
  Link,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDate, formatNumber } from './format';
import { CONNECTION_TONE, connectionLabel } from './labels';
import { AdmissionBadge } from './school-badges';
import { CONNECTION_STATUSES, type SchoolListPage, SECTORS } from './types';
import { Code, Pager } from './ui';

const FILTERS = ['q', 'sector', 'toelating', 'status'] as const;

/** /servicedesk/scholen — every school the traffic center knows, searchable and filtered. */
export function SchoolsPage() {
  const { t, language } = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sector = params.get('sector') ?? '';
  const admission = params.get('toelating') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const [form, setForm] = useState({ q, sector, admission, status });
  useEffect(() => setForm({ q, sector, admission, status }), [q, sector, admission, status]);

  const query = new URLSearchParams({ page: String(page) });
  if (q) query.set('q', q);
  if (sector) query.set('sector', sector);
  if (admission) query.set('admission', admission);
  if (status) query.set('status', status);
  const { data, error, loading, reload } = useResource<SchoolListPage>(`/api/tc/schools?${query}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = Boolean(q || sector || admission || status);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (form.q.trim()) next.q = form.q.trim();
    if (form.sector) next.sector = form.sector;
    if (form.admission) next.toelating = form.admission;
    if (form.status) next.status = form.status;
    setParams(next);
  };
  const clear = () => setParams({});
  const go = (to: number) => {
    const next: Record<string, string> = {};
    for (const f of FILTERS) {
      const v = params.get(f);
      if (v) next[f] = v;
    }
    setParams({ ...next, pagina: String(to) });
  };

  return (
    <>
      <Heading level={1}>{t('sd.schools.title')}</Heading>
      <Paragraph lead>{t('sd.schools.intro')}</Paragraph>
      <ButtonGroup>
        <ButtonLink kind="primary" to="/servicedesk/scholen/nieuw">
          {t('sd.schools.new')}
        </ButtonLink>
      </ButtonGroup>
      <form onSubmit={apply} className="ovs-sd-filters" aria-label={t('sd.schools.filters')}>
        <TextField
          label={t('sd.schools.search')}
          description={t('sd.schools.searchHint')}
          type="search"
          name="q"
          value={form.q}
          autoComplete="off"
          onChange={(e) => setForm({ ...form, q: e.target.value })}
        />
        <SelectField
          label={t('sd.schools.sector')}
          value={form.sector}
          onChange={(e) => setForm({ ...form, sector: e.target.value })}
          options={[
            { value: '', label: t('sd.schools.any') },
            ...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) })),
          ]}
        />
        <SelectField
          label={t('sd.schools.admission')}
          value={form.admission}
          onChange={(e) => setForm({ ...form, admission: e.target.value })}
          options={[
            { value: '', label: t('sd.schools.any') },
            { value: 'admitted', label: t('sd.admission.admitted') },
            { value: 'notAdmitted', label: t('sd.admission.notAdmitted') },
          ]}
        />
        <SelectField
          label={t('sd.schools.status')}
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.target.value })}
          options={[
            { value: '', label: t('sd.schools.any') },
            ...CONNECTION_STATUSES.map((s) => ({ value: s, label: t(connectionLabel(s)) })),
          ]}
        />
        <ButtonGroup>
          <Button type="submit">{t('action.search')}</Button>
          {filtered ? (
            <Button kind="secondary" onClick={clear}>
              {t('sd.schools.clear')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>

      {error ? <ErrorMessage error={error} onRetry={() => void reload()} /> : null}
      {loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data ? (
        <>
          <p className="utrecht-paragraph" aria-live="polite">
            {data.total === 1
              ? t('sd.schools.countOne')
              : t('sd.schools.count', { total: formatNumber(data.total, language) })}
          </p>
          {data.total === 0 ? (
            <Alert>{filtered ? t('sd.schools.noneFiltered') : t('sd.schools.none')}</Alert>
          ) : null}
          {data.schools.length > 0 ? (
            <Table
              caption={t('sd.schools.caption', { page: data.page, pages })}
              rows={data.schools}
              rowKey={(s) => s.brin}
              columns={[
                {
                  key: 'name',
                  header: t('sd.col.school'),
                  cell: (s) => (
                    <>
                      <Link to={`/servicedesk/scholen/${seg(s.brin)}`}>{s.name}</Link>
                      <Code>
                        {s.brin} {s.vestiging}
                      </Code>
                    </>
                  ),
                },
                { key: 'sector', header: t('sd.col.sector'), cell: (s) => t(`sector.${s.sector}`) },
                { key: 'place', header: t('sd.col.place'), cell: (s) => s.place ?? '—' },
                {
                  key: 'admission',
                  header: t('sd.col.admission'),
                  cell: (s) => <AdmissionBadge admission={s.admission} />,
                },
                {
                  key: 'connection',
                  header: t('sd.col.connection'),
                  cell: (s) => (
                    <>
                      <StatusBadge tone={CONNECTION_TONE[s.connection]}>
                        {t(connectionLabel(s.connection))}
                      </StatusBadge>
                      {s.admission.testExchangeAt && s.connection !== 'admitted' ? (
                        <span className="ovs-sd-sub">
                          {t('sd.schools.tested', { date: formatDate(s.admission.testExchangeAt, language) })}
                        </span>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          ) : null}
          <Pager page={page} pages={pages} onPage={go} />
        </>
      ) : null}
    </>
  );
}
