import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { Alert, Button, ButtonGroup, ErrorSummary, Paragraph, RadioGroup, TextArea } from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import {
  type Answer,
  type InspectionSummary,
  MAX_REASON_LENGTH,
  MAX_VIEW_LENGTH,
  type ResponseBody,
} from './inspection-api';

/** What the parent has filled in so far (kept when their 60 minutes run out and they check again). */
export interface AnswerDraft {
  akkoord?: Answer;
  reden: string;
  toestemming?: Answer;
  zienswijze: string;
}
export const EMPTY_DRAFT: AnswerDraft = { reden: '', zienswijze: '' };

type Field = 'akkoord' | 'reden' | 'toestemming' | 'zienswijze';
const ORDER: readonly Field[] = ['akkoord', 'reden', 'toestemming', 'zienswijze'];
const IDS: Record<Field, string> = {
  akkoord: 'parent-agree-Ja',
  reden: 'parent-reason',
  toestemming: 'parent-consent-Ja',
  zienswijze: 'parent-view',
};

/**
 * Step 3: do the parents agree (and why not), do they consent (where the profile needs it), and
 * their own view, optional. Checked here first; the server checks again and its field problems
 * are shown at the fields.
 */
export function AnswerStep({
  summary,
  draft,
  onDraft,
  onSend,
  onBack,
}: {
  summary: InspectionSummary;
  draft: AnswerDraft;
  onDraft(draft: AnswerDraft): void;
  /** Sends the answer; resolves when it was accepted (the page moves on), rejects with ApiError. */
  onSend(body: ResponseBody): Promise<void>;
  onBack(): void;
}) {
  const { t, pick } = useT();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summaryErrors, setSummaryErrors] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    setSummaryErrors(
      ORDER.flatMap((f) => (found[f] ? [{ fieldId: IDS[f], message: found[f] as string }] : [])),
    );
  };

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!draft.akkoord) found.akkoord = t('parent.answer.error.agree');
    if (draft.akkoord === 'Nee' && !draft.reden.trim()) found.reden = t('parent.answer.error.reason');
    if (draft.akkoord === 'Nee' && draft.reden.trim().length > MAX_REASON_LENGTH)
      found.reden = t('parent.answer.error.reasonLong', { n: MAX_REASON_LENGTH });
    if (summary.consentRequired && !draft.toestemming) found.toestemming = t('parent.answer.error.consent');
    if (draft.zienswijze.trim().length > MAX_VIEW_LENGTH)
      found.zienswijze = t('parent.answer.error.viewLong', { n: MAX_VIEW_LENGTH });
    return found;
  };

  /** The server's field problems (details.problems) in the parent's words. */
  const fromServer = (problems: Record<string, unknown>): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (problems.akkoord) found.akkoord = t('parent.answer.error.agree');
    if (problems.reden) found.reden = t('parent.answer.error.reason');
    if (problems.toestemming) found.toestemming = t('parent.answer.error.consent');
    if (problems.zienswijze) found.zienswijze = t('parent.answer.error.viewNotAllowed');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const found = check();
    show(found);
    if (Object.keys(found).length > 0 || !draft.akkoord) return;
    const view = draft.zienswijze.trim();
    const body: ResponseBody = {
      akkoord: draft.akkoord,
      ...(draft.akkoord === 'Nee' ? { reden: draft.reden.trim() } : {}),
      ...(summary.consentRequired && draft.toestemming ? { toestemming: draft.toestemming } : {}),
      ...(summary.viewAllowed && view ? { zienswijze: view } : {}),
    };
    setBusy(true);
    try {
      await onSend(body);
    } catch (e) {
      const problems =
        e instanceof ApiError ? (e.details.problems as Record<string, unknown> | undefined) : undefined;
      if (
        e instanceof ApiError &&
        e.code === 'VALIDATION_FAILED' &&
        problems &&
        typeof problems === 'object'
      ) {
        const mapped = fromServer(problems);
        if (Object.keys(mapped).length > 0) return show(mapped);
      }
      setProblem(
        e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'TRANSITION_NOT_ALLOWED')
          ? t('parent.answer.error.conflict')
          : e instanceof ApiError && e.status > 0
            ? pick(e.serverMessage)
            : t('parent.error.network'),
      );
    } finally {
      setBusy(false);
    }
  };

  const yesNo = (yes: string, no: string) => [
    { value: 'Ja', label: yes },
    { value: 'Nee', label: no },
  ];
  return (
    <div className="ovs-parent__narrow">
      <FocusHeading focusKey="answer">{t('parent.answer.title')}</FocusHeading>
      <Paragraph lead>{t('parent.answer.intro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summaryErrors} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-parent__card">
        <RadioGroup
          idPrefix="parent-agree"
          legend={t('parent.answer.agree')}
          name="akkoord"
          value={draft.akkoord}
          onChange={(v) => onDraft({ ...draft, akkoord: v as Answer })}
          options={yesNo(t('parent.answer.agreeYes'), t('parent.answer.agreeNo'))}
          error={errors.akkoord}
        />
        {draft.akkoord === 'Nee' ? (
          <TextArea
            id={IDS.reden}
            label={t('parent.answer.reason')}
            description={t('parent.answer.reasonHint')}
            required
            rows={5}
            maxLength={MAX_REASON_LENGTH}
            value={draft.reden}
            error={errors.reden}
            onChange={(e) => onDraft({ ...draft, reden: e.target.value })}
          />
        ) : null}
        {summary.consentRequired ? (
          <RadioGroup
            idPrefix="parent-consent"
            legend={t('parent.answer.consent')}
            description={t('parent.answer.consentHint')}
            name="toestemming"
            value={draft.toestemming}
            onChange={(v) => onDraft({ ...draft, toestemming: v as Answer })}
            options={yesNo(t('parent.answer.consentYes'), t('parent.answer.consentNo'))}
            error={errors.toestemming}
          />
        ) : null}
        {summary.viewAllowed ? (
          <TextArea
            id={IDS.zienswijze}
            label={t('parent.answer.view')}
            description={t('parent.answer.viewHint')}
            rows={6}
            maxLength={MAX_VIEW_LENGTH}
            value={draft.zienswijze}
            error={errors.zienswijze}
            onChange={(e) => onDraft({ ...draft, zienswijze: e.target.value })}
          />
        ) : null}
        <Paragraph>
          <strong>{t('parent.answer.final')}</strong>
        </Paragraph>
        {problem ? <Alert type="error">{problem}</Alert> : null}
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('parent.answer.submit')}
          </Button>
          <Button kind="secondary" onClick={onBack}>
            {t('parent.answer.back')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
