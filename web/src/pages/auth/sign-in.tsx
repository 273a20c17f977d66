import { type FormEvent, Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Link,
  Paragraph,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { formatTime } from './dates';
import { type FieldErrors, looksLikeEmail, safeReturnPath, summaryOf } from './forms';
import { ProblemAlert } from './problem';
import './auth.css';

type Step = 'password' | 'totp' | 'enrol';
type HalfState = 'totp_required' | 'totp_enrolment_required';
const stepOf = (state: HalfState): Step => (state === 'totp_required' ? 'totp' : 'enrol');

const IDS = { email: 'signin-email', password: 'signin-password', code: 'signin-code' } as const;

/**
 * /inloggen: e-mail and password, then the code from the authenticator app — or, the first time,
 * setting up that app with a QR code. Afterwards the person goes to `?terug=` (a path on this
 * site) or home. A reload during step two continues at that step.
 */
export function SignInPage() {
  const { t } = useT();
  const { me, loading, refresh } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const back = safeReturnPath(params.get('terug'));
  const arrived = location.state as { email?: string; signedOut?: boolean } | null;
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState(arrived?.email ?? '');
  const [problem, setProblem] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();

  // Once, when the session is known: a signed-in person goes on (unless they just signed out and
  // the session is still being ended), a half-signed-in one continues at the second step.
  const resumed = useRef(false);
  useEffect(() => {
    if (loading || resumed.current) return;
    resumed.current = true;
    if (me?.state === 'signed_in' && !arrived?.signedOut) navigate(back, { replace: true });
    else if (me && me.state !== 'signed_in') setStep(stepOf(me.state));
  }, [loading, me, back, navigate, arrived]);

  /** After the second step: on to the return path (or to the step the server says is next). */
  const finish = useCallback(async () => {
    const next = await refresh();
    if (next?.state === 'signed_in') navigate(back, { replace: true });
    else if (next) setStep(stepOf(next.state));
    else setStep('password');
  }, [refresh, navigate, back]);

  /** Back to the first step (the half-signed-in session, if any, is ended). */
  const restart = useCallback(
    async (why?: { notice?: string; problem?: ApiError }) => {
      await api.post('/api/auth/logout').catch(() => undefined);
      setCsrfToken(undefined);
      await refresh().catch(() => null);
      setNotice(why?.notice);
      setProblem(why?.problem);
      setStep('password');
    },
    [refresh],
  );

  if (loading) return <Paragraph>{t('state.loading')}</Paragraph>;
  return (
    <div className="ovs-auth">
      {step === 'password' ? (
        <PasswordStep
          email={email}
          onEmail={setEmail}
          problem={problem}
          onProblem={setProblem}
          notice={notice ?? (arrived?.signedOut ? t('auth.signIn.signedOut') : undefined)}
          onNext={(state) => {
            setNotice(undefined);
            setStep(stepOf(state));
          }}
        />
      ) : (
        <SecondStep
          key={step}
          kind={step}
          email={email || me?.account.email || ''}
          onDone={finish}
          onRestart={restart}
        />
      )}
    </div>
  );
}

function PasswordStep({
  email,
  onEmail,
  problem,
  onProblem,
  notice,
  onNext,
}: {
  email: string;
  onEmail(value: string): void;
  problem: ApiError | undefined;
  onProblem(problem: ApiError | undefined): void;
  notice: string | undefined;
  onNext(state: HalfState): void;
}) {
  const { t, pick, language } = useT();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<'email' | 'password'> = {};
    if (!email.trim()) found.email = t('auth.error.emailMissing');
    else if (!looksLikeEmail(email)) found.email = t('auth.error.emailInvalid');
    if (!password) found.password = t('auth.error.passwordMissing');
    setErrors(found);
    onProblem(undefined);
    if (found.email || found.password) {
      setSummary(summaryOf(found, ['email', 'password'], IDS));
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post<{ state: HalfState; csrfToken: string }>('/api/auth/login', {
        email: email.trim(),
        password,
      });
      setCsrfToken(answer.csrfToken);
      onNext(answer.state);
    } catch (e) {
      setPassword('');
      if (e instanceof ApiError && (e.status === 423 || e.status === 429)) {
        setSummary([]);
        onProblem(e);
      } else {
        // Wrong e-mail or wrong password: one answer for both, so no one learns which addresses exist.
        const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
        setSummary([{ fieldId: IDS.email, message }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const lockedUntil = problem?.details.lockedUntil;
  const retryAfter = Number(problem?.details.retryAfterSeconds);
  return (
    <>
      <FocusHeading focusKey="password">{t('auth.signIn.title')}</FocusHeading>
      <Paragraph lead>{t('auth.signIn.intro')}</Paragraph>
      {notice && !problem && summary.length === 0 ? <Alert type="info">{notice}</Alert> : null}
      {problem?.status === 423 ? (
        <ProblemAlert title={t('auth.signIn.locked')}>
          <Paragraph>{pick(problem.serverMessage)}</Paragraph>
          {typeof lockedUntil === 'string' ? (
            <Paragraph>{t('auth.signIn.lockedUntil', { time: formatTime(lockedUntil, language) })}</Paragraph>
          ) : null}
          <Paragraph>
            {t('auth.signIn.lockedHelp')} <Link to="/wachtwoord-herstellen">{t('auth.signIn.forgot')}</Link>
          </Paragraph>
        </ProblemAlert>
      ) : null}
      {problem?.status === 429 ? (
        <ProblemAlert title={t('auth.signIn.rateLimited')} tone="warning">
          <Paragraph>{pick(problem.serverMessage)}</Paragraph>
          {retryAfter > 0 ? (
            <Paragraph>
              {t('auth.signIn.rateLimitedWait', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) })}
            </Paragraph>
          ) : null}
        </ProblemAlert>
      ) : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-auth__form">
        <TextField
          id={IDS.email}
          label={t('auth.field.email')}
          type="email"
          name="username"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          error={errors.email}
          onChange={(e) => onEmail(e.target.value)}
        />
        <TextField
          id={IDS.password}
          label={t('auth.field.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('auth.signIn.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <Link to="/wachtwoord-herstellen">{t('auth.signIn.forgot')}</Link>
      </Paragraph>
      <Paragraph>{t('auth.signIn.noAccount')}</Paragraph>
    </>
  );
}

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** The SVG of the server as an image (never as markup in the page): a data: URI in base64. */
function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The base32 secret in blocks of four, for typing it over. */
export const groupSecret = (secret: string) => (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');

function SecondStep({
  kind,
  email,
  onDone,
  onRestart,
}: {
  kind: 'totp' | 'enrol';
  email: string;
  onDone(): Promise<void>;
  onRestart(why?: { notice?: string; problem?: ApiError }): Promise<void>;
}) {
  const { t, pick } = useT();
  const enrolment = useResource<Enrolment>(kind === 'enrol' ? '/api/auth/totp/enrolment' : null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const e = enrolment.error;
    if (!e) return;
    if (e.status === 401) void onRestart({ notice: t('auth.signIn.expired') });
  }, [enrolment.error, onRestart, t]);

  const fail = (message: string) => {
    setError(message);
    setSummary([{ fieldId: IDS.code, message }]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!value) return fail(t('auth.error.codeMissing'));
    if (!/^[0-9]{6}$/.test(value)) return fail(t('auth.error.codeShape'));
    setError(undefined);
    setSummary([]);
    setBusy(true);
    try {
      await api.post(kind === 'enrol' ? '/api/auth/totp/enrolment' : '/api/auth/totp', { code: value });
      await onDone();
    } catch (e) {
      setCode('');
      if (!(e instanceof ApiError)) return fail(t('state.error'));
      if (e.status === 423) return void (await onRestart({ problem: e }));
      if (e.code === 'TOTP_INVALID' && e.details.sessionDropped === true) {
        return void (await onRestart({ notice: t('auth.signIn.sessionDropped') }));
      }
      if (e.code === 'UNAUTHENTICATED') return void (await onRestart({ notice: t('auth.signIn.expired') }));
      if (e.status === 409) return void (await onDone());
      fail(pick(e.serverMessage));
    } finally {
      setBusy(false);
    }
  };

  const codeForm = (
    <form noValidate onSubmit={(e) => void submit(e)} className="ovs-auth__form">
      <TextField
        id={IDS.code}
        label={t('auth.field.code')}
        description={t('auth.field.codeHint')}
        name="one-time-code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        spellCheck={false}
        className="ovs-code-input"
        required
        value={code}
        error={error}
        onChange={(e) => setCode(e.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {kind === 'enrol' ? t('auth.enrol.submit') : t('auth.totp.submit')}
        </Button>
        <Button kind="secondary" onClick={() => void onRestart()}>
          {t('auth.action.restart')}
        </Button>
      </ButtonGroup>
    </form>
  );

  if (kind === 'totp') {
    return (
      <>
        <FocusHeading focusKey="totp">{t('auth.totp.title')}</FocusHeading>
        <Paragraph lead>{t('auth.totp.intro')}</Paragraph>
        <ErrorSummary title={t('form.errorSummary')} errors={summary} />
        {codeForm}
        <Paragraph>{t('auth.totp.lost')}</Paragraph>
      </>
    );
  }

  const data = enrolment.data;
  const copy = async () => {
    if (!data) return;
    try {
      await navigator.clipboard.writeText(data.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <FocusHeading focusKey="enrol">{t('auth.enrol.title')}</FocusHeading>
      <Paragraph lead>{t('auth.enrol.intro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      {enrolment.error && enrolment.error.status !== 401 ? (
        <Alert type="error">{pick(enrolment.error.serverMessage)}</Alert>
      ) : null}
      {!data && !enrolment.error ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data ? (
        <ol className="ovs-steps">
          <li className="ovs-steps__item">
            <Paragraph>{t('auth.enrol.step1')}</Paragraph>
          </li>
          <li className="ovs-steps__item">
            <Paragraph>{t('auth.enrol.step2')}</Paragraph>
            <img className="ovs-qr" src={svgDataUri(data.qrSvg)} alt={t('auth.enrol.qrAlt', { email })} />
            <Paragraph>{t('auth.enrol.manual')}</Paragraph>
            <DataList
              items={[
                {
                  key: t('auth.enrol.secret'),
                  value: (
                    <code className="ovs-secret" id="totp-secret">
                      {groupSecret(data.secret)
                        .split(' ')
                        .map((block, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed secret
                          <Fragment key={index}>
                            {index > 0 ? ' ' : ''}
                            <span className="ovs-secret__block">{block}</span>
                          </Fragment>
                        ))}
                    </code>
                  ),
                },
                { key: t('auth.enrol.account'), value: email },
                { key: t('auth.enrol.kind'), value: t('auth.enrol.kindValue') },
              ]}
            />
            <ButtonGroup>
              <Button kind="secondary" onClick={() => void copy()}>
                {t('auth.enrol.copy')}
              </Button>
            </ButtonGroup>
            <p className="utrecht-paragraph ovs-muted" aria-live="polite">
              {copied ? t('auth.enrol.copied') : ''}
            </p>
          </li>
          <li className="ovs-steps__item">
            <Paragraph>{t('auth.enrol.step3')}</Paragraph>
            {codeForm}
          </li>
        </ol>
      ) : null}
    </>
  );
}
