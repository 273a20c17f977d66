/** The answers of the pilot's routes (src/region/pilot/schemas.ts), as the pilot pages use them. */
import type { Message } from './types';

export type PilotKind = 'regular' | 'support';
export type PilotStatus = 'planned' | 'running' | 'completed' | 'ended';
export type PairStatus = 'not_started' | 'in_progress' | 'complete';
export type PilotStep = 'setReady' | 'requested' | 'delivered' | 'imported';
export const PILOT_STEPS: readonly PilotStep[] = ['setReady', 'requested', 'delivered', 'imported'];

export interface PilotSchool {
  brin: string;
  name: string;
  sector: string;
  place: string | null;
  suppliers: string[];
  ready: boolean;
  checks: Array<{ item: string; ok: boolean; label: Message; missing?: Message }>;
}

export interface KindChecklist {
  kind: PilotKind;
  label: Message;
  steps: Array<{ step: PilotStep; done: boolean; label: Message }>;
  done: boolean;
}

export interface PilotPair {
  pairId: string;
  po: PilotSchool;
  vo: PilotSchool;
  kinds: KindChecklist[];
  complete: boolean;
  status: PairStatus;
  started: boolean;
}

export interface PilotSummary {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  schoolYear: string;
  today: string;
  status: PilotStatus;
  completePairs: number;
  checklist: Array<{
    check: 'pairs' | 'notified' | 'schoolsReady' | 'pairsComplete';
    ok: boolean;
    label: Message;
  }>;
  notifiedAt: string | null;
}

export interface PilotDetail extends PilotSummary {
  pairs: PilotPair[];
  suppliers: Array<{ name: string; schools: string[] }>;
  log: Array<{ at: string; actorId: string; event: string; details: Record<string, unknown> }>;
}

export interface PilotList {
  regionId: string;
  regionName: string;
  today: string;
  pilots: Array<{
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    status: PilotStatus;
    pairs: number;
    completePairs: number;
    notifiedAt: string | null;
  }>;
}

export interface PilotListItem {
  id: string;
  pilotRef: string;
  kind: PilotKind;
  state: string;
  name: string;
  otherBrin: string | null;
  deliveries: number;
  lastResult: string | null;
  receivedPilot: boolean | null;
}

export interface SchoolPilots {
  brin: string;
  pilots: Array<
    PilotSummary & {
      pairs: Array<
        PilotPair & { side: 'po' | 'vo'; actions: { prepare: boolean; request: boolean; import: boolean } }
      >;
    }
  >;
  sending: PilotListItem[] | null;
  receiving: PilotListItem[] | null;
}

export interface StepOutcome {
  kind: PilotKind;
  state: string;
  result?: string;
}

export interface UpcomingPilot {
  id: string;
  regionName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: PilotStatus;
  schools: Array<{ brin: string; name: string }>;
  suppliers: string[];
  pairs: number;
  completePairs: number;
}

/** A problem the server gave with PILOT_INVALID. */
export interface PilotProblem {
  field: 'name' | 'startsOn' | 'endsOn' | 'pairs' | 'suppliers' | 'servicedeskEmail';
  index?: number;
  message: Message;
}
