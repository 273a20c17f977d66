import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { seg } from '../../api';
import { Alert, Button, Heading, Paragraph, Table, TextField } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';

interface PublicSchool {
  brin: string;
  vestiging: string;
  name: string;
  sector: 'po' | 'vo' | 'so' | 'swv';
  place: string | null;
  region: string | null;
}
interface PublicSchoolPage {
  schools: PublicSchool[];
  page: number;
  pageSize: number;
  total: number;
}

/** The public list of admitted schools (no sign-in): search by name, BRIN or place. */
export function AdmittedSchoolsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const [text, setText] = useState(q);
  const path = `/api/public/schools?page=${page}${q ? `&q=${seg(q)}` : ''}`;
  const { data, error, loading, reload } = useResource<PublicSchoolPage>(path);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const go = (to: number) => setParams({ ...(q ? { q } : {}), pagina: String(to) });

  return (
    <>
      <Heading level={1}>{t('public.title')}</Heading>
      <Paragraph lead>{t('public.intro')}</Paragraph>
      <search>
        <form onSubmit={submit} className="ovs-search">
          <TextField
            label={t('public.search')}
            description={t('public.searchHint')}
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          <Button type="submit">{t('action.search')}</Button>
        </form>
      </search>
      {error ? <ErrorMessage error={error} onRetry={() => void reload()} /> : null}
      {loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data ? (
        <>
          <p className="utrecht-paragraph" aria-live="polite">
            {data.total === 1 ? t('public.countOne') : t('public.count', { total: data.total })}
          </p>
          {data.total === 0 && q ? <Alert>{t('public.none', { q })}</Alert> : null}
          {data.schools.length > 0 ? (
            <Table
              caption={t('public.caption', { page: data.page, pages })}
              rows={data.schools}
              rowKey={(s) => `${s.brin}${s.vestiging}`}
              columns={[
                { key: 'name', header: t('public.col.name'), cell: (s) => s.name },
                { key: 'brin', header: t('public.col.brin'), cell: (s) => `${s.brin} ${s.vestiging}` },
                { key: 'sector', header: t('public.col.sector'), cell: (s) => t(`sector.${s.sector}`) },
                { key: 'place', header: t('public.col.place'), cell: (s) => s.place ?? '—' },
                { key: 'region', header: t('public.col.region'), cell: (s) => s.region ?? '—' },
              ]}
            />
          ) : null}
          {pages > 1 ? (
            <nav aria-label={t('public.pages')} className="utrecht-button-group">
              <Button kind="secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
                {t('public.previous')}
              </Button>
              <Button kind="secondary" disabled={page >= pages} onClick={() => go(page + 1)}>
                {t('public.next')}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
