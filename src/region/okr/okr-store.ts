import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import type { CategoryField, Message, Requirement } from '../../standard/index.js';
import type { EindtoetsRoute } from '../region-store.js';
import { type ElementTravel, elementAt, travelOf } from './catalogue.js';
import type { Suggestion, SuggestionReason } from './matcher.js';

/**
 * Reads of the OKR tables that several use cases share, and the shapes the API gives: each field
 * with its suggestions, the coordinator's decision and what that means for the transfer (its
 * coverage). Writes stay in the use cases.
 */

export type Mapping = 'open' | 'oso' | 'not_in_oso';

/** What happens to a field of the OKR when a po school sends a POVO dossier. */
export type Coverage =
  /** Not decided yet. */
  | 'open'
  /** Travels with every dossier (a VERPLICHT category). */
  | 'travels'
  /** Travels unless the school leaves the category out (OPTIONEEL, may be OPT-UIT). */
  | 'travelsIfDelivered'
  /** The final test result: the region lets it travel via its regional platform. */
  | 'viaPlatform'
  /** The standard does not let it go from po to vo (VERBODEN, or refused by a rule). */
  | 'forbidden'
  /** Not in the gegevensset: the regional addendum asks for it. */
  | 'addendum';

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
  /** False for a path the catalogue does not (or no longer) know; labels are then the path. */
  known: boolean;
  label: Message;
  context: Message;
  category: CategoryField | null;
  categoryLabel: Message | null;
  travel: ElementTravel | 'viaPlatform';
  /** What the POVO profile says about the element's category. */
  requirement: Requirement | null;
  /** The rule that refuses the element in every profile, if any. */
  rule: string | null;
}

export interface SuggestionView {
  elements: ElementRef[];
  notInOso: boolean;
  score: number;
  reason: SuggestionReason;
  nearest: ElementRef[];
  note: Message | null;
}

export interface OkrFieldView {
  id: string;
  position: number;
  name: string;
  section: string | null;
  description: string | null;
  suggestions: SuggestionView[];
  mapping: Mapping;
  elements: ElementRef[];
  decidedAt: string | null;
  coverage: Coverage;
}

export interface OkrFieldRow {
  id: string;
  position: number;
  name: string;
  section: string | null;
  description: string | null;
  match_key: string;
  suggestions: Suggestion[];
  mapping: Mapping;
  elements: string[];
  decided_at: Date | null;
}

const FIELD_COLUMNS =
  'id, position, name, section, description, match_key, suggestions, mapping, elements, decided_at';

export function elementRef(path: string, eindtoetsRoute: EindtoetsRoute): ElementRef {
  const element = elementAt(path);
  if (!element) {
    return {
      path,
      known: false,
      label: { nl: path, en: path },
      context: { nl: '', en: '' },
      category: null,
      categoryLabel: null,
      travel: 'forbidden',
      requirement: null,
      rule: null,
    };
  }
  const verdict = travelOf(element);
  const viaPlatform =
    eindtoetsRoute === 'platform' && element.category === 'cat_eindtoetsbo' && verdict.travel !== 'forbidden';
  return {
    path,
    known: true,
    label: element.label,
    context: element.context,
    category: element.category,
    categoryLabel: element.categoryLabel,
    travel: viaPlatform ? 'viaPlatform' : verdict.travel,
    requirement: verdict.requirement,
    rule: verdict.rule ?? null,
  };
}

const TRAVEL_RANK: Record<ElementRef['travel'], number> = {
  travels: 4,
  travelsIfDelivered: 3,
  viaPlatform: 2,
  forbidden: 1,
};

/** A field's coverage: its decision, and for elements the best way any of them travels. */
export function coverageOf(mapping: Mapping, elements: readonly ElementRef[]): Coverage {
  if (mapping === 'open') return 'open';
  if (mapping === 'not_in_oso') return 'addendum';
  let best: ElementRef['travel'] = 'forbidden';
  for (const e of elements) if (TRAVEL_RANK[e.travel] > TRAVEL_RANK[best]) best = e.travel;
  return best;
}

export function toFieldView(row: OkrFieldRow, eindtoetsRoute: EindtoetsRoute): OkrFieldView {
  const elements = row.elements.map((p) => elementRef(p, eindtoetsRoute));
  return {
    id: row.id,
    position: Number(row.position),
    name: row.name,
    section: row.section,
    description: row.description,
    suggestions: row.suggestions.map((s) => ({
      elements: s.elements.map((p) => elementRef(p, eindtoetsRoute)),
      notInOso: s.notInOso,
      score: s.score,
      reason: s.reason,
      nearest: (s.nearest ?? []).map((p) => elementRef(p, eindtoetsRoute)),
      note: s.note ?? null,
    })),
    mapping: row.mapping,
    elements,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    coverage: coverageOf(row.mapping, elements),
  };
}

export async function listFieldRows(tx: Queryable, regionId: string): Promise<OkrFieldRow[]> {
  const { rows } = await tx.query<OkrFieldRow>(
    `SELECT ${FIELD_COLUMNS} FROM region.okr_fields WHERE region_id = $1 ORDER BY position`,
    [regionId],
  );
  return rows;
}

/** The field of this region, locked for a change; OKR_FIELD_NOT_FOUND otherwise. */
export async function requireField(tx: Queryable, regionId: string, fieldId: string): Promise<OkrFieldRow> {
  const { rows } = isUuid(fieldId)
    ? await tx.query<OkrFieldRow>(
        `SELECT ${FIELD_COLUMNS} FROM region.okr_fields WHERE region_id = $1 AND id = $2 FOR UPDATE`,
        [regionId, fieldId],
      )
    : { rows: [] as OkrFieldRow[] };
  if (!rows[0]) throw new AppError('OKR_FIELD_NOT_FOUND', { regionId, fieldId });
  return rows[0];
}

/** Records that the region's OKR changed now (and from which file, when it came from one). */
export async function touchOkr(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  regionId: string,
  sourceFile?: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO region.okrs (region_id, source_file, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (region_id) DO UPDATE SET updated_at = $3, updated_by = $4,
       source_file = CASE WHEN $5 THEN $2 ELSE region.okrs.source_file END`,
    [regionId, sourceFile ?? null, ctx.now(), ctx.actor.id, sourceFile !== undefined],
  );
}

export async function okrSource(
  tx: Queryable,
  regionId: string,
): Promise<{ sourceFile: string | null; updatedAt: string } | null> {
  const { rows } = await tx.query<{ source_file: string | null; updated_at: Date }>(
    'SELECT source_file, updated_at FROM region.okrs WHERE region_id = $1',
    [regionId],
  );
  return rows[0] ? { sourceFile: rows[0].source_file, updatedAt: rows[0].updated_at.toISOString() } : null;
}
