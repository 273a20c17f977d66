import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import { Alert, Button, Heading, Paragraph, Section, TextField } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { ReminderNotices } from '../region';
import { CsvUpload } from './csv-upload';
import { resultKey, STATE_TONE, stateKey } from './labels';
import { RegistrationForm } from './registration-form';
import { RegistrationsTable } from './registrations-table';
import { useSchoolNames } from './school-directory';
import {
  type BulkRequestResult,
  OPEN_STATES,
  pupilName,
  REGISTRATION_STATES,
  type RegistrationListItem,
  type RegistrationState,
  type RequestResult,
  type ResultCode,
  sortName,
  WAITING_STATES,
} from './types';
import './vo.css';

/** While something is on its way, the list asks again this often. */
export const POLL_MS = 10_000;

type Notice = {
  type: 'ok' | 'info' | 'error';
  text: string;
  lines?: string[];
  /** The answer about one registration: shown while it stays in the state the answer left it in. */
  about?: { registrationId: string; state: RegistrationState };
};

/**
 * /school/:brin/aanmeldingen — the vo school's registrations: counts per state (also a filter),
 * the table with state, last result and what to do next, "request all open", and — for who may
 * register — the registration form and the CSV upload. Everything the table shows comes from ONE
 * request (GET …/registrations), asked again every 10 s while a dossier is on its way.
 */
export function RegistrationsPage() {
  const { t, pick } = useT();
  const { brin = '' } = useParams();
  const { can, schools } = useSession();
  const mayRead = can('received:read', brin);
  const mayRegister = can('registration:write', brin);
  const mayRequest = can('request:send', brin);
  const schoolName = schools.find((s) => s.brin === brin)?.schoolName ?? brin;
  const [waiting, setWaiting] = useState(false);
  const list = useResource<RegistrationListItem[]>(
    mayRead ? `/api/gw/schools/${seg(brin)}/registrations` : null,
    { pollMs: waiting ? POLL_MS : undefined },
  );
  const all = list.data ?? [];
  const nowWaiting = all.some((r) => WAITING_STATES.includes(r.state));
  useEffect(() => setWaiting(nowWaiting), [nowWaiting]);
  const names = useSchoolNames(all.filter((r) => r.sourceSchoolName === null).map((r) => r.sourceBrin));

  const [filter, setFilter] = useState<RegistrationState | ''>('');
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const [busyId, setBusyId] = useState<string>();
  const [bulkBusy, setBulkBusy] = useState(false);

  const counts = useMemo(() => {
    const c = Object.fromEntries(REGISTRATION_STATES.map((s) => [s, 0])) as Record<RegistrationState, number>;
    for (const r of all) c[r.state]++;
    return c;
  }, [all]);
  const open = all.filter((r) => OPEN_STATES.includes(r.state)).length;
  // An answer about one registration goes once the list shows it moved on (e.g. received by itself).
  const shownNotice =
    notice?.about &&
    all.find((r) => r.registrationId === notice.about?.registrationId)?.state !== notice.about.state
      ? undefined
      : notice;
  const rows = useMemo(() => {
    const words = search.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
    return all
      .filter((r) => !filter || r.state === filter)
      .filter((r) =>
        words.every((w) => `${pupilName(r.pupil)} ${r.pupil.achternaam}`.toLocaleLowerCase('nl').includes(w)),
      )
      .sort((a, b) => sortName(a.pupil).localeCompare(sortName(b.pupil), 'nl', { sensitivity: 'base' }));
  }, [all, filter, search]);

  const requestOne = async (item: RegistrationListItem) => {
    setBusyId(item.registrationId);
    setNotice(undefined);
    try {
      const result = await api.post<RequestResult>(
        `/api/gw/schools/${seg(brin)}/registrations/${seg(item.registrationId)}/request`,
      );
      setNotice({
        type: result.result === 'OverdrachtGeslaagd' ? 'ok' : 'info',
        text: t('vo.list.requested', { name: pupilName(item.pupil), result: t(resultKey(result.result)) }),
        lines: [pick(result.explanation)],
        about: { registrationId: item.registrationId, state: result.state },
      });
    } catch (e) {
      setNotice({ type: 'error', text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error') });
    } finally {
      setBusyId(undefined);
      await list.reload();
    }
  };

  const requestAll = async () => {
    setBulkBusy(true);
    setNotice(undefined);
    try {
      const result = await api.post<BulkRequestResult>(`/api/gw/schools/${seg(brin)}/requests`);
      setNotice({
        type: 'ok',
        text:
          result.requested === 1
            ? t('vo.list.requestAllDoneOne')
            : t('vo.list.requestAllDone', { count: result.requested }),
        lines: Object.entries(result.byResult).map(([code, n]) =>
          t('vo.list.requestAllLine', { count: n, result: t(resultKey(code as ResultCode)) }),
        ),
      });
    } catch (e) {
      setNotice({ type: 'error', text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error') });
    } finally {
      setBulkBusy(false);
      await list.reload();
    }
  };

  const [formNotice, setFormNotice] = useState<string>();
  /** A new key after each registration: a fresh, untouched form. */
  const [formKey, setFormKey] = useState(0);
  const [csvNotice, setCsvNotice] = useState<string>();

  return (
    <>
      <Heading level={1}>{t('vo.list.title')}</Heading>
      <Paragraph lead>{t('vo.list.lead', { school: schoolName })}</Paragraph>
      <ReminderNotices brin={brin} />

      {mayRead ? (
        <Section
          title={t('vo.list.overview')}
          actions={
            mayRequest ? (
              <Button busy={bulkBusy} disabled={open === 0} onClick={() => void requestAll()}>
                {t('vo.list.requestAll', { count: open })}
              </Button>
            ) : null
          }
        >
          {mayRequest ? (
            <Paragraph>{open === 0 ? t('vo.list.requestAllNone') : t('vo.list.requestAllHint')}</Paragraph>
          ) : null}
          <div aria-live="polite">
            {shownNotice ? (
              <Alert type={shownNotice.type}>
                <Paragraph>{shownNotice.text}</Paragraph>
                {shownNotice.lines?.length ? (
                  <ul className="ovs-vo-plain-list">
                    {shownNotice.lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                ) : null}
              </Alert>
            ) : null}
          </div>
          {list.error && !list.data ? (
            <ErrorMessage error={list.error} onRetry={() => void list.reload()} />
          ) : !list.data ? (
            <Paragraph>{t('state.loading')}</Paragraph>
          ) : all.length === 0 ? (
            <Alert type="info">{mayRegister ? t('vo.list.empty') : t('vo.list.emptyReadOnly')}</Alert>
          ) : (
            <>
              <nav className="ovs-vo-counts" aria-label={t('vo.list.counts')}>
                <ul>
                  <li>
                    <button
                      type="button"
                      className="ovs-vo-count ovs-vo-count--all"
                      aria-pressed={filter === ''}
                      onClick={() => setFilter('')}
                    >
                      <span className="ovs-vo-count__n">{all.length}</span>
                      <span className="ovs-vo-count__label">{t('vo.list.countAll')}</span>
                    </button>
                  </li>
                  {REGISTRATION_STATES.filter((s) => counts[s] > 0).map((s) => (
                    <li key={s}>
                      <button
                        type="button"
                        className={`ovs-vo-count ovs-vo-count--${STATE_TONE[s]}`}
                        aria-pressed={filter === s}
                        onClick={() => setFilter(filter === s ? '' : s)}
                      >
                        <span className="ovs-vo-count__n">{counts[s]}</span>
                        <span className="ovs-vo-count__label">{t(stateKey(s))}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="ovs-vo-filters">
                <TextField
                  type="search"
                  label={t('vo.list.search')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  autoComplete="off"
                />
              </div>
              {waiting ? (
                <p className="ovs-vo-polling">
                  <span className="ovs-vo-polling__dot" aria-hidden="true" />
                  {t('vo.list.polling')}
                </p>
              ) : null}
              {list.error ? <ErrorMessage error={list.error} /> : null}
              {rows.length === 0 ? (
                <Paragraph>{t('vo.list.noMatch')}</Paragraph>
              ) : (
                <RegistrationsTable
                  brin={brin}
                  rows={rows}
                  caption={t('vo.list.caption', { shown: rows.length, total: all.length })}
                  names={names}
                  mayRequest={mayRequest}
                  busyId={busyId}
                  onRequest={(item) => void requestOne(item)}
                />
              )}
            </>
          )}
        </Section>
      ) : null}

      {mayRegister ? (
        <div className="ovs-vo-columns">
          <Section title={t('vo.form.title')}>
            <Paragraph>{t('vo.form.intro')}</Paragraph>
            <div aria-live="polite">{formNotice ? <Alert type="ok">{formNotice}</Alert> : null}</div>
            <RegistrationForm
              key={formKey}
              brin={brin}
              idPrefix="vo-new"
              onStart={() => setFormNotice(undefined)}
              onSaved={(name) => {
                setFormNotice(t('vo.form.saved', { name }));
                setFormKey((k) => k + 1);
                void list.reload();
              }}
            />
          </Section>
          <Section title={t('vo.csv.title')}>
            <div aria-live="polite">{csvNotice ? <Alert type="ok">{csvNotice}</Alert> : null}</div>
            <CsvUpload
              brin={brin}
              onSaved={(count, file) => {
                setCsvNotice(
                  count === 1 ? t('vo.csv.savedOne', { file }) : t('vo.csv.saved', { count, file }),
                );
                void list.reload();
              }}
              onRefused={() => setCsvNotice(undefined)}
            />
          </Section>
        </div>
      ) : null}
      {!mayRead && !mayRegister ? (
        <ErrorMessage error={new ApiError(403, 'FORBIDDEN', { nl: '', en: '' })} />
      ) : null}
    </>
  );
}
