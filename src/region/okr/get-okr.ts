import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { authorizeRegion, type EindtoetsRoute, requireRegion } from '../region-store.js';
import {
  COVERAGES,
  type Coverage,
  listFieldRows,
  type OkrFieldView,
  okrSource,
  toFieldView,
} from './okr-store.js';

export interface OkrView {
  regionId: string;
  regionName: string;
  /** How the region lets the final test result travel (region settings). */
  eindtoetsRoute: EindtoetsRoute;
  /** The file the fields came from last and when the OKR last changed; null when it has no fields yet. */
  source: { fileName: string | null; updatedAt: string } | null;
  fields: OkrFieldView[];
  /** Fields per coverage, and in all. */
  summary: Record<Coverage, number> & { total: number };
}

/** Reads a region's OKR in a transaction the caller already holds. */
export async function readOkrView(tx: Queryable, regionId: string): Promise<OkrView> {
  const region = await requireRegion(tx, regionId);
  const source = await okrSource(tx, regionId);
  const fields = (await listFieldRows(tx, regionId)).map((row) =>
    toFieldView(row, region.settings.eindtoetsRoute),
  );
  const summary = Object.fromEntries(COVERAGES.map((c) => [c, 0])) as Record<Coverage, number>;
  for (const f of fields) summary[f.coverage]++;
  return {
    regionId: region.id,
    regionName: region.name,
    eindtoetsRoute: region.settings.eindtoetsRoute,
    source: source && fields.length > 0 ? { fileName: source.sourceFile, updatedAt: source.updatedAt } : null,
    fields,
    summary: { ...summary, total: fields.length },
  };
}

/**
 * The region's transfer report (OKR) laid beside the OSO gegevensset: every field with
 * Overstap's suggestions, the coordinator's decision and its coverage — which fields travel with
 * OSO, which only when the school delivers them, which the standard keeps out of a po→vo dossier,
 * and which the regional addendum must ask for.
 */
export async function getOkr(ctx: Ctx, regionId: string): Promise<OkrView> {
  authorizeRegion(ctx, 'region:read', regionId);
  return ctx.db.transaction((tx) => readOkrView(tx, regionId));
}
