/**
 * The form controls over the NL Design System (Utrecht) form-field CSS: every control has a visible
 * label, a description and an error message tied to it with aria-describedby (see index.tsx).
 */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { cx } from './cx';

interface FieldShell {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
}

/** The field's id (the caller's, or a generated one) and the ids of its notes for aria-describedby. */
function useFieldIds(error?: string, description?: ReactNode, givenId?: string) {
  const generated = useId();
  const id = givenId ?? generated;
  const describedBy = cx(description ? `${id}-description` : undefined, error ? `${id}-error` : undefined);
  return { id, describedBy: describedBy || undefined };
}

/** A field's description and error message, with the ids that aria-describedby points to. */
function FieldNotes({ id, description, error }: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={`${id}-description`}
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div
          className="utrecht-form-field__error-message utrecht-form-field-error-message"
          id={`${id}-error`}
        >
          {error}
        </div>
      ) : null}
    </>
  );
}

function FieldFrame({
  id,
  label,
  description,
  error,
  required,
  children,
  kind = 'text',
}: FieldShell & { id: string; children: ReactNode; kind?: 'text' | 'checkbox' }) {
  return (
    <div
      className={cx(
        'utrecht-form-field',
        `utrecht-form-field--${kind}`,
        'utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required ? (
            <span className="ovs-required" aria-hidden="true">
              {' '}
              *
            </span>
          ) : null}
        </label>
      </div>
      <FieldNotes id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField({
  label,
  description,
  error,
  required,
  className,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const { id, describedBy } = useFieldIds(error, description, input.id);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} required={required}>
      <input
        {...input}
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx(
          'utrecht-textbox utrecht-textbox--html-input',
          error && 'utrecht-textbox--invalid',
          className,
        )}
      />
    </FieldFrame>
  );
}

/** A file to upload: label, description and error message tied to the input like the other fields. */
export function FileField({
  label,
  description,
  error,
  required,
  inputRef,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { inputRef?: Ref<HTMLInputElement> }) {
  const { id, describedBy } = useFieldIds(error, description, input.id);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} required={required}>
      <input
        {...input}
        ref={inputRef}
        type="file"
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

export function TextArea({
  label,
  description,
  error,
  required,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, describedBy } = useFieldIds(error, description, input.id);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} required={required}>
      <textarea
        rows={4}
        {...input}
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx(
          'utrecht-textarea utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
        )}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  description,
  error,
  required,
  options,
  ...select
}: FieldShell &
  SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  const { id, describedBy } = useFieldIds(error, description, select.id);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} required={required}>
      <select
        {...select}
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx('utrecht-select utrecht-select--html-select', error && 'utrecht-select--invalid')}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox({
  label,
  description,
  error,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { id, describedBy } = useFieldIds(error, description, input.id);
  return (
    <div
      className={cx(
        'utrecht-form-field utrecht-form-field--checkbox',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__input">
        <input
          {...input}
          type="checkbox"
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldNotes id={id} description={description} error={error} />
    </div>
  );
}

export function RadioGroup({
  legend,
  name,
  value,
  onChange,
  options,
  error,
  description,
  idPrefix,
}: {
  legend: ReactNode;
  name: string;
  value: string | undefined;
  onChange(value: string): void;
  options: Array<{ value: string; label: ReactNode }>;
  error?: string;
  description?: ReactNode;
  /** Radio ids become `<idPrefix>-<value>`: an error summary links to the first option. */
  idPrefix?: string;
}) {
  const generatedId = useId();
  const id = idPrefix ?? generatedId;
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={cx(description ? `${id}-d` : undefined, error ? `${id}-e` : undefined) || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-d`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-e`}>
          {error}
        </div>
      ) : null}
      {options.map((o) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--radio">
          <div className="utrecht-form-field__input">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
          </div>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
