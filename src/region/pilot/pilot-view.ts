import type { Ctx } from '../../platform/context.js';
import type { Message } from '../../standard/index.js';
import { dutchDay } from '../../standard/index.js';
import type { ChainSchoolFacts } from '../deps.js';
import { type ReadinessCheck, schoolReadiness } from '../readiness-rules.js';
import { listRegionsByIds } from '../region-store.js';
import type { PilotDeps } from './deps.js';
import {
  type KindChecklist,
  type PairStatus,
  PILOT_READINESS_ITEMS,
  type PilotStatus,
  pairProgress,
  pilotSchoolYear,
  pilotStatus,
} from './pilot-rules.js';
import { lastNotified, type PairRow, type PilotRow, pairRef, pairsOf } from './pilot-store.js';
import { CHECK_NAMES, type PilotCheck } from './texts.js';

/**
 * A pilot as its pages show it (ADR 0007): per pair the schools with the readiness items that
 * matter for an exchange, both dossiers' steps from the chain's counts, and whether the pair is
 * complete; for the pilot its status, its own checklist and the suppliers of its schools. Built
 * for several pilots at once: one read of the pairs, the traffic center's facts for every school
 * and the gateway's counts for every pair.
 */

export interface PilotSchool {
  brin: string;
  name: string;
  sector: ChainSchoolFacts['sector'] | 'onbekend';
  place: string | null;
  /** The supplier systems that hold the school's mandate. */
  suppliers: string[];
  /** Admitted, delivery point, test exchange: ready for an exchange. */
  ready: boolean;
  checks: ReadinessCheck[];
}

export interface PilotPairView {
  pairId: string;
  po: PilotSchool;
  vo: PilotSchool;
  kinds: KindChecklist[];
  /** Both dossiers delivered and imported. */
  complete: boolean;
  status: PairStatus;
  /** Anything happened in the chain (a pair that started can no longer be removed). */
  started: boolean;
}

export interface PilotView {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  schoolYear: string;
  today: string;
  status: PilotStatus;
  pairs: PilotPairView[];
  completePairs: number;
  checklist: Array<{ check: PilotCheck; ok: boolean; label: Message }>;
  /** When suppliers and the servicedesk were last told the dates, or null. */
  notifiedAt: string | null;
  /** The supplier systems of the pilot's schools, each with the schools it serves here. */
  suppliers: Array<{ name: string; schools: string[] }>;
}

function pilotSchool(brin: string, facts: ChainSchoolFacts | undefined, region: RegionRead): PilotSchool {
  const readiness = schoolReadiness({ brin, facts, settings: region.settings, filledRoles: new Set() });
  const checks = readiness.checks.filter((c) => PILOT_READINESS_ITEMS.has(c.item));
  return {
    brin,
    name: readiness.name,
    sector: readiness.sector,
    place: readiness.place,
    suppliers: facts?.suppliers ?? [],
    ready: checks.every((c) => c.ok),
    checks,
  };
}

type RegionRead = Awaited<ReturnType<typeof listRegionsByIds>>[number];

export async function buildPilotViews(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'>,
  pilots: readonly PilotRow[],
): Promise<PilotView[]> {
  if (pilots.length === 0) return [];
  const ids = pilots.map((p) => p.id);
  const { pairs, notified, regions } = await ctx.db.transaction(async (tx) => ({
    pairs: await pairsOf(tx, ids),
    notified: await lastNotified(tx, ids),
    regions: await listRegionsByIds(tx, [...new Set(pilots.map((p) => p.regionId))]),
  }));
  const brins = [...new Set(pairs.flatMap((p) => [p.poBrin, p.voBrin]))].sort();
  const [facts, counts] = await Promise.all([
    deps.chain.schools(brins),
    deps.exchanges.counts(pairs.map(pairRef)),
  ]);
  const today = dutchDay(ctx.now());
  const regionOf = new Map(regions.map((r) => [r.id, r]));
  return pilots.map((pilot) => {
    const region = regionOf.get(pilot.regionId) as RegionRead;
    const own = pairs.filter((p) => p.pilotId === pilot.id);
    const views = own.map((pair) => pairView(pair, facts, counts.get(pair.id), region));
    const completePairs = views.filter((v) => v.complete).length;
    const allComplete = views.length > 0 && completePairs === views.length;
    const schools = new Map<string, PilotSchool>();
    for (const v of views) for (const s of [v.po, v.vo]) schools.set(s.brin, s);
    const suppliers = new Map<string, string[]>();
    for (const s of schools.values())
      for (const name of s.suppliers)
        suppliers.set(name, [...(suppliers.get(name) ?? []), `${s.name} (${s.brin})`]);
    const notifiedAt = notified.get(pilot.id) ?? null;
    const ok: Record<PilotCheck, boolean> = {
      pairs: views.length > 0,
      notified: notifiedAt !== null,
      schoolsReady: schools.size > 0 && [...schools.values()].every((s) => s.ready),
      pairsComplete: allComplete,
    };
    return {
      id: pilot.id,
      regionId: pilot.regionId,
      regionName: region?.name ?? pilot.regionId,
      name: pilot.name,
      startsOn: pilot.startsOn,
      endsOn: pilot.endsOn,
      schoolYear: pilotSchoolYear(pilot.startsOn),
      today,
      status: pilotStatus(pilot, today, allComplete),
      pairs: views,
      completePairs,
      checklist: (Object.keys(CHECK_NAMES) as PilotCheck[]).map((check) => ({
        check,
        ok: ok[check],
        label: CHECK_NAMES[check],
      })),
      notifiedAt,
      suppliers: [...suppliers.entries()]
        .sort((a, b) => a[0].localeCompare(b[0], 'nl'))
        .map(([name, list]) => ({ name, schools: list })),
    };
  });
}

function pairView(
  pair: PairRow,
  facts: ReadonlyMap<string, ChainSchoolFacts>,
  counts: Parameters<typeof pairProgress>[0],
  region: RegionRead,
): PilotPairView {
  return {
    pairId: pair.id,
    po: pilotSchool(pair.poBrin, facts.get(pair.poBrin), region),
    vo: pilotSchool(pair.voBrin, facts.get(pair.voBrin), region),
    ...pairProgress(counts),
  };
}
