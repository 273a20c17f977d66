/**
 * The entry point of a cluster worker (cluster.ts): waits for the primary's configuration, starts a
 * whole node with `startOverstap` (its listeners share the primary's ports), says so, and closes
 * it when the primary asks or goes away.
 */
import cluster from 'node:cluster';
import type { FromWorker, ToWorker } from './cluster.js';
import { type RunningOverstap, startOverstap } from './start.js';

if (!cluster.isWorker) throw new Error('cluster-worker is started by cluster.ts, not on its own');

let running: RunningOverstap | undefined;
let stopping = false;
const answer = (message: FromWorker) => process.send?.(message);

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await running?.close();
  } finally {
    if (process.connected) answer({ kind: 'stopped' });
    process.exit(0);
  }
}

process.on('message', (message: ToWorker) => {
  if (message.kind === 'stop') {
    void stop();
    return;
  }
  if (message.kind !== 'start' || running) return;
  startOverstap(message.config, message.options).then(
    (r) => {
      running = r;
      answer({ kind: 'started', apiUrl: r.apiUrl, chainUrl: r.chainUrl });
    },
    (e: unknown) => {
      answer({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
      process.exit(1);
    },
  );
});
// The primary is gone (killed): nobody hands out connections any more.
process.on('disconnect', () => void stop());
process.once('SIGTERM', () => void stop());
answer({ kind: 'listening-for-start' });
