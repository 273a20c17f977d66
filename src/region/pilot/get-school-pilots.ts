import type { Ctx } from '../../platform/context.js';
import type { PilotDeps, PilotListItem } from './deps.js';
import { pilotsOfSchool } from './pilot-store.js';
import { buildPilotViews, type PilotPairView, type PilotView } from './pilot-view.js';
import {
  authorizeSchoolStaff,
  IMPORT_PERMISSIONS,
  mayAll,
  PREPARE_PERMISSIONS,
  REQUEST_PERMISSIONS,
} from './school-staff.js';

export interface SchoolPilotPair extends PilotPairView {
  /** This school's side of the pair. */
  side: 'po' | 'vo';
  /** What the caller may do for this pair from the school's page. */
  actions: { prepare: boolean; request: boolean; import: boolean };
}

export interface SchoolPilot extends Omit<PilotView, 'pairs' | 'suppliers'> {
  /** The pairs this school is in. */
  pairs: SchoolPilotPair[];
}

export interface SchoolPilots {
  brin: string;
  pilots: SchoolPilot[];
  /**
   * The school's own pilot dossiers (sending) and pilot registrations (receiving) from its gateway,
   * fictional pupils, apart from its worklists; null where the caller may not see that list.
   */
  sending: PilotListItem[] | null;
  receiving: PilotListItem[] | null;
}

/**
 * The pilots a school takes part in, for everyone who works there: per pair its checklist and the
 * step this school does next — the po school generates and sets ready, the vo school requests and
 * imports (each shown to whoever may do it) — and the school's own pilot lists.
 */
export async function getSchoolPilots(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'>,
  brin: string,
): Promise<SchoolPilots> {
  authorizeSchoolStaff(ctx, brin);
  const rows = await pilotsOfSchool(ctx.db, brin);
  const views = await buildPilotViews(ctx, deps, rows);
  const lists = await deps.exchanges.schoolLists(ctx, brin);
  const refs = new Set(views.flatMap((v) => v.pairs.map((p) => p.pairId)));
  const own = (items: PilotListItem[] | null) => items?.filter((i) => refs.has(i.pilotRef)) ?? null;
  return {
    brin,
    pilots: views.map(({ pairs, suppliers: _suppliers, ...pilot }) => ({
      ...pilot,
      pairs: pairs
        .filter((p) => p.po.brin === brin || p.vo.brin === brin)
        .map((p) => {
          const side = p.po.brin === brin ? 'po' : 'vo';
          return {
            ...p,
            side,
            actions: {
              prepare: side === 'po' && mayAll(ctx, PREPARE_PERMISSIONS, brin),
              request: side === 'vo' && mayAll(ctx, REQUEST_PERMISSIONS, brin),
              import: side === 'vo' && mayAll(ctx, IMPORT_PERMISSIONS, brin),
            },
          };
        }),
    })),
    sending: own(lists.sending),
    receiving: own(lists.receiving),
  };
}
