import type { Message } from '../../standard/index.js';
import type { ReadinessCheck } from '../readiness-rules.js';
import { BRIN } from '../region-store.js';
import { PILOT_KINDS, type PilotKind, type PilotKindCounts, type PilotPairCounts } from './deps.js';
import {
  endBeforeStart,
  KIND_NAMES,
  type PilotStep,
  PROBLEMS,
  pairTwice,
  periodTooLong,
  STEP_NAMES,
  sameSchool,
} from './texts.js';

/**
 * The pilot's rules, pure (ADR 0007): what a pilot's name, period and pairs must be, its status by
 * date and progress, and the checklist of a pair from the chain's counts. The use cases gather the
 * facts; the same rules are CHECKs in migrations.ts where a table can hold them.
 */

export type PilotField = 'name' | 'startsOn' | 'endsOn' | 'pairs' | 'suppliers' | 'servicedeskEmail';

export interface PilotProblem {
  field: PilotField;
  /** The pair's place in the list, for a problem with one pair. */
  index?: number;
  message: Message;
}

export interface PilotFields {
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface PairInput {
  poBrin: string;
  voBrin: string;
}

export const MAX_PAIRS = 50;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The name and the period: a name, two real days, the end not before the start, at most a year. */
export function checkPilotFields(input: PilotFields): PilotProblem[] {
  const problems: PilotProblem[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > 200) problems.push({ field: 'name', message: PROBLEMS.name });
  const start = isDay(input.startsOn);
  const end = isDay(input.endsOn);
  if (!start) problems.push({ field: 'startsOn', message: PROBLEMS.startsOn });
  if (!end) problems.push({ field: 'endsOn', message: PROBLEMS.endsOn });
  if (start && end) {
    const days = daysBetween(input.startsOn, input.endsOn);
    if (days < 0) problems.push({ field: 'endsOn', message: endBeforeStart(input.startsOn, input.endsOn) });
    else if (days > 366)
      problems.push({ field: 'endsOn', message: periodTooLong(input.startsOn, input.endsOn) });
  }
  return problems;
}

/** The pairs' form: at least one, at most MAX_PAIRS, each two different BRINs, none twice. */
export function checkPairs(pairs: readonly PairInput[]): PilotProblem[] {
  if (!Array.isArray(pairs) || pairs.length === 0)
    return [{ field: 'pairs', message: PROBLEMS.pairsMissing }];
  if (pairs.length > MAX_PAIRS) return [{ field: 'pairs', message: PROBLEMS.pairsTooMany }];
  const problems: PilotProblem[] = [];
  const seen = new Set<string>();
  pairs.forEach((p, index) => {
    if (!BRIN.test(p.poBrin) || !BRIN.test(p.voBrin)) return; // the schema refuses these first
    const key = `${p.poBrin}>${p.voBrin}`;
    if (p.poBrin === p.voBrin) problems.push({ field: 'pairs', index, message: sameSchool(p.poBrin) });
    else if (seen.has(key)) problems.push({ field: 'pairs', index, message: pairTwice(p.poBrin, p.voBrin) });
    seen.add(key);
  });
  return problems;
}

/** The school year a pilot belongs to: that of its first day (1 August starts a year). */
export function pilotSchoolYear(startsOn: string): string {
  const year = Number(startsOn.slice(0, 4));
  const start = startsOn.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

export type PilotStatus = 'planned' | 'running' | 'completed' | 'ended';

/** Completed when every pair is complete; otherwise by date: planned, running, or ended without all. */
export function pilotStatus(
  period: { startsOn: string; endsOn: string },
  today: string,
  allComplete: boolean,
): PilotStatus {
  if (allComplete) return 'completed';
  if (today < period.startsOn) return 'planned';
  if (today <= period.endsOn) return 'running';
  return 'ended';
}

export interface StepState {
  step: PilotStep;
  done: boolean;
  label: Message;
}

export interface KindChecklist {
  kind: PilotKind;
  label: Message;
  steps: StepState[];
  /** Delivered and imported. */
  done: boolean;
}

export const PAIR_STEPS: readonly PilotStep[] = ['setReady', 'requested', 'delivered', 'imported'];

/** The four steps of one pilot dossier from the chain's counts. */
export function kindChecklist(kind: PilotKind, counts: PilotKindCounts | undefined): KindChecklist {
  const c = counts;
  const done: Record<PilotStep, boolean> = {
    setReady: (c?.setReady ?? 0) > 0,
    requested: (c?.requested ?? 0) > 0,
    delivered: (c?.delivered ?? 0) > 0 || (c?.received ?? 0) > 0,
    imported: (c?.imported ?? 0) > 0,
  };
  return {
    kind,
    label: KIND_NAMES[kind],
    steps: PAIR_STEPS.map((step) => ({ step, done: done[step], label: STEP_NAMES[step] })),
    done: done.delivered && done.imported,
  };
}

export type PairStatus = 'not_started' | 'in_progress' | 'complete';

/** Both kinds of a pair, and whether the pair is complete (both delivered and imported). */
export function pairProgress(counts: PilotPairCounts | undefined): {
  kinds: KindChecklist[];
  complete: boolean;
  status: PairStatus;
  started: boolean;
} {
  const kinds = PILOT_KINDS.map((k) => kindChecklist(k, counts?.[k]));
  const complete = kinds.every((k) => k.done);
  const started = PILOT_KINDS.some((k) => {
    const c = counts?.[k];
    return c !== undefined && Object.values(c).some((n) => n > 0);
  });
  return {
    kinds,
    complete,
    started,
    status: complete ? 'complete' : started ? 'in_progress' : 'not_started',
  };
}

/** The readiness items that matter for an exchange: admitted, delivery point, test exchange. */
export const PILOT_READINESS_ITEMS: ReadonlySet<ReadinessCheck['item']> = new Set([
  'admitted',
  'deliveryPoint',
  'testExchange',
]);
