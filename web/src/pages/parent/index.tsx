import { Heading } from '../../components';

export function InspectionPage() {
  return <Heading level={1}>InspectionPage</Heading>;
}
