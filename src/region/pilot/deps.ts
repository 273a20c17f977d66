import type { Mailer } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { RegionDeps } from '../deps.js';

/**
 * What the pilot needs beyond the region module's own ports (ADR 0007): the gateway's pilot mode,
 * through one port. `all-in-one-ports.ts` implements it over the gateway's public face; a federated
 * deployment would implement it over HTTP to the schools' gateways.
 */

export type PilotKind = 'regular' | 'support';
export const PILOT_KINDS: readonly PilotKind[] = ['regular', 'support'];

/** One pilot pair as the gateway knows it: the region's reference, the po school sends, the vo school receives. */
export interface PilotPairRef {
  pilotRef: string;
  sourceBrin: string;
  destinationBrin: string;
}

/** A fictional pupil of a pair: what a gateway needs to generate the dossier or register the pupil. */
export interface PilotPupilFacts {
  kind: PilotKind;
  /** The generator's seed of the pair. */
  seed: string;
  /** The pupil's test BSN (999990000–999999999). */
  bsn: string;
  schooljaar: string;
}

/** How far one pilot dossier of a pair came, in counts (0 or 1): never a name. */
export interface PilotKindCounts {
  prepared: number;
  inspected: number;
  setReady: number;
  requested: number;
  delivered: number;
  registered: number;
  received: number;
  imported: number;
}

export type PilotPairCounts = Record<PilotKind, PilotKindCounts>;

/** The outcome of a school's step for one kind of dossier. */
export interface PilotStepOutcome {
  kind: PilotKind;
  /** The dossier's or the registration's state afterwards. */
  state: string;
  /** The request's OSO result code, for the vo school's step. */
  result?: string;
}

/** A pilot dossier or registration in the school's own pilot list (fictional pupils). */
export interface PilotListItem {
  id: string;
  pilotRef: string;
  kind: PilotKind;
  state: string;
  name: string;
  /** The other school of the pair. */
  otherBrin: string | null;
  /** Sending: deliveries; receiving: whether a dossier arrived (1) or not (0). */
  deliveries: number;
  lastResult: string | null;
  /** Receiving: the received dossier is marked pilot at this side. */
  receivedPilot: boolean | null;
}

export interface PilotExchanges {
  /** Per pilot reference, counts per kind: the progress from the chain. The port acts for the region. */
  counts(pairs: readonly PilotPairRef[]): Promise<Map<string, PilotPairCounts>>;
  /**
   * The po school's step, with the caller's own context (the gateway checks `dossier:write`,
   * `dossier:inzage`, `dossier:klaarzetten`): generate both pilot dossiers, record the fictional
   * pupil's inspection, set them ready for the vo school. Safe to repeat.
   */
  prepare(ctx: Ctx, input: { pair: PilotPairRef; pupils: PilotPupilFacts[] }): Promise<PilotStepOutcome[]>;
  /**
   * The vo school's step, with the caller's context (`registration:write`, `request:send`): register
   * both fictional pupils and request their dossiers over the chain. Safe to repeat.
   */
  request(ctx: Ctx, input: { pair: PilotPairRef; pupils: PilotPupilFacts[] }): Promise<PilotStepOutcome[]>;
  /** The vo school imported the received pilot dossiers (`received:write`). */
  markImported(ctx: Ctx, input: { pair: PilotPairRef }): Promise<PilotStepOutcome[]>;
  /** The school's own pilot lists, with the caller's context (null where the caller may not see one). */
  schoolLists(
    ctx: Ctx,
    brin: string,
  ): Promise<{ sending: PilotListItem[] | null; receiving: PilotListItem[] | null }>;
}

export interface PilotDeps extends Pick<RegionDeps, 'db' | 'keyring' | 'chain' | 'now'> {
  exchanges: PilotExchanges;
  /** For notifying suppliers and the servicedesk; without it the notify route answers 404. */
  mailer?: Mailer;
}
