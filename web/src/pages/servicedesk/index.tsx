import { Route, Routes } from 'react-router';
import { Heading, Link, Paragraph } from '../../components';
import { useT } from '../../i18n';
import { NotFound } from '../../layout';
import { useSession } from '../../session';
import { ExchangesPage } from './exchanges-page';
import { NewSchoolPage } from './new-school-page';
import { OverviewPage } from './overview-page';
import { SchoolPage } from './school-page';
import { SchoolsPage } from './schools-page';
import { SupplierPage } from './supplier-page';
import { SuppliersPage } from './suppliers-page';
import { Notice } from './ui';
import './servicedesk.css';

/**
 * /servicedesk/* — the chain operator's pages (DESIGN.md §1): schools and their connection path,
 * supplier systems and mandates, delivery points, admission, and the outcomes of exchanges. Only
 * for people with the servicedesk role (tc:read everywhere); the API refuses everyone else too.
 */
export function ServicedeskPage() {
  const { can } = useSession();
  if (!can('tc:read')) return <NoAccess />;
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="scholen" element={<SchoolsPage />} />
      <Route path="scholen/nieuw" element={<NewSchoolPage />} />
      <Route path="scholen/:brin" element={<SchoolPage />} />
      <Route path="leveranciers" element={<SuppliersPage />} />
      <Route path="leveranciers/:supplierId" element={<SupplierPage />} />
      <Route path="uitwisselingen" element={<ExchangesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NoAccess() {
  const { t } = useT();
  return (
    <>
      <Heading level={1}>{t('sd.title')}</Heading>
      <Notice tone="error" title={t('sd.noAccess.title')}>
        <Paragraph>{t('sd.noAccess.text')}</Paragraph>
      </Notice>
      <Paragraph>
        <Link to="/">{t('sd.noAccess.home')}</Link>
      </Paragraph>
    </>
  );
}
