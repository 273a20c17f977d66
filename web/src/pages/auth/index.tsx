import { Heading } from '../../components';

export function SignInPage() {
  return <Heading level={1}>SignInPage</Heading>;
}

export function InvitationPage() {
  return <Heading level={1}>InvitationPage</Heading>;
}

export function PasswordResetRequestPage() {
  return <Heading level={1}>PasswordResetRequestPage</Heading>;
}

export function PasswordResetPage() {
  return <Heading level={1}>PasswordResetPage</Heading>;
}

export function DevMailPage() {
  return <Heading level={1}>DevMailPage</Heading>;
}
