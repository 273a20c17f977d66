/**
 * Thin React components over the NL Design System (Utrecht) CSS components and design tokens.
 * ADR 0005 says why not the @utrecht React package. Every form control has a visible label, a
 * description and an error message tied to it with aria-describedby; focus styles come from the
 * tokens. Pages use these, not raw class names.
 */
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react';
import { type LinkProps, Link as RouterLink } from 'react-router';

const cx = (...names: Array<string | false | undefined | null>) => names.filter(Boolean).join(' ');

export function Heading({ level, children, id }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead')}>{children}</p>;
}

export function Link(props: LinkProps) {
  return <RouterLink {...props} className={cx('utrecht-link utrecht-link--html-a', props.className)} />;
}

type ButtonKind = 'primary' | 'secondary' | 'subtle' | 'danger';
export function Button({
  kind = 'primary',
  busy,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { kind?: ButtonKind; busy?: boolean }) {
  const modifier = {
    primary: 'utrecht-button--primary-action',
    secondary: 'utrecht-button--secondary-action',
    subtle: 'utrecht-button--subtle',
    danger: 'utrecht-button--primary-action utrecht-button--danger',
  }[kind];
  return (
    <button
      type="button"
      {...rest}
      aria-busy={busy || undefined}
      disabled={rest.disabled || busy}
      className={cx('utrecht-button', modifier, busy && 'utrecht-button--busy', className)}
    />
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}

export function ButtonLink({ kind = 'secondary', ...props }: LinkProps & { kind?: 'primary' | 'secondary' }) {
  return (
    <RouterLink
      {...props}
      className={cx(
        'utrecht-button-link utrecht-button-link--html-a',
        kind === 'primary' ? 'utrecht-button-link--primary-action' : 'utrecht-button-link--secondary-action',
        props.className,
      )}
    />
  );
}

type AlertType = 'info' | 'ok' | 'warning' | 'error';
export function Alert({ type = 'info', children }: { type?: AlertType; children: ReactNode }) {
  return (
    <div
      className={cx('utrecht-alert', `utrecht-alert--${type}`)}
      role={type === 'error' ? 'alert' : 'status'}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

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

/**
 * The GOV.UK/NL Design System error summary: a list of links to the fields that are wrong,
 * focused when it appears so that screen-reader users hear it.
 */
export function ErrorSummary({
  title,
  errors,
}: {
  title: string;
  errors: Array<{ fieldId?: string; message: string }>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="ovs-error-summary utrecht-alert utrecht-alert--error"
      role="alert"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2}>{title}</Heading>
          <ul className="utrecht-unordered-list">
            {errors.map((e) => (
              <li key={`${e.fieldId}-${e.message}`} className="utrecht-unordered-list__item">
                {e.fieldId ? (
                  <a className="utrecht-link" href={`#${e.fieldId}`}>
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * A region that scrolls sideways on narrow screens must be reachable by keyboard (WCAG 2.1.1; axe
 * scrollable-region-focusable), so the table's container takes focus.
 */
const KEYBOARD_SCROLLABLE = { tabIndex: 0 } as const;

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell(row: Row): ReactNode;
  numeric?: boolean;
}

export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: ReactNode;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey(row: Row): string;
}) {
  const id = useId();
  return (
    <section
      className="utrecht-table-container utrecht-table-container--overflow-inline"
      aria-labelledby={`${id}-caption`}
      {...KEYBOARD_SCROLLABLE}
    >
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
        <caption id={`${id}-caption`} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cx(
                  'utrecht-table__header-cell',
                  c.numeric && 'utrecht-table__header-cell--numeric-column',
                )}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={cx('utrecht-table__cell', c.numeric && 'utrecht-table__cell--numeric-data')}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export type Tone = 'neutral' | 'info' | 'ok' | 'warning' | 'error';
/** A state as a coloured label with text (never colour alone). */
export function StatusBadge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx('utrecht-badge-status', 'ovs-badge', `ovs-badge--${tone}`)}>{children}</span>;
}

export function DataList({ items }: { items: Array<{ key: ReactNode; value: ReactNode }> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
        <div key={index} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A card-like section of a page with a heading. */
export function Section({
  title,
  children,
  actions,
}: {
  title: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="ovs-section" aria-labelledby={id}>
      <div className="ovs-section__header">
        <Heading level={2} id={id}>
          {title}
        </Heading>
        {actions ? <div className="ovs-section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
