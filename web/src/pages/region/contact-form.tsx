import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { Button, ErrorSummary, SelectField, TextField } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { SCHOOL_ROLES } from './types';

export type ContactField = 'role' | 'function' | 'name' | 'email' | 'phone';
const ORDER: readonly ContactField[] = ['role', 'function', 'name', 'email', 'phone'];
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

export interface ContactValues {
  role: string;
  function: string;
  name: string;
  email: string;
  phone: string;
}

/**
 * A person to record: for a school with a role, for the region with what they do; a name and an
 * e-mail address and/or phone number. Checked here first, then by the server, whose refusal lands
 * at the field it names.
 */
export function ContactForm({
  idPrefix,
  kind,
  submitLabel,
  onSubmit,
}: {
  idPrefix: string;
  kind: 'school' | 'region';
  submitLabel: string;
  /** Sends the values; throws the server's refusal. */
  onSubmit(values: ContactValues): Promise<void>;
}) {
  const { t, pick } = useT();
  const empty: ContactValues = { role: '', function: '', name: '', email: '', phone: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<ContactField, string>>>({});
  const [busy, setBusy] = useState(false);
  const ids = Object.fromEntries(ORDER.map((f) => [f, `${idPrefix}-${f}`])) as Record<ContactField, string>;
  const set = (field: ContactField) => (e: { target: { value: string } }) =>
    setValues({ ...values, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<ContactField, string>> = {};
    if (kind === 'school' && !values.role) found.role = t('region.contacts.error.role');
    if (kind === 'region' && !values.function.trim()) found.function = t('region.contacts.error.function');
    if (!values.name.trim()) found.name = t('region.contacts.error.name');
    if (values.email.trim() && !EMAIL.test(values.email.trim()))
      found.email = t('region.contacts.error.email');
    if (values.phone.trim() && !PHONE.test(values.phone.trim()))
      found.phone = t('region.contacts.error.phone');
    if (!values.email.trim() && !values.phone.trim()) found.email = t('region.contacts.error.reach');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(values);
      setValues(empty);
    } catch (e) {
      const field = e instanceof ApiError ? e.details.field : undefined;
      const where =
        typeof field === 'string' && (ORDER as readonly string[]).includes(field)
          ? (field as ContactField)
          : 'name';
      setErrors({ [where]: e instanceof ApiError ? pick(e.serverMessage) : t('state.error') });
    } finally {
      setBusy(false);
    }
  };
  const summary = ORDER.flatMap((f) =>
    errors[f] ? [{ fieldId: ids[f], message: errors[f] as string }] : [],
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-region-contact-form">
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      {kind === 'school' ? (
        <SelectField
          id={ids.role}
          label={t('region.contacts.field.role')}
          value={values.role}
          error={errors.role}
          onChange={set('role')}
          options={[
            { value: '', label: t('region.contacts.field.roleChoose') },
            ...SCHOOL_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })),
          ]}
        />
      ) : (
        <TextField
          id={ids.function}
          label={t('region.contacts.field.function')}
          description={t('region.contacts.field.functionHint')}
          value={values.function}
          maxLength={200}
          error={errors.function}
          onChange={set('function')}
        />
      )}
      <TextField
        id={ids.name}
        label={t('region.contacts.field.name')}
        value={values.name}
        maxLength={200}
        autoComplete="off"
        error={errors.name}
        onChange={set('name')}
      />
      <TextField
        id={ids.email}
        type="email"
        label={t('region.contacts.field.email')}
        description={t('region.contacts.field.reachHint')}
        value={values.email}
        maxLength={254}
        autoComplete="off"
        error={errors.email}
        onChange={set('email')}
      />
      <TextField
        id={ids.phone}
        type="tel"
        label={t('region.contacts.field.phone')}
        value={values.phone}
        maxLength={20}
        autoComplete="off"
        error={errors.phone}
        onChange={set('phone')}
      />
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
