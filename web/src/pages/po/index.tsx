import { Heading } from '../../components';

export function LeavingListPage() {
  return <Heading level={1}>LeavingListPage</Heading>;
}

export function LeavingDossierPage() {
  return <Heading level={1}>LeavingDossierPage</Heading>;
}
