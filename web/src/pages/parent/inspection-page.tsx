import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api';
import { Paragraph } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { type AnswerDraft, AnswerStep, EMPTY_DRAFT } from './answer-step';
import { CheckStep } from './check-step';
import { ClosedLink, DoneStep } from './done-step';
import {
  type ClosedReason,
  type InspectionSummary,
  inspectionApi,
  type Responded,
  type ResponseBody,
} from './inspection-api';
import { ReadStep } from './read-step';
import { STEP_LABEL, StepIndicator, type StepName } from './step-indicator';
import './parent.css';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'closed'; reason: ClosedReason }
  | { kind: 'check'; again: boolean; resume: 'read' | 'answer' }
  | { kind: 'read' }
  | { kind: 'answer' }
  | { kind: 'done'; result: Responded; toestemming?: ResponseBody['toestemming'] };

const CLOSED_REASONS: readonly ClosedReason[] = [
  'expired',
  'used',
  'replaced',
  'blocked',
  'withdrawn',
  'unknown',
];
const LANGUAGE_KEY = 'overstap.language';

function closedReasonOf(error: ApiError): ClosedReason {
  if (error.code === 'INSPECTION_LINK_BLOCKED') return 'blocked';
  const reason = error.details.reason as ClosedReason;
  return CLOSED_REASONS.includes(reason) ? reason : 'unknown';
}

/**
 * /inzage/:token — the parents' inspection, without an account, on a phone first: (1) the child's
 * date of birth, (2) the dossier as it will be sent, with a PDF, (3) the answer, (4) what happens
 * next. A link that no longer works says why. The parent's session is an HttpOnly cookie of the
 * link's own API path; the answer carries that session's CSRF token.
 */
export function InspectionPage() {
  const { token = '' } = useParams();
  const { t, language, setLanguage } = useT();
  const link = useMemo(() => inspectionApi(token), [token]);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [summary, setSummary] = useState<InspectionSummary>();
  const [expiresAt, setExpiresAt] = useState<string>();
  const [draft, setDraft] = useState<AnswerDraft>(EMPTY_DRAFT);
  const languageApplied = useRef(false);

  /** A refusal from the server: a closed link, an ended session (check again), or a plain error. */
  const handle = useCallback((error: unknown, resume: 'read' | 'answer' = 'read') => {
    if (error instanceof ApiError && error.status === 410) {
      setPhase({ kind: 'closed', reason: closedReasonOf(error) });
    } else if (error instanceof ApiError && error.code === 'INSPECTION_SESSION_REQUIRED') {
      setPhase({ kind: 'check', again: true, resume });
    } else {
      setPhase({ kind: 'failed', error });
    }
  }, []);

  const loadSummary = useCallback(
    async (next: 'read' | 'answer') => {
      const loaded = await link.summary();
      setSummary(loaded);
      setPhase({ kind: next });
    },
    [link],
  );

  useEffect(() => {
    let current = true;
    (async () => {
      try {
        const opened = await link.open();
        if (!current) return;
        setExpiresAt(opened.expiresAt);
        // The school chose the parents' language; a choice the parent made on this device wins.
        if (!languageApplied.current && localStorage.getItem(LANGUAGE_KEY) === null) {
          languageApplied.current = true;
          setLanguage(opened.language);
        }
        if (opened.checked) await loadSummary('read');
        else setPhase({ kind: 'check', again: false, resume: 'read' });
      } catch (e) {
        if (current) handle(e);
      }
    })();
    return () => {
      current = false;
    };
  }, [link, loadSummary, handle, setLanguage]);

  const step: StepName | undefined =
    phase.kind === 'check'
      ? 'check'
      : phase.kind === 'read' || phase.kind === 'answer' || phase.kind === 'done'
        ? phase.kind
        : undefined;

  useEffect(() => {
    const title =
      phase.kind === 'closed'
        ? t('parent.closed.title')
        : step
          ? `${t('parent.steps.progress', { n: ['check', 'read', 'answer', 'done'].indexOf(step) + 1 })}: ${t(STEP_LABEL[step])}`
          : t('parent.title');
    document.title = t('parent.docTitle', { step: title });
  }, [phase.kind, step, t]);

  const body = (() => {
    switch (phase.kind) {
      case 'loading':
        return <Paragraph>{t('state.loading')}</Paragraph>;
      case 'failed':
        return <ErrorMessage error={phase.error} onRetry={() => window.location.reload()} />;
      case 'closed':
        return <ClosedLink reason={phase.reason} />;
      case 'check':
        return (
          <CheckStep
            expiresAt={expiresAt}
            again={phase.again}
            onClosed={(e) => handle(e)}
            onCheck={async (geboortedatum) => {
              await link.check(geboortedatum);
              try {
                await loadSummary(phase.resume);
              } catch (e) {
                handle(e);
              }
            }}
          />
        );
      case 'read':
        return summary ? (
          <ReadStep
            summary={summary}
            htmlUrl={link.htmlUrl(language)}
            pdfUrl={link.pdfUrl(language)}
            onNext={() => setPhase({ kind: 'answer' })}
          />
        ) : null;
      case 'answer':
        return summary ? (
          <AnswerStep
            summary={summary}
            draft={draft}
            onDraft={setDraft}
            onBack={() => setPhase({ kind: 'read' })}
            onSend={async (answer) => {
              try {
                const result = await link.respond(answer, summary.csrfToken);
                setPhase({ kind: 'done', result, toestemming: answer.toestemming });
              } catch (e) {
                if (e instanceof ApiError && (e.status === 410 || e.code === 'INSPECTION_SESSION_REQUIRED')) {
                  return handle(e, 'answer');
                }
                throw e;
              }
            }}
          />
        ) : null;
      case 'done':
        return <DoneStep result={phase.result} toestemming={phase.toestemming} />;
    }
  })();

  return (
    <div className="ovs-parent">
      {step ? <StepIndicator current={step} /> : null}
      {body}
    </div>
  );
}
