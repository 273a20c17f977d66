import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import { Button, ErrorSummary, Heading, Link, Paragraph, SelectField } from '../../components';
import {
  type DatePart,
  type DateParts,
  DatePartsField,
  toDay,
  toParts,
} from '../../components/date-parts-field';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { EvaluationFieldNotes, EvaluationNotes } from './evaluation-timeline-notes';
import { formatDay, formatDayLong, schoolYearChoices } from './format';
import {
  type SavedTimeline,
  TIMELINE_FIELDS,
  type TimelineDates,
  type TimelineField,
  type TimelineProblem,
  type TimelineView,
  type TimelineWarning,
} from './types';
import { Notice, Say } from './ui';

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
const fieldId = (f: TimelineField) => `timeline-${f}`;
const partId = (f: TimelineField, part: DatePart) => `${fieldId(f)}-${part}`;
const DEADLINES = TIMELINE_FIELDS.filter((f) => f !== 'summerSwitch');

/**
 * /regio/:regionId/tijdlijn?jaar=2026-2027 — the timeline of a school year: the five dates in the
 * order they must come, and the summer switch. The server refuses an order that cannot work (the
 * explanation at the field, and in the error summary) and warns about holidays and short gaps.
 */
export function TimelinePage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('jaar') ?? '';
  const valid = SCHOOL_YEAR.test(asked) && Number(asked.slice(5)) === Number(asked.slice(0, 4)) + 1;
  const choices = [...new Set([...(valid ? [asked] : []), ...schoolYearChoices()])].sort();
  const year = valid ? asked : schoolYearChoices()[0];
  const view = useResource<TimelineView>(`/api/region/regions/${seg(regionId)}/timelines/${year}`);
  const [chosen, setChosen] = useState(year);
  return (
    <>
      <Heading level={1}>{t('region.timeline.title', { schoolYear: year })}</Heading>
      <Paragraph lead>{t('region.timeline.intro')}</Paragraph>
      <form
        className="ovs-region-year"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ jaar: chosen });
        }}
      >
        <SelectField
          label={t('region.timeline.year')}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          options={choices.map((c) => ({ value: c, label: c }))}
        />
        <Button type="submit" kind="secondary">
          {t('region.timeline.show')}
        </Button>
      </form>
      {view.error ? <ErrorMessage error={view.error} onRetry={() => void view.reload()} /> : null}
      {view.loading && !view.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {view.data ? (
        <TimelineForm key={year} regionId={regionId} view={view.data} onSaved={() => void view.reload()} />
      ) : null}
    </>
  );
}

type Parts = Record<TimelineField, DateParts>;

function TimelineForm({
  regionId,
  view,
  onSaved,
}: {
  regionId: string;
  view: TimelineView;
  onSaved(): void;
}) {
  const { t, pick, language } = useT();
  const [values, setValues] = useState<Parts>(
    () => Object.fromEntries(TIMELINE_FIELDS.map((f) => [f, toParts(view.dates?.[f])])) as Parts,
  );
  const [errors, setErrors] = useState<Partial<Record<TimelineField, { text: string; parts: DatePart[] }>>>(
    {},
  );
  const [summary, setSummary] = useState<Array<{ fieldId: string; message: string }>>([]);
  const [warnings, setWarnings] = useState<TimelineWarning[]>(view.warnings);
  const [saved, setSaved] = useState<{ result: SavedTimeline; key: string }>();
  const [failure, setFailure] = useState<{ text: string; key: string }>();
  const [busy, setBusy] = useState(false);
  const label = (f: TimelineField) => t(`region.field.${f}` as MessageKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    setFailure(undefined);
    const found: Partial<Record<TimelineField, { text: string; parts: DatePart[] }>> = {};
    const dates = {} as TimelineDates;
    for (const f of TIMELINE_FIELDS) {
      const parts = values[f];
      const empty = !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
      const checked = toDay(parts);
      if (empty)
        found[f] = {
          text: t('region.timeline.error.missing', { label: label(f) }),
          parts: ['day', 'month', 'year'],
        };
      else if ('wrong' in checked)
        found[f] = { text: t('region.timeline.error.notADate', { label: label(f) }), parts: checked.wrong };
      else dates[f] = checked.day;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary(
        TIMELINE_FIELDS.flatMap((f) => {
          const e = found[f];
          return e ? [{ fieldId: partId(f, e.parts[0]), message: e.text }] : [];
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const result = await api.put<SavedTimeline>(
        `/api/region/regions/${seg(regionId)}/timelines/${seg(view.schoolYear)}`,
        dates,
      );
      setErrors({});
      setSummary([]);
      setWarnings(result.warnings);
      setSaved({ result, key: `${Date.now()}` });
      onSaved();
    } catch (e) {
      const problems =
        e instanceof ApiError ? (e.details.problems as TimelineProblem[] | undefined) : undefined;
      if (e instanceof ApiError && Array.isArray(problems)) {
        const refused: Partial<Record<TimelineField, { text: string; parts: DatePart[] }>> = {};
        for (const p of problems)
          refused[p.field] ??= { text: pick(p.message), parts: ['day', 'month', 'year'] };
        setErrors(refused);
        setSummary(problems.map((p) => ({ fieldId: partId(p.field, 'day'), message: pick(p.message) })));
        setWarnings([]);
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

  const field = (f: TimelineField, step?: number) => {
    const checked = toDay(values[f]);
    return (
      <DatePartsField
        key={f}
        idPrefix={fieldId(f)}
        legend={step ? t('region.timeline.step', { step, label: label(f) }) : label(f)}
        hint={
          <>
            <span className="ovs-region-hint">{t(`region.field.${f}.hint` as MessageKey)}</span>
            {'day' in checked ? (
              <span className="ovs-region-chosen">
                {t('region.timeline.chosen', { date: formatDayLong(checked.day, language) })}
              </span>
            ) : null}
            {warnings
              .filter((w) => w.field === f)
              .map((w) => (
                <span key={`${w.kind}-${w.otherField ?? ''}`} className="ovs-region-field-warning">
                  <strong>{t('region.timeline.warningAt')}</strong> <Say message={w.message} />
                </span>
              ))}
            <EvaluationFieldNotes field={f} feedback={view.evaluation} warnings={warnings} />
          </>
        }
        error={errors[f]?.text}
        invalid={errors[f]?.parts ?? []}
        value={values[f]}
        onChange={(next) => setValues({ ...values, [f]: next })}
        labels={{
          day: t('region.timeline.day'),
          month: t('region.timeline.month'),
          year: t('region.timeline.yearPart'),
        }}
      />
    );
  };
  const switchText = (() => {
    const s = saved?.result.summerSwitch;
    if (!s) return undefined;
    if (s.status === 'set' || s.status === 'unchanged')
      return t('region.timeline.switch.set', { date: formatDay(s.day, language) });
    if (s.status === 'notNext' && s.nextSchoolYear)
      return t('region.timeline.switch.notNext', { schoolYear: s.nextSchoolYear });
    if (s.status === 'notNext') return t('region.timeline.switch.past');
    return t('region.timeline.switch.failed');
  })();

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-region-timeline">
      {saved ? (
        <Notice title={t('region.timeline.saved', { schoolYear: view.schoolYear })} focusKey={saved.key}>
          {switchText ? <Paragraph>{switchText}</Paragraph> : null}
        </Notice>
      ) : null}
      {failure ? <Notice tone="error" title={failure.text} focusKey={failure.key} /> : null}
      <ErrorSummary title={t('region.timeline.refusedTitle')} errors={summary} />
      {warnings.length > 0 && summary.length === 0 ? (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <Heading level={2}>
                {warnings.length === 1
                  ? t('region.timeline.warningsTitleOne')
                  : t('region.timeline.warningsTitle', { count: warnings.length })}
              </Heading>
              <ul className="utrecht-unordered-list">
                {warnings.map((w) => (
                  <li
                    key={`${w.kind}-${w.field ?? ''}-${w.otherField ?? ''}`}
                    className="utrecht-unordered-list__item"
                  >
                    {w.field ? (
                      <a className="utrecht-link" href={`#${partId(w.field, 'day')}`}>
                        <Say message={w.message} />
                      </a>
                    ) : (
                      <Say message={w.message} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ) : null}
      {view.dates === null && !saved ? <Paragraph>{t('region.timeline.none')}</Paragraph> : null}
      <Paragraph>
        {t('region.timeline.rules', {
          holidayRegion: t(`region.settings.holiday.${view.holidayRegion}` as MessageKey).toLowerCase(),
          days: view.minGapSchoolDays,
        })}{' '}
        <Link to={`/regio/${seg(regionId)}/instellingen`}>{t('region.timeline.rulesLink')}</Link>
      </Paragraph>
      {view.evaluation ? <EvaluationNotes regionId={regionId} feedback={view.evaluation} /> : null}
      <Heading level={2}>{t('region.timeline.deadlines')}</Heading>
      {DEADLINES.map((f, i) => field(f, i + 1))}
      <Heading level={2}>{t('region.timeline.afterTitle')}</Heading>
      {field('summerSwitch')}
      {view.gatewaySummerSwitch ? (
        <Paragraph>
          {t('region.timeline.gateway', {
            day: new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
              day: 'numeric',
              month: 'long',
              timeZone: 'UTC',
            }).format(new Date(`2001-${view.gatewaySummerSwitch}T00:00:00Z`)),
          })}
        </Paragraph>
      ) : null}
      <Button type="submit" busy={busy}>
        {t('region.timeline.save')}
      </Button>
    </form>
  );
}
