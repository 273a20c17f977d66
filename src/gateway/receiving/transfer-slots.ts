import { Gauge } from 'prom-client';
import { defaultTransfersInFlight } from '../../platform/config.js';
import { metricsRegistry } from '../../platform/http/metrics.js';
import type { ChainCallOptions } from '../../platform/http/mtls.js';

/** Runs a wait for another node without the request's slot (passed on as ChainCallOptions.away). */
export type Away = NonNullable<ChainCallOptions['away']>;

/**
 * How many dossier requests of this process work at once (ADR 0013). A request is the heaviest
 * thing a gateway does for its own school: a session at the traffic center, the sealed document
 * request, the delivery unsealed, validated and stored. Left to themselves, 32 of them at once
 * share the cores in slices, and each one takes as long as all of them; the unlucky ones much
 * longer. A fixed number of slots runs them in the order they came (first in, first out); the
 * others wait for a slot before they touch the database or the chain.
 *
 * A slot is for work on this node. While a request waits for another node (a chain call over the
 * network, through the `away` its work is given), it lends its slot to the next request, and when
 * the answer comes it gets a slot back before any request that has not started yet. So a peer that
 * is slow or down (up to the chain call's timeout) does not hold up the node's other requests.
 */
export class Slots {
  readonly #limit: number;
  #active = 0;
  /** Requests that have not started, in arrival order. */
  readonly #waiting: Array<() => void> = [];
  /** Requests back from another node, served before #waiting. */
  readonly #returning: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('at least one slot');
    this.#limit = limit;
  }

  get limit(): number {
    return this.#limit;
  }

  /** Requests holding a slot now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot: not started yet, or back from another node. */
  get waiting(): number {
    return this.#waiting.length + this.#returning.length;
  }

  /**
   * Runs `work` in a slot, after those that came before it; the slot is freed however it ends.
   * `work` gets the `away` that lends the slot while it waits for another node.
   */
  async run<T>(work: (away: Away) => Promise<T>): Promise<T> {
    await this.take('new');
    const holder: Holder = { slots: this, state: 'holding', away: 0, done: false };
    try {
      return await work((wait) => awayFrom(holder, wait));
    } finally {
      holder.done = true;
      if (holder.state === 'holding') this.free();
    }
  }

  /** A slot: at once when one is free, else in turn (a returning request first). @internal */
  take(who: 'new' | 'returning'): Promise<void> {
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve();
    }
    // the slot is handed over by the one that frees it: #active stays counted meanwhile
    return new Promise((resume) => (who === 'new' ? this.#waiting : this.#returning).push(resume));
  }

  /** Hands the slot to the next in line, or frees it. @internal */
  free(): void {
    const next = this.#returning.shift() ?? this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}

/** A request's hold on its slot: held, lent out while it waits for another node, or being taken back. */
interface Holder {
  slots: Slots;
  state: 'holding' | 'away' | 'returning';
  /** Calls to other nodes in progress (a request may make several at once). */
  away: number;
  /** The request ended; a slot taken back after that is freed at once. */
  done: boolean;
}

/**
 * Runs `wait` without the holder's slot: the slot goes to the next request meanwhile, and is taken
 * back (before requests that have not started) when the last of the holder's waits ends.
 */
async function awayFrom<R>(holder: Holder, wait: () => Promise<R>): Promise<R> {
  if (holder.done) return wait();
  if (holder.away++ === 0 && holder.state === 'holding') {
    holder.state = 'away';
    holder.slots.free();
  }
  try {
    return await wait();
  } finally {
    if (--holder.away === 0 && holder.state === 'away' && !holder.done) {
      holder.state = 'returning';
      await holder.slots.take('returning');
      if (holder.done) holder.slots.free();
      else holder.state = 'holding';
    }
  }
}

let slots = new Slots(defaultTransfersInFlight());

/**
 * The number of slots of this process, from the configuration (at start-up, before the first
 * request; requests already running or waiting finish in the slots they had).
 */
export function setTransfersInFlight(limit: number): void {
  if (limit !== slots.limit) slots = new Slots(limit);
}

/** Runs one dossier request in a slot of this process (requestDossier, requestSwvDossier). */
export function inTransferSlot<T>(work: (away: Away) => Promise<T>): Promise<T> {
  return slots.run(work);
}

new Gauge({
  name: 'overstap_transfers_in_flight',
  help: 'Dossier requests of this process working now (at most OVERSTAP_TRANSFERS_IN_FLIGHT)',
  registers: [metricsRegistry],
  collect() {
    this.set(slots.active);
  },
});

new Gauge({
  name: 'overstap_transfers_waiting',
  help: 'Dossier requests of this process waiting for a slot: not started yet, or back from another node',
  registers: [metricsRegistry],
  collect() {
    this.set(slots.waiting);
  },
});
