/**
 * OKR coverage (DESIGN.md §6, issue 5): a region's own transfer report (OKR) laid beside the OSO
 * gegevensset — its fields uploaded or entered, mapped to the gegevensset's elements (suggested by
 * a curated synonym list and name likeness, confirmed by the coordinator), what travels with OSO and
 * what not — and the regional addendum that po schools fill in per pupil and attach to the dossier.
 *
 * The public face of the OKR part of the region module; `src/region/index.ts` re-exports it.
 */
export { addOkrField, type NewOkrField } from './add-okr-field.js';
export { gatewayDossierAttachments } from './all-in-one-ports.js';
export {
  ADDENDUM_OMSCHRIJVING,
  type AttachedOkrAddendum,
  type AttachOkrAddendumInput,
  attachOkrAddendum,
} from './attach-okr-addendum.js';
export { LEERLING, OSO_ELEMENTS, type OsoElement, travelOf } from './catalogue.js';
export { confirmOkrSuggestions, SURE_SCORE } from './confirm-okr-suggestions.js';
export { decideOkrField, type OkrDecision } from './decide-okr-field.js';
export { seedDemoOkr } from './demo-okr.js';
export type { DossierAttachments, OkrDeps } from './deps.js';
export { getOkr, type OkrView } from './get-okr.js';
export { getOkrAddendum } from './get-okr-addendum.js';
export { importOkrFile, type OkrImported } from './import-okr-file.js';
export { listOsoElements, type OsoElementCatalogue } from './list-oso-elements.js';
export { listSchoolOkrAddenda } from './list-school-okr-addenda.js';
export { type Suggestion, suggestElements } from './matcher.js';
export { okrMigrations } from './migrations.js';
export type { AddendumForm } from './okr-addendum.js';
export type { Coverage, OkrFieldView } from './okr-store.js';
export { printOkrAddendum } from './print-okr-addendum.js';
export { removeOkrField } from './remove-okr-field.js';
export { type OkrRouteDeps, registerOkrRoutes } from './routes.js';
