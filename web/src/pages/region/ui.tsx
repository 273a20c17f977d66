import { type ReactNode, useEffect, useRef } from 'react';
import { Heading, StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { mailto, tel } from './format';
import type { Message } from './types';

/**
 * The outcome of an action (or a refusal that is not about one field), as an alert with a heading,
 * focused when it appears and whenever `focusKey` changes, so that it is heard first.
 */
export function Notice({
  title,
  children,
  tone = 'ok',
  focusKey,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'ok' | 'error' | 'warning';
  focusKey?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === 'ok' ? 'status' : 'alert'}
      className={`ovs-region-notice utrecht-alert utrecht-alert--${tone}`}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2}>{title}</Heading>
          {children}
        </div>
      </div>
    </div>
  );
}

/** A server sentence in the chosen language. */
export function Say({ message }: { message: Message }) {
  const { pick } = useT();
  return <>{pick(message)}</>;
}

/** The readiness of a school as a badge with words. */
export function ReadinessBadge({ ready, open }: { ready: boolean; open: number }) {
  const { t } = useT();
  if (ready) return <StatusBadge tone="ok">{t('region.overview.ready')}</StatusBadge>;
  return (
    <StatusBadge tone="warning">
      {open === 1 ? t('region.overview.openOne') : t('region.overview.open', { count: open })}
    </StatusBadge>
  );
}

/** E-mail and phone of a contact as links (mailto:, tel:). */
export function Reach({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <span className="ovs-region-reach">
      {email ? (
        <a className="utrecht-link" href={mailto(email)}>
          {email}
        </a>
      ) : null}
      {phone ? (
        <a className="utrecht-link" href={tel(phone)}>
          {phone}
        </a>
      ) : null}
    </span>
  );
}
