import { useParams } from 'react-router';
import { seg } from '../../api';
import { Heading, Paragraph, Section, StatusBadge } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import type { RoleContacts, SchoolHelp } from './types';
import { Reach } from './ui';
import './region.css';

/**
 * /school/:brin/hulp — whom to ask for what, for everyone who works at the school: the region for
 * organisation (with its own people), the servicedesk for connecting (through the school's
 * technical contact), the supplier for daily use; and the school's own people per role.
 */
export function SchoolHelpPage() {
  const { t, pick } = useT();
  const { brin = '' } = useParams();
  const help = useResource<SchoolHelp>(`/api/region/schools/${seg(brin)}/help`);
  const data = help.data;
  const technical = data?.roles.find((r) => r.role === 'technisch')?.contacts ?? [];
  return (
    <>
      <Heading level={1}>
        {data ? t('region.help.titleAt', { school: data.schoolName }) : t('region.help.title')}
      </Heading>
      <Paragraph lead>{t('region.help.intro')}</Paragraph>
      {help.error ? <ErrorMessage error={help.error} onRetry={() => void help.reload()} /> : null}
      {help.loading && !data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {data ? (
        <>
          <div className="ovs-region-help">
            <Section title={t('region.help.organisation.title')}>
              <Paragraph>{t('region.help.organisation.text')}</Paragraph>
              {data.regions.length === 0 ? <Paragraph>{t('region.help.organisation.none')}</Paragraph> : null}
              {data.regions.map((r) => (
                <div key={r.id} className="ovs-region-help__region">
                  <Heading level={3}>{r.name}</Heading>
                  {r.platform ? (
                    <Paragraph>{t('region.help.platform', { platform: pick(r.platform) })}</Paragraph>
                  ) : null}
                  {r.contacts.length === 0 ? (
                    <Paragraph>{t('region.help.regionNoContacts')}</Paragraph>
                  ) : (
                    <ul className="ovs-region-people">
                      {r.contacts.map((c) => (
                        <li key={c.id}>
                          <span className="ovs-region-person">{c.name}</span>{' '}
                          <span className="ovs-muted">({c.function})</span>
                          <Reach email={c.email} phone={c.phone} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </Section>
            <Section title={t('region.help.connecting.title')}>
              <Paragraph>{t('region.help.connecting.text')}</Paragraph>
              {technical.length === 0 ? (
                <Paragraph>{t('region.help.connecting.none')}</Paragraph>
              ) : (
                <ul className="ovs-region-people">
                  {technical.map((c) => (
                    <li key={c.id ?? `${c.name}-${c.email}`}>
                      <span className="ovs-region-person">{c.name}</span>{' '}
                      <span className="ovs-muted">({t('role.technisch')})</span>
                      <Reach email={c.email} phone={c.phone} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={t('region.help.daily.title')}>
              <Paragraph>{t('region.help.daily.text')}</Paragraph>
              {data.suppliers.length === 0 ? (
                <Paragraph>{t('region.help.daily.none')}</Paragraph>
              ) : (
                <ul className="ovs-region-people">
                  {data.suppliers.map((s) => (
                    <li key={s}>
                      <span className="ovs-region-person">{s}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
          <Section title={t('region.help.people.title')}>
            <PeopleByRole roles={data.roles} />
          </Section>
        </>
      ) : null}
    </>
  );
}

function PeopleByRole({ roles }: { roles: RoleContacts[] }) {
  const { t } = useT();
  return (
    <ul className="ovs-region-roles">
      {roles
        .filter((r) => r.required || r.contacts.length > 0)
        .map((r) => (
          <li key={r.role} className="ovs-region-role">
            <div className="ovs-region-role__head">
              <span className="ovs-region-role__name">{t(`role.${r.role}` as MessageKey)}</span>
              {r.contacts.length === 0 ? (
                <StatusBadge tone="warning">{t('region.contacts.school.missing')}</StatusBadge>
              ) : null}
            </div>
            {r.contacts.length > 0 ? (
              <ul className="ovs-region-people">
                {r.contacts.map((c) => (
                  <li key={c.id ?? `${c.name}-${c.email}`}>
                    <span className="ovs-region-person">{c.name}</span>
                    <Reach email={c.email} phone={c.phone} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
    </ul>
  );
}
