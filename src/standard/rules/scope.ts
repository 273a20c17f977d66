/**
 * The "scope" the profile and category rules run in. Official mode has one scope for the whole
 * document, with the document-wide variables of the stylesheets (`$typeDocument` is every
 * `overdrachtsoort` text node of the document, so in a batch all dossiers speak at once). Strict
 * mode has one scope per dossier, reading that dossier's trimmed values only.
 */
import type { XElement } from '../xml/tree.js';
import { OfficialAbort, officialReader, parseBoolean, strictReader, type ValueReader } from './context.js';
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

export interface RuleScope {
  reader: ValueReader;
  /** `$typeDocument = value`. */
  typeIs(value: string): boolean;
  /** `$typeOverstap = value`. */
  overstapIs(value: string): boolean;
  /** `$dossierdeel` holds LAS or LASLVS. */
  hasLAS: boolean;
  /** `$soortSchool = value`. */
  soortSchoolIs(value: string): boolean;
  /** `//od:dossier/od:inzage` exists (OVa.IZ01). */
  anyDossierInzage: boolean;
  /** OVa.IZ02: whether the parents reviewed the dossier, given the outer `inzage` element. */
  reviewed(inzage: XElement): boolean | null;
  /** The `communicatie` elements the secret-contact rules loop over. */
  communicaties: readonly XElement[];
  /** `metadata/datum` as YYYY-MM-DD, for OVa.TR04; null when absent or not a date. */
  documentDate: string | null;
  /** The dossiers whose data the category checks look at. */
  dossiers: readonly XElement[];
  /** Whether the templates descend into the children of `leerling` (not in official OV). */
  descendLeerling(family: 'OV' | 'PaO'): boolean;
}

function textNodeSet(els: readonly XElement[]): Set<string> {
  const set = new Set<string>();
  for (const el of els) if (el.texts !== null) for (const t of el.texts) set.add(t);
  return set;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function dateOf(el: XElement | undefined): string | null {
  if (el === undefined) return null;
  const m = DATE.exec(trimXml(stringValue(el)));
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The document-wide scope of the official stylesheets. */
export function officialScope(index: ElementIndex): RuleScope {
  const typeDocument = textNodeSet(named(index, 'overdrachtsoort'));
  const typeOverstap = textNodeSet(
    named(index, 'overstap').filter((e) => hasAncestors(e, ['metadata'], 'element')),
  );
  const dossierdeel = textNodeSet(
    named(index, 'deeldossier').filter((e) => hasAncestors(e, ['metadata'], 'any')),
  );
  const soortSchool = textNodeSet(
    named(index, 'soort').filter((e) => hasAncestors(e, ['huidigeschool'], 'any')),
  );
  const dossiers = named(index, 'dossier');
  const reviewFlags = named(index, 'inzage').filter((e) => hasAncestors(e, ['inzage'], 'any'));
  const datum = named(index, 'datum').filter((e) => hasAncestors(e, ['metadata'], 'any'));
  return {
    reader: officialReader,
    typeIs: (v) => typeDocument.has(v),
    overstapIs: (v) => typeOverstap.has(v),
    hasLAS: dossierdeel.has('LAS') || dossierdeel.has('LASLVS'),
    soortSchoolIs: (v) => soortSchool.has(v),
    anyDossierInzage: dossiers.some((d) => kid(d, 'inzage') !== undefined),
    reviewed: () => {
      // xs:boolean(//od:inzage/od:inzage): every review flag of the document at once.
      if (reviewFlags.length === 0) return null;
      if (reviewFlags.length > 1) throw new OfficialAbort('XPTY0004');
      const b = parseBoolean(stringValue(reviewFlags[0]));
      if (b === null) throw new OfficialAbort('FORG0001');
      return b;
    },
    communicaties: named(index, 'communicatie').filter((e) => e.parent !== null),
    documentDate: datum.length === 1 ? dateOf(datum[0]) : null,
    dossiers,
    descendLeerling: (family) => family === 'PaO',
  };
}

/** The scope of one dossier in strict mode. */
export function strictScope(dossier: XElement, index: ElementIndex): RuleScope {
  const metadata = kid(dossier, 'metadata');
  const value = (el: XElement | undefined) => (el === undefined ? undefined : trimXml(stringValue(el)));
  const typeDocument = value(kid(dossier, 'overdrachtsoort'));
  const overstap = metadata === undefined ? undefined : value(kid(metadata, 'overstap'));
  const deel = metadata === undefined ? undefined : value(kid(metadata, 'deeldossier'));
  const soortSchool = select(dossier, ['huidigeschool', 'soort']).map((e) => trimXml(stringValue(e)));
  return {
    reader: strictReader,
    typeIs: (v) => typeDocument === v,
    overstapIs: (v) => overstap === v,
    hasLAS: deel === 'LAS' || deel === 'LASLVS',
    soortSchoolIs: (v) => soortSchool.includes(v),
    anyDossierInzage: kid(dossier, 'inzage') !== undefined,
    reviewed: (inzage) => strictReader.bool(inzage, 'inzage'),
    communicaties: named(index, 'communicatie').filter((e) => e !== dossier && isOso(e)),
    documentDate: metadata === undefined ? null : dateOf(kids(metadata, 'datum')[0]),
    dossiers: [dossier],
    descendLeerling: () => true,
  };
}
