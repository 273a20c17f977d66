/**
 * Checks that only strict mode makes (rule ids `OSO.*`), and the parts of the standard that
 * strict mode reads per dossier: the document root, CL.33, the profile matrix, the pupil's BSN
 * and onderwijsnummer, and the attachments.
 */
import { inspectAttachment } from '../attachments/inspect.js';
import { checkBsn, checkOnderwijsnummer, NUMBER_PROBLEM_TEXT } from '../identifiers.js';
import {
  CATEGORIES,
  type DeclaredValue,
  declarationFits,
  PROFILE_MATRIX,
  PROFILES,
  profileOf,
  type Requirement,
} from '../profiles.js';
import type { XElement } from '../xml/tree.js';
import { strictCl33, strictDeeldossier } from './codelist-rules.js';
import type { FindingSink } from './context.js';
import {
  type ElementIndex,
  hasAncestors,
  isOso,
  kid,
  kids,
  named,
  select,
  stringValue,
  trimXml,
} from './xpath.js';

/**
 * The dossiers of the document. A root that is not a dossier (or is in another namespace) is the
 * schema check's finding (XSD.ROOT, XSD.NAMESPACE); here only an empty batch is reported.
 */
export function dossiersOf(root: XElement, index: ElementIndex, out: FindingSink): XElement[] {
  if (isOso(root) && root.name === 'dossier') return [root];
  if (isOso(root) && root.name === 'dossiers') {
    const list = kids(root, 'dossier');
    // A batch may carry feedback messages only (terugkoppeling, from the receiving school).
    if (list.length === 0 && kids(root, 'terugkoppeling').length === 0)
      out.add('OSO.ROOT', root, 'emptyBatch');
    return list;
  }
  if (root.name === 'dossier' || root.name === 'dossiers') return [];
  // Still check any dossier wrapped inside, so that its content errors surface too.
  return named(index, 'dossier').filter((d) => !d.parent || !hasAncestors(d, ['dossier'], 'any'));
}

/** CL.33 when the document holds no dossier to check: any valid metadata/deeldossier will do. */
export function documentDeeldossier(index: ElementIndex, out: FindingSink): void {
  const metadatas = named(index, 'metadata');
  if (!metadatas.some((m) => strictDeeldossier(m).ok !== 'no')) out.add('CL.33', null, 'document');
}

const REQUIRED_TEXT: Readonly<Record<Requirement, { nl: string; en: string }>> = {
  VERPLICHT: { nl: 'verplicht', en: 'mandatory' },
  OPTIONEEL: { nl: 'optioneel', en: 'optional' },
  VERBODEN: { nl: 'verboden', en: 'forbidden' },
};

const ALLOWED_TEXT: Readonly<Record<Requirement, { nl: string; en: string }>> = {
  VERPLICHT: { nl: 'VERPLICHT', en: 'VERPLICHT' },
  OPTIONEEL: { nl: 'OPTIONEEL of OPT-UIT', en: 'OPTIONEEL or OPT-UIT' },
  VERBODEN: { nl: 'VERBODEN', en: 'VERBODEN' },
};

const DECLARED = new Set<string>(['VERPLICHT', 'OPTIONEEL', 'VERBODEN', 'OPT-UIT']);

/**
 * The profile matrix (STANDARD.md §2.7) against the declared values and the data: a declared
 * value that contradicts the profile, data of a category the profile forbids, and no data for a
 * category the profile requires. Where the OS.cat rules already report the data (the dossier
 * declares VERBODEN/OPT-UIT or VERPLICHT itself), only the declaration is reported here.
 */
export function profileMatrix(dossier: XElement, out: FindingSink): void {
  const profile = profileOf(dossier);
  if (profile === undefined) return;
  const block = select(dossier, ['metadata', 'categorie_uitlevering'])[0];
  for (const cat of CATEGORIES) {
    const required = PROFILE_MATRIX[cat.field][profile];
    const declEl = block === undefined ? undefined : kid(block, cat.field);
    const raw = declEl === undefined ? undefined : trimXml(stringValue(declEl));
    const declared = raw !== undefined && DECLARED.has(raw) ? (raw as DeclaredValue) : undefined;
    const common = { profile: PROFILES[profile].code, category: cat.label };
    if (declEl !== undefined && declared !== undefined && !declarationFits(required, declared)) {
      out.add('OSO.PROFIEL', declEl, 'declaration', {
        ...common,
        required: REQUIRED_TEXT[required],
        declared,
        field: cat.field,
        allowed: ALLOWED_TEXT[required],
      });
    }
    if (required === 'VERBODEN' && declared !== 'VERBODEN' && declared !== 'OPT-UIT') {
      for (const m of cat.members) {
        const found = select(dossier, m.path);
        if (found.length > 0)
          out.add('OSO.PROFIEL', found[0], 'forbiddenData', { ...common, member: m.label });
      }
    }
    if (required === 'VERPLICHT' && declared !== 'VERPLICHT') {
      if (!cat.members.some((m) => select(dossier, m.path).length > 0))
        out.add('OSO.PROFIEL', dossier, 'missingData', common);
    }
  }
}

/** BSN and onderwijsnummer of each pupil of the dossier. */
export function pupilNumbers(dossier: XElement, out: FindingSink): void {
  for (const leerling of select(dossier, ['huidigeschool', 'leerling'])) {
    for (const [name, rule, check] of [
      ['bsn', 'OSO.BSN', checkBsn],
      ['onderwijsnummer', 'OSO.ONDERWIJSNUMMER', checkOnderwijsnummer],
    ] as const) {
      for (const el of kids(leerling, name)) {
        const value = trimXml(stringValue(el));
        const verdict = check(value);
        if (!verdict.valid && verdict.problem !== undefined) {
          const shown = value.length > 20 ? `${value.slice(0, 17)}...` : value;
          out.add(rule, el, '_', { value: shown, reason: NUMBER_PROBLEM_TEXT[verdict.problem] });
        }
      }
    }
  }
}

/** Every `document` attachment of the document: base64, ZIP and file types. */
export function attachments(index: ElementIndex, out: FindingSink): void {
  for (const doc of named(index, 'document')) {
    const content = kid(doc, 'bestandsinhoud');
    if (content === undefined) continue;
    const nameEl = kid(doc, 'bestandsnaam');
    const file = nameEl === undefined ? '' : trimXml(stringValue(nameEl));
    const result = inspectAttachment(stringValue(content), file);
    for (const p of result.problems) {
      const reason = { nl: p.detailNl, en: p.detail };
      switch (p.code) {
        case 'BASE64_INVALID':
          out.add('OSO.BIJLAGE-BASE64', content, '_', { file, reason });
          break;
        case 'NOT_ZIP':
          out.add('OSO.BIJLAGE-ZIP', content, 'notZip', { file }, 'waarschuwing');
          break;
        case 'ZIP_INCOMPLETE':
          out.add('OSO.BIJLAGE-ZIP', content, 'incomplete', { file, reason }, 'waarschuwing');
          break;
        case 'NAME_TYPE_NOT_ALLOWED':
          out.add('OSO.BIJLAGE-TYPE', nameEl ?? doc, 'name', { file }, 'waarschuwing');
          break;
        case 'ENTRY_TYPE_NOT_ALLOWED':
          out.add('OSO.BIJLAGE-TYPE', content, 'entry', { file, entry: p.entry ?? '' }, 'waarschuwing');
          break;
      }
    }
  }
}

/** The dossier-level checks of strict mode that are not templates. */
export function strictDossierChecks(dossier: XElement, out: FindingSink): void {
  strictCl33(kid(dossier, 'metadata'), out);
  profileMatrix(dossier, out);
  pupilNumbers(dossier, out);
}
