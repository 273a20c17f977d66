/** The parents' inspection of the transfer dossier (/inzage/:token), without an account. */
export { InspectionPage } from './inspection-page';
