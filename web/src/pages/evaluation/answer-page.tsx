import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import { Button, ErrorSummary, Heading, Paragraph, RadioGroup, TextArea } from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import './answer.css';

interface Message {
  nl: string;
  en: string;
}
interface Question {
  id: string;
  kind: 'likert' | 'yesno' | 'open';
  text: Message;
}
interface Questionnaire {
  regionName: string;
  schoolYear: string;
  role: string;
  roleName: Message;
  scale: Message[];
  yesNo: { yes: Message; no: Message };
  maxOpenLength: number;
  questions: Question[];
}
type Value = number | boolean | string;

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'invalid'; message: Message }
  | { kind: 'notOpen'; state: 'concept' | 'gesloten' }
  | { kind: 'form'; questionnaire: Questionnaire }
  | { kind: 'done' };

/** An id for a question's field (question ids hold dots). */
const fieldId = (questionId: string) => `vraag-${questionId.replace(/[^a-zA-Z0-9]/g, '-')}`;

/**
 * /evaluatie/:token — the questionnaire behind a role's link, without an account, on a phone first:
 * every statement a fieldset with its legend and five answers, yes/no questions the same way, open
 * questions with a limit on length. All questions are optional; what is sent is one submission,
 * kept with the role and the day only. A link that does not work, or an evaluation that is not open,
 * says so.
 */
export function AnswerPage() {
  const { token = '' } = useParams();
  const { t, pick } = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const path = `/api/evaluatie/${seg(token)}`;

  /** A refusal from the server: no such link, not open, or a plain error. */
  const handle = (error: unknown): Phase => {
    if (error instanceof ApiError && error.code === 'EVALUATION_LINK_INVALID') {
      return { kind: 'invalid', message: error.serverMessage };
    }
    if (error instanceof ApiError && error.code === 'EVALUATION_NOT_OPEN') {
      return { kind: 'notOpen', state: error.details.state === 'concept' ? 'concept' : 'gesloten' };
    }
    return { kind: 'failed', error };
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: handle only maps an error
  useEffect(() => {
    let current = true;
    api
      .get<Questionnaire>(path)
      .then((questionnaire) => current && setPhase({ kind: 'form', questionnaire }))
      .catch((e) => current && setPhase(handle(e)));
    return () => {
      current = false;
    };
  }, [path]);

  useEffect(() => {
    const title =
      phase.kind === 'form'
        ? t('evaluation.answer.heading', { schoolYear: phase.questionnaire.schoolYear })
        : phase.kind === 'done'
          ? t('evaluation.answer.done.title')
          : phase.kind === 'invalid'
            ? t('evaluation.answer.invalid.title')
            : phase.kind === 'notOpen'
              ? t(`evaluation.answer.${phase.state === 'concept' ? 'concept' : 'closed'}.title` as MessageKey)
              : t('evaluation.answer.loading');
    document.title = t('evaluation.answer.docTitle', { title });
  }, [phase, t]);

  if (phase.kind === 'loading') return <Paragraph>{t('evaluation.answer.loading')}</Paragraph>;
  if (phase.kind === 'failed') return <ErrorMessage error={phase.error} />;
  if (phase.kind === 'invalid') {
    return (
      <div className="ovs-answer">
        <Heading level={1}>{t('evaluation.answer.invalid.title')}</Heading>
        <Paragraph>{pick(phase.message)}</Paragraph>
      </div>
    );
  }
  if (phase.kind === 'notOpen') {
    const which = phase.state === 'concept' ? 'concept' : 'closed';
    return (
      <div className="ovs-answer">
        <Heading level={1}>{t(`evaluation.answer.${which}.title` as MessageKey)}</Heading>
        <Paragraph>{t(`evaluation.answer.${which}.text` as MessageKey)}</Paragraph>
      </div>
    );
  }
  if (phase.kind === 'done') {
    return (
      <div className="ovs-answer" role="status">
        <FocusHeading>{t('evaluation.answer.done.title')}</FocusHeading>
        <Paragraph>{t('evaluation.answer.done.text')}</Paragraph>
      </div>
    );
  }
  return (
    <AnswerForm
      questionnaire={phase.questionnaire}
      path={path}
      onDone={() => setPhase({ kind: 'done' })}
      onRefused={(e) => setPhase(handle(e))}
    />
  );
}

function AnswerForm({
  questionnaire: q,
  path,
  onDone,
  onRefused,
}: {
  questionnaire: Questionnaire;
  path: string;
  onDone(): void;
  onRefused(error: unknown): void;
}) {
  const { t, pick } = useT();
  const [values, setValues] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const parents = q.role === 'ouders';
  const set = (id: string, value: Value) => setValues({ ...values, [id]: value });
  const statements = q.questions.filter((x) => x.kind === 'likert');
  const yesNo = q.questions.filter((x) => x.kind === 'yesno');
  const open = q.questions.filter((x) => x.kind === 'open');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = Object.fromEntries(
      Object.entries(values).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
    );
    if (Object.keys(answers).length === 0) {
      setErrors({});
      setSummary([{ fieldId: `${fieldId(q.questions[0].id)}-1`, message: t('evaluation.answer.empty') }]);
      return;
    }
    setBusy(true);
    try {
      await api.post(path, { answers });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EVALUATION_ANSWERS_INVALID') {
        const problems = (e.details.problems ?? []) as Array<{ questionId: string | null; message: Message }>;
        const found: Record<string, string> = {};
        for (const p of problems) if (p.questionId) found[p.questionId] ??= pick(p.message);
        setErrors(found);
        setSummary(
          problems.map((p) => ({
            ...(p.questionId ? { fieldId: firstInputOf(q, p.questionId) } : {}),
            message: pick(p.message),
          })),
        );
      } else if (e instanceof ApiError && (e.status === 404 || e.status === 409)) {
        onRefused(e);
      } else {
        setSummary([
          { message: e instanceof ApiError ? pick(e.serverMessage) : t('evaluation.answer.failed') },
        ]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ovs-answer">
      <Heading level={1}>{t('evaluation.answer.heading', { schoolYear: q.schoolYear })}</Heading>
      <Paragraph lead>
        {t('evaluation.answer.from', { region: q.regionName, role: pick(q.roleName).toLowerCase() })}
      </Paragraph>
      <Paragraph>
        {t(parents ? 'evaluation.answer.intro.ouders' : 'evaluation.answer.intro.staff', {
          schoolYear: q.schoolYear,
        })}
      </Paragraph>
      <Paragraph>
        {t(parents ? 'evaluation.answer.privacy.ouders' : 'evaluation.answer.privacy.staff')}
      </Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary title={t('evaluation.answer.errorTitle')} errors={summary} />
        {statements.length > 0 ? (
          <section className="ovs-answer-part" aria-labelledby="deel-stellingen">
            <Heading level={2} id="deel-stellingen">
              {t('evaluation.answer.statements')}
            </Heading>
            {statements.map((x) => (
              <div key={x.id} className="ovs-answer-likert">
                <RadioGroup
                  legend={pick(x.text)}
                  name={x.id}
                  idPrefix={fieldId(x.id)}
                  value={values[x.id] === undefined ? undefined : String(values[x.id])}
                  onChange={(v) => set(x.id, Number(v))}
                  error={errors[x.id]}
                  options={q.scale.map((word, i) => ({ value: String(i + 1), label: pick(word) }))}
                />
              </div>
            ))}
          </section>
        ) : null}
        {yesNo.length > 0 ? (
          <section className="ovs-answer-part" aria-labelledby="deel-ja-nee">
            <Heading level={2} id="deel-ja-nee">
              {t('evaluation.answer.questionsYesNo')}
            </Heading>
            {yesNo.map((x) => (
              <div key={x.id} className="ovs-answer-likert">
                <RadioGroup
                  legend={pick(x.text)}
                  name={x.id}
                  idPrefix={fieldId(x.id)}
                  value={values[x.id] === undefined ? undefined : values[x.id] ? 'ja' : 'nee'}
                  onChange={(v) => set(x.id, v === 'ja')}
                  error={errors[x.id]}
                  options={[
                    { value: 'ja', label: pick(q.yesNo.yes) },
                    { value: 'nee', label: pick(q.yesNo.no) },
                  ]}
                />
              </div>
            ))}
          </section>
        ) : null}
        {open.length > 0 ? (
          <section className="ovs-answer-part" aria-labelledby="deel-open">
            <Heading level={2} id="deel-open">
              {t('evaluation.answer.openTitle')}
            </Heading>
            {open.map((x) => {
              const text = typeof values[x.id] === 'string' ? (values[x.id] as string) : '';
              return (
                <TextArea
                  key={x.id}
                  id={fieldId(x.id)}
                  label={pick(x.text)}
                  description={`${t(
                    parents ? 'evaluation.answer.openHint.ouders' : 'evaluation.answer.openHint',
                    {
                      max: q.maxOpenLength,
                    },
                  )} ${t('evaluation.answer.left', { count: q.maxOpenLength - text.length })}`}
                  error={errors[x.id]}
                  value={text}
                  maxLength={q.maxOpenLength}
                  rows={4}
                  onChange={(e) => set(x.id, e.target.value)}
                />
              );
            })}
          </section>
        ) : null}
        <Button type="submit" busy={busy} className="ovs-answer-submit">
          {t('evaluation.answer.submit')}
        </Button>
      </form>
    </div>
  );
}

/** Where the error summary points for a question: its first answer, or its text box. */
function firstInputOf(q: Questionnaire, questionId: string): string | undefined {
  const question = q.questions.find((x) => x.id === questionId);
  if (!question) return undefined;
  if (question.kind === 'likert') return `${fieldId(questionId)}-1`;
  if (question.kind === 'yesno') return `${fieldId(questionId)}-ja`;
  return fieldId(questionId);
}
