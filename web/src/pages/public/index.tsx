import { Heading } from '../../components';

export function AdmittedSchoolsPage() {
  return <Heading level={1}>AdmittedSchoolsPage</Heading>;
}
