import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../../layout';
import { PilotDetailPage } from './pilot-detail-page';
import { PilotFormPage } from './pilot-form-page';
import { PilotListPage } from './pilot-list-page';
import './pilot.css';

/** /regio/:regionId/pilots/* — the coordinator's pilot pages (ADR 0007). */
export function PilotPage({ regionId }: { regionId: string }) {
  return (
    <Routes>
      <Route index element={<PilotListPage regionId={regionId} />} />
      <Route path="nieuw" element={<PilotFormPage regionId={regionId} />} />
      <Route path=":pilotId" element={<PilotRoute regionId={regionId} edit={false} />} />
      <Route path=":pilotId/wijzigen" element={<PilotRoute regionId={regionId} edit />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function PilotRoute({ regionId, edit }: { regionId: string; edit: boolean }) {
  const { pilotId = '' } = useParams();
  return edit ? (
    <PilotFormPage regionId={regionId} pilotId={pilotId} />
  ) : (
    <PilotDetailPage regionId={regionId} pilotId={pilotId} />
  );
}
