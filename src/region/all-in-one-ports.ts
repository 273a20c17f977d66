import { regionSummerSwitch, setRegionSummerSwitch } from '../gateway/index.js';
import type { Actor, Ctx, Keyring } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { isAppError } from '../platform/errors.js';
import { getSchool, listSupplierSystems } from '../trafficcenter/index.js';
import type { ChainFacts, ChainSchoolFacts, GatewaySummerSwitch } from './deps.js';

/**
 * The region module's ports in the all-in-one process (ADR 0006): the traffic center's facts
 * through its public face (getSchool, listSupplierSystems) and the gateway's summer switch through
 * its public face (regionSummerSwitch, setRegionSummerSwitch). The region's use cases authorize the
 * caller first; these ports then act for the region module with the least the other part asks:
 * `tc:read` for the member schools only, `gateway:admin` for the one call that sets the switch.
 */

/** Reads the traffic center's facts about schools (one getSchool per school). */
export function trafficCenterFacts(db: Db, keyring: Keyring): ChainFacts {
  return {
    async schools(brins) {
      const facts = new Map<string, ChainSchoolFacts>();
      if (brins.length === 0) return facts;
      const actor: Actor = {
        kind: 'system',
        id: 'region-module',
        permissions: new Set(['tc:read']),
        schools: new Set(brins),
      };
      const ctx: Ctx = { db, keyring, actor, requestId: 'region-facts', now: () => new Date() };
      let supplierNames: Map<string, string> | undefined;
      for (const brin of brins) {
        let overview: Awaited<ReturnType<typeof getSchool>>;
        try {
          overview = await getSchool(ctx, brin);
        } catch (e) {
          if (isAppError(e) && e.code === 'SCHOOL_NOT_FOUND') continue;
          throw e;
        }
        const mandated = new Set(
          overview.mandates.filter((m) => m.revokedAt === null).map((m) => m.supplierId),
        );
        if (mandated.size > 0 && !supplierNames) {
          supplierNames = new Map((await listSupplierSystems(ctx)).map((s) => [s.id, s.name]));
        }
        const purposes = new Set(
          overview.deliveryPoints.filter((p) => p.active && mandated.has(p.supplierId)).map((p) => p.purpose),
        );
        facts.set(brin, {
          brin,
          name: overview.school.name,
          sector: overview.school.sector,
          place: overview.school.place,
          admittedToday: overview.admission.admittedToday,
          mandated: mandated.size > 0,
          testExchangeAt: overview.admission.testExchangeAt,
          deliveryPointPurposes: (['OV', 'SWV', 'RP'] as const).filter((p) => purposes.has(p)),
          suppliers: [...mandated]
            .map((id) => supplierNames?.get(id) ?? id)
            .sort((a, b) => a.localeCompare(b, 'nl')),
        });
      }
      return facts;
    },
  };
}

/** The gateway's summer switch per region, set with the caller's identity in the audit log. */
export function gatewaySummerSwitch(db: Db): GatewaySummerSwitch {
  return {
    current: (region) => regionSummerSwitch(db, region),
    async set(ctx, input) {
      const actor: Actor = {
        kind: ctx.actor.kind,
        id: ctx.actor.id,
        permissions: new Set(['gateway:admin']),
        schools: 'all',
      };
      const set = await setRegionSummerSwitch({ ...ctx, actor }, input);
      return { next: set.next };
    },
  };
}
