import { type FormEvent, useEffect, useId, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  RadioGroup,
  TextArea,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { type DossierOverview, pupilName } from '../po/types';
import type { AddendumAttached, AddendumForm } from './okr-types';
import './okr.css';

const MAX_ANSWER = 4000;

/**
 * /school/:brin/vertrek/:dossierId/okr-addendum — a po school fills in the region's addendum for
 * one pupil: only the OKR fields that are not in the OSO gegevensset. The answers become a PDF in
 * the dossier's own attachments (a new version of the dossier); nothing else keeps them.
 */
export function OkrAddendumFormPage() {
  const { t } = useT();
  const { brin = '', dossierId = '' } = useParams();
  const { can } = useSession();
  const mayWrite = can('dossier:write', brin);
  const dossierPath = `/school/${seg(brin)}/vertrek/${seg(dossierId)}`;
  const dossier = useResource<DossierOverview>(
    can('dossier:read', brin) ? `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossierId)}` : null,
  );
  const addenda = useResource<{ brin: string; addenda: AddendumForm[] }>(
    can('dossier:read', brin) ? `/api/region/schools/${seg(brin)}/okr-addenda` : null,
  );
  const [attached, setAttached] = useState<AddendumAttached>();
  const back = (
    <p className="utrecht-paragraph ovs-po-back">
      <Link to={dossierPath}>← {t('region.okr.form.back')}</Link>
    </p>
  );
  const forms = (addenda.data?.addenda ?? []).filter((a) => a.fieldCount > 0);
  const [regionId, setRegionId] = useState<string>();
  const form = forms.find((f) => f.regionId === regionId) ?? forms[0];

  if (attached) {
    return (
      <>
        {back}
        <FocusHeading>{t('region.okr.form.doneTitle')}</FocusHeading>
        <Alert type="ok">
          <Paragraph>
            {t('region.okr.form.done', { file: attached.fileName, version: attached.version })}
          </Paragraph>
        </Alert>
        <Paragraph>{t('region.okr.form.doneNext')}</Paragraph>
        <ButtonLink kind="primary" to={dossierPath}>
          {t('region.okr.form.toDossier')}
        </ButtonLink>
      </>
    );
  }
  return (
    <>
      {back}
      <Heading level={1}>
        {dossier.data
          ? t('region.okr.form.titleFor', { name: pupilName(dossier.data.pupil) })
          : t('region.okr.form.title')}
      </Heading>
      <Paragraph lead>{t('region.okr.form.intro')}</Paragraph>
      {!mayWrite ? (
        <Alert type="warning">
          <Paragraph>{t('region.okr.form.readOnly')}</Paragraph>
        </Alert>
      ) : null}
      {dossier.error ? <ErrorMessage error={dossier.error} onRetry={() => void dossier.reload()} /> : null}
      {addenda.error ? <ErrorMessage error={addenda.error} onRetry={() => void addenda.reload()} /> : null}
      {addenda.loading && !addenda.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {addenda.data && forms.length === 0 ? (
        <Alert type="info">
          <Paragraph>
            {addenda.data.addenda.length === 0
              ? t('region.okr.form.noRegion')
              : t('region.okr.form.noAddendum')}
          </Paragraph>
        </Alert>
      ) : null}
      {forms.length > 1 ? (
        <RadioGroup
          legend={t('region.okr.form.whichRegion')}
          name="okr-region"
          value={form?.regionId}
          onChange={setRegionId}
          options={forms.map((f) => ({ value: f.regionId, label: f.regionName }))}
        />
      ) : null}
      {form ? (
        <>
          <p className="utrecht-paragraph ovs-okr-form-links">
            <a
              className="utrecht-link"
              href={`/api/region/schools/${seg(brin)}/okr-addenda/${seg(form.regionId)}/pdf`}
              download
            >
              {t('region.okr.form.blankPdf', { region: form.regionName })}
            </a>
          </p>
          {dossier.data && mayWrite ? (
            <AnswerForm
              key={`${form.regionId}-${form.version}`}
              brin={brin}
              dossierId={dossierId}
              version={dossier.data.version}
              form={form}
              onAttached={setAttached}
              onChanged={() => void addenda.reload()}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function AnswerForm({
  brin,
  dossierId,
  version,
  form,
  onAttached,
  onChanged,
}: {
  brin: string;
  dossierId: string;
  version: number;
  form: AddendumForm;
  onAttached(attached: AddendumAttached): void;
  onChanged(): void;
}) {
  const { t, pick } = useT();
  const id = useId();
  const fieldId = (fid: string) => `${id}-${fid}`;
  const draftKey = `overstap.okr-addendum.${brin}.${dossierId}`;
  // A draft survives a reload of the form (OKR_ADDENDUM_CHANGED) in this tab only.
  const [values, setValues] = useState<Record<string, string>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(draftKey) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  });
  const [filledBy, setFilledBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    sessionStorage.setItem(draftKey, JSON.stringify(values));
  }, [draftKey, values]);

  const fields = form.sections.flatMap((s) => s.fields);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setFormError(undefined);
    const local: Record<string, string> = {};
    for (const f of fields) {
      if ((values[f.id] ?? '').length > MAX_ANSWER)
        local[f.id] = t('region.okr.form.tooLong', { max: MAX_ANSWER });
    }
    if (Object.keys(local).length === 0 && fields.every((f) => (values[f.id] ?? '').trim() === '')) {
      setErrors({});
      setFormError(t('region.okr.form.nothing'));
      return;
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.post<AddendumAttached>(
        `/api/region/schools/${seg(brin)}/dossiers/${seg(dossierId)}/okr-addendum`,
        {
          regionId: form.regionId,
          version,
          formVersion: form.version,
          values: fields.map((f) => ({ fieldId: f.id, value: values[f.id] ?? '' })),
          filledBy: filledBy.trim() || null,
        },
      );
      sessionStorage.removeItem(draftKey);
      onAttached(answer);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'OKR_ADDENDUM_INVALID') {
        const problems =
          (e.details.problems as Array<{ fieldId: string | null; message: { nl: string; en: string } }>) ??
          [];
        const next: Record<string, string> = {};
        for (const p of problems) {
          if (p.fieldId) next[p.fieldId] = pick(p.message);
          else setFormError(pick(p.message));
        }
        setErrors(next);
      } else {
        if (e instanceof ApiError && e.code === 'OKR_ADDENDUM_CHANGED') onChanged();
        setError(e instanceof ApiError ? e : undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    ...(formError ? [{ fieldId: fieldId(fields[0]?.id ?? ''), message: formError }] : []),
    ...fields
      .filter((f) => errors[f.id])
      .map((f) => ({ fieldId: fieldId(f.id), message: `${f.name}: ${errors[f.id]}` })),
    ...(errors.filledBy ? [{ fieldId: `${id}-filledBy`, message: errors.filledBy }] : []),
  ];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-okr-form">
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      {form.sections.map((s) => (
        <fieldset
          key={s.section ?? ''}
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced"
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {s.section ?? t('region.okr.noSection')}
          </legend>
          {s.fields.map((f) => (
            <TextArea
              key={f.id}
              id={fieldId(f.id)}
              label={f.name}
              description={f.description ?? undefined}
              rows={4}
              value={values[f.id] ?? ''}
              error={errors[f.id]}
              onChange={(e) => setValues({ ...values, [f.id]: e.target.value })}
            />
          ))}
        </fieldset>
      ))}
      <TextField
        id={`${id}-filledBy`}
        label={t('region.okr.form.filledBy')}
        description={t('region.okr.form.filledByHint')}
        maxLength={200}
        autoComplete="name"
        value={filledBy}
        error={errors.filledBy}
        onChange={(e) => setFilledBy(e.target.value)}
      />
      <Paragraph>{t('region.okr.form.attachNote')}</Paragraph>
      {error ? (
        <Alert type="error">
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
        </Alert>
      ) : null}
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {t('region.okr.form.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
