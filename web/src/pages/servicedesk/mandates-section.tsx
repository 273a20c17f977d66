import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Link,
  Paragraph,
  Section,
  SelectField,
  StatusBadge,
  Table,
} from '../../components';
import { useT } from '../../i18n';
import { formatDate } from './format';
import type { Mandate, SchoolOverview, SupplierSystem } from './types';
import { ConfirmPanel, Notice, useNotice } from './ui';

const SUPPLIER_FIELD = 'grant-supplier';

/**
 * The school's board mandates a supplier system to act for it: who holds the mandate (and since
 * when), revoking it (which deactivates that supplier's delivery points of the school), granting it.
 */
export function MandatesSection({
  data,
  suppliers,
  suppliersError,
  onChanged,
}: {
  data: SchoolOverview;
  suppliers: SupplierSystem[];
  suppliersError?: ApiError;
  onChanged(): Promise<void>;
}) {
  const { t, pick, language } = useT();
  const { notice, show, clear } = useNotice('mandates');
  const [revoking, setRevoking] = useState<Mandate>();
  // With no current mandate the form is the next step; otherwise it opens on request.
  const [granting, setGranting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const opener = useRef<HTMLElement | null>(null);
  const name = (id: string) => suppliers.find((s) => s.id === id)?.name ?? t('sd.supplier.unknownName');
  const current = new Set(data.mandates.filter((m) => m.revokedAt === null).map((m) => m.supplierId));
  const rows = [...data.mandates].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.delete<{ deactivatedDeliveryPoints: string[] }>(
        `/api/tc/suppliers/${seg(revoking.supplierId)}/mandates/${seg(data.school.brin)}`,
      );
      setRevoking(undefined);
      await onChanged();
      show(
        t('sd.mandates.revoked', {
          supplier: name(revoking.supplierId),
          count: answer.deactivatedDeliveryPoints.length,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('sd.mandates.title')}>
      <Paragraph>{t('sd.mandates.intro')}</Paragraph>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {revoking ? (
        <ConfirmPanel
          title={t('sd.mandates.confirmTitle', { supplier: name(revoking.supplierId) })}
          text={t('sd.mandates.confirmText', {
            supplier: name(revoking.supplierId),
            school: data.school.name,
          })}
          confirmLabel={t('sd.mandates.confirmYes')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void revoke()}
          onCancel={() => {
            setRevoking(undefined);
            setError(undefined);
            opener.current?.focus();
          }}
        />
      ) : null}
      {rows.length === 0 ? (
        <Paragraph>{t('sd.mandates.none')}</Paragraph>
      ) : (
        <Table
          caption={t('sd.mandates.caption')}
          rows={rows}
          rowKey={(m) => m.supplierId}
          columns={[
            {
              key: 'supplier',
              header: t('sd.col.supplier'),
              cell: (m) => (
                <Link to={`/servicedesk/leveranciers/${seg(m.supplierId)}`}>{name(m.supplierId)}</Link>
              ),
            },
            {
              key: 'since',
              header: t('sd.col.grantedAt'),
              cell: (m) => formatDate(m.grantedAt, language),
            },
            {
              key: 'state',
              header: t('sd.col.state'),
              cell: (m) =>
                m.revokedAt === null ? (
                  <StatusBadge tone="ok">{t('sd.mandates.current')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">
                    {t('sd.mandates.revokedOn', { date: formatDate(m.revokedAt, language) })}
                  </StatusBadge>
                ),
            },
            {
              key: 'action',
              header: t('sd.col.action'),
              cell: (m) =>
                m.revokedAt === null ? (
                  <Button
                    kind="subtle"
                    aria-label={t('sd.mandates.revokeLabel', { supplier: name(m.supplierId) })}
                    onClick={(e) => {
                      opener.current = e.currentTarget;
                      clear();
                      setError(undefined);
                      setRevoking(m);
                    }}
                  >
                    {t('sd.mandates.revoke')}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {current.size > 0 && !granting ? (
        suppliers.some((s) => !current.has(s.id)) ? (
          <ButtonGroup>
            <Button
              kind="secondary"
              onClick={() => {
                clear();
                setGranting(true);
              }}
            >
              {t('sd.mandates.grantAnother')}
            </Button>
          </ButtonGroup>
        ) : null
      ) : (
        <GrantForm
          brin={data.school.brin}
          suppliers={suppliers.filter((s) => !current.has(s.id))}
          noSuppliers={suppliers.length === 0}
          suppliersError={suppliersError}
          onCancel={current.size > 0 ? () => setGranting(false) : undefined}
          onGranted={async (supplier) => {
            setGranting(false);
            await onChanged();
            show(t('sd.mandates.granted', { supplier: supplier.name, school: data.school.name }));
          }}
        />
      )}
    </Section>
  );
}

function GrantForm({
  brin,
  suppliers,
  noSuppliers,
  suppliersError,
  onGranted,
  onCancel,
}: {
  brin: string;
  suppliers: SupplierSystem[];
  noSuppliers: boolean;
  suppliersError?: ApiError;
  onGranted(supplier: SupplierSystem): Promise<void>;
  onCancel?(): void;
}) {
  const { t, pick } = useT();
  const [supplierId, setSupplierId] = useState('');
  const [error, setError] = useState<string>();
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);

  if (suppliersError) return <Paragraph>{pick(suppliersError.serverMessage)}</Paragraph>;
  if (noSuppliers) {
    return (
      <Paragraph>
        {t('sd.mandates.noSuppliers')} <Link to="/servicedesk/leveranciers">{t('sd.suppliers.admit')}</Link>
      </Paragraph>
    );
  }
  if (suppliers.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const supplier = suppliers.find((s) => s.id === supplierId);
    if (!supplier) {
      const message = t('sd.mandates.error.choose');
      setError(message);
      setSummary([{ fieldId: SUPPLIER_FIELD, message }]);
      return;
    }
    setBusy(true);
    setError(undefined);
    setSummary([]);
    try {
      await api.put(`/api/tc/suppliers/${seg(supplier.id)}/mandates/${seg(brin)}`);
      setSupplierId('');
      await onGranted(supplier);
    } catch (e) {
      const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
      setError(message);
      setSummary([{ fieldId: SUPPLIER_FIELD, message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="ovs-sd-subform">
      <h3 className="utrecht-heading-3">{t('sd.mandates.grantTitle')}</h3>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <SelectField
        id={SUPPLIER_FIELD}
        label={t('sd.mandates.supplier')}
        description={t('sd.mandates.supplierHint')}
        required
        value={supplierId}
        error={error}
        onChange={(e) => setSupplierId(e.target.value)}
        options={[
          { value: '', label: t('sd.mandates.choose') },
          ...suppliers.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {t('sd.mandates.grant')}
        </Button>
        {onCancel ? (
          <Button kind="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
