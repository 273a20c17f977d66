import { NavLink } from 'react-router';
import { StatusBadge } from '../../components';
import { Notice as SharedNotice } from '../../components/notice';
import { useT } from '../../i18n';
import { mailto, tel } from './format';
import type { Message } from './types';

type NoticeProps = Omit<Parameters<typeof SharedNotice>[0], 'className'>;

/** The shared notice (components/notice.tsx) with this area's spacing. */
export function Notice(props: NoticeProps) {
  return <SharedNotice {...props} className="ovs-region-notice" />;
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

/** A page group's own menu: links as tabs, the current one marked. */
export function SubNav({
  label,
  items,
}: {
  label: string;
  items: Array<{ to: string; label: string; end: boolean }>;
}) {
  return (
    <nav className="ovs-subnav" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.end} className="ovs-subnav__link">
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
