/** The vo school's pages (issue 4): registrations, requests and received dossiers. */
export { RegistrationPage } from './registration-page';
export { RegistrationsPage } from './registrations-page';
