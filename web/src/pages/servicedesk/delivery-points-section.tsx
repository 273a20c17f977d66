import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Paragraph,
  Section,
  SelectField,
  StatusBadge,
  Table,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import {
  type FieldErrors,
  fieldOf,
  PUBLIC_KEY_PATTERN,
  ROUTING_KEY_PATTERN,
  summaryOf,
  URL_PATTERN,
} from './forms';
import { type DeliveryPoint, PURPOSES, type SchoolOverview, type SupplierSystem } from './types';
import { Code, ConfirmPanel, Notice, useNotice } from './ui';

/**
 * The school's delivery points (aanleverpunten): routing key, purpose, address, supplier and
 * whether active; deactivating one (with a confirmation), registering one for a mandated supplier.
 */
export function DeliveryPointsSection({
  data,
  suppliers,
  onChanged,
}: {
  data: SchoolOverview;
  suppliers: SupplierSystem[];
  onChanged(): Promise<void>;
}) {
  const { t, pick } = useT();
  const { notice, show, clear } = useNotice('points');
  const [deactivating, setDeactivating] = useState<DeliveryPoint>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const opener = useRef<HTMLElement | null>(null);
  const name = (id: string) => suppliers.find((s) => s.id === id)?.name ?? t('sd.supplier.unknownName');
  const mandated = data.mandates.filter((m) => m.revokedAt === null).map((m) => m.supplierId);
  const anyActive = data.deliveryPoints.some((d) => d.active && mandated.includes(d.supplierId));
  // With no usable point the form is the next step; otherwise it opens on request.
  const [registering, setRegistering] = useState(false);

  const deactivate = async () => {
    if (!deactivating) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/tc/delivery-points/${seg(deactivating.routingKey)}/deactivate`);
      setDeactivating(undefined);
      await onChanged();
      show(t('sd.points.deactivated', { key: deactivating.routingKey }));
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('sd.points.title')}>
      <Paragraph>{t('sd.points.intro')}</Paragraph>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {deactivating ? (
        <ConfirmPanel
          title={t('sd.points.confirmTitle')}
          text={t('sd.points.confirmText', {
            key: deactivating.routingKey,
            purpose: t(`sd.purpose.${deactivating.purpose}`),
          })}
          confirmLabel={t('sd.points.confirmYes')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void deactivate()}
          onCancel={() => {
            setDeactivating(undefined);
            setError(undefined);
            opener.current?.focus();
          }}
        />
      ) : null}
      {data.deliveryPoints.length === 0 ? (
        <Paragraph>{t('sd.points.none')}</Paragraph>
      ) : (
        <Table
          caption={t('sd.points.caption')}
          rows={data.deliveryPoints}
          rowKey={(d) => d.routingKey}
          columns={[
            {
              key: 'purpose',
              header: t('sd.col.purpose'),
              cell: (d) => t(`sd.purpose.${d.purpose}`),
            },
            { key: 'key', header: t('sd.col.routingKey'), cell: (d) => <Code>{d.routingKey}</Code> },
            { key: 'url', header: t('sd.col.url'), cell: (d) => <span className="ovs-sd-url">{d.url}</span> },
            { key: 'supplier', header: t('sd.col.supplier'), cell: (d) => name(d.supplierId) },
            {
              key: 'state',
              header: t('sd.col.state'),
              cell: (d) =>
                d.active ? (
                  <StatusBadge tone="ok">{t('sd.points.active')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">{t('sd.points.inactive')}</StatusBadge>
                ),
            },
            {
              key: 'action',
              header: t('sd.col.action'),
              cell: (d) =>
                d.active ? (
                  <Button
                    kind="subtle"
                    aria-label={t('sd.points.deactivateLabel', { key: d.routingKey })}
                    onClick={(e) => {
                      opener.current = e.currentTarget;
                      clear();
                      setError(undefined);
                      setDeactivating(d);
                    }}
                  >
                    {t('sd.points.deactivate')}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {mandated.length === 0 ? (
        <Paragraph>{t('sd.points.needMandate')}</Paragraph>
      ) : registering || !anyActive ? (
        <RegisterPointForm
          brin={data.school.brin}
          suppliers={mandated.map((id) => ({ id, name: name(id) }))}
          onCancel={anyActive ? () => setRegistering(false) : undefined}
          onRegistered={async (point) => {
            setRegistering(false);
            await onChanged();
            show(t('sd.points.registered', { key: point.routingKey }));
          }}
        />
      ) : (
        <ButtonGroup>
          <Button
            kind="secondary"
            onClick={() => {
              clear();
              setRegistering(true);
            }}
          >
            {t('sd.points.registerAnother')}
          </Button>
        </ButtonGroup>
      )}
    </Section>
  );
}

type PointField = 'supplierId' | 'purpose' | 'routingKey' | 'url' | 'publicKey';
const ORDER: readonly PointField[] = ['supplierId', 'purpose', 'routingKey', 'url', 'publicKey'];
const IDS: Record<PointField, string> = {
  supplierId: 'point-supplier',
  purpose: 'point-purpose',
  routingKey: 'point-routing-key',
  url: 'point-url',
  publicKey: 'point-public-key',
};

function RegisterPointForm({
  brin,
  suppliers,
  onRegistered,
  onCancel,
}: {
  brin: string;
  suppliers: Array<{ id: string; name: string }>;
  onRegistered(point: DeliveryPoint): Promise<void>;
  onCancel?(): void;
}) {
  const { t, pick } = useT();
  const empty = { supplierId: '', purpose: 'OV', routingKey: '', url: '', publicKey: '' };
  const [state, setValues] = useState<Record<PointField, string>>(empty);
  // With one mandated supplier there is nothing to choose.
  const values = { ...state, supplierId: suppliers.length === 1 ? suppliers[0].id : state.supplierId };
  const [errors, setErrors] = useState<FieldErrors<PointField>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: PointField) => (e: { target: { value: string } }) =>
    setValues({ ...values, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = {
      ...values,
      routingKey: values.routingKey.trim(),
      url: values.url.trim(),
      publicKey: values.publicKey.trim(),
    };
    const found: FieldErrors<PointField> = {};
    if (!v.supplierId) found.supplierId = t('sd.points.error.supplier');
    if (!ROUTING_KEY_PATTERN.test(v.routingKey)) found.routingKey = t('sd.points.error.routingKey');
    if (!URL_PATTERN.test(v.url)) found.url = t('sd.points.error.url');
    if (!PUBLIC_KEY_PATTERN.test(v.publicKey)) found.publicKey = t('sd.points.error.publicKey');
    setErrors(found);
    setSummary(summaryOf(found, ORDER, IDS));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const point = await api.post<DeliveryPoint>('/api/tc/delivery-points', { ...v, brin });
      setValues(empty);
      await onRegistered(point);
    } catch (e) {
      const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
      const field =
        e instanceof ApiError && e.code === 'DELIVERY_POINT_CONFLICT' ? 'routingKey' : fieldOf(e, ORDER);
      setErrors(field ? { [field]: message } : {});
      setSummary([{ fieldId: field ? IDS[field] : undefined, message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="ovs-sd-subform">
      <h3 className="utrecht-heading-3">{t('sd.points.registerTitle')}</h3>
      <Paragraph>{t('sd.points.registerIntro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <SelectField
        id={IDS.supplierId}
        label={t('sd.points.field.supplier')}
        required
        value={values.supplierId}
        error={errors.supplierId}
        onChange={set('supplierId')}
        options={[
          ...(suppliers.length === 1 ? [] : [{ value: '', label: t('sd.mandates.choose') }]),
          ...suppliers.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <SelectField
        id={IDS.purpose}
        label={t('sd.points.field.purpose')}
        description={t('sd.points.field.purposeHint')}
        required
        value={values.purpose}
        error={errors.purpose}
        onChange={set('purpose')}
        options={PURPOSES.map((p) => ({ value: p, label: t(`sd.purpose.${p}`) }))}
      />
      <TextField
        id={IDS.routingKey}
        label={t('sd.points.field.routingKey')}
        description={t('sd.points.field.routingKeyHint')}
        required
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        value={values.routingKey}
        error={errors.routingKey}
        onChange={set('routingKey')}
      />
      <TextField
        id={IDS.url}
        label={t('sd.points.field.url')}
        description={t('sd.points.field.urlHint')}
        required
        type="url"
        maxLength={500}
        autoComplete="off"
        spellCheck={false}
        value={values.url}
        error={errors.url}
        onChange={set('url')}
      />
      <TextField
        id={IDS.publicKey}
        label={t('sd.points.field.publicKey')}
        description={t('sd.points.field.publicKeyHint')}
        required
        maxLength={43}
        autoComplete="off"
        spellCheck={false}
        className="ovs-sd-mono"
        value={values.publicKey}
        error={errors.publicKey}
        onChange={set('publicKey')}
      />
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {t('sd.points.register')}
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
