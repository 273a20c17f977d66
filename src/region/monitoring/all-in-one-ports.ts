import {
  listNotArrived,
  listReadyNotRequested,
  type MilestoneReporter,
  requestMilestoneReport,
} from '../../gateway/index.js';
import type { Actor, Ctx, Keyring } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { outcomeStatistics } from '../../trafficcenter/index.js';
import type { MilestoneReports, OutcomeCounts, OutcomePair, SchoolPupilLists } from './deps.js';
import { recordMilestoneSnapshots } from './record-milestone-snapshots.js';

/**
 * The monitoring's ports in the all-in-one process (ADR 0006, monitoring), over the traffic
 * center's and the gateway's public faces, and the gateway's reporter that hands its counts to the
 * region module. A federated deployment implements the same ports over HTTP.
 */

/** The traffic center's outcome counts, read per member school with `tc:read` for that school only. */
export function trafficCenterOutcomes(db: Db, keyring: Keyring): OutcomeCounts {
  return {
    async pairs(brins, from, to) {
      const pairs = new Map<string, OutcomePair>();
      for (const brin of brins) {
        const actor: Actor = {
          kind: 'system',
          id: 'region-module',
          permissions: new Set(['tc:read']),
          schools: new Set([brin]),
        };
        const ctx: Ctx = { db, keyring, actor, requestId: 'region-outcomes', now: () => new Date() };
        const statistics = await outcomeStatistics(ctx, { brin, from, to });
        for (const p of statistics.pairs) {
          pairs.set(`${p.sourceBrin}>${p.destinationBrin}`, {
            sourceBrin: p.sourceBrin,
            destinationBrin: p.destinationBrin,
            results: p.results,
          });
        }
      }
      return [...pairs.values()];
    },
  };
}

const fullName = (p: { achternaam: string; voorvoegsel?: string; roepnaam?: string }) =>
  [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');

/** A school's own lists from the gateway, with the caller's own context (the gateway authorizes). */
export function gatewayPupilLists(): SchoolPupilLists {
  return {
    async readyNotRequested(ctx, input) {
      return (await listReadyNotRequested(ctx, input)).map((d) => ({
        id: d.dossierId,
        name: fullName(d.pupil),
        otherSchool: { brin: d.destination.brin, name: d.destination.schoolName },
        since: d.readyAt,
        groep: d.groep,
        state: null,
      }));
    },
    async notArrived(ctx, input) {
      return (await listNotArrived(ctx, input)).map((r) => ({
        id: r.registrationId,
        name: fullName(r.pupil),
        otherSchool: { brin: r.sourceBrin, name: r.sourceSchoolName },
        since: r.createdAt,
        groep: null,
        state: r.state,
      }));
    },
  };
}

/**
 * Asks this process's gateway for a report now, for the member schools: the region module acts with
 * `gateway:admin` for those schools only, under the caller's identity in the audit log.
 */
export function gatewayMilestoneReports(): MilestoneReports {
  return {
    requestNow(ctx, brins) {
      const actor: Actor = {
        kind: ctx.actor.kind,
        id: ctx.actor.id,
        permissions: new Set(['gateway:admin']),
        schools: new Set(brins),
      };
      return requestMilestoneReport({ ...ctx, actor }, { schoolBrins: brins });
    },
  };
}

/** The gateway's reporter in the all-in-one process: straight into the region module. */
export const regionMilestoneReporter: MilestoneReporter = (ctx, snapshots) =>
  recordMilestoneSnapshots(ctx, snapshots);
