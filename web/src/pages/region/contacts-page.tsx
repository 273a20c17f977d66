import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Section,
  SelectField,
  StatusBadge,
  Table,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { ContactForm } from './contact-form';
import type { RegionContact, RegionOverview, SchoolContactList } from './types';
import { Notice, Reach } from './ui';

/**
 * /regio/:regionId/contacten?school=BRIN — the region's own people (shown on its schools' help
 * pages), its coordinators (invite a colleague), and the people of each member school per role.
 */
export function ContactsPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const base = `/api/region/regions/${seg(regionId)}`;
  const region = useResource<RegionOverview>(base);
  const [notice, setNotice] = useState<{ text: string; key: string }>();
  const done = (text: string) => setNotice({ text, key: `${Date.now()}` });
  return (
    <>
      <Heading level={1}>{t('region.contacts.title')}</Heading>
      <Paragraph lead>{t('region.contacts.intro')}</Paragraph>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {region.error ? <ErrorMessage error={region.error} onRetry={() => void region.reload()} /> : null}
      {region.data ? <SchoolPeople regionId={regionId} region={region.data} onDone={done} /> : null}
      <RegionPeople regionId={regionId} onDone={done} />
      {region.data ? (
        <Coordinators
          regionId={regionId}
          region={region.data}
          onDone={(text) => {
            done(text);
            void region.reload();
          }}
        />
      ) : null}
    </>
  );
}

function SchoolPeople({
  regionId,
  region,
  onDone,
}: {
  regionId: string;
  region: RegionOverview;
  onDone(text: string): void;
}) {
  const { t, pick } = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('school') ?? '';
  const brin = region.members.some((m) => m.brin === asked) ? asked : (region.members[0]?.brin ?? '');
  const [chosen, setChosen] = useState(brin);
  const list = useResource<SchoolContactList>(
    brin ? `/api/region/regions/${seg(regionId)}/schools/${seg(brin)}/contacts` : null,
  );
  const [removeError, setRemoveError] = useState<string>();

  if (region.members.length === 0) {
    return (
      <Section title={t('region.contacts.school.title')}>
        <Paragraph>{t('region.contacts.noMembers')}</Paragraph>
      </Section>
    );
  }
  const remove = async (id: string, name: string) => {
    setRemoveError(undefined);
    try {
      await api.delete(`/api/region/regions/${seg(regionId)}/schools/${seg(brin)}/contacts/${seg(id)}`);
      onDone(t('region.contacts.removed', { name }));
      void list.reload();
    } catch (e) {
      setRemoveError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    }
  };
  const schoolName = list.data?.schoolName ?? region.members.find((m) => m.brin === brin)?.name ?? brin;
  return (
    <Section title={t('region.contacts.school.title')}>
      <Paragraph>{t('region.contacts.school.hint')}</Paragraph>
      <form
        className="ovs-region-year"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ school: chosen });
        }}
      >
        <SelectField
          label={t('region.contacts.school.choose')}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          options={region.members.map((m) => ({ value: m.brin, label: `${m.name} (${m.brin})` }))}
        />
        <Button type="submit" kind="secondary">
          {t('region.contacts.school.show')}
        </Button>
      </form>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.reload()} /> : null}
      {removeError ? <Notice tone="error" title={removeError} /> : null}
      {list.data ? (
        <>
          <Heading level={3}>{schoolName}</Heading>
          <ul className="ovs-region-roles">
            {list.data.roles.map((r) => (
              <li key={r.role} className="ovs-region-role">
                <div className="ovs-region-role__head">
                  <span className="ovs-region-role__name">{t(`role.${r.role}` as MessageKey)}</span>
                  {r.contacts.length > 0 ? null : r.required ? (
                    <StatusBadge tone="warning">{t('region.contacts.school.missing')}</StatusBadge>
                  ) : (
                    <StatusBadge>{t('region.contacts.school.optional')}</StatusBadge>
                  )}
                </div>
                {r.contacts.length > 0 ? (
                  <ul className="ovs-region-people">
                    {r.contacts.map((c) => (
                      <li key={c.id ?? `${c.source}-${c.name}-${c.email}`}>
                        <span className="ovs-region-person">{c.name}</span>{' '}
                        <span className="ovs-muted">
                          (
                          {t(
                            c.source === 'account'
                              ? 'region.contacts.source.account'
                              : 'region.contacts.source.region',
                          )}
                          )
                        </span>
                        <Reach email={c.email} phone={c.phone} />
                        {c.id ? (
                          <Button
                            kind="subtle"
                            className="ovs-region-remove"
                            aria-label={t('region.contacts.removeLabel', { name: c.name })}
                            onClick={() => void remove(c.id as string, c.name)}
                          >
                            {t('region.contacts.remove')}
                          </Button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <Heading level={3}>{t('region.contacts.add.schoolTitle', { school: schoolName })}</Heading>
          <ContactForm
            idPrefix="school-contact"
            kind="school"
            submitLabel={t('region.contacts.add.submit')}
            onSubmit={async (v) => {
              await api.post(`/api/region/regions/${seg(regionId)}/schools/${seg(brin)}/contacts`, {
                role: v.role,
                name: v.name.trim(),
                email: v.email.trim() || null,
                phone: v.phone.trim() || null,
              });
              onDone(t('region.contacts.added', { name: v.name.trim() }));
              void list.reload();
            }}
          />
        </>
      ) : null}
    </Section>
  );
}

function RegionPeople({ regionId, onDone }: { regionId: string; onDone(text: string): void }) {
  const { t, pick } = useT();
  const contacts = useResource<RegionContact[]>(`/api/region/regions/${seg(regionId)}/contacts`);
  const [removeError, setRemoveError] = useState<string>();
  const remove = async (c: RegionContact) => {
    setRemoveError(undefined);
    try {
      await api.delete(`/api/region/regions/${seg(regionId)}/contacts/${seg(c.id)}`);
      onDone(t('region.contacts.removed', { name: c.name }));
      void contacts.reload();
    } catch (e) {
      setRemoveError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    }
  };
  return (
    <Section title={t('region.contacts.region.title')}>
      <Paragraph>{t('region.contacts.region.hint')}</Paragraph>
      {contacts.error ? <ErrorMessage error={contacts.error} onRetry={() => void contacts.reload()} /> : null}
      {removeError ? <Notice tone="error" title={removeError} /> : null}
      {contacts.data && contacts.data.length === 0 ? (
        <Paragraph>{t('region.contacts.region.empty')}</Paragraph>
      ) : null}
      {contacts.data && contacts.data.length > 0 ? (
        <Table
          caption={t('region.contacts.region.caption', { count: contacts.data.length })}
          rows={contacts.data}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', header: t('region.contacts.col.name'), cell: (c) => c.name },
            { key: 'function', header: t('region.contacts.col.function'), cell: (c) => c.function },
            {
              key: 'reach',
              header: t('region.contacts.col.reach'),
              cell: (c) => <Reach email={c.email} phone={c.phone} />,
            },
            {
              key: 'actions',
              header: t('region.contacts.col.actions'),
              cell: (c) => (
                <Button
                  kind="subtle"
                  className="ovs-region-remove"
                  aria-label={t('region.contacts.removeLabel', { name: c.name })}
                  onClick={() => void remove(c)}
                >
                  {t('region.contacts.remove')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      <Heading level={3}>{t('region.contacts.add.regionTitle')}</Heading>
      <ContactForm
        idPrefix="region-contact"
        kind="region"
        submitLabel={t('region.contacts.add.submit')}
        onSubmit={async (v) => {
          await api.post(`/api/region/regions/${seg(regionId)}/contacts`, {
            name: v.name.trim(),
            function: v.function.trim(),
            email: v.email.trim() || null,
            phone: v.phone.trim() || null,
          });
          onDone(t('region.contacts.added', { name: v.name.trim() }));
          void contacts.reload();
        }}
      />
    </Section>
  );
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

function Coordinators({
  regionId,
  region,
  onDone,
}: {
  regionId: string;
  region: RegionOverview;
  onDone(text: string): void;
}) {
  const { t, pick } = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { name?: string; email?: string } = {};
    if (!name.trim()) found.name = t('region.contacts.error.name');
    if (!EMAIL.test(email.trim())) found.email = t('region.contacts.error.email');
    setErrors(found);
    if (found.name || found.email) return;
    setBusy(true);
    try {
      await api.post(`/api/region/regions/${seg(regionId)}/coordinators`, {
        name: name.trim(),
        email: email.trim(),
      });
      onDone(t('region.contacts.invited', { email: email.trim() }));
      setName('');
      setEmail('');
    } catch (e) {
      setErrors({ email: e instanceof ApiError ? pick(e.serverMessage) : t('state.error') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.contacts.coordinators.title')}>
      <ul className="ovs-region-people">
        {region.coordinators.map((c) => (
          <li key={c.accountId}>
            <span className="ovs-region-person">{c.name}</span> <Reach email={c.email} phone={null} />{' '}
            {c.active ? (
              <StatusBadge tone="ok">{t('region.contacts.coordinators.active')}</StatusBadge>
            ) : (
              <StatusBadge tone="info">{t('region.contacts.coordinators.pending')}</StatusBadge>
            )}
          </li>
        ))}
      </ul>
      <Heading level={3}>{t('region.contacts.invite.title')}</Heading>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary
          title={t('form.errorSummary')}
          errors={[
            ...(errors.name ? [{ fieldId: 'coordinator-name', message: errors.name }] : []),
            ...(errors.email ? [{ fieldId: 'coordinator-email', message: errors.email }] : []),
          ]}
        />
        <TextField
          id="coordinator-name"
          label={t('region.contacts.field.name')}
          value={name}
          maxLength={200}
          autoComplete="off"
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="coordinator-email"
          type="email"
          label={t('region.contacts.field.email')}
          description={t('region.contacts.invite.hint')}
          value={email}
          maxLength={254}
          autoComplete="off"
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit" kind="secondary" busy={busy}>
          {t('region.contacts.invite.submit')}
        </Button>
      </form>
    </Section>
  );
}
