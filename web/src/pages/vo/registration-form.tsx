import { type FormEvent, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Alert, Button, ButtonGroup, ErrorSummary, SelectField, TextField } from '../../components';
import { useT } from '../../i18n';
import { dutchDate, isoDateOf } from './labels';
import { type ChosenSchool, SchoolPicker } from './school-picker';
import { type Pupil, pupilName, type RegistrationBody } from './types';

const FIELDS = [
  'achternaam',
  'voorvoegsel',
  'roepnaam',
  'bsn',
  'onderwijsnummer',
  'geboortedatum',
  'sourceBrin',
  'preferenceRank',
] as const;
type Field = (typeof FIELDS)[number];

export interface RegistrationInitial {
  pupil: Pupil;
  number: { bsn?: string; onderwijsnummer?: string } | null;
  school: ChosenSchool;
  preferenceRank: number | null;
}

/**
 * The registration form, as the region's registration form asks it: name parts, BSN (or
 * onderwijsnummer), birth date, the po school (chosen from the admitted schools) and the rank of
 * preference. New (POST) or, with `registrationId`, a correction (PATCH). Required fields are checked
 * here; everything else by the server, whose problems appear at their fields and in the summary.
 */
export function RegistrationForm({
  brin,
  registrationId,
  initial,
  idPrefix,
  onSaved,
  onCancel,
  onStart,
}: {
  brin: string;
  registrationId?: string;
  initial?: RegistrationInitial;
  idPrefix: string;
  onSaved(name: string): void;
  onCancel?(): void;
  /** Called when the person submits (e.g. to clear an earlier success message). */
  onStart?(): void;
}) {
  const { t, pick } = useT();
  const empty = {
    achternaam: initial?.pupil.achternaam ?? '',
    voorvoegsel: initial?.pupil.voorvoegsel ?? '',
    roepnaam: initial?.pupil.roepnaam ?? '',
    bsn: initial?.number?.bsn ?? '',
    onderwijsnummer: initial?.number?.onderwijsnummer ?? '',
    geboortedatum: initial ? dutchDate(initial.pupil.geboortedatum) : '',
    preferenceRank: initial?.preferenceRank ? String(initial.preferenceRank) : '',
  };
  const [values, setValues] = useState(empty);
  const [school, setSchool] = useState<ChosenSchool | undefined>(initial?.school);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${idPrefix}-${f}`])) as Record<Field, string>;
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    onStart?.();
    const found: Partial<Record<Field, string>> = {};
    if (!values.achternaam.trim()) found.achternaam = t('vo.form.required.achternaam');
    if (!values.bsn.trim() && !values.onderwijsnummer.trim()) found.bsn = t('vo.form.required.number');
    const geboortedatum = isoDateOf(values.geboortedatum);
    if (!values.geboortedatum.trim()) found.geboortedatum = t('vo.form.required.geboortedatum');
    else if (!geboortedatum) found.geboortedatum = t('vo.form.invalid.geboortedatum');
    if (!school) found.sourceBrin = t('vo.form.required.school');
    setErrors(found);
    if (Object.keys(found).length > 0 || !geboortedatum || !school) return;

    const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const body: RegistrationBody = {
      achternaam: values.achternaam.trim(),
      voorvoegsel: text(values.voorvoegsel),
      roepnaam: text(values.roepnaam),
      bsn: text(values.bsn.replace(/[\s.]/g, '')),
      onderwijsnummer: text(values.onderwijsnummer.replace(/[\s.]/g, '')),
      geboortedatum,
      sourceBrin: school.brin,
      preferenceRank: values.preferenceRank ? Number(values.preferenceRank) : undefined,
    };
    setBusy(true);
    try {
      const base = `/api/gw/schools/${seg(brin)}/registrations`;
      if (registrationId) await api.patch(`${base}/${seg(registrationId)}`, body);
      else await api.post(base, body);
      const name = pupilName({ ...body, geboortedatum });
      onSaved(name);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFailure(t('state.error'));
      } else if (e.code === 'REGISTRATION_INVALID') {
        const messages = (e.details.messages ?? {}) as Record<string, { nl: string; en: string }>;
        const problems = (e.details.problems ?? {}) as Record<string, string>;
        const server: Partial<Record<Field, string>> = {};
        for (const field of FIELDS) {
          if (messages[field]) server[field] = pick(messages[field]);
          else if (problems[field]) server[field] = problems[field];
        }
        setErrors(server);
        if (Object.keys(server).length === 0) setFailure(pick(e.serverMessage));
      } else if (e.code === 'REGISTRATION_EXISTS') {
        setErrors({ [values.bsn.trim() ? 'bsn' : 'onderwijsnummer']: pick(e.serverMessage) });
      } else {
        setFailure(pick(e.serverMessage));
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = FIELDS.flatMap((f) =>
    errors[f] ? [{ fieldId: ids[f], message: errors[f] as string }] : [],
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-vo-form">
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ovs-vo-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('vo.form.pupil')}
        </legend>
        <div className="ovs-vo-name-row">
          <TextField
            id={ids.roepnaam}
            label={t('vo.form.roepnaam')}
            value={values.roepnaam}
            onChange={set('roepnaam')}
            error={errors.roepnaam}
            autoComplete="off"
          />
          <TextField
            id={ids.voorvoegsel}
            label={t('vo.form.voorvoegsel')}
            value={values.voorvoegsel}
            onChange={set('voorvoegsel')}
            error={errors.voorvoegsel}
            className="ovs-vo-short"
            autoComplete="off"
          />
          <TextField
            id={ids.achternaam}
            label={t('vo.form.achternaam')}
            required
            value={values.achternaam}
            onChange={set('achternaam')}
            error={errors.achternaam}
            autoComplete="off"
          />
        </div>
        <TextField
          id={ids.bsn}
          label={t('vo.form.bsn')}
          description={t('vo.form.bsnHint')}
          inputMode="numeric"
          value={values.bsn}
          onChange={set('bsn')}
          error={errors.bsn}
          className="ovs-vo-number"
          autoComplete="off"
        />
        <TextField
          id={ids.onderwijsnummer}
          label={t('vo.form.onderwijsnummer')}
          description={t('vo.form.onderwijsnummerHint')}
          inputMode="numeric"
          value={values.onderwijsnummer}
          onChange={set('onderwijsnummer')}
          error={errors.onderwijsnummer}
          className="ovs-vo-number"
          autoComplete="off"
        />
        <TextField
          id={ids.geboortedatum}
          label={t('vo.form.geboortedatum')}
          description={t('vo.form.geboortedatumHint')}
          required
          inputMode="numeric"
          placeholder={t('vo.form.datePlaceholder')}
          value={values.geboortedatum}
          onChange={set('geboortedatum')}
          error={errors.geboortedatum}
          className="ovs-vo-date"
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ovs-vo-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('vo.form.origin')}
        </legend>
        <SchoolPicker id={ids.sourceBrin} value={school} onChange={setSchool} error={errors.sourceBrin} />
        <SelectField
          id={ids.preferenceRank}
          label={t('vo.form.rank')}
          description={t('vo.form.rankHint')}
          value={values.preferenceRank}
          onChange={set('preferenceRank')}
          error={errors.preferenceRank}
          options={[
            { value: '', label: t('vo.form.rankNone') },
            ...Array.from({ length: 20 }, (_, i) => ({
              value: String(i + 1),
              label: t('vo.rank', { rank: i + 1 }),
            })),
          ]}
        />
      </fieldset>
      {failure ? <Alert type="error">{failure}</Alert> : null}
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {registrationId ? t('vo.correct.submit') : t('vo.form.submit')}
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
