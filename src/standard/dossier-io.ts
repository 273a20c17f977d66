import { StandardError } from './errors.js';
import { checkAttachmentLimits, DEFAULT_LIMITS, type DossierLimits } from './limits.js';
import { elementToModel } from './model/from-tree.js';
import { modelToXml } from './model/to-xml.js';
import type { Dossier, DossierBatch } from './model.js';
import { SCHEMA } from './schema/index.js';
import { validateSchema } from './schema/validate-xsd.js';
import { parseXml } from './xml/parse.js';

export type OsoDocument =
  | { kind: 'dossier'; dossier: Dossier }
  | { kind: 'dossiers'; dossiers: DossierBatch };

export interface ReadOptions {
  limits?: Partial<DossierLimits>;
}

/**
 * Reads the bytes of an OSO document (`<dossier>` or a `<dossiers>` batch) into the typed model.
 * Throws a StandardError when the bytes are not well-formed, hostile (DOCTYPE, too large, too
 * deep, too many attachments) or not valid against the 2019.1 schema; every problem carries its
 * line and column. Business rules are not checked here: that is `validateDocument`.
 */
export function readDocument(bytes: Uint8Array, options: ReadOptions = {}): OsoDocument {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const doc = parseXml(bytes, limits);
  checkAttachmentLimits(doc.root, limits);
  const problems = validateSchema(doc.root, 'strict');
  if (problems.length > 0) {
    const first = problems[0];
    throw new StandardError(
      problems.some((p) => p.rule === 'XSD.ROOT' || p.rule === 'XSD.NAMESPACE')
        ? 'DOSSIER_ROOT_INVALID'
        : 'DOSSIER_SCHEMA_INVALID',
      {
        nl: `Het document voldoet niet aan de OSO gegevensset 2019.1 (${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'}; eerste op regel ${first.line}, kolom ${first.column}): ${first.message.nl}`,
        en: `The document does not conform to the OSO gegevensset 2019.1 (${problems.length} ${problems.length === 1 ? 'error' : 'errors'}; first at line ${first.line}, column ${first.column}): ${first.message.en}`,
      },
      problems.map((p) => ({ line: p.line, column: p.column, path: p.path, message: p.message })),
    );
  }
  const model = elementToModel(doc.root, SCHEMA.elements[doc.root.name]);
  return doc.root.name === 'dossier'
    ? { kind: 'dossier', dossier: model as Dossier }
    : { kind: 'dossiers', dossiers: model as DossierBatch };
}

/** Reads one dossier; a batch or any other root is refused. */
export function readDossier(bytes: Uint8Array, options: ReadOptions = {}): Dossier {
  const doc = readDocument(bytes, options);
  if (doc.kind !== 'dossier') {
    throw new StandardError('DOSSIER_ROOT_INVALID', {
      nl: 'Het document is een reeks dossiers (<dossiers>); hier wordt één dossier verwacht.',
      en: 'The document is a batch (<dossiers>); one dossier is expected here.',
    });
  }
  return doc.dossier;
}

/** Writes a dossier as UTF-8 XML in schema order. */
export function writeDossier(dossier: Dossier): Buffer {
  return modelToXml('dossier', dossier);
}

/** Writes a batch of dossiers (and feedback messages) as one `<dossiers>` document. */
export function writeDossiers(batch: DossierBatch): Buffer {
  return modelToXml('dossiers', batch);
}
