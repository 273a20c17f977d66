import { Heading } from '../../components';

export function PeoplePage() {
  return <Heading level={1}>PeoplePage</Heading>;
}
