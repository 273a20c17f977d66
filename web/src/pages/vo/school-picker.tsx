import { useEffect, useState } from 'react';
import { api } from '../../api';
import { RadioGroup, TextField } from '../../components';
import { useT } from '../../i18n';
import { rememberSchools } from './school-directory';
import type { PublicSchool } from './types';

export interface ChosenSchool {
  brin: string;
  name: string;
  place?: string | null;
}

/** Sectors a pupil comes to a vo school from: primary and special schools. */
const SOURCE_SECTORS = new Set(['po', 'so']);

/**
 * Chooses the po school a pupil comes from, out of the public list of schools admitted to the
 * transfer service (GET /api/public/schools): a search field (name, place or BRIN) and the
 * matching schools as radio buttons. The number found is announced to screen readers.
 */
export function SchoolPicker({
  id,
  value,
  onChange,
  error,
}: {
  /** The id of the search field (the error summary links to it). */
  id: string;
  value: ChosenSchool | undefined;
  onChange(school: ChosenSchool): void;
  error?: string;
}) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ schools: PublicSchool[]; more: boolean; q: string }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<{ schools: PublicSchool[]; total: number }>(
          `/api/public/schools?q=${encodeURIComponent(query.trim())}`,
        )
        .then((page) => {
          if (!live) return;
          rememberSchools(page.schools);
          setFailed(false);
          setFound({
            schools: page.schools.filter((s) => SOURCE_SECTORS.has(s.sector)),
            more: page.total > page.schools.length,
            q: query,
          });
        })
        .catch(() => live && setFailed(true));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const schools = found?.schools ?? [];
  const options = [
    ...(value && !schools.some((s) => s.brin === value.brin) ? [value] : []),
    ...schools.map((s) => ({ brin: s.brin, name: s.name, place: s.place })),
  ];
  return (
    <div className="ovs-vo-school-picker">
      <TextField
        id={id}
        type="search"
        label={t('vo.form.school')}
        description={t('vo.form.schoolHint')}
        required
        error={error}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      <p className="ovs-vo-live" aria-live="polite">
        {failed
          ? t('vo.form.schoolFailed')
          : found && schools.length === 0
            ? t('vo.form.schoolNone', { q: found.q.trim() })
            : found
              ? schools.length === 1
                ? t('vo.form.schoolFoundOne')
                : t('vo.form.schoolFound', { count: schools.length })
              : ''}
      </p>
      {options.length > 0 ? (
        <RadioGroup
          legend={t('vo.form.schoolChoose')}
          name={`${id}-choice`}
          value={value?.brin}
          onChange={(brin) => {
            const chosen = options.find((o) => o.brin === brin);
            if (chosen) onChange(chosen);
          }}
          options={options.map((o) => ({
            value: o.brin,
            label: (
              <>
                {o.name}
                <span className="ovs-muted">
                  {' '}
                  · {o.place ? `${o.place} · ` : ''}
                  {o.brin}
                </span>
              </>
            ),
          }))}
        />
      ) : null}
      {found?.more ? <p className="ovs-vo-hint">{t('vo.form.schoolMore')}</p> : null}
    </div>
  );
}
