import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  ErrorSummary,
  Paragraph,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import { useResource } from '../../use-resource';
import { type FieldErrors, summaryOf } from './forms';
import {
  checkNewPassword,
  NEW_PASSWORD_ORDER,
  type NewPasswordField,
  NewPasswordFields,
  PasswordRules,
} from './password-fields';
import { ProblemAlert } from './problem';
import './auth.css';

interface InvitationView {
  email: string;
  name: string;
  schoolName: string;
  role: string;
}

const IDS: Record<NewPasswordField, string> = {
  password: 'invitation-password',
  repeat: 'invitation-repeat',
};

/**
 * /uitnodiging/:token — the link from an invitation mail: who is invited, where and as what; the
 * password rules up front; choosing a password; then on to sign in (where the code app is set up).
 */
export function InvitationPage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const invitation = useResource<InvitationView>(`/api/auth/invitations/${seg(token)}`);
  const [doneEmail, setDoneEmail] = useState<string>();

  if (invitation.loading && !invitation.data) return <Paragraph>{t('state.loading')}</Paragraph>;
  if (doneEmail) {
    return (
      <div className="ovs-auth">
        <FocusHeading focusKey="done">{t('auth.invitation.doneTitle')}</FocusHeading>
        <Alert type="ok">{t('auth.invitation.doneText')}</Alert>
        <ButtonGroup>
          <ButtonLink kind="primary" to="/inloggen" state={{ email: doneEmail }}>
            {t('auth.action.toSignIn')}
          </ButtonLink>
        </ButtonGroup>
      </div>
    );
  }
  if (invitation.error || !invitation.data) return <InvalidLink error={invitation.error} />;
  return <AcceptForm token={token} invitation={invitation.data} onDone={setDoneEmail} />;
}

function InvalidLink({ error }: { error: ApiError | undefined }) {
  const { t, pick } = useT();
  const gone = error?.status === 410 || error?.status === 400 || error?.status === 404;
  return (
    <div className="ovs-auth">
      <FocusHeading>{t('auth.invitation.invalidTitle')}</FocusHeading>
      {gone ? (
        <Paragraph lead>{t('auth.invitation.invalidText')}</Paragraph>
      ) : (
        <Alert type="error">{error ? pick(error.serverMessage) : t('state.error')}</Alert>
      )}
      <ButtonGroup>
        <ButtonLink kind="secondary" to="/inloggen">
          {t('auth.action.toSignIn')}
        </ButtonLink>
      </ButtonGroup>
    </div>
  );
}

function AcceptForm({
  token,
  invitation,
  onDone,
}: {
  token: string;
  invitation: InvitationView;
  onDone(email: string): void;
}) {
  const { t, pick } = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors<NewPasswordField>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [gone, setGone] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, repeat, invitation.email, t);
    setErrors(found);
    setSummary(summaryOf(found, NEW_PASSWORD_ORDER, IDS));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.post<{ email: string }>(`/api/auth/invitations/${seg(token)}/accept`, {
        password,
      });
      onDone(answer.email);
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) {
        setGone(e);
      } else {
        // PASSWORD_TOO_WEAK and the like belong at the password field.
        const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
        setErrors({ password: message });
        setSummary([{ fieldId: IDS.password, message }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const role = t(`role.${invitation.role}` as MessageKey);
  return (
    <div className="ovs-auth">
      <FocusHeading>{t('auth.invitation.title')}</FocusHeading>
      <Paragraph lead>{t('auth.invitation.intro', { name: invitation.name })}</Paragraph>
      <DataList
        items={[
          { key: t('auth.invitation.name'), value: invitation.name },
          { key: t('auth.invitation.school'), value: invitation.schoolName },
          { key: t('auth.invitation.role'), value: role },
        ]}
      />
      {gone ? (
        <ProblemAlert title={t('auth.invitation.invalidTitle')}>
          <Paragraph>{t('auth.invitation.invalidText')}</Paragraph>
        </ProblemAlert>
      ) : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <PasswordRules id="invitation-rules" />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-auth__form">
        <TextField
          id="invitation-username"
          label={t('auth.field.username')}
          type="email"
          name="username"
          autoComplete="username"
          readOnly
          value={invitation.email}
        />
        <NewPasswordFields
          ids={IDS}
          rulesId="invitation-rules"
          password={password}
          repeat={repeat}
          errors={errors}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy} disabled={gone !== undefined}>
            {t('auth.invitation.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
