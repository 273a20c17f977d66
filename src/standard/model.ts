/**
 * The typed dossier model of the OSO gegevensset 2019.1, generated from the official XSD
 * (`model.generated.ts`, by `npm run generate:schema`). Property names are the standard's own
 * element names; `items` holds the repeated group of `cijferlijstTypelijst`, `value` the text of
 * an element that also has attributes (`land`, `nationaliteit`).
 */
import type { Dossiers } from './model.generated.js';

export type * from './model.generated.js';

/** A batch: `<dossiers>` with dossiers and feedback messages. */
export type DossierBatch = Dossiers;
