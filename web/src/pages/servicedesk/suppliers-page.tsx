import { type FormEvent, type RefObject, useId, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  RadioGroup,
  Section,
  Table,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDate, shortFingerprint } from './format';
import { FINGERPRINT_PATTERN, type FieldErrors, summaryOf } from './forms';
import type { SupplierSystem } from './types';
import { Code, Notice, useNotice } from './ui';

/** /servicedesk/leveranciers — the supplier systems the chain knows, and admitting a new one. */
export function SuppliersPage() {
  const { t, language } = useT();
  const suppliers = useResource<SupplierSystem[]>('/api/tc/suppliers');
  const { notice, show } = useNotice();
  const [admitted, setAdmitted] = useState<SupplierSystem>();
  // A fresh form after each admission (no leftover "invalid" marks on the emptied fields).
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <Heading level={1}>{t('sd.suppliers.title')}</Heading>
      <Paragraph lead>{t('sd.suppliers.intro')}</Paragraph>
      {notice && admitted ? (
        <Notice title={notice.text} focusKey={notice.key}>
          <Paragraph>
            {t('sd.suppliers.admittedNext')}{' '}
            <Link to={`/servicedesk/leveranciers/${seg(admitted.id)}`}>
              {t('sd.suppliers.open', { name: admitted.name })}
            </Link>
          </Paragraph>
        </Notice>
      ) : null}
      <Section title={t('sd.suppliers.listTitle')}>
        {suppliers.error ? (
          <ErrorMessage error={suppliers.error} onRetry={() => void suppliers.reload()} />
        ) : null}
        {suppliers.loading && !suppliers.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
        {suppliers.data && suppliers.data.length === 0 ? (
          <Paragraph>{t('sd.suppliers.none')}</Paragraph>
        ) : null}
        {suppliers.data && suppliers.data.length > 0 ? (
          <Table
            caption={
              suppliers.data.length === 1
                ? t('sd.suppliers.countOne')
                : t('sd.suppliers.count', { count: suppliers.data.length })
            }
            rows={suppliers.data}
            rowKey={(s) => s.id}
            columns={[
              {
                key: 'name',
                header: t('sd.col.supplier'),
                cell: (s) => <Link to={`/servicedesk/leveranciers/${seg(s.id)}`}>{s.name}</Link>,
              },
              {
                key: 'certificate',
                header: t('sd.col.certificate'),
                cell: (s) => <Code>{shortFingerprint(s.certificateFingerprint)}</Code>,
              },
              {
                key: 'since',
                header: t('sd.col.admittedAt'),
                cell: (s) => formatDate(s.createdAt, language),
              },
            ]}
          />
        ) : null}
      </Section>
      <AdmitSupplierForm
        key={formKey}
        onAdmitted={async (system) => {
          await suppliers.reload();
          setFormKey((k) => k + 1);
          setAdmitted(system);
          show(t('sd.suppliers.admitted', { name: system.name }));
        }}
      />
    </>
  );
}

type Field = 'name' | 'method' | 'pem' | 'fingerprint';
const ORDER: readonly Field[] = ['name', 'method', 'pem', 'fingerprint'];
const IDS: Record<Field, string> = {
  name: 'supplier-name',
  method: 'supplier-method-pem',
  pem: 'supplier-pem',
  fingerprint: 'supplier-fingerprint',
};

function AdmitSupplierForm({ onAdmitted }: { onAdmitted(system: SupplierSystem): Promise<void> }) {
  const { t, pick } = useT();
  const [name, setName] = useState('');
  const [method, setMethod] = useState<string>('');
  const [fingerprint, setFingerprint] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!name.trim()) found.name = t('sd.suppliers.error.name');
    if (!method) found.method = t('sd.suppliers.error.method');
    let certificatePem: string | undefined;
    if (method === 'pem') {
      const chosen = file.current?.files?.[0];
      if (!chosen) found.pem = t('sd.suppliers.error.pemMissing');
      else if (chosen.size > 20_000) found.pem = t('sd.suppliers.error.pemLarge');
      else {
        certificatePem = await chosen.text();
        if (!certificatePem.includes('-----BEGIN CERTIFICATE-----'))
          found.pem = t('sd.suppliers.error.pemFormat');
      }
    }
    if (method === 'fingerprint' && !FINGERPRINT_PATTERN.test(fingerprint.trim())) {
      found.fingerprint = t('sd.suppliers.error.fingerprint');
    }
    setErrors(found);
    setSummary(summaryOf(found, ORDER, IDS));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const system = await api.post<SupplierSystem>('/api/tc/suppliers', {
        name: name.trim(),
        ...(method === 'pem' ? { certificatePem } : { certificateFingerprint: fingerprint.trim() }),
      });
      setName('');
      setFingerprint('');
      setMethod('');
      await onAdmitted(system);
    } catch (e) {
      const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
      const certificate =
        e instanceof ApiError &&
        (e.code === 'CERTIFICATE_INVALID' || e.code === 'CERTIFICATE_ALREADY_REGISTERED');
      const field: Field | undefined = certificate ? (method === 'pem' ? 'pem' : 'fingerprint') : undefined;
      setErrors(field ? { [field]: message } : {});
      setSummary([{ fieldId: field ? IDS[field] : undefined, message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('sd.suppliers.admit')}>
      <Paragraph>{t('sd.suppliers.admitIntro')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-sd-form">
        <TextField
          id={IDS.name}
          label={t('sd.suppliers.field.name')}
          description={t('sd.suppliers.field.nameHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <RadioGroup
          legend={t('sd.suppliers.field.method')}
          name="supplier-method"
          idPrefix="supplier-method"
          value={method}
          onChange={setMethod}
          error={errors.method}
          options={[
            { value: 'pem', label: t('sd.suppliers.method.pem') },
            { value: 'fingerprint', label: t('sd.suppliers.method.fingerprint') },
          ]}
        />
        {method === 'pem' ? (
          <FileField
            id={IDS.pem}
            inputRef={file}
            label={t('sd.suppliers.field.pem')}
            description={t('sd.suppliers.field.pemHint')}
            error={errors.pem}
          />
        ) : null}
        {method === 'fingerprint' ? (
          <TextField
            id={IDS.fingerprint}
            label={t('sd.suppliers.field.fingerprint')}
            description={t('sd.suppliers.field.fingerprintHint')}
            required
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            className="ovs-sd-mono"
            value={fingerprint}
            error={errors.fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
          />
        ) : null}
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('sd.suppliers.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

/** A file chooser in the NL Design System form-field markup: label, hint and error tied to it. */
function FileField({
  id,
  inputRef,
  label,
  description,
  error,
}: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  description: string;
  error?: string;
}) {
  const own = useId();
  const describedBy = [`${own}-d`, error ? `${own}-e` : ''].filter(Boolean).join(' ');
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          <span className="ovs-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
      </div>
      <div className="utrecht-form-field__description utrecht-form-field-description" id={`${own}-d`}>
        {description}
      </div>
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${own}-e`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
          required
          className="ovs-sd-file"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}
