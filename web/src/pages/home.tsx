import { Navigate } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '../components';
import { useT } from '../i18n';
import { useSession } from '../session';
import { RegionTiles } from './region';

/** After sign-in: the schools and areas this person works in; with one school, straight there. */
export function HomePage() {
  const { t } = useT();
  const { me, schools, can } = useSession();
  if (!me) return null;
  const servicedesk = can('tc:admin');
  const regions = me.memberships.filter((m) => m.scope === 'region');
  const start = (brin: string, sector: string) =>
    sector === 'vo' || sector === 'swv' ? `/school/${brin}/aanmeldingen` : `/school/${brin}/vertrek`;
  if (schools.length === 1 && !servicedesk && regions.length === 0) {
    return <Navigate to={start(schools[0].brin, schools[0].sector)} replace />;
  }
  return (
    <>
      <Heading level={1}>{t('home.title')}</Heading>
      {schools.length === 0 && !servicedesk && regions.length === 0 ? (
        <Alert>{t('home.noSchools')}</Alert>
      ) : null}
      <ul className="ovs-tiles">
        {schools.map((s) => (
          <li key={s.brin} className="ovs-tile">
            <Link to={start(s.brin, s.sector)}>{t('home.school', { name: s.schoolName, brin: s.brin })}</Link>
            <Paragraph>
              {t(`sector.${s.sector}`)} ·{' '}
              {s.roles.map((r) => t(`role.${r}` as 'role.administratie')).join(', ')}
            </Paragraph>
          </li>
        ))}
        <RegionTiles regionIds={regions.map((r) => r.regionId)} />
        {servicedesk ? (
          <li className="ovs-tile">
            <Link to="/servicedesk">{t('nav.servicedesk')}</Link>
            <Paragraph>{t('role.servicedesk')}</Paragraph>
          </li>
        ) : null}
      </ul>
    </>
  );
}
