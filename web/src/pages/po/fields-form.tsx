import { type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  DataList,
  ErrorSummary,
  Paragraph,
  RadioGroup,
  Section,
  SelectField,
  TextArea,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ADVICE_CODES, adviceLabel, PROFIEL_CODES, schoolFieldOf, schoolShort } from './labels';
import type { DossierOverview, SavedDossier, SchoolFields } from './types';

type FieldName = keyof SchoolFields;
const ORDER: FieldName[] = [
  'advies',
  'wensouders',
  'wensleerling',
  'herzienadvies',
  'motivatie_herzienadvies',
  'profiel',
  'argumentatie',
  'aandachtspunten',
  'contactnodig',
  'contactpersoon',
  'contacttelefoon',
  'contactemail',
];
const ADVICE_FIELDS: FieldName[] = ['advies', 'wensouders', 'wensleerling', 'herzienadvies'];

interface Values {
  advies: string;
  wensouders: string;
  wensleerling: string;
  herzienadvies: string;
  motivatie_herzienadvies: string;
  profiel: string;
  argumentatie: string;
  aandachtspunten: string;
  contactnodig: '' | 'ja' | 'nee';
  contactpersoon: string;
  contacttelefoon: string;
  contactemail: string;
}

const valuesOf = (f: SchoolFields): Values => ({
  advies: f.advies ?? '',
  wensouders: f.wensouders ?? '',
  wensleerling: f.wensleerling ?? '',
  herzienadvies: f.herzienadvies ?? '',
  motivatie_herzienadvies: f.motivatie_herzienadvies ?? '',
  profiel: f.profiel ?? '',
  argumentatie: f.argumentatie ?? '',
  aandachtspunten: f.aandachtspunten ?? '',
  contactnodig: f.contactnodig === undefined ? '' : f.contactnodig ? 'ja' : 'nee',
  contactpersoon: f.contactpersoon ?? '',
  contacttelefoon: f.contacttelefoon ?? '',
  contactemail: f.contactemail ?? '',
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9][0-9 ()-]{5,30}$/;

/**
 * What the school writes itself: the advice, points of attention and the wish to be contacted. Saving
 * makes a new version (the page says what that undoes); errors are listed in a summary and shown at
 * their field, with the findings of the standard that point at a field.
 */
export function FieldsForm({
  brin,
  dossier,
  mayWrite,
  onSaved,
}: {
  brin: string;
  dossier: DossierOverview;
  mayWrite: boolean;
  onSaved(saved: SavedDossier): void;
}) {
  const { t, pick } = useT();
  const id = useId();
  const ids = Object.fromEntries(ORDER.map((f) => [f, `${id}-${f}`])) as Record<FieldName, string>;
  const [values, setValues] = useState<Values>(() => valuesOf(dossier.fields));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [serverError, setServerError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ text: string; version: number }>();

  // A new version from elsewhere (an import, an attachment) brings its own values.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version changes
  useEffect(() => {
    setValues(valuesOf(dossier.fields));
    setErrors({});
  }, [dossier.version]);

  const findingAt = (name: FieldName) =>
    dossier.findings
      .filter((f) => schoolFieldOf(f) === name)
      .map((f) => pick(f.message))
      .join(' ');
  const blockFindings = dossier.findings.filter((f) => schoolFieldOf(f) === 'overstapadvies');

  if (!mayWrite) {
    const f = dossier.fields;
    const shown = (v: string | undefined) => v || <span className="ovs-muted">{t('po.fields.empty')}</span>;
    return (
      <Section title={t('po.fields.title')}>
        <Paragraph>{t('po.fields.readOnly')}</Paragraph>
        <DataList
          items={[
            { key: t('po.fields.advies'), value: shown(f.advies && adviceLabel(t, f.advies)) },
            { key: t('po.fields.argumentatie'), value: shown(f.argumentatie) },
            { key: t('po.fields.aandachtspunten'), value: shown(f.aandachtspunten) },
            {
              key: t('po.fields.contactnodig'),
              value:
                f.contactnodig === undefined
                  ? shown(undefined)
                  : f.contactnodig
                    ? t('po.fields.contactYes')
                    : t('po.fields.contactNo'),
            },
            { key: t('po.fields.contactpersoon'), value: shown(f.contactpersoon) },
          ]}
        />
      </Section>
    );
  }

  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setDone(undefined);
  };

  const check = (v: Values) => {
    const e: Partial<Record<FieldName, string>> = {};
    if (v.aandachtspunten.trim().length > 280) e.aandachtspunten = t('po.fields.error.aandachtspunten');
    if (v.contactemail.trim() && !EMAIL.test(v.contactemail.trim()))
      e.contactemail = t('po.fields.error.contactemail');
    if (v.contacttelefoon.trim() && !PHONE.test(v.contacttelefoon.trim()))
      e.contacttelefoon = t('po.fields.error.contacttelefoon');
    if (v.contactnodig === 'ja') {
      if (!v.contactpersoon.trim()) e.contactpersoon = t('po.fields.error.contactpersoonRequired');
      if (!v.contacttelefoon.trim()) e.contacttelefoon ??= t('po.fields.error.contacttelefoonRequired');
    }
    return e;
  };

  /** The server's reason for a field, in our own words. */
  const fromServer = (name: string, reason: string): string => {
    if (name === 'contactpersoon' || name === 'contacttelefoon') {
      if (reason.startsWith('required')) return t(`po.fields.error.${name}Required` as MessageKey);
    }
    const key = `po.fields.error.${name}` as MessageKey;
    const text = t(key);
    return text === key ? t('po.fields.error.other') : text;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(undefined);
    setDone(undefined);
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields: Record<string, string | boolean | null> = {};
    for (const name of ORDER) {
      if (name === 'contactnodig')
        fields.contactnodig = values.contactnodig === '' ? null : values.contactnodig === 'ja';
      else fields[name] = values[name].trim() || null;
    }
    setBusy(true);
    try {
      const saved = await api.put<SavedDossier>(
        `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossier.dossierId)}/fields`,
        { version: dossier.version, fields },
      );
      setDone({
        text:
          saved.changed === false
            ? t('po.fields.unchanged')
            : t('po.fields.saved', { version: saved.version }),
        version: saved.version,
      });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        const problems = (e.details.problems ?? {}) as Record<string, string>;
        const mapped: Partial<Record<FieldName, string>> = {};
        for (const [name, reason] of Object.entries(problems)) {
          if ((ORDER as string[]).includes(name))
            mapped[name as FieldName] = fromServer(name, String(reason));
        }
        setErrors(mapped);
        if (Object.keys(mapped).length === 0) setServerError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const adviceOptions = [
    { value: '', label: t('po.fields.none') },
    ...ADVICE_CODES.map((code) => ({ value: code, label: adviceLabel(t, code) })),
  ];
  const withFinding = (name: FieldName) => errors[name] ?? (findingAt(name) || undefined);
  const summary = ORDER.flatMap((f) =>
    errors[f] ? [{ fieldId: ids[f], message: errors[f] as string }] : [],
  );
  const ready = dossier.destination?.state === 'klaargezet' ? dossier.destination : undefined;

  return (
    <Section title={t('po.fields.title')}>
      <Paragraph>{t('po.fields.intro')}</Paragraph>
      {ready ? (
        <Alert type="warning">
          <Paragraph>{t('po.fields.warnReady', { school: schoolShort(t, ready) })}</Paragraph>
        </Alert>
      ) : dossier.state === 'ter_inzage' || dossier.state === 'ingezien' ? (
        <Alert type="warning">
          <Paragraph>{t('po.fields.warnInspection')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('po.fields.newVersion')}</Paragraph>
      )}
      {blockFindings.length > 0 ? (
        <Alert type="warning">
          {blockFindings.map((f) => (
            <Paragraph key={`${f.rule}-${f.path}`}>{pick(f.message)}</Paragraph>
          ))}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary title={t('form.errorSummary')} errors={summary} />
        <fieldset className="utrecht-form-fieldset ovs-po-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('po.fields.adviceLegend')}</legend>
          <div className="ovs-po-grid">
            {ADVICE_FIELDS.map((name) => (
              <SelectField
                key={name}
                id={ids[name]}
                label={t(`po.fields.${name}` as MessageKey)}
                description={name === 'herzienadvies' ? t('po.fields.herzienadviesHint') : undefined}
                error={withFinding(name)}
                value={values[name as keyof Values] as string}
                onChange={(e) => set(name as keyof Values, e.target.value as never)}
                options={adviceOptions}
              />
            ))}
          </div>
          <TextArea
            id={ids.motivatie_herzienadvies}
            label={t('po.fields.motivatie_herzienadvies')}
            error={withFinding('motivatie_herzienadvies')}
            value={values.motivatie_herzienadvies}
            rows={2}
            onChange={(e) => set('motivatie_herzienadvies', e.target.value)}
          />
          <SelectField
            id={ids.profiel}
            label={t('po.fields.profiel')}
            description={t('po.fields.profielHint')}
            error={withFinding('profiel')}
            value={values.profiel}
            onChange={(e) => set('profiel', e.target.value)}
            options={[
              { value: '', label: t('po.fields.none') },
              ...PROFIEL_CODES.map((p) => ({ value: p, label: t(`po.profiel.${p}` as MessageKey) })),
            ]}
          />
          <TextArea
            id={ids.argumentatie}
            label={t('po.fields.argumentatie')}
            error={withFinding('argumentatie')}
            value={values.argumentatie}
            onChange={(e) => set('argumentatie', e.target.value)}
          />
        </fieldset>
        <TextArea
          id={ids.aandachtspunten}
          label={t('po.fields.aandachtspunten')}
          description={t('po.fields.aandachtspuntenHint', { count: values.aandachtspunten.trim().length })}
          error={withFinding('aandachtspunten')}
          value={values.aandachtspunten}
          rows={3}
          onChange={(e) => set('aandachtspunten', e.target.value)}
        />
        <fieldset className="utrecht-form-fieldset ovs-po-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('po.fields.contactLegend')}</legend>
          <RadioGroup
            legend={t('po.fields.contactnodig')}
            name={`${id}-contactnodig`}
            idPrefix={ids.contactnodig}
            value={values.contactnodig}
            onChange={(v) => set('contactnodig', v as Values['contactnodig'])}
            error={withFinding('contactnodig')}
            options={[
              { value: 'ja', label: t('po.fields.contactYes') },
              { value: 'nee', label: t('po.fields.contactNo') },
              { value: '', label: t('po.fields.contactUnknown') },
            ]}
          />
          <div className="ovs-po-grid">
            <TextField
              id={ids.contactpersoon}
              label={t('po.fields.contactpersoon')}
              error={withFinding('contactpersoon')}
              value={values.contactpersoon}
              autoComplete="off"
              onChange={(e) => set('contactpersoon', e.target.value)}
            />
            <TextField
              id={ids.contacttelefoon}
              label={t('po.fields.contacttelefoon')}
              error={withFinding('contacttelefoon')}
              type="tel"
              value={values.contacttelefoon}
              autoComplete="off"
              onChange={(e) => set('contacttelefoon', e.target.value)}
            />
            <TextField
              id={ids.contactemail}
              label={t('po.fields.contactemail')}
              error={withFinding('contactemail')}
              type="email"
              value={values.contactemail}
              autoComplete="off"
              onChange={(e) => set('contactemail', e.target.value)}
            />
          </div>
        </fieldset>
        {serverError ? (
          <Alert type="error">
            <Paragraph>{pick(serverError.serverMessage)}</Paragraph>
          </Alert>
        ) : null}
        {done && done.version === dossier.version ? (
          <Alert type="ok">
            <Paragraph>{done.text}</Paragraph>
          </Alert>
        ) : null}
        <Button type="submit" busy={busy}>
          {t('po.fields.save')}
        </Button>
      </form>
    </Section>
  );
}
