import { NavLink } from 'react-router';
import { useT } from '../../i18n';

/** The servicedesk's menu under the header (layout.tsx shows it on /servicedesk pages). */
export function ServicedeskMenu() {
  const { t } = useT();
  const items = [
    { to: '/servicedesk', label: t('sd.nav.overview'), end: true },
    { to: '/servicedesk/scholen', label: t('sd.nav.schools'), end: false },
    { to: '/servicedesk/leveranciers', label: t('sd.nav.suppliers'), end: false },
    { to: '/servicedesk/uitwisselingen', label: t('sd.nav.exchanges'), end: false },
  ];
  return (
    <nav className="ovs-schoolnav" aria-label={t('sd.nav.label')}>
      <div className="ovs-schoolnav__inner">
        <span className="ovs-schoolnav__school">{t('sd.title')}</span>
        <ul className="ovs-schoolnav__list">
          {items.map((i) => (
            <li key={i.to}>
              <NavLink to={i.to} end={i.end} className="ovs-schoolnav__link">
                {i.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
