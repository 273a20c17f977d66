import { Heading } from '../../components';

export function ServicedeskPage() {
  return <Heading level={1}>ServicedeskPage</Heading>;
}
