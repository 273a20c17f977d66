/**
 * The business-rule engine of the OSO gegevensset 2019.1, in two modes over one set of rules:
 *
 * - `official`: the verdict of the official 2019.1 business-rule stylesheets, defects included
 *   (see STANDARD.md and the `defect-` conformance cases): document-wide variables, per-text-node
 *   codelist values, the OV leerling template that never visits its children, the misspelt
 *   OS.cat09 element, the stylesheet crashes that leave no verdict at all.
 * - `strict` (default): the standard as written, per dossier, plus our own `OSO.*` checks
 *   (document root, profile matrix, BSN/onderwijsnummer, attachments).
 *
 * The rules run on any well-formed document, schema-valid or not.
 */
import type { Finding, ValidationMode } from '../findings.js';
import type { XDocument, XElement } from '../xml/tree.js';
import { categoryRules } from './category-rules.js';
import { officialCodelists, strictCodelists } from './codelist-rules.js';
import { FindingSink, OfficialAbort, officialReader, strictReader } from './context.js';
import { generalRules } from './general-rules.js';
import { ovTemplates } from './ov-rules.js';
import { paoTemplates } from './pao-rules.js';
import { officialScope, strictScope } from './scope.js';
import { attachments, documentDeeldossier, dossiersOf, strictDossierChecks } from './strict-rules.js';
import { applyTemplates } from './templates.js';
import { buildIndex, type ElementIndex, named, stringValue, trimXml } from './xpath.js';

export interface RuleResult {
  findings: Finding[];
  /** Official mode only: the official stylesheet would have stopped without a verdict. */
  aborted?: 'XPTY0004' | 'FORG0001' | 'DOCTYPE';
}

export { OfficialAbort } from './context.js';

/**
 * Which rule set the official validation applies: PaO when the string value of the first
 * `overdrachtsoort` element of the document (in document order) is exactly `swv-dossier`.
 */
export function officialFamily(root: XElement): 'OV' | 'PaO' {
  const first = (el: XElement): XElement | undefined => {
    if (el.name === 'overdrachtsoort') return el;
    for (const c of el.children) {
      const found = first(c);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const el = first(root);
  return el !== undefined && stringValue(el) === 'swv-dossier' ? 'PaO' : 'OV';
}

function runOfficial(doc: XDocument): RuleResult {
  // A DOCTYPE makes the official tools refuse the document before any stylesheet runs.
  if (doc.hadDoctype) return { findings: [], aborted: 'DOCTYPE' };
  const out = new FindingSink(doc.root);
  const index = buildIndex(doc.root);
  try {
    officialCodelists(index, out);
    generalRules(index, officialReader, out);
    const scope = officialScope(index);
    categoryRules(scope.dossiers, officialReader, out);
    const family = officialFamily(doc.root);
    const templates = family === 'PaO' ? paoTemplates(scope, out) : ovTemplates(scope, out);
    applyTemplates(doc.root, templates, scope.descendLeerling(family));
  } catch (e) {
    if (e instanceof OfficialAbort) return { findings: [], aborted: e.code };
    throw e;
  }
  return { findings: out.findings };
}

function runStrict(doc: XDocument): RuleResult {
  const out = new FindingSink(doc.root);
  const index = buildIndex(doc.root);
  strictCodelists(index, out);
  generalRules(index, strictReader, out);
  const dossiers = dossiersOf(doc.root, index, out);
  if (dossiers.length === 0) documentDeeldossier(index, out);
  for (const dossier of dossiers)
    checkDossier(dossier, dossier === doc.root ? index : buildIndex(dossier), out);
  attachments(index, out);
  return { findings: out.findings };
}

function checkDossier(dossier: XElement, index: ElementIndex, out: FindingSink): void {
  const scope = strictScope(dossier, index);
  categoryRules([dossier], strictReader, out);
  const soort = named(index, 'overdrachtsoort').find((e) => e.parent === dossier);
  const family = soort !== undefined && trimXml(stringValue(soort)) === 'swv-dossier' ? 'PaO' : 'OV';
  applyTemplates(dossier, family === 'PaO' ? paoTemplates(scope, out) : ovTemplates(scope, out), true);
  strictDossierChecks(dossier, out);
}

/**
 * The business-rule findings of a parsed document. In official mode, `aborted` tells when the
 * official stylesheet would have stopped with a dynamic error (its verdict is then empty).
 */
export function checkBusinessRules(doc: XDocument, mode: ValidationMode = 'strict'): RuleResult {
  return mode === 'official' ? runOfficial(doc) : runStrict(doc);
}
