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

  it('lends the slot while a request waits for another node, and gives it back before new requests', async () => {
    const slots = new Slots(1);
    const peer = gate();
    const steps: string[] = [];
    const a = slots.run(async (away) => {
      steps.push('a: own work');
      await away(async () => {
        steps.push('a: asks the peer');
        await peer.done;
      });
      steps.push('a: back');
    });
    const bGoesOn = gate();
    const b = slots.run(async () => {
      steps.push('b: own work');
      await bGoesOn.done;
      steps.push('b: done');
    });
    const c = slots.run(async () => {
      steps.push('c: own work');
    });
    await tick();
    // a lent its slot to b; c waits
    expect(steps).toEqual(['a: own work', 'a: asks the peer', 'b: own work']);
    expect([slots.active, slots.waiting]).toEqual([1, 1]);
    peer.open();
    await tick();
    // a is back, and waits for the slot ahead of c
    expect([slots.active, slots.waiting]).toEqual([1, 2]);
    bGoesOn.open();
    await Promise.all([a, b, c]);
    expect(steps).toEqual([
      'a: own work',
      'a: asks the peer',
      'b: own work',
      'b: done',
      'a: back',
      'c: own work',
    ]);
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
  });

  it('keeps count with several calls away at once, and with a request that ends while one is still away', async () => {
    const slots = new Slots(1);
    const slow = gate();
    // two calls at once, one failing early: the request ends while the other is still away
    const failing = slots.run((away) =>
      Promise.all([
        away(() => slow.done),
        away(async () => {
          throw new Error('peer refused');
        }),
      ]),
    );
    await expect(failing).rejects.toThrow('peer refused');
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
    slow.open();
    await tick();
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
    // two calls at once that both end well: one slot taken back, once
    const both = await slots.run(async (away) => {
      const answers = await Promise.all([away(async () => 1), away(async () => 2)]);
      expect(slots.active).toBe(1);
      return answers;
    });
    expect(both).toEqual([1, 2]);
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
