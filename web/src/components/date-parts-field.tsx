import { type ReactNode, useId } from 'react';
import './date-parts-field.css';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;

/** The parts of a 'YYYY-MM-DD' day (empty parts for none), to fill a DatePartsField. */
export function toParts(day: string | undefined): DateParts {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m
    ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] }
    : { day: '', month: '', year: '' };
}

/** 'YYYY-MM-DD' for a real calendar day, or the parts that are wrong. */
export function toDay(parts: DateParts): { day: string } | { wrong: DatePart[] } {
  const wrong: DatePart[] = [];
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(d) || Number(d) < 1 || Number(d) > 31) wrong.push('day');
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12) wrong.push('month');
  if (!/^\d{4}$/.test(y)) wrong.push('year');
  if (wrong.length > 0) return { wrong };
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const real = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== day
    ? { wrong: ['day'] }
    : { day };
}

/**
 * A date as three small number fields (day, month, year) in a fieldset with one legend, one hint
 * and one error message — the NL Design System / GOV.UK pattern for a date people know by heart,
 * such as a date of birth: easier on a phone than a calendar. The error summary links to
 * `<idPrefix>-day` (or the first wrong part); `invalid` marks which parts are wrong.
 */
export function DatePartsField({
  idPrefix,
  legend,
  hint,
  error,
  invalid = [],
  value,
  onChange,
  labels,
  autoComplete = 'off',
}: {
  idPrefix: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  invalid?: readonly DatePart[];
  value: DateParts;
  onChange(next: DateParts): void;
  labels: Record<DatePart, string>;
  /** 'off' by default: for a child's date of birth the browser would offer the parent's own. */
  autoComplete?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const part = (name: DatePart, size: 'short' | 'long', maxLength: number) => (
    <div className={`ovs-date-parts__item ovs-date-parts__item--${size}`}>
      <label className="utrecht-form-label" htmlFor={`${idPrefix}-${name}`}>
        {labels[name]}
      </label>
      <input
        id={`${idPrefix}-${name}`}
        name={`${idPrefix}-${name}`}
        className={`utrecht-textbox utrecht-textbox--html-input${invalid.includes(name) ? ' utrecht-textbox--invalid' : ''}`}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={maxLength}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={invalid.includes(name) || undefined}
        value={value[name]}
        onChange={(e) => onChange({ ...value, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ovs-date-parts${error ? ' utrecht-form-fieldset--invalid ovs-date-parts--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {hint ? (
        <div className="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="ovs-date-parts__row">
        {part('day', 'short', 2)}
        {part('month', 'short', 2)}
        {part('year', 'long', 4)}
      </div>
    </fieldset>
  );
}
