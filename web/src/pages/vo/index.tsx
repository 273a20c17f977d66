import { Heading } from '../../components';

export function RegistrationsPage() {
  return <Heading level={1}>RegistrationsPage</Heading>;
}

export function RegistrationPage() {
  return <Heading level={1}>RegistrationPage</Heading>;
}
