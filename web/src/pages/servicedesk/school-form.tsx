import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { Button, ButtonGroup, ErrorSummary, SelectField, TextField } from '../../components';
import { useT } from '../../i18n';
import { BRIN_PATTERN, type FieldErrors, fieldOf, summaryOf, VESTIGING_PATTERN } from './forms';
import { type School, SECTORS } from './types';

export type SchoolField = 'brin' | 'vestiging' | 'name' | 'sector' | 'board' | 'region' | 'place';
const ORDER: readonly SchoolField[] = ['brin', 'vestiging', 'name', 'sector', 'board', 'region', 'place'];

export interface SchoolValues {
  brin: string;
  vestiging: string;
  name: string;
  sector: string;
  board: string;
  region: string;
  place: string;
}

export const emptySchool: SchoolValues = {
  brin: '',
  vestiging: '00',
  name: '',
  sector: '',
  board: '',
  region: '',
  place: '',
};

export function valuesOf(school: School): SchoolValues {
  return { ...school, region: school.region ?? '', place: school.place ?? '' };
}

/**
 * A school's details as a form with an error summary: checked here first (the same rules as the
 * server: BRIN 2 digits + 2 letters, vestiging 2 digits), then by the server, whose refusal lands
 * at the field it names. With `fixedBrin` the BRIN is not asked (it never changes).
 */
export function SchoolForm({
  idPrefix,
  initial,
  fixedBrin,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: SchoolValues;
  fixedBrin?: boolean;
  submitLabel: string;
  /** Sends the values; throws the server's refusal. */
  onSubmit(values: SchoolValues): Promise<void>;
  onCancel?(): void;
}) {
  const { t, pick } = useT();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<SchoolField>>({});
  const [summary, setSummary] = useState<Array<{ fieldId?: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const ids = Object.fromEntries(ORDER.map((f) => [f, `${idPrefix}-${f}`])) as Record<SchoolField, string>;
  const set = (field: SchoolField) => (e: { target: { value: string } }) =>
    setValues({ ...values, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = { ...values, brin: values.brin.trim().toUpperCase(), vestiging: values.vestiging.trim() };
    setValues(v);
    const found: FieldErrors<SchoolField> = {};
    if (!fixedBrin) {
      if (!v.brin) found.brin = t('sd.school.error.brinMissing');
      else if (!BRIN_PATTERN.test(v.brin)) found.brin = t('sd.school.error.brinFormat');
    }
    if (!VESTIGING_PATTERN.test(v.vestiging)) found.vestiging = t('sd.school.error.vestiging');
    if (!v.name.trim()) found.name = t('sd.school.error.nameMissing');
    if (!v.sector) found.sector = t('sd.school.error.sectorMissing');
    if (!v.board.trim()) found.board = t('sd.school.error.boardMissing');
    setErrors(found);
    setSummary(summaryOf(found, ORDER, ids));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(v);
    } catch (e) {
      const message = e instanceof ApiError ? pick(e.serverMessage) : t('state.error');
      const field =
        e instanceof ApiError && e.code === 'SCHOOL_ALREADY_REGISTERED' ? 'brin' : fieldOf(e, ORDER);
      const shown =
        e instanceof ApiError && e.code === 'SCHOOL_ALREADY_REGISTERED'
          ? t('sd.school.error.brinTaken', { brin: v.brin })
          : message;
      setErrors(field ? { [field]: shown } : {});
      setSummary([{ fieldId: field ? ids[field] : undefined, message: shown }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <form noValidate onSubmit={(e) => void submit(e)} className="ovs-sd-form">
        {fixedBrin ? null : (
          <TextField
            id={ids.brin}
            label={t('sd.school.field.brin')}
            description={t('sd.school.field.brinHint')}
            required
            maxLength={4}
            autoComplete="off"
            spellCheck={false}
            className="ovs-sd-short"
            value={values.brin}
            error={errors.brin}
            onChange={set('brin')}
          />
        )}
        <TextField
          id={ids.vestiging}
          label={t('sd.school.field.vestiging')}
          description={t('sd.school.field.vestigingHint')}
          required
          maxLength={2}
          inputMode="numeric"
          autoComplete="off"
          className="ovs-sd-short"
          value={values.vestiging}
          error={errors.vestiging}
          onChange={set('vestiging')}
        />
        <TextField
          id={ids.name}
          label={t('sd.school.field.name')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.name}
          error={errors.name}
          onChange={set('name')}
        />
        <SelectField
          id={ids.sector}
          label={t('sd.school.field.sector')}
          required
          value={values.sector}
          error={errors.sector}
          onChange={set('sector')}
          options={[
            { value: '', label: t('sd.school.field.sectorChoose') },
            ...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) })),
          ]}
        />
        <TextField
          id={ids.board}
          label={t('sd.school.field.board')}
          description={t('sd.school.field.boardHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.board}
          error={errors.board}
          onChange={set('board')}
        />
        <TextField
          id={ids.region}
          label={t('sd.school.field.region')}
          description={t('sd.school.field.optional')}
          maxLength={200}
          autoComplete="off"
          value={values.region}
          error={errors.region}
          onChange={set('region')}
        />
        <TextField
          id={ids.place}
          label={t('sd.school.field.place')}
          description={t('sd.school.field.optional')}
          maxLength={100}
          autoComplete="off"
          value={values.place}
          error={errors.place}
          onChange={set('place')}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button kind="secondary" onClick={onCancel}>
              {t('action.cancel')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
    </>
  );
}

/** The values as the API takes them: empty optional fields become null. */
export function schoolBody(v: SchoolValues) {
  return {
    vestiging: v.vestiging,
    name: v.name.trim(),
    sector: v.sector,
    board: v.board.trim(),
    region: v.region.trim() || null,
    place: v.place.trim() || null,
  };
}
