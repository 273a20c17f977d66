import { Gauge } from 'prom-client';
import { defaultTransfersInFlight } from '../../platform/config.js';
import { metricsRegistry } from '../../platform/http/metrics.js';

/**
 * How many dossier requests of this process run at once (ADR 0013). A request is the heaviest
 * thing a gateway does for its own school: a session at the traffic center, the sealed document
 * request, the delivery unsealed, validated and stored. Left to themselves, 32 of them at once
 * share the cores in slices, and each one takes as long as all of them; the unlucky ones much
 * longer. A fixed number of slots runs them in the order they came (first in, first out); the
 * others wait for a slot before they touch the database or the chain.
 */
export class Slots {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('at least one slot');
    this.#limit = limit;
  }

  get limit(): number {
    return this.#limit;
  }

  /** Requests running now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `work` in a slot, after those that came before it; the slot is freed however it ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active < this.#limit) this.#active++;
    // the slot is handed over by the one that frees it: #active stays counted meanwhile
    else await new Promise<void>((resume) => this.#waiting.push(resume));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
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
export function inTransferSlot<T>(work: () => Promise<T>): Promise<T> {
  return slots.run(work);
}

new Gauge({
  name: 'overstap_transfers_in_flight',
  help: 'Dossier requests of this process running now (at most OVERSTAP_TRANSFERS_IN_FLIGHT)',
  registers: [metricsRegistry],
  collect() {
    this.set(slots.active);
  },
});

new Gauge({
  name: 'overstap_transfers_waiting',
  help: 'Dossier requests of this process waiting for a slot, first in first out',
  registers: [metricsRegistry],
  collect() {
    this.set(slots.waiting);
  },
});
