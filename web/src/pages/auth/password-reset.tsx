import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  ErrorSummary,
  Link,
  Paragraph,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { type FieldErrors, looksLikeEmail, summaryOf } from './forms';
import {
  checkNewPassword,
  NEW_PASSWORD_ORDER,
  type NewPasswordField,
  NewPasswordFields,
  PasswordRules,
} from './password-fields';
import { ProblemAlert } from './problem';
import './auth.css';

/**
 * /wachtwoord-herstellen: asks for a reset link by mail. The answer is the same whether or not the
 * address has an account (the page never says which addresses exist).
 */
export function PasswordResetRequestPage() {
  const { t, pick } = useT();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [problem, setProblem] = useState<ApiError>();
  const [sentTo, setSentTo] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fieldId = 'reset-email';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = !email.trim()
      ? t('auth.error.emailMissing')
      : !looksLikeEmail(email)
        ? t('auth.error.emailInvalid')
        : undefined;
    setError(message);
    setProblem(undefined);
    setSummary(message ? [{ fieldId, message }] : []);
    if (message) return;
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset', { email: email.trim() });
      setSentTo(email.trim());
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setProblem(e);
      else {
        const text = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
        setError(text);
        setSummary([{ fieldId, message: text }]);
      }
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <div className="ovs-auth">
        <FocusHeading focusKey="sent">{t('auth.resetRequest.sentTitle')}</FocusHeading>
        <Alert type="ok">{t('auth.resetRequest.sentText', { email: sentTo })}</Alert>
        <ButtonGroup>
          <ButtonLink kind="primary" to="/inloggen">
            {t('auth.action.toSignIn')}
          </ButtonLink>
          <Button kind="secondary" onClick={() => setSentTo(undefined)}>
            {t('auth.resetRequest.again')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }
  return (
    <div className="ovs-auth">
      <FocusHeading focusKey="form">{t('auth.resetRequest.title')}</FocusHeading>
      <Paragraph lead>{t('auth.resetRequest.intro')}</Paragraph>
      {problem ? (
        <ProblemAlert title={t('auth.signIn.rateLimited')} tone="warning">
          <Paragraph>{pick(problem.serverMessage)}</Paragraph>
        </ProblemAlert>
      ) : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-auth__form">
        <TextField
          id={fieldId}
          label={t('auth.field.email')}
          type="email"
          name="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          error={error}
          onChange={(e) => setEmail(e.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('auth.resetRequest.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <Link to="/inloggen">{t('auth.action.toSignIn')}</Link>
      </Paragraph>
    </div>
  );
}

const IDS: Record<NewPasswordField, string> = { password: 'reset-password', repeat: 'reset-repeat' };

/** /wachtwoord-herstellen/:token — the link from the reset mail: choose a new password. */
export function PasswordResetPage() {
  const { t, pick } = useT();
  const { refresh } = useSession();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors<NewPasswordField>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [gone, setGone] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The page does not know the address; the server checks "not the e-mail address".
    const found = checkNewPassword(password, repeat, undefined, t);
    setErrors(found);
    setSummary(summaryOf(found, NEW_PASSWORD_ORDER, IDS));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.post(`/api/auth/password-reset/${seg(token)}`, { password });
      setDone(true);
      // Every session of the account ended, this browser's too if it was signed in.
      await refresh().catch(() => null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 410 || e.code === 'VALIDATION_FAILED')) {
        // A token of the wrong shape is refused by validation: for the person it is the same dead link.
        setGone(true);
        setSummary([]);
      } else {
        const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
        setErrors({ password: message });
        setSummary([{ fieldId: IDS.password, message }]);
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="ovs-auth">
        <FocusHeading focusKey="done">{t('auth.reset.doneTitle')}</FocusHeading>
        <Alert type="ok">{t('auth.reset.doneText')}</Alert>
        <ButtonGroup>
          <ButtonLink kind="primary" to="/inloggen">
            {t('auth.action.toSignIn')}
          </ButtonLink>
        </ButtonGroup>
      </div>
    );
  }
  return (
    <div className="ovs-auth">
      <FocusHeading focusKey="form">{t('auth.reset.title')}</FocusHeading>
      <Paragraph lead>{t('auth.reset.intro')}</Paragraph>
      {gone ? (
        <ProblemAlert title={t('auth.reset.invalidTitle')}>
          <Paragraph>{t('auth.reset.invalidText')}</Paragraph>
          <Paragraph>
            <Link to="/wachtwoord-herstellen">{t('auth.reset.newLink')}</Link>
          </Paragraph>
        </ProblemAlert>
      ) : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <PasswordRules id="reset-rules" />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-auth__form">
        <NewPasswordFields
          ids={IDS}
          rulesId="reset-rules"
          password={password}
          repeat={repeat}
          errors={errors}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy} disabled={gone}>
            {t('auth.reset.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
