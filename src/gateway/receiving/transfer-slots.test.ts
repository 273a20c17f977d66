import { describe, expect, it } from 'vitest';
import { metricsText } from '../../platform/http/metrics.js';
import { inTransferSlot, Slots, setTransfersInFlight } from './transfer-slots.js';

/** A piece of work that ends when told to, and says when it started. */
function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('transfer slots', () => {
  it('runs at most `limit` at once; the others wait and start first in, first out', async () => {
    const slots = new Slots(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([slots.active, slots.waiting]).toEqual([2, 3]);
    gates[1].open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([slots.active, slots.waiting]).toEqual([2, 0]);
    gates[3].open();
    gates[4].open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
  });

  it('frees the slot of work that fails, and passes the failure on', async () => {
    const slots = new Slots(1);
    const first = gate();
    const failing = slots.run(() => first.done);
    const next = slots.run(async () => 'next');
    await tick();
    expect(slots.waiting).toBe(1);
    first.fail(new Error('chain down'));
    await expect(failing).rejects.toThrow('chain down');
    expect(await next).toBe('next');
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
  });

  it('refuses fewer than one slot', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
    expect(() => new Slots(1.5)).toThrow(RangeError);
  });

  it("shows the process's running and waiting requests in /metrics", async () => {
    setTransfersInFlight(1);
    const g = gate();
    const runs = [inTransferSlot(() => g.done), inTransferSlot(() => g.done), inTransferSlot(() => g.done)];
    await tick();
    const text = await metricsText();
    expect(text).toMatch(/^overstap_transfers_in_flight 1$/m);
    expect(text).toMatch(/^overstap_transfers_waiting 2$/m);
    g.open();
    await Promise.all(runs);
    expect(await metricsText()).toMatch(/^overstap_transfers_waiting 0$/m);
  });
});
