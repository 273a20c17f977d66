import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  Checkbox,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Section,
  StatusBadge,
  Table,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDay, formatDayLong } from './format';
import type {
  ReminderLog,
  ReminderLogEntry,
  ReminderRun,
  ReminderSettings,
  ReminderSettingsView,
} from './reminders-types';
import type { SchoolRole } from './types';
import { Notice } from './ui';
import './reminders.css';

const SCHEDULE_ROWS = 12;

/**
 * /regio/:regionId/herinneringen — the region's reminders: who gets which reminder, the settings
 * (how many school days before a deadline, the last school day, after it to the schools that are
 * behind), when they go this school year, "send now", and the log of what was sent.
 */
export function RemindersPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const base = `/api/region/regions/${seg(regionId)}/reminders`;
  const view = useResource<ReminderSettingsView>(`${base}/settings`);
  const log = useResource<ReminderLog>(base);
  return (
    <div className="ovs-reminders">
      <Heading level={1}>{t('region.reminders.heading')}</Heading>
      <Paragraph lead>{t('region.reminders.intro')}</Paragraph>
      {view.error ? <ErrorMessage error={view.error} onRetry={() => void view.reload()} /> : null}
      {view.loading && !view.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {view.data ? (
        <>
          <Duties view={view.data} />
          <SettingsForm regionId={regionId} view={view.data} onSaved={() => void view.reload()} />
          <Schedule regionId={regionId} view={view.data} />
          <SendNow regionId={regionId} onSent={() => void log.reload()} />
        </>
      ) : null}
      {log.error ? <ErrorMessage error={log.error} onRetry={() => void log.reload()} /> : null}
      {log.data ? <Log log={log.data} /> : null}
    </div>
  );
}

function useRoles() {
  const { t } = useT();
  return (roles: SchoolRole[]) => {
    const names = roles.map((r) => t(`role.${r}` as MessageKey).toLocaleLowerCase('nl'));
    return names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} ${t('region.reminders.and')} ${names[names.length - 1]}`;
  };
}

function Duties({ view }: { view: ReminderSettingsView }) {
  const { t } = useT();
  const roles = useRoles();
  return (
    <Section title={t('region.reminders.duties.title')}>
      <Table
        caption={t('region.reminders.duties.caption')}
        rowKey={(d) => d.deadline}
        rows={view.duties}
        columns={[
          {
            key: 'deadline',
            header: t('region.reminders.duties.deadline'),
            cell: (d) => t(`region.field.${d.deadline}` as MessageKey),
          },
          {
            key: 'side',
            header: t('region.reminders.duties.side'),
            cell: (d) => t(`region.reminders.side.${d.side}` as MessageKey),
          },
          { key: 'roles', header: t('region.reminders.duties.roles'), cell: (d) => roles(d.roles) },
        ]}
      />
      <Paragraph>{t('region.reminders.duties.fallback', { roles: roles(view.fallbackRoles) })}</Paragraph>
      <Paragraph>{t('region.reminders.duties.noAfter')}</Paragraph>
    </Section>
  );
}

type NumberField = 'daysBefore' | 'repeatAfterSchoolDays';
const IDS: Record<NumberField, string> = {
  daysBefore: 'reminders-days-before',
  repeatAfterSchoolDays: 'reminders-repeat',
};

function SettingsForm({
  regionId,
  view,
  onSaved,
}: {
  regionId: string;
  view: ReminderSettingsView;
  onSaved(): void;
}) {
  const { t, pick } = useT();
  const [values, setValues] = useState<ReminderSettings>(view.settings);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    daysBefore: String(view.settings.daysBefore),
    repeatAfterSchoolDays: String(view.settings.repeatAfterSchoolDays),
  });
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error'; key: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const found: Partial<Record<NumberField, string>> = {};
    for (const field of ['daysBefore', 'repeatAfterSchoolDays'] as const) {
      const { min, max } = view.bounds[field];
      const n = Number(numbers[field].trim());
      if (!/^\d+$/.test(numbers[field].trim()) || n < min || n > max)
        found[field] = t('region.reminders.settings.error', { min, max });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await api.put<ReminderSettingsView>(
        `/api/region/regions/${seg(regionId)}/reminders/settings`,
        {
          ...values,
          daysBefore: Number(numbers.daysBefore),
          repeatAfterSchoolDays: Number(numbers.repeatAfterSchoolDays),
        },
      );
      setValues(saved.settings);
      setNotice({ text: t('region.reminders.settings.saved'), tone: 'ok', key: `${Date.now()}` });
      onSaved();
    } catch (e) {
      const field = e instanceof ApiError ? e.details.field : undefined;
      if (e instanceof ApiError && (field === 'daysBefore' || field === 'repeatAfterSchoolDays')) {
        setErrors({ [field]: pick(e.serverMessage) });
      } else {
        setNotice({
          text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
          tone: 'error',
          key: `${Date.now()}`,
        });
      }
    } finally {
      setBusy(false);
    }
  };
  const LABELS: Record<NumberField, MessageKey> = {
    daysBefore: 'region.reminders.settings.daysBefore',
    repeatAfterSchoolDays: 'region.reminders.settings.repeat',
  };
  // in the summary each error names its field: the two numbers have different bounds
  const summary = (['daysBefore', 'repeatAfterSchoolDays'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: IDS[f], message: `${t(LABELS[f])}: ${errors[f]}` }] : [],
  );
  const hint = (field: NumberField) => ({
    min: view.bounds[field].min,
    max: view.bounds[field].max,
    default: view.defaults[field],
  });

  return (
    <Section title={t('region.reminders.settings.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="ovs-reminders-form">
        {notice ? <Notice tone={notice.tone} title={notice.text} focusKey={notice.key} /> : null}
        <ErrorSummary title={t('form.errorSummary')} errors={summary} />
        <Checkbox
          label={t('region.reminders.settings.enabled')}
          description={t('region.reminders.settings.enabled.hint')}
          checked={values.enabled}
          onChange={(e) => setValues({ ...values, enabled: e.target.checked })}
        />
        <TextField
          id={IDS.daysBefore}
          label={t('region.reminders.settings.daysBefore')}
          description={t('region.reminders.settings.daysBefore.hint', hint('daysBefore'))}
          inputMode="numeric"
          maxLength={2}
          className="ovs-region-number"
          value={numbers.daysBefore}
          error={errors.daysBefore}
          onChange={(e) => setNumbers({ ...numbers, daysBefore: e.target.value })}
        />
        <Checkbox
          label={t('region.reminders.settings.lastDay')}
          checked={values.lastSchoolDayBefore}
          onChange={(e) => setValues({ ...values, lastSchoolDayBefore: e.target.checked })}
        />
        <Checkbox
          label={t('region.reminders.settings.after')}
          description={t('region.reminders.settings.after.hint')}
          checked={values.afterDeadline}
          onChange={(e) => setValues({ ...values, afterDeadline: e.target.checked })}
        />
        <TextField
          id={IDS.repeatAfterSchoolDays}
          label={t('region.reminders.settings.repeat')}
          description={t('region.reminders.settings.repeat.hint', hint('repeatAfterSchoolDays'))}
          inputMode="numeric"
          maxLength={2}
          className="ovs-region-number"
          value={numbers.repeatAfterSchoolDays}
          error={errors.repeatAfterSchoolDays}
          onChange={(e) => setNumbers({ ...numbers, repeatAfterSchoolDays: e.target.value })}
        />
        <Button type="submit" busy={busy}>
          {t('region.reminders.settings.save')}
        </Button>
      </form>
    </Section>
  );
}

function Schedule({ regionId, view }: { regionId: string; view: ReminderSettingsView }) {
  const { t, language } = useT();
  const coming = view.schedule.filter((s) => s.dueOn >= view.today);
  let body: React.ReactNode;
  if (!view.timeline) {
    body = (
      <>
        <Paragraph>{t('region.reminders.schedule.none', { schoolYear: view.schoolYear })}</Paragraph>
        <Paragraph>
          <Link to={`/regio/${seg(regionId)}/tijdlijn`}>{t('region.reminders.schedule.timeline')}</Link>
        </Paragraph>
      </>
    );
  } else if (!view.settings.enabled) {
    body = <Paragraph>{t('region.reminders.schedule.off')}</Paragraph>;
  } else if (coming.length === 0) {
    body = <Paragraph>{t('region.reminders.schedule.allPast')}</Paragraph>;
  } else {
    body = (
      <>
        <Table
          caption={t('region.reminders.schedule.caption')}
          rowKey={(s) => `${s.deadline}-${s.kind}-${s.dueOn}`}
          rows={coming.slice(0, SCHEDULE_ROWS)}
          columns={[
            {
              key: 'day',
              header: t('region.reminders.schedule.day'),
              cell: (s) => formatDayLong(s.dueOn, language),
            },
            {
              key: 'deadline',
              header: t('region.reminders.schedule.deadline'),
              cell: (s) =>
                `${t(`region.field.${s.deadline}` as MessageKey)} (${formatDay(
                  view.timeline?.[s.deadline] ?? s.dueOn,
                  language,
                )})`,
            },
            {
              key: 'kind',
              header: t('region.reminders.schedule.kind'),
              cell: (s) => t(`region.reminders.kind.${s.kind}` as MessageKey),
            },
          ]}
        />
        {coming.length > SCHEDULE_ROWS ? (
          <Paragraph>
            {t('region.reminders.schedule.more', { count: coming.length - SCHEDULE_ROWS })}
          </Paragraph>
        ) : null}
      </>
    );
  }
  return (
    <Section title={t('region.reminders.schedule.title', { schoolYear: view.schoolYear })}>{body}</Section>
  );
}

function SendNow({ regionId, onSent }: { regionId: string; onSent(): void }) {
  const { t, pick, language } = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error' | 'warning'; lines: string[]; key: string }>();
  const send = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const run = await api.post<ReminderRun>(`/api/region/regions/${seg(regionId)}/reminders/send`);
      const day = formatDayLong(run.day, language);
      const lines: string[] = [];
      if (!run.schoolDay) lines.push(t('region.reminders.send.noSchoolDay', { day }));
      else if (run.reminders === 0) lines.push(t('region.reminders.send.nothing', { day }));
      else if (run.reminders === 1)
        lines.push(t('region.reminders.send.doneOne', { recipients: run.recipients }));
      else
        lines.push(t('region.reminders.send.done', { reminders: run.reminders, recipients: run.recipients }));
      if (run.alreadySent > 0) lines.push(t('region.reminders.send.already', { count: run.alreadySent }));
      if (run.fallbacks > 0) lines.push(t('region.reminders.send.fallbacks', { count: run.fallbacks }));
      if (run.unreachable > 0) lines.push(t('region.reminders.send.unreachable', { count: run.unreachable }));
      setResult({ tone: run.reminders > 0 ? 'ok' : 'warning', lines, key: `${Date.now()}` });
      onSent();
    } catch (e) {
      setResult({
        tone: 'error',
        lines: [e instanceof ApiError ? pick(e.serverMessage) : t('state.error')],
        key: `${Date.now()}`,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.reminders.send.title')}>
      <Paragraph>{t('region.reminders.send.text')}</Paragraph>
      {result ? (
        <Notice tone={result.tone} title={result.lines[0]} focusKey={result.key}>
          {result.lines.slice(1).map((l) => (
            <Paragraph key={l}>{l}</Paragraph>
          ))}
        </Notice>
      ) : null}
      <Button kind="secondary" busy={busy} onClick={() => void send()}>
        {t('region.reminders.send.button')}
      </Button>
    </Section>
  );
}

function Log({ log }: { log: ReminderLog }) {
  const { t, language } = useT();
  const roles = useRoles();
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const words = search.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
    return log.entries.filter((e) =>
      words.every((w) => `${e.schoolName} ${e.brin}`.toLocaleLowerCase('nl').includes(w)),
    );
  }, [log.entries, search]);
  if (log.entries.length === 0) {
    return (
      <Section title={t('region.reminders.log.title')}>
        <Paragraph>{t('region.reminders.log.empty', { schoolYear: log.schoolYear })}</Paragraph>
      </Section>
    );
  }
  const when = (e: ReminderLogEntry) =>
    new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(e.createdAt));
  return (
    <Section title={t('region.reminders.log.title')}>
      <TextField
        label={t('region.reminders.log.filter')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className="ovs-reminders-search"
      />
      <Paragraph>
        <span aria-live="polite">
          {t('region.reminders.log.shown', { shown: rows.length, count: log.entries.length })}
        </span>
      </Paragraph>
      <Table
        caption={t('region.reminders.log.caption', { count: log.entries.length, schoolYear: log.schoolYear })}
        rowKey={(e) => e.id}
        rows={rows}
        columns={[
          {
            key: 'when',
            header: t('region.reminders.log.when'),
            cell: (e) => (
              <>
                {when(e)}
                {e.trigger === 'manual' ? (
                  <span className="ovs-reminders-detail">{t('region.reminders.log.manual')}</span>
                ) : null}
              </>
            ),
          },
          {
            key: 'school',
            header: t('region.reminders.log.school'),
            cell: (e) => (
              <>
                {e.schoolName} <span className="ovs-muted">({e.brin})</span>
              </>
            ),
          },
          {
            key: 'deadline',
            header: t('region.reminders.log.deadline'),
            cell: (e) => (
              <>
                {t(`region.field.${e.deadline}` as MessageKey)}
                <span className="ovs-reminders-detail">{formatDay(e.deadlineDay, language)}</span>
              </>
            ),
          },
          {
            key: 'kind',
            header: t('region.reminders.log.kind'),
            cell: (e) =>
              e.kind === 'after' ? (
                <StatusBadge tone="warning">{t('region.reminders.kind.after')}</StatusBadge>
              ) : (
                t(`region.reminders.kind.${e.kind}` as MessageKey)
              ),
          },
          {
            key: 'to',
            header: t('region.reminders.log.to'),
            cell: (e) => (
              <>
                {roles(e.roles)}
                {e.fallback ? (
                  <span className="ovs-reminders-detail">
                    <StatusBadge tone="warning">{t('region.reminders.log.fallback')}</StatusBadge>
                  </span>
                ) : null}
              </>
            ),
          },
          {
            key: 'recipients',
            header: t('region.reminders.log.recipients'),
            cell: (e) => <Recipients entry={e} />,
          },
          { key: 'reads', header: t('region.reminders.log.reads'), numeric: true, cell: (e) => e.reads },
        ]}
      />
    </Section>
  );
}

function Recipients({ entry }: { entry: ReminderLogEntry }) {
  const { t } = useT();
  if (entry.recipients === 0)
    return <StatusBadge tone="error">{t('region.reminders.log.nobody')}</StatusBadge>;
  const pending = entry.recipients - entry.mailsSent;
  return (
    <>
      {entry.recipients === 1
        ? t('region.reminders.log.person')
        : t('region.reminders.log.people', { count: entry.recipients })}
      {pending > 0 ? (
        <span className="ovs-reminders-detail">{t('region.reminders.log.pending', { count: pending })}</span>
      ) : null}
      {entry.addresses && entry.addresses.length > 0 ? (
        <details className="ovs-reminders-addresses">
          <summary aria-label={t('region.reminders.log.addressesOf', { school: entry.schoolName })}>
            {t('region.reminders.log.addresses')}
          </summary>
          <ul>
            {entry.addresses.map((a) => (
              <li key={a.email}>{a.email}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
