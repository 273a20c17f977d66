import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type Ctx, type Keyring, SYSTEM_ACTOR } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { releaseInterruptedRequests } from '../receiving/release-interrupted-requests.js';

/** Heartbeat every 10 s; an instance silent for 30 s is taken to be gone. */
export const DEFAULT_HEARTBEAT_MS = 10_000;
export const DEFAULT_STALE_AFTER_MS = 30_000;
/** Rows of instances gone this long (and holding nothing) are removed. */
const FORGET_AFTER_MS = 24 * 3600_000;

export interface GatewayInstanceOptions {
  keyring: Keyring;
  heartbeatMs?: number;
  staleAfterMs?: number;
  now?: () => Date;
  /** A failed heartbeat or sweep (database away): reported, tried again at the next beat. */
  onError?: (e: unknown) => void;
}

/** One running process of a gateway, as the other instances on its database see it. */
export interface GatewayInstance {
  /** Recorded on each request this process sends (RequestDossierInput/RequestSwvDossierInput.instanceId). */
  id: string;
  /** One heartbeat and one sweep now (the timer does the same). */
  tick(): Promise<void>;
  /** Stops the timer and removes the heartbeat row: the others release what it still held. */
  stop(): Promise<void>;
}

/** A name for this process: host, pid and a random suffix (a pid is reused after a restart). */
export function newInstanceId(): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .slice(0, 60) || 'host';
  return `${host}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Records that the instance is alive now (database clock); creates its row the first time. */
export async function heartbeat(db: Queryable, id: string): Promise<void> {
  await db.query(
    `INSERT INTO gw.instances (id, host, pid, started_at, last_seen)
     VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp())
     ON CONFLICT (id) DO UPDATE SET last_seen = clock_timestamp()`,
    [id, hostname().slice(0, 255) || 'host', process.pid],
  );
}

/**
 * Starts this process's life as a gateway instance on its database (DESIGN.md §2, scaled out): a
 * heartbeat row refreshed every `heartbeatMs`, and at start and after every heartbeat a sweep that
 * releases the requests of instances silent for longer than `staleAfterMs` (killed with -9, lost
 * their host) — never those of live instances, never its own. So a request interrupted by a crash
 * is asked again within `staleAfterMs` + `heartbeatMs`, not after the five minutes a request without
 * a holder waits. The heartbeat is written before the first request can be sent.
 */
export async function startGatewayInstance(
  db: Db,
  options: GatewayInstanceOptions,
): Promise<GatewayInstance> {
  const id = newInstanceId();
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const ctx: Ctx = {
    db,
    keyring: options.keyring,
    actor: SYSTEM_ACTOR,
    requestId: `instance-${id}`,
    now: options.now ?? (() => new Date()),
  };
  const tick = async () => {
    await heartbeat(db, id);
    await releaseInterruptedRequests(ctx, { instanceId: id, staleAfterMs });
    await db.query(
      `DELETE FROM gw.instances i
        WHERE i.last_seen < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM gw.registrations r WHERE r.state = 'aangevraagd' AND r.requested_by = i.id)
          AND NOT EXISTS (SELECT 1 FROM gw.swv_requests r WHERE r.state = 'aangevraagd' AND r.requested_by = i.id)`,
      [FORGET_AFTER_MS],
    );
  };
  await tick();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick()
        .catch((e: unknown) => options.onError?.(e))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, heartbeatMs);
    timer.unref();
  };
  schedule();
  return {
    id,
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await db.query('DELETE FROM gw.instances WHERE id = $1', [id]);
    },
  };
}
