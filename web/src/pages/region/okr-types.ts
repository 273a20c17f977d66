/** The answers of the OKR routes (src/region/okr/schemas.ts), as the OKR pages use them. */
import type { Message } from './types';

export type Travel = 'travels' | 'travelsIfDelivered' | 'viaPlatform' | 'forbidden';
export type Coverage = 'open' | Travel | 'addendum';
export type Mapping = 'open' | 'oso' | 'not_in_oso';

export const COVERAGES: readonly Coverage[] = [
  'open',
  'travels',
  'travelsIfDelivered',
  'viaPlatform',
  'forbidden',
  'addendum',
];

export interface ElementRef {
  path: string;
  known: boolean;
  label: Message;
  context: Message;
  category: string | null;
  categoryLabel: Message | null;
  travel: Travel;
  requirement: 'VERPLICHT' | 'OPTIONEEL' | 'VERBODEN' | null;
  rule: string | null;
}

export type SuggestionReason =
  | { kind: 'synonym'; term: string }
  | { kind: 'section'; term: string }
  | { kind: 'name'; label: string };

export interface Suggestion {
  elements: ElementRef[];
  notInOso: boolean;
  score: number;
  reason: SuggestionReason;
  nearest: ElementRef[];
  note: Message | null;
}

export interface OkrField {
  id: string;
  position: number;
  name: string;
  section: string | null;
  description: string | null;
  suggestions: Suggestion[];
  mapping: Mapping;
  elements: ElementRef[];
  decidedAt: string | null;
  coverage: Coverage;
}

export interface OkrView {
  regionId: string;
  regionName: string;
  eindtoetsRoute: 'oso' | 'platform';
  source: { fileName: string | null; updatedAt: string } | null;
  fields: OkrField[];
  summary: Record<Coverage, number> & { total: number };
}

export interface OkrImported {
  okr: OkrView;
  kept: number;
  ignoredColumns: string[];
}

export interface OsoElementEntry extends ElementRef {
  description: string;
  block: boolean;
}

export interface OsoElementCatalogue {
  categories: Array<{ category: string; label: Message; elements: OsoElementEntry[] }>;
}

export interface AddendumField {
  id: string;
  name: string;
  section: string | null;
  description: string | null;
}

export interface AddendumForm {
  regionId: string;
  regionName: string;
  sections: Array<{ section: string | null; fields: AddendumField[] }>;
  fieldCount: number;
  version: string;
}

export interface AddendumAttached {
  dossierId: string;
  version: number;
  state: string;
  fileName: string;
}

/** A problem of an uploaded file (OKR_FILE_INVALID details.problems). */
export interface FileProblem {
  line: number | null;
  column: 'name' | 'section' | 'description' | null;
  message: Message;
}

/** Suggestions at least this sure come from the synonym list (SURE_SCORE on the server). */
export const SURE_SCORE = 0.8;

/** Where the OKR pages live. */
export const okrBase = (regionId: string) => `/regio/${encodeURIComponent(regionId)}/okr`;
export const okrApi = (regionId: string) => `/api/region/regions/${encodeURIComponent(regionId)}/okr`;

/** "Overstapadvies › Schooladvies" in the chosen language. */
export function elementName(e: ElementRef, language: 'nl' | 'en'): string {
  const context = e.context[language];
  return context ? `${context} › ${e.label[language]}` : e.label[language];
}

/** Fields grouped by their section, in the order of the OKR. */
export function bySection<F extends { section: string | null }>(
  fields: readonly F[],
): Array<{ section: string | null; fields: F[] }> {
  const groups: Array<{ section: string | null; fields: F[] }> = [];
  for (const f of fields) {
    let group = groups.find((g) => g.section === f.section);
    if (!group) {
      group = { section: f.section, fields: [] };
      groups.push(group);
    }
    group.fields.push(f);
  }
  return groups;
}
