import { NavLink } from 'react-router';
import { seg } from '../../api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';

/**
 * The region's menu under the header (layout.tsx shows it on /regio/:regionId pages), for the
 * region's coordinators only: someone else gets the page's "no access" and no menu.
 */
export function RegionMenu({ regionId }: { regionId: string }) {
  const { me } = useSession();
  const coordinator = (me?.memberships ?? []).some((m) => m.scope === 'region' && m.regionId === regionId);
  return coordinator ? <RegionMenuItems regionId={regionId} /> : null;
}

function RegionMenuItems({ regionId }: { regionId: string }) {
  const { t } = useT();
  const regions = useResource<Array<{ id: string; name: string }>>('/api/region/regions');
  const name = regions.data?.find((r) => r.id === regionId)?.name ?? '';
  const base = `/regio/${seg(regionId)}`;
  const items = [
    { to: base, label: t('region.nav.overview'), end: true },
    { to: `${base}/tijdlijn`, label: t('region.nav.timeline'), end: false },
    { to: `${base}/instellingen`, label: t('region.nav.settings'), end: false },
    { to: `${base}/contacten`, label: t('region.nav.contacts'), end: false },
    { to: `${base}/monitoring`, label: t('region.monitoring.navRegion'), end: false },
    { to: `${base}/herinneringen`, label: t('region.reminders.nav'), end: false },
    { to: `${base}/okr`, label: t('region.okr.navRegion'), end: false },
    { to: `${base}/evaluatie`, label: t('region.evaluation.nav'), end: false },
    { to: `${base}/pilots`, label: t('region.pilot.nav'), end: false },
  ];
  return (
    <nav className="ovs-schoolnav" aria-label={t('region.nav.label')}>
      <div className="ovs-schoolnav__inner">
        <span className="ovs-schoolnav__school">{name || t('role.regiocoordinator')}</span>
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

/** Tiles on the home page for the regions a person coordinates (with the regions' names). */
export function RegionTiles({ regionIds }: { regionIds: string[] }) {
  const { t } = useT();
  const regions = useResource<Array<{ id: string; name: string }>>(
    regionIds.length > 0 ? '/api/region/regions' : null,
  );
  return (
    <>
      {regionIds.map((id) => (
        <li key={id} className="ovs-tile">
          <NavLink className="utrecht-link utrecht-link--html-a" to={`/regio/${seg(id)}`}>
            {regions.data?.find((r) => r.id === id)?.name ?? id}
          </NavLink>
          <p className="utrecht-paragraph">{t('region.tile.text')}</p>
        </li>
      ))}
    </>
  );
}
