/**
 * The OSO gegevensset 2019.1 dossier library: the public face of `src/standard`. Everything else
 * in Overstap imports the standard through this file. It depends on nothing else of ours.
 */
export {
  type AttachmentEntry,
  addAttachment,
  base64Size,
  type ExtractedFile,
  extractAttachment,
  listAttachments,
  makeAttachment,
  type NewAttachment,
} from './attachments/attachments.js';
export { ALLOWED_EXTENSIONS, extensionOf, inspectAttachment } from './attachments/inspect.js';
export * from './codelists.js';
export {
  type OsoDocument,
  type ReadOptions,
  readDocument,
  readDossier,
  writeDossier,
  writeDossiers,
} from './dossier-io.js';
export { dutchDay, schoolYearOf } from './dutch-day.js';
export {
  isStandardError,
  type Message,
  StandardError,
  type StandardErrorCode,
  type StandardProblem,
} from './errors.js';
export {
  compareFindings,
  type Finding,
  isBusinessRule,
  type Severity,
  type ValidationMode,
} from './findings.js';
export { type GenerateOptions, generateDossier, generateDossiers } from './generate/index.js';
export {
  checkBsn,
  checkOnderwijsnummer,
  isValidBsn,
  isValidOnderwijsnummer,
  type NumberVerdict,
} from './identifiers.js';
export { DEFAULT_LIMITS, type DossierLimits } from './limits.js';
export type * from './model.js';
export * from './profiles.js';
export {
  escapeHtml,
  htmlToPdf,
  isRenderError,
  type PdfOptions,
  RenderError,
  renderDossierHtml,
  renderDossierPdf,
} from './render/index.js';
export { curatedLabel } from './render/labels.js';
export { type Particle, SCHEMA, type TypeDef, typeDef } from './schema/index.js';
export {
  type ValidateOptions,
  type ValidationResult,
  validateAndReadDossier,
  validateDocument,
  validateTree,
} from './validate.js';
