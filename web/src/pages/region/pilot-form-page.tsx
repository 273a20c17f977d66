import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextField,
} from '../../components';
import {
  type DatePart,
  type DateParts,
  DatePartsField,
  toDay,
  toParts,
} from '../../components/date-parts-field';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDayLong } from './format';
import type { PilotDetail, PilotProblem } from './pilot-types';
import type { RegionOverview } from './types';
import { Notice } from './ui';

type DateField = 'startsOn' | 'endsOn';
type FieldErrors = Partial<Record<'name' | DateField | 'pairs', string>> & {
  pairRows?: Record<number, string>;
};

/**
 * /regio/:regionId/pilots/nieuw and /pilots/:pilotId/wijzigen — a pilot's name, its period and (for a
 * new pilot) its pairs of member schools. The server checks everything again and says what is wrong
 * per field and per pair; nothing is stored then.
 */
export function PilotFormPage({ regionId, pilotId }: { regionId: string; pilotId?: string }) {
  const { t } = useT();
  const region = useResource<RegionOverview>(`/api/region/regions/${seg(regionId)}`);
  const pilot = useResource<PilotDetail>(
    pilotId ? `/api/region/regions/${seg(regionId)}/pilots/${seg(pilotId)}` : null,
  );
  const base = `/regio/${seg(regionId)}/pilots`;
  const ready = region.data && (!pilotId || pilot.data);
  return (
    <>
      <Heading level={1}>
        {pilotId ? t('region.pilot.form.editTitle') : t('region.pilot.form.newTitle')}
      </Heading>
      <Paragraph lead>{t('region.pilot.form.intro')}</Paragraph>
      {region.error ? <ErrorMessage error={region.error} onRetry={() => void region.reload()} /> : null}
      {pilot.error ? <ErrorMessage error={pilot.error} onRetry={() => void pilot.reload()} /> : null}
      {!ready && !region.error && !pilot.error ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {ready && region.data ? (
        <PilotForm regionId={regionId} region={region.data} pilot={pilot.data} />
      ) : null}
      <Paragraph>
        <Link to={pilotId ? `${base}/${seg(pilotId)}` : base}>
          {pilotId ? t('region.pilot.form.cancel') : t('region.pilot.form.back')}
        </Link>
      </Paragraph>
    </>
  );
}

function PilotForm({
  regionId,
  region,
  pilot,
}: {
  regionId: string;
  region: RegionOverview;
  pilot?: PilotDetail;
}) {
  const { t, pick, language } = useT();
  const navigate = useNavigate();
  const [name, setName] = useState(pilot?.name ?? '');
  const [dates, setDates] = useState<Record<DateField, DateParts>>({
    startsOn: toParts(pilot?.startsOn),
    endsOn: toParts(pilot?.endsOn),
  });
  const [pairs, setPairs] = useState<Array<{ id: number; po: string; vo: string }>>([
    { id: 0, po: '', vo: '' },
  ]);
  const [nextId, setNextId] = useState(1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [wrongParts, setWrongParts] = useState<Partial<Record<DateField, DatePart[]>>>({});
  const [summary, setSummary] = useState<Array<{ fieldId: string; message: string }>>([]);
  const [failure, setFailure] = useState<{ text: string; key: string }>();
  const [busy, setBusy] = useState(false);
  const poSchools = region.members.filter((m) => m.sector === 'po' || m.sector === 'so');
  const voSchools = region.members.filter((m) => m.sector === 'vo');
  const choices = (list: typeof poSchools) => [
    { value: '', label: t('region.pilot.form.choose') },
    ...list.map((m) => ({ value: m.brin, label: `${m.name} (${m.brin})` })),
  ];
  const dateLabel = (f: DateField) =>
    t(f === 'startsOn' ? 'region.pilot.form.startsOn' : 'region.pilot.form.endsOn');
  const show = (found: FieldErrors, parts: Partial<Record<DateField, DatePart[]>> = {}) => {
    setErrors(found);
    setWrongParts(parts);
    const list: Array<{ fieldId: string; message: string }> = [];
    if (found.name) list.push({ fieldId: 'pilot-name', message: found.name });
    for (const f of ['startsOn', 'endsOn'] as const) {
      const e = found[f];
      if (e) list.push({ fieldId: `pilot-${f}-${parts[f]?.[0] ?? 'day'}`, message: e });
    }
    if (found.pairs) list.push({ fieldId: 'pilot-pair-0-po', message: found.pairs });
    for (const [index, message] of Object.entries(found.pairRows ?? {}))
      list.push({ fieldId: `pilot-pair-${index}-po`, message });
    setSummary(list);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldErrors = {};
    const parts: Partial<Record<DateField, DatePart[]>> = {};
    const body: Record<string, unknown> = { name: name.trim() };
    if (!name.trim()) found.name = t('region.pilot.form.error.name');
    for (const f of ['startsOn', 'endsOn'] as const) {
      const checked = toDay(dates[f]);
      if ('wrong' in checked) {
        found[f] = t('region.pilot.form.error.date', { label: dateLabel(f) });
        parts[f] = checked.wrong;
      } else body[f] = checked.day;
    }
    if (!pilot) {
      pairs.forEach((p, index) => {
        if (!p.po || !p.vo) {
          found.pairRows = {
            ...found.pairRows,
            [index]: t('region.pilot.form.error.pair', { number: index + 1 }),
          };
        }
      });
      body.pairs = pairs.map((p) => ({ poBrin: p.po, voBrin: p.vo }));
    }
    if (Object.keys(found).length > 0) return show(found, parts);
    setBusy(true);
    try {
      if (pilot) {
        await api.put(`/api/region/regions/${seg(regionId)}/pilots/${seg(pilot.id)}`, body);
        navigate(`/regio/${seg(regionId)}/pilots/${seg(pilot.id)}`, {
          state: { notice: t('region.pilot.form.saved') },
        });
      } else {
        const made = await api.post<{ pilotId: string }>(`/api/region/regions/${seg(regionId)}/pilots`, body);
        navigate(`/regio/${seg(regionId)}/pilots/${seg(made.pilotId)}`, {
          state: { notice: t('region.pilot.form.created', { name: name.trim() }) },
        });
      }
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details.problems as PilotProblem[] | undefined) : undefined;
      if (e instanceof ApiError && Array.isArray(problems)) {
        const refused: FieldErrors = {};
        for (const p of problems) {
          if (p.field === 'pairs' && p.index !== undefined)
            refused.pairRows = {
              ...refused.pairRows,
              [p.index]: refused.pairRows?.[p.index] ?? pick(p.message),
            };
          else if (
            p.field === 'name' ||
            p.field === 'startsOn' ||
            p.field === 'endsOn' ||
            p.field === 'pairs'
          )
            refused[p.field] ??= pick(p.message);
        }
        show(refused);
      } else {
        setFailure({
          text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
          key: `${Date.now()}`,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  if (!pilot && (poSchools.length === 0 || voSchools.length === 0)) {
    return <Paragraph>{t('region.pilot.form.noSchools')}</Paragraph>;
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-pilot-pairs-form">
      {failure ? <Notice tone="error" title={failure.text} focusKey={failure.key} /> : null}
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <TextField
        id="pilot-name"
        label={t('region.pilot.form.name')}
        description={t('region.pilot.form.nameHint')}
        error={errors.name}
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
      />
      {(['startsOn', 'endsOn'] as const).map((f) => {
        const checked = toDay(dates[f]);
        return (
          <DatePartsField
            key={f}
            idPrefix={`pilot-${f}`}
            legend={dateLabel(f)}
            hint={
              <>
                {t('region.pilot.form.dateHint')}
                {'day' in checked ? (
                  <span className="ovs-region-chosen"> {formatDayLong(checked.day, language)}</span>
                ) : null}
              </>
            }
            error={errors[f]}
            invalid={wrongParts[f] ?? (errors[f] ? ['day', 'month', 'year'] : [])}
            value={dates[f]}
            onChange={(next) => setDates({ ...dates, [f]: next })}
            labels={{
              day: t('region.pilot.form.day'),
              month: t('region.pilot.form.month'),
              year: t('region.pilot.form.year'),
            }}
          />
        );
      })}
      {pilot ? null : (
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          aria-describedby="pilot-pairs-hint"
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('region.pilot.form.pairsLegend')}
          </legend>
          <div className="utrecht-form-field-description" id="pilot-pairs-hint">
            {t('region.pilot.form.pairsHint')}
          </div>
          {errors.pairs ? <div className="utrecht-form-field-error-message">{errors.pairs}</div> : null}
          {pairs.map((p, index) => (
            <fieldset
              key={p.id}
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ovs-pilot-pair-row"
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t('region.pilot.form.pairLegend', { number: index + 1 })}
              </legend>
              <div className="ovs-pilot-pair-row__fields">
                <SelectField
                  id={`pilot-pair-${index}-po`}
                  label={t('region.pilot.form.po')}
                  value={p.po}
                  error={errors.pairRows?.[index]}
                  options={choices(poSchools)}
                  onChange={(e) =>
                    setPairs(pairs.map((x, i) => (i === index ? { ...x, po: e.target.value } : x)))
                  }
                />
                <SelectField
                  id={`pilot-pair-${index}-vo`}
                  label={t('region.pilot.form.vo')}
                  value={p.vo}
                  options={choices(voSchools)}
                  onChange={(e) =>
                    setPairs(pairs.map((x, i) => (i === index ? { ...x, vo: e.target.value } : x)))
                  }
                />
                {pairs.length > 1 ? (
                  <Button kind="subtle" onClick={() => setPairs(pairs.filter((_, i) => i !== index))}>
                    {t('region.pilot.form.removePair', { number: index + 1 })}
                  </Button>
                ) : null}
              </div>
            </fieldset>
          ))}
          <Button
            kind="secondary"
            onClick={() => {
              setPairs([...pairs, { id: nextId, po: '', vo: '' }]);
              setNextId(nextId + 1);
            }}
          >
            {t('region.pilot.form.addPair')}
          </Button>
        </fieldset>
      )}
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {pilot ? t('region.pilot.form.submitEdit') : t('region.pilot.form.submitNew')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
