import { isStandardError, type StandardError } from './errors.js';
import { compareFindings, type Finding, type ValidationMode } from './findings.js';
import { checkAttachmentLimits, DEFAULT_LIMITS, type DossierLimits } from './limits.js';
import { elementToModel } from './model/from-tree.js';
import type { Dossier } from './model.js';
import { checkBusinessRules, officialFamily } from './rules/index.js';
import { SCHEMA } from './schema/index.js';
import { validateSchema } from './schema/validate-xsd.js';
import { doctypeRefused, parseXml } from './xml/parse.js';
import type { XDocument } from './xml/tree.js';

export interface ValidationResult {
  wellFormed: boolean;
  xsdValid: boolean;
  /** Every finding: document (XML.*), schema (XSD.*) and business rules, in document order. */
  findings: Finding[];
  /** The business-rule set that applied: PaO for an swv-dossier, otherwise OV. */
  profile: 'OV' | 'PaO' | null;
  /**
   * Official mode only: the official stylesheet would have stopped with this dynamic error and
   * given no business-rule verdict (XPTY0004 on some batches, FORG0001 on a non-boolean value
   * that a rule reads as boolean, DOCTYPE when entities were declared).
   */
  officialAborted?: string;
}

export interface ValidateOptions {
  mode?: ValidationMode;
  limits?: Partial<DossierLimits>;
}

/** Error codes that mean the bytes are not a well-formed XML document. */
const NOT_WELL_FORMED = new Set(['XML_NOT_WELL_FORMED', 'XML_ENCODING_INVALID', 'XML_ENCODING_UNSUPPORTED']);

/**
 * Validates the bytes of an OSO document. Two modes, one engine: `strict` (the default) checks
 * the standard as written; `official` reproduces the verdicts of the official 2019.1 validation,
 * its known defects included. Input beyond the limits (size, depth, attachments) is not judged
 * but refused: this function throws a StandardError for it, as a reader that cannot read.
 */
export function validateDocument(bytes: Uint8Array, options: ValidateOptions = {}): ValidationResult {
  return parseAndValidate(bytes, options).result;
}

/**
 * `validateDocument`, and — when the document is a well-formed, schema-valid single `<dossier>` —
 * the typed model that `readDossier` would give, built from the same parse: a caller that needs
 * both (the gateway, for every dossier it stores or receives) reads and schema-checks the bytes once
 * instead of twice. `dossier` is undefined otherwise (not valid, a `<dossiers>` batch, or mode official).
 */
export function validateAndReadDossier(
  bytes: Uint8Array,
  options: ValidateOptions = {},
): { result: ValidationResult; dossier?: Dossier } {
  const { doc, result } = parseAndValidate(bytes, options);
  // readDossier's schema check is the strict one: only a strict verdict vouches for the model.
  const strict = (options.mode ?? 'strict') === 'strict';
  if (!doc || !strict || !result.xsdValid || doc.root.name !== 'dossier') return { result };
  return { result, dossier: elementToModel(doc.root, SCHEMA.elements.dossier) as Dossier };
}

function parseAndValidate(
  bytes: Uint8Array,
  options: ValidateOptions,
): { doc?: XDocument; result: ValidationResult } {
  const mode = options.mode ?? 'strict';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let doc: XDocument;
  try {
    doc = parseXml(bytes, limits, { allowDoctype: true });
  } catch (e) {
    if (isStandardError(e) && NOT_WELL_FORMED.has(e.code)) {
      return { result: { wellFormed: false, xsdValid: false, findings: [xmlFinding(e)], profile: null } };
    }
    throw e;
  }
  checkAttachmentLimits(doc.root, limits);
  return { doc, result: validateTree(doc, mode) };
}

/** Validates an already parsed document (used by the batch and the benchmark). */
export function validateTree(doc: XDocument, mode: ValidationMode): ValidationResult {
  const findings: Finding[] = [];
  if (doc.hadDoctype) findings.push(xmlFinding(doctypeRefused(1), 'XML.DOCTYPE'));
  const schemaFindings = validateSchema(doc.root, mode);
  findings.push(...schemaFindings);
  const rules = checkBusinessRules(doc, mode);
  findings.push(...rules.findings);
  findings.sort((a, b) => a.line - b.line || a.column - b.column || compareFindings(a, b));
  const result: ValidationResult = {
    wellFormed: true,
    xsdValid: schemaFindings.length === 0 && !doc.hadDoctype,
    findings,
    profile: officialFamily(doc.root),
  };
  if (rules.aborted) result.officialAborted = rules.aborted;
  return result;
}

function xmlFinding(e: StandardError, rule = 'XML.WELLFORMED'): Finding {
  const p = e.problems[0];
  return {
    rule,
    severity: 'fout',
    path: '/[1]',
    line: p?.line ?? 1,
    column: p?.column ?? 1,
    message: e.messages,
  };
}
