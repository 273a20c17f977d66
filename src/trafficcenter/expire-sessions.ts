import { authorize, type Ctx, SYSTEM_ACTOR } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { EXPIRY_BATCH, expireOverdueSessions } from './session-expiry.js';

/**
 * Marks every open session past its `expires_at` as expired and counts it in the outcomes as
 * 'SessieVerlopen' (a session whose starter never closed it: the gateway died, or lost the chain),
 * so that the outcome statistics show it. Batches of EXPIRY_BATCH, each its own transaction.
 * Any number of instances may run it at once: each session is expired and counted once. Returns how
 * many sessions expired.
 */
export async function expireSessions(ctx: Pick<Ctx, 'db' | 'actor' | 'now'>): Promise<number> {
  authorize(ctx, 'tc:admin');
  let total = 0;
  for (;;) {
    const at = ctx.now();
    const expired = await ctx.db.transaction((tx) => expireOverdueSessions(tx, at));
    total += expired;
    if (expired < EXPIRY_BATCH) return total;
  }
}

export interface SessionExpirySweep {
  /** Stops the timer; resolves once a sweep that is running has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `expireSessions` now and then every `intervalMs` (default one minute) in this process, as the
 * system. A sweep is stateless and idempotent, so every instance of the traffic center runs its own:
 * no job to schedule, none to lose. A failing sweep (database away) is reported and tried again at
 * the next tick.
 */
export function startSessionExpirySweep(
  db: Db,
  options: { intervalMs?: number; now?: () => Date; onError?: (e: unknown) => void } = {},
): SessionExpirySweep {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = expireSessions({ db, actor: SYSTEM_ACTOR, now })
      .then(
        () => undefined,
        (e: unknown) => options.onError?.(e),
      )
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
