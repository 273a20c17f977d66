import type { Ctx } from '../../platform/context.js';
import type { RegionDeps } from '../deps.js';

/**
 * What the monitoring needs beyond the region module's own ports (ADR 0006, monitoring): the
 * traffic center's outcome counts per pair of schools, a school's own lists from its gateway, and a
 * way to ask the gateway for fresh counts. `all-in-one-ports.ts` implements them in one process.
 */

/** Closed sessions of a pair of schools (source → destination) by best result; no identity. */
export interface OutcomePair {
  sourceBrin: string;
  destinationBrin: string;
  results: Record<string, number>;
}

export interface OutcomeCounts {
  /** The pairs with one of these schools on either side, between two days (inclusive). */
  pairs(brins: readonly string[], from: string, to: string): Promise<OutcomePair[]>;
}

/** A pupil of the school's own list, as the school's staff may see it. */
export interface PupilListItem {
  /** The dossier's or the registration's id, for a link to its page. */
  id: string;
  name: string;
  /** The other school: where the dossier is ready for, or where the pupil comes from. */
  otherSchool: { brin: string; name: string | null };
  /** Since when (set ready, registered), ISO 8601. */
  since: string;
  /** A leaving pupil's group (e.g. 8b), where known. */
  groep: string | null;
  /** A registration's state (aanmelding, aangevraagd, wacht_op_klaarzetten, niet_gevonden, fout). */
  state: string | null;
}

/**
 * A school's own lists from its gateway, with the caller's context: the gateway checks the
 * caller's own permission (`dossier:read`, `received:read`) and audits the read.
 */
export interface SchoolPupilLists {
  readyNotRequested(ctx: Ctx, input: { schoolBrin: string; schoolYear: string }): Promise<PupilListItem[]>;
  notArrived(ctx: Ctx, input: { schoolBrin: string; schoolYear: string }): Promise<PupilListItem[]>;
}

/** Asks the gateway(s) of these schools for a report now. */
export interface MilestoneReports {
  requestNow(ctx: Ctx, brins: readonly string[]): Promise<{ queued: boolean }>;
}

export interface MonitoringDeps extends Pick<RegionDeps, 'db' | 'keyring' | 'chain' | 'now'> {
  outcomes: OutcomeCounts;
  /** Without it (the gateway runs elsewhere) the school view has counts but no lists. */
  pupils?: SchoolPupilLists;
  /** Without it the "bring up to date" route answers 404. */
  reports?: MilestoneReports;
  /** Chromium for the PDF export (default: the standard library's). */
  chromium?: string;
}
