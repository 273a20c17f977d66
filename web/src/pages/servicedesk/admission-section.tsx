import { useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Paragraph,
  Section,
  TextArea,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { dutchDay, formatDate, formatDateTime } from './format';
import { type FieldErrors, summaryOf } from './forms';
import { AdmissionBadge } from './school-badges';
import type { Admission, SchoolOverview } from './types';
import { ConfirmPanel, Notice, useNotice } from './ui';

type Mode = 'test' | 'qualify' | 'unqualify';
type Field = 'from' | 'until' | 'note';
const ORDER: readonly Field[] = ['from', 'until', 'note'];
const IDS: Record<Field, string> = {
  from: 'admission-from',
  until: 'admission-until',
  note: 'admission-note',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Admission: whether the school may exchange, its qualification period, the test exchange and the
 * note. Actions, each confirmed: record a successful test exchange, qualify (from a day, optionally
 * until a day), withdraw the qualification with a reason.
 */
export function AdmissionSection({
  data,
  missing,
  onChanged,
}: {
  data: SchoolOverview;
  /** Steps of the connection path the school still lacks (qualification included). */
  missing: readonly string[];
  onChanged(): Promise<void>;
}) {
  const { t, pick, language } = useT();
  const { notice, show, clear } = useNotice('admission');
  const [mode, setMode] = useState<Mode>();
  const [from, setFrom] = useState(dutchDay());
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const { admission, school } = data;
  const before = missing.filter((m) => m !== 'qualification');
  const words = (steps: readonly string[]) => steps.map((m) => t(`sd.missing.${m}` as MessageKey)).join(', ');

  const open = (next: Mode) => (e: { currentTarget: HTMLElement }) => {
    opener.current = e.currentTarget;
    clear();
    setErrors({});
    setSummary([]);
    setProblem(undefined);
    setNote('');
    setFrom(dutchDay());
    setUntil('');
    setMode(next);
  };
  const close = () => {
    setMode(undefined);
    opener.current?.focus();
  };

  const confirm = async () => {
    const found: FieldErrors<Field> = {};
    if (mode === 'qualify') {
      if (!DAY.test(from)) found.from = t('sd.admission.error.from');
      if (until && !DAY.test(until)) found.until = t('sd.admission.error.untilFormat');
      else if (until && DAY.test(from) && until < from) found.until = t('sd.admission.error.untilBefore');
    }
    if (mode === 'unqualify' && !note.trim()) found.note = t('sd.admission.error.reason');
    setErrors(found);
    setSummary(summaryOf(found, ORDER, IDS));
    setProblem(undefined);
    if (Object.keys(found).length > 0) return;
    const body =
      mode === 'test'
        ? { action: 'recordTestExchange', ...(note.trim() ? { note: note.trim() } : {}) }
        : mode === 'qualify'
          ? {
              action: 'qualify',
              from,
              ...(until ? { until } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            }
          : { action: 'unqualify', note: note.trim() };
    setBusy(true);
    try {
      const answer = await api.post<Admission>(`/api/tc/schools/${seg(school.brin)}/admission`, body);
      const done = mode;
      setMode(undefined);
      await onChanged();
      if (done === 'test') show(t('sd.admission.tested'));
      else if (done === 'qualify')
        show(
          answer.admittedToday
            ? t('sd.admission.qualifiedToday', { school: school.name })
            : t('sd.admission.qualifiedFrom', {
                school: school.name,
                date: formatDate(answer.qualifiedFrom ?? from, language),
              }),
        );
      else show(t('sd.admission.unqualified', { school: school.name }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ADMISSION_INCOMPLETE' && Array.isArray(e.details.missing)) {
        setProblem(
          `${pick(e.serverMessage)} ${t('sd.admission.stillMissing', { missing: words(e.details.missing as string[]) })}`,
        );
      } else {
        setProblem(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('sd.admission.title')}>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      <DataList
        items={[
          { key: t('sd.admission.state'), value: <AdmissionBadge admission={admission} /> },
          {
            key: t('sd.admission.period'),
            value: admission.qualified
              ? admission.qualifiedUntil
                ? t('sd.admission.periodUntil', {
                    from: formatDate(admission.qualifiedFrom ?? '', language),
                    until: formatDate(admission.qualifiedUntil, language),
                  })
                : t('sd.admission.periodOpen', { from: formatDate(admission.qualifiedFrom ?? '', language) })
              : t('sd.admission.notQualified'),
          },
          {
            key: t('sd.admission.testExchange'),
            value: admission.testExchangeAt
              ? formatDateTime(admission.testExchangeAt, language)
              : t('sd.admission.noTestExchange'),
          },
          { key: t('sd.admission.note'), value: admission.note ?? t('sd.none') },
        ]}
      />
      {mode === undefined ? (
        <>
          {before.length > 0 && !admission.qualified ? (
            <Paragraph>{t('sd.admission.notYet', { missing: words(before) })}</Paragraph>
          ) : null}
          <ButtonGroup>
            <Button kind="secondary" onClick={open('test')}>
              {admission.testExchangeAt ? t('sd.admission.recordAgain') : t('sd.admission.record')}
            </Button>
            {before.length === 0 ? (
              <Button kind={admission.admittedToday ? 'secondary' : 'primary'} onClick={open('qualify')}>
                {admission.qualified ? t('sd.admission.requalify') : t('sd.admission.qualify')}
              </Button>
            ) : null}
            {admission.qualified ? (
              <Button kind="danger" onClick={open('unqualify')}>
                {t('sd.admission.unqualify')}
              </Button>
            ) : null}
          </ButtonGroup>
        </>
      ) : null}
      {mode === 'test' ? (
        <ConfirmPanel
          title={t('sd.admission.testTitle')}
          text={t('sd.admission.testText', { school: school.name })}
          confirmLabel={t('sd.admission.testYes')}
          busy={busy}
          error={problem}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <TextArea
            id={IDS.note}
            label={t('sd.admission.field.note')}
            description={t('sd.admission.field.noteHint')}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </ConfirmPanel>
      ) : null}
      {mode === 'qualify' ? (
        <ConfirmPanel
          title={t('sd.admission.qualifyTitle', { school: school.name })}
          text={t('sd.admission.qualifyText')}
          confirmLabel={t('sd.admission.qualifyYes')}
          busy={busy}
          error={problem}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <ErrorSummary title={t('form.errorSummary')} errors={summary} />
          <TextField
            id={IDS.from}
            type="date"
            label={t('sd.admission.field.from')}
            description={t('sd.admission.field.fromHint')}
            required
            value={from}
            error={errors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            id={IDS.until}
            type="date"
            label={t('sd.admission.field.until')}
            description={t('sd.admission.field.untilHint')}
            value={until}
            error={errors.until}
            onChange={(e) => setUntil(e.target.value)}
          />
          <TextArea
            id={IDS.note}
            label={t('sd.admission.field.note')}
            description={t('sd.admission.field.noteHint')}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </ConfirmPanel>
      ) : null}
      {mode === 'unqualify' ? (
        <ConfirmPanel
          title={t('sd.admission.unqualifyTitle', { school: school.name })}
          text={t('sd.admission.unqualifyText')}
          confirmLabel={t('sd.admission.unqualifyYes')}
          danger
          busy={busy}
          error={problem}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <ErrorSummary title={t('form.errorSummary')} errors={summary} />
          <TextArea
            id={IDS.note}
            label={t('sd.admission.field.reason')}
            description={t('sd.admission.field.reasonHint')}
            required
            rows={3}
            maxLength={1000}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.target.value)}
          />
        </ConfirmPanel>
      ) : null}
    </Section>
  );
}
