/**
 * Thin React components over the NL Design System (Utrecht) CSS components and design tokens.
 * ADR 0005 says why not the @utrecht React package. Every form control has a visible label, a
 * description and an error message tied to it with aria-describedby; focus styles come from the
 * tokens (the form controls are in form-fields.tsx, re-exported here). Pages use these, not raw
 * class names.
 */
import { type ButtonHTMLAttributes, type ReactNode, useEffect, useId, useRef } from 'react';
import { type LinkProps, Link as RouterLink } from 'react-router';

import { cx } from './cx';

export {
  Checkbox,
  FileField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from './form-fields';

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
