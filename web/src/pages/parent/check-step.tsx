import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { Alert, Button, ButtonGroup, ErrorSummary, Paragraph } from '../../components';
import { type DatePart, type DateParts, DatePartsField } from '../../components/date-parts-field';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import { formatDay } from './dates';

const ID = 'parent-birth-date';

interface Problem {
  message: string;
  parts: DatePart[];
}

/** The date the parts make, or what is wrong with them (checked here first, the server decides). */
function readDate(parts: DateParts, today: Date): { iso: string } | { error: MessageKey; parts: DatePart[] } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { error: 'parent.check.error.empty', parts: ['day', 'month', 'year'] };
  const d = /^\d{1,2}$/.test(day) ? Number(day) : Number.NaN;
  const m = /^\d{1,2}$/.test(month) ? Number(month) : Number.NaN;
  if (!(d >= 1 && d <= 31)) return { error: 'parent.check.error.day', parts: ['day'] };
  if (!(m >= 1 && m <= 12)) return { error: 'parent.check.error.month', parts: ['month'] };
  if (!/^\d{4}$/.test(year) || Number(year) < 1900)
    return { error: 'parent.check.error.year', parts: ['year'] };
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { error: 'parent.check.error.noDate', parts: ['day', 'month'] };
  }
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > today.toISOString().slice(0, 10)) return { error: 'parent.check.error.future', parts: ['year'] };
  return { iso };
}

/**
 * Step 1: the child's date of birth, as three small number fields. Wrong answers are counted by
 * the server (5 in a row block the link); the page says how many tries are left.
 */
export function CheckStep({
  expiresAt,
  again,
  onCheck,
  onClosed,
}: {
  expiresAt?: string;
  /** The parent's 60 minutes were up: they come back here, with what they wrote kept. */
  again: boolean;
  onCheck(geboortedatum: string): Promise<void>;
  onClosed(error: ApiError): void;
}) {
  const { t, pick, language } = useT();
  const [parts, setParts] = useState<DateParts>({ day: '', month: '', year: '' });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDate(parts, new Date());
    if ('error' in read) {
      setProblem({ message: t(read.error), parts: read.parts });
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await onCheck(read.iso);
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) return onClosed(e);
      const left = e instanceof ApiError ? Number(e.details.attemptsLeft) : Number.NaN;
      const message =
        e instanceof ApiError && e.code === 'BIRTH_DATE_MISMATCH'
          ? left === 1
            ? t('parent.check.error.wrongLast')
            : t('parent.check.error.wrong', { n: Number.isFinite(left) ? left : '' })
          : e instanceof ApiError && e.code === 'VALIDATION_FAILED'
            ? t('parent.check.error.noDate')
            : e instanceof ApiError && e.status > 0
              ? pick(e.serverMessage)
              : t('parent.error.network');
      setProblem({ message, parts: ['day', 'month', 'year'] });
    } finally {
      setBusy(false);
    }
  };

  const firstWrong = problem?.parts[0] ?? 'day';
  return (
    <div className="ovs-parent__narrow">
      <FocusHeading focusKey="check">{t('parent.check.title')}</FocusHeading>
      <Paragraph lead>{t('parent.check.intro')}</Paragraph>
      {again ? <Alert type="warning">{t('parent.check.again')}</Alert> : null}
      <ErrorSummary
        title={t('form.errorSummary')}
        errors={problem ? [{ fieldId: `${ID}-${firstWrong}`, message: problem.message }] : []}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-parent__card">
        <Paragraph>{t('parent.check.why')}</Paragraph>
        <DatePartsField
          idPrefix={ID}
          legend={t('parent.check.legend')}
          hint={t('parent.check.hint')}
          error={problem?.message}
          invalid={problem?.parts}
          value={parts}
          onChange={setParts}
          labels={{
            day: t('parent.check.day'),
            month: t('parent.check.month'),
            year: t('parent.check.year'),
          }}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('parent.check.submit')}
          </Button>
        </ButtonGroup>
      </form>
      {expiresAt ? (
        <Paragraph>
          <span className="ovs-muted">
            {t('parent.check.validUntil', { date: formatDay(expiresAt, language) })}
          </span>
        </Paragraph>
      ) : null}
    </div>
  );
}
