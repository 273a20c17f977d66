import { isRetryableTransactionError } from './database-error.js';

/** How often a transaction runs at most when PostgreSQL keeps reporting a serialization failure. */
export const TRANSACTION_ATTEMPTS = 6;

/**
 * Runs `attempt` again after a serialization failure (40001) or a deadlock (40P01), up to
 * {@link TRANSACTION_ATTEMPTS} times, waiting a little longer each time with random jitter so that
 * the transactions that collided do not collide again in lockstep.
 */
export async function withTransactionRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(e)) throw e;
      const ceiling = 4 * 2 ** n; // 8, 16, 32, 64, 128 ms
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }
}
