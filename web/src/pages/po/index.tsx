export { LeavingDossierPage } from './leaving-dossier';
export { LeavingListPage } from './leaving-list';
