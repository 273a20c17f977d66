import { Route, Routes, useParams } from 'react-router';
import { Heading, Link, Paragraph } from '../../components';
import { useT } from '../../i18n';
import { NotFound } from '../../layout';
import { useSession } from '../../session';
import { ContactsPage } from './contacts-page';
import { EvaluationPage } from './evaluation-page';
import { MonitoringPage } from './monitoring-page';
import { OkrPage } from './okr-page';
import { OverviewPage } from './overview-page';
import { PilotPage } from './pilot-page';
import { RemindersPage } from './reminders-page';
import { SettingsPage } from './settings-page';
import { TimelinePage } from './timeline-page';
import { Notice } from './ui';
import './region.css';

export { SchoolHelpPage } from './help-page';
export { RegionMenu, RegionTiles } from './menu';
export { SchoolProgressPage } from './monitoring-school-page';
export { OkrAddendumFormPage } from './okr-addendum-form';
export { SchoolPilotPage } from './pilot-school-page';
export { UpcomingPilotsSection } from './pilot-upcoming';
export { ReminderNotices } from './reminder-notices';

/**
 * /regio/:regionId/* — the regional coordinator's pages (DESIGN.md §6, issue 5): the member schools
 * and their readiness, the timeline of a school year, the region's settings, and the contacts. Only
 * for the region's coordinators; the API refuses everyone else too.
 */
export function RegionPage() {
  const { regionId = '' } = useParams();
  const { me } = useSession();
  const coordinator = (me?.memberships ?? []).some((m) => m.scope === 'region' && m.regionId === regionId);
  if (!coordinator) return <NoAccess />;
  return (
    <Routes>
      <Route index element={<OverviewPage regionId={regionId} />} />
      <Route path="tijdlijn" element={<TimelinePage regionId={regionId} />} />
      <Route path="instellingen" element={<SettingsPage regionId={regionId} />} />
      <Route path="contacten" element={<ContactsPage regionId={regionId} />} />
      <Route path="monitoring" element={<MonitoringPage regionId={regionId} />} />
      <Route path="herinneringen" element={<RemindersPage regionId={regionId} />} />
      <Route path="okr/*" element={<OkrPage regionId={regionId} />} />
      <Route path="evaluatie/*" element={<EvaluationPage regionId={regionId} />} />
      <Route path="pilots/*" element={<PilotPage regionId={regionId} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NoAccess() {
  const { t } = useT();
  return (
    <>
      <Heading level={1}>{t('region.noAccess.heading')}</Heading>
      <Notice tone="error" title={t('region.noAccess.title')}>
        <Paragraph>{t('region.noAccess.text')}</Paragraph>
      </Notice>
      <Paragraph>
        <Link to="/">{t('region.noAccess.home')}</Link>
      </Paragraph>
    </>
  );
}
