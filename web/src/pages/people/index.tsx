import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Heading,
  Paragraph,
  RadioGroup,
  Section,
  SelectField,
  StatusBadge,
  Table,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { formatDate } from '../auth/dates';
import { type FieldErrors, looksLikeEmail, summaryOf } from '../auth/forms';
import { ProblemAlert } from '../auth/problem';
import './people.css';

const SCHOOL_ROLES = ['administratie', 'leerkracht', 'directie', 'coordinator', 'technisch'] as const;
type SchoolRole = (typeof SCHOOL_ROLES)[number];

interface SchoolPerson {
  accountId: string;
  name: string;
  email: string;
  roles: SchoolRole[];
  invitations: Array<{ invitationId: string; role: SchoolRole; expiresAt: string; expired: boolean }>;
  status: 'active' | 'password_set' | 'invited';
}
interface SchoolPeople {
  brin: string;
  schoolName: string;
  people: SchoolPerson[];
}

interface Pending {
  person: SchoolPerson;
  role: SchoolRole;
  invitation: boolean;
}

/**
 * /school/:brin/mensen — the people of a school with their roles: invite someone to a role, take a
 * role away (or withdraw an invitation). Only for `school:people` at this school.
 */
export function PeoplePage() {
  const { t } = useT();
  const { brin = '' } = useParams();
  const { can, schools } = useSession();
  const allowed = can('school:people', brin);
  const people = useResource<SchoolPeople>(allowed ? `/api/auth/schools/${seg(brin)}/people` : null);
  const [notice, setNotice] = useState<{ text: string; key: string }>();
  const schoolName = people.data?.schoolName ?? schools.find((s) => s.brin === brin)?.schoolName ?? brin;

  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('people.title')}</Heading>
        <ProblemAlert title={t('forbidden.title')}>
          <Paragraph>{t('forbidden.text')}</Paragraph>
          <Paragraph>{t('people.forbidden')}</Paragraph>
        </ProblemAlert>
      </>
    );
  }
  const done = (text: string) => {
    setNotice({ text, key: `${Date.now()}` });
    void people.reload();
  };
  return (
    <>
      <Heading level={1}>{t('people.titleAt', { school: schoolName })}</Heading>
      <Paragraph lead>{t('people.intro')}</Paragraph>
      {notice ? <ProblemAlert tone="ok" title={notice.text} focusKey={notice.key} /> : null}
      {people.error ? <ErrorMessage error={people.error} onRetry={() => void people.reload()} /> : null}
      {people.loading && !people.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {people.data ? (
        <PeopleTable data={people.data} onRemoved={done} onCancel={() => setNotice(undefined)} />
      ) : null}
      <InviteForm brin={brin} onInvited={done} />
      <RoleInfo />
    </>
  );
}

function PeopleTable({
  data,
  onRemoved,
  onCancel,
}: {
  data: SchoolPeople;
  onRemoved(text: string): void;
  onCancel(): void;
}) {
  const { t, pick, language } = useT();
  const { me } = useSession();
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const roleName = (role: string) => t(`role.${role}` as MessageKey);

  const ask = (next: Pending, button: HTMLElement) => {
    opener.current = button;
    setError(undefined);
    onCancel();
    setPending(next);
  };
  const cancel = () => {
    setPending(undefined);
    setError(undefined);
    opener.current?.focus();
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await api.delete(
        `/api/auth/schools/${seg(data.brin)}/people/${seg(pending.person.accountId)}/roles/${seg(pending.role)}`,
      );
      setPending(undefined);
      onRemoved(t('people.removed', { role: roleName(pending.role), name: pending.person.name }));
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const status = (p: SchoolPerson) => {
    if (p.status === 'active') return <StatusBadge tone="ok">{t('people.status.active')}</StatusBadge>;
    if (p.status === 'password_set')
      return <StatusBadge tone="info">{t('people.status.passwordSet')}</StatusBadge>;
    const open = p.invitations.filter((i) => !i.expired);
    if (open.length === 0) return <StatusBadge tone="warning">{t('people.status.expired')}</StatusBadge>;
    const until = open.map((i) => i.expiresAt).sort()[open.length - 1];
    return (
      <>
        <StatusBadge tone="info">{t('people.status.invited')}</StatusBadge>
        <span className="ovs-people__until">
          {t('people.status.invitedUntil', { date: formatDate(until, language) })}
        </span>
      </>
    );
  };

  const count =
    data.people.length === 1 ? t('people.countOne') : t('people.count', { count: data.people.length });
  return (
    <Section
      title={t('people.listTitle')}
      actions={
        <Button kind="secondary" onClick={() => document.getElementById(INVITE_IDS.name)?.focus()}>
          {t('people.invite.title')}
        </Button>
      }
    >
      {pending ? (
        <div className="ovs-confirm">
          <FocusHeading
            level={3}
            id="people-confirm-title"
            focusKey={`${pending.person.accountId}-${pending.role}`}
          >
            {t('people.confirmTitle')}
          </FocusHeading>
          <Paragraph>
            {pending.invitation
              ? t('people.confirmInvitation', { name: pending.person.name, role: roleName(pending.role) })
              : t('people.confirmText', {
                  name: pending.person.name,
                  role: roleName(pending.role),
                  school: data.schoolName,
                })}
          </Paragraph>
          {error ? <ProblemAlert title={pick(error.serverMessage)} /> : null}
          <ButtonGroup>
            <Button kind="danger" busy={busy} onClick={() => void confirm()}>
              {t('people.confirmYes')}
            </Button>
            <Button kind="secondary" onClick={cancel}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {data.people.length === 0 ? (
        <Paragraph>{t('people.empty')}</Paragraph>
      ) : (
        <Table
          caption={count}
          rows={data.people}
          rowKey={(p) => p.accountId}
          columns={[
            {
              key: 'person',
              header: t('people.col.person'),
              cell: (p) => (
                <>
                  <span className="ovs-people__name">
                    {p.name}
                    {p.accountId === me?.account.id ? ` (${t('people.you')})` : ''}
                  </span>
                  <span className="ovs-people__email">{p.email}</span>
                </>
              ),
            },
            {
              key: 'roles',
              header: t('people.col.roles'),
              cell: (p) => (
                <ul className="ovs-people__roles">
                  {p.roles.map((role) => (
                    <li key={role}>
                      <span>{roleName(role)}</span>
                      {p.accountId === me?.account.id ? null : (
                        <Button
                          kind="subtle"
                          className="ovs-people__remove"
                          aria-label={t('people.removeLabel', { role: roleName(role), name: p.name })}
                          onClick={(e) => ask({ person: p, role, invitation: false }, e.currentTarget)}
                        >
                          {t('people.remove')}
                        </Button>
                      )}
                    </li>
                  ))}
                  {p.invitations.map((i) => (
                    <li key={i.invitationId}>
                      <span>{t('people.invitedRole', { role: roleName(i.role) })}</span>
                      <Button
                        kind="subtle"
                        className="ovs-people__remove"
                        aria-label={t('people.withdrawLabel', { role: roleName(i.role), name: p.name })}
                        onClick={(e) => ask({ person: p, role: i.role, invitation: true }, e.currentTarget)}
                      >
                        {t('people.remove')}
                      </Button>
                    </li>
                  ))}
                </ul>
              ),
            },
            { key: 'status', header: t('people.col.status'), cell: status },
          ]}
        />
      )}
    </Section>
  );
}

type InviteField = 'name' | 'email' | 'role';
const INVITE_ORDER: readonly InviteField[] = ['name', 'email', 'role'];
const INVITE_IDS: Record<InviteField, string> = {
  name: 'invite-name',
  email: 'invite-email',
  role: 'invite-role',
};

function InviteForm({ brin, onInvited }: { brin: string; onInvited(text: string): void }) {
  const { t, pick, language } = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [mailLanguage, setMailLanguage] = useState<string>(language);
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<InviteField> = {};
    if (!name.trim()) found.name = t('people.error.nameMissing');
    if (!email.trim()) found.email = t('people.error.emailMissing');
    else if (!looksLikeEmail(email)) found.email = t('people.error.emailInvalid');
    if (!role) found.role = t('people.error.roleMissing');
    setErrors(found);
    setSummary(summaryOf(found, INVITE_ORDER, INVITE_IDS));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.post<{ email: string; expiresAt: string }>('/api/auth/invitations', {
        name: name.trim(),
        email: email.trim(),
        brin,
        role,
        language: mailLanguage,
      });
      setName('');
      setEmail('');
      setRole('');
      onInvited(
        t('people.invite.sent', { email: answer.email, date: formatDate(answer.expiresAt, language) }),
      );
    } catch (e) {
      const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
      const problems =
        e instanceof ApiError ? (e.details.problems as Array<{ path?: unknown }> | undefined) : [];
      const field = INVITE_ORDER.find((f) => problems?.some((p) => p.path === `/${f}`));
      if (field) setErrors({ [field]: message });
      setSummary([{ fieldId: field ? INVITE_IDS[field] : undefined, message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('people.invite.title')}>
      <Paragraph>{t('people.invite.intro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-people-form">
        <TextField
          id={INVITE_IDS.name}
          label={t('people.field.name')}
          description={t('people.field.nameHint')}
          name="name"
          autoComplete="off"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id={INVITE_IDS.email}
          label={t('people.field.email')}
          description={t('people.field.emailHint')}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SelectField
          id={INVITE_IDS.role}
          label={t('people.field.role')}
          description={t('people.field.roleHint')}
          required
          value={role}
          error={errors.role}
          onChange={(e) => setRole(e.target.value)}
          options={[
            { value: '', label: t('people.field.roleChoose') },
            ...SCHOOL_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })),
          ]}
        />
        <RadioGroup
          legend={t('people.field.language')}
          name="mail-language"
          value={mailLanguage}
          onChange={setMailLanguage}
          options={[
            { value: 'nl', label: t('people.language.nl') },
            { value: 'en', label: t('people.language.en') },
          ]}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('people.invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function RoleInfo() {
  const { t } = useT();
  return (
    <Section title={t('people.roles.title')}>
      <DataList
        items={SCHOOL_ROLES.map((r) => ({
          key: t(`role.${r}` as MessageKey),
          value: t(`people.roleInfo.${r}` as MessageKey),
        }))}
      />
    </Section>
  );
}
