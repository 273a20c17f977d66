/** The sign-in pages: sign in (with the second factor), invitation, password reset, test mail. */
export { DevMailPage } from './dev-mail';
export { InvitationPage } from './invitation';
export { PasswordResetPage, PasswordResetRequestPage } from './password-reset';
export { SignInPage } from './sign-in';
