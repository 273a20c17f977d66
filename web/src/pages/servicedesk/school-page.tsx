import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, seg } from '../../api';
import { Button, DataList, Heading, Link, Paragraph, Section, StatusBadge } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { AdmissionSection } from './admission-section';
import { DeliveryPointsSection } from './delivery-points-section';
import { formatDate } from './format';
import { HistorySection } from './history-section';
import { CONNECTION_TONE, connectionLabel } from './labels';
import { MandatesSection } from './mandates-section';
import { AdmissionBadge } from './school-badges';
import { SchoolForm, schoolBody, valuesOf } from './school-form';
import type { ConnectionStatus, SchoolHistory, SchoolOverview, SupplierSystem } from './types';
import { Code, Notice, NoticeProvider, useNotice } from './ui';

/**
 * /servicedesk/scholen/:brin — one school: its connection path as a checklist that says what is
 * missing, its details, mandates, delivery points, admission and history, with the actions that
 * take it along the path.
 */
export function SchoolPage() {
  const { t } = useT();
  const { brin = '' } = useParams();
  const location = useLocation();
  const overview = useResource<SchoolOverview>(`/api/tc/schools/${seg(brin)}`);
  const suppliers = useResource<SupplierSystem[]>('/api/tc/suppliers');
  const history = useResource<SchoolHistory>(`/api/tc/schools/${seg(brin)}/history`);
  const created = (location.state as { notice?: string } | null)?.notice;
  const refresh = async () => {
    await Promise.all([overview.reload(), history.reload()]);
  };

  if (overview.error) {
    return (
      <>
        <BackLink />
        <Heading level={1}>{t('sd.school.titleUnknown', { brin })}</Heading>
        <ErrorMessage error={overview.error} onRetry={() => void overview.reload()} />
      </>
    );
  }
  if (!overview.data) {
    return (
      <>
        <BackLink />
        <Paragraph>{t('state.loading')}</Paragraph>
      </>
    );
  }
  const data = overview.data;
  const supplierName = (id: string) =>
    suppliers.data?.find((s) => s.id === id)?.name ?? t('sd.supplier.unknownName');
  const path = connectionPath(data);
  return (
    <NoticeProvider>
      <BackLink />
      <Heading level={1}>{data.school.name}</Heading>
      <Paragraph lead>
        <Code>{t('sd.school.codes', { brin: data.school.brin, vestiging: data.school.vestiging })}</Code> ·{' '}
        {t(`sector.${data.school.sector}`)}
        {data.school.place ? ` · ${data.school.place}` : ''}
      </Paragraph>
      <p className="ovs-sd-badges">
        <AdmissionBadge admission={data.admission} />
        <StatusBadge tone={CONNECTION_TONE[path.status]}>{t(connectionLabel(path.status))}</StatusBadge>
      </p>
      <CreatedNotice text={created} />
      <ChecklistSection data={data} supplierName={supplierName} />
      <DetailsSection data={data} onChanged={refresh} />
      <MandatesSection
        data={data}
        suppliers={suppliers.data ?? []}
        suppliersError={suppliers.error}
        onChanged={refresh}
      />
      <DeliveryPointsSection data={data} suppliers={suppliers.data ?? []} onChanged={refresh} />
      <AdmissionSection data={data} missing={path.missing} onChanged={refresh} />
      <HistorySection history={history} supplierName={supplierName} />
    </NoticeProvider>
  );
}

/** "Registered" after the new-school page sent us here; gone once another action speaks. */
function CreatedNotice({ text }: { text?: string }) {
  const { notice, show } = useNotice('created');
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival with a text
  useEffect(() => {
    if (text) show(text);
  }, [text]);
  return notice ? <Notice title={notice.text} focusKey={notice.key} /> : null;
}

function BackLink() {
  const { t } = useT();
  return (
    <Paragraph>
      <Link to="/servicedesk/scholen">{t('sd.back.schools')}</Link>
    </Paragraph>
  );
}

type PathStep = 'mandate' | 'deliveryPoint' | 'testExchange' | 'qualification';

/** Where the school stands, by the same rules as the traffic center (connection-path.ts). */
export function connectionPath(data: SchoolOverview) {
  const current = data.mandates.filter((m) => m.revokedAt === null);
  const mandated = new Set(current.map((m) => m.supplierId));
  const usable = data.deliveryPoints.filter((d) => d.active && mandated.has(d.supplierId));
  const done: Record<PathStep, boolean> = {
    mandate: current.length > 0,
    deliveryPoint: usable.length > 0,
    testExchange: data.admission.testExchangeAt !== null,
    qualification: data.admission.admittedToday,
  };
  const missing = (['mandate', 'deliveryPoint', 'testExchange', 'qualification'] as const).filter(
    (s) => !done[s],
  );
  let status: ConnectionStatus = 'admitted';
  if (!done.mandate) status = data.mandates.length > 0 ? 'mandate' : 'supplier';
  else if (!done.deliveryPoint) status = 'deliveryPoint';
  else if (!done.testExchange) status = 'testExchange';
  else if (!done.qualification) status = 'qualification';
  return { current, usable, done, missing, status };
}

function ChecklistSection({
  data,
  supplierName,
}: {
  data: SchoolOverview;
  supplierName(id: string): string;
}) {
  const { t, language } = useT();
  const path = connectionPath(data);
  const { admission } = data;
  const qualificationText = () => {
    if (admission.admittedToday) {
      return admission.qualifiedUntil
        ? t('sd.path.qualification.doneUntil', {
            from: formatDate(admission.qualifiedFrom ?? '', language),
            until: formatDate(admission.qualifiedUntil, language),
          })
        : t('sd.path.qualification.done', { from: formatDate(admission.qualifiedFrom ?? '', language) });
    }
    if (admission.qualified && admission.qualifiedFrom) {
      return admission.qualifiedUntil
        ? t('sd.path.qualification.outside', {
            from: formatDate(admission.qualifiedFrom, language),
            until: formatDate(admission.qualifiedUntil, language),
          })
        : t('sd.path.qualification.later', { from: formatDate(admission.qualifiedFrom, language) });
    }
    return path.missing.length > 1 ? t('sd.path.qualification.waiting') : t('sd.path.qualification.missing');
  };
  const steps: Array<{ key: PathStep; title: MessageKey; text: string }> = [
    {
      key: 'mandate',
      title: 'sd.path.mandate',
      text: path.done.mandate
        ? t('sd.path.mandate.done', {
            suppliers: path.current.map((m) => supplierName(m.supplierId)).join(', '),
            date: formatDate(path.current[0].grantedAt, language),
          })
        : data.mandates.length > 0
          ? t('sd.path.mandate.revoked')
          : t('sd.path.mandate.missing'),
    },
    {
      key: 'deliveryPoint',
      title: 'sd.path.deliveryPoint',
      text: path.done.deliveryPoint
        ? path.usable.length === 1
          ? t('sd.path.deliveryPoint.doneOne', { purpose: t(`sd.purpose.${path.usable[0].purpose}`) })
          : t('sd.path.deliveryPoint.done', { count: path.usable.length })
        : t('sd.path.deliveryPoint.missing'),
    },
    {
      key: 'testExchange',
      title: 'sd.path.testExchange',
      text: admission.testExchangeAt
        ? t('sd.path.testExchange.done', { date: formatDate(admission.testExchangeAt, language) })
        : t('sd.path.testExchange.missing'),
    },
    { key: 'qualification', title: 'sd.path.qualification', text: qualificationText() },
  ];
  return (
    <Section title={t('sd.path.title')}>
      <Paragraph>
        {path.missing.length === 0
          ? t('sd.path.complete')
          : t('sd.path.incomplete', {
              missing: path.missing.map((m) => t(`sd.missing.${m}`)).join(', '),
            })}
      </Paragraph>
      <ol className="ovs-sd-checklist">
        {steps.map((s) => (
          <li key={s.key} className={path.done[s.key] ? 'ovs-sd-checklist__done' : 'ovs-sd-checklist__open'}>
            <span className="ovs-sd-checklist__mark" aria-hidden="true">
              {path.done[s.key] ? '✓' : '!'}
            </span>
            <span className="ovs-sd-checklist__body">
              <span className="ovs-sd-checklist__title">
                {t(s.title)}{' '}
                <StatusBadge tone={path.done[s.key] ? 'ok' : 'warning'}>
                  {path.done[s.key] ? t('sd.path.done') : t('sd.path.open')}
                </StatusBadge>
              </span>
              <span className="ovs-sd-checklist__text">{s.text}</span>
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function DetailsSection({ data, onChanged }: { data: SchoolOverview; onChanged(): Promise<void> }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const { notice, show, clear } = useNotice('details');
  const { school } = data;
  return (
    <Section
      title={t('sd.details.title')}
      actions={
        editing ? null : (
          <Button
            kind="secondary"
            onClick={() => {
              clear();
              setEditing(true);
            }}
          >
            {t('sd.details.edit')}
          </Button>
        )
      }
    >
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {editing ? (
        <SchoolForm
          idPrefix="edit-school"
          fixedBrin
          initial={valuesOf(school)}
          submitLabel={t('action.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await api.patch(`/api/tc/schools/${seg(school.brin)}`, schoolBody(values));
            await onChanged();
            setEditing(false);
            show(t('sd.details.saved'));
          }}
        />
      ) : (
        <DataList
          items={[
            { key: t('sd.school.field.name'), value: school.name },
            {
              key: t('sd.school.field.brinShort'),
              value: t('sd.school.codes', { brin: school.brin, vestiging: school.vestiging }),
            },
            { key: t('sd.school.field.sector'), value: t(`sector.${school.sector}`) },
            { key: t('sd.school.field.board'), value: school.board },
            { key: t('sd.school.field.region'), value: school.region ?? t('sd.none') },
            { key: t('sd.school.field.place'), value: school.place ?? t('sd.none') },
          ]}
        />
      )}
    </Section>
  );
}
