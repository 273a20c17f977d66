import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from './errors.js';

export type Role = 'all' | 'trafficcenter' | 'gateway';

/**
 * Everything Overstap reads from its environment, in one place, checked at start-up. The
 * defaults make `npm start` an all-in-one server on PGlite in ./data with development
 * certificates and keys created in the data folder.
 */
export interface Config {
  role: Role;
  /** The JSON API (and later the web app): plain HTTP, meant for localhost or behind a TLS proxy. */
  host: string;
  port: number;
  /** The chain endpoints: HTTPS with mutual TLS. */
  chainPort: number;
  dataDir: string;
  /** A PostgreSQL server; PGlite in `dataDir` when absent. */
  databaseUrl?: string;
  /** Where this process's chain endpoints are reachable for peers. */
  publicChainUrl: string;
  /** Where the traffic center's chain endpoints are (a gateway calls it). */
  trafficCenterUrl: string;
  /** PEM files; development ones are made in `<dataDir>/pki` when none are configured. */
  tls: { cert?: string; key?: string; ca?: string };
  /** `k1:<base64>,k2:<base64>`; a development key is made in the data folder when absent. */
  encryptionKeys?: string;
  encryptionKeyId?: string;
  /** Seed a demo region when the database is empty (all-in-one default). */
  seedDemo: boolean;
  /** The summer switch, MM-DD (per region later), default 07-15. */
  summerSwitch: string;
  /** Traffic center: minutes a session stays open before it expires (default 15). */
  sessionLifetimeMinutes: number;
  /**
   * Gateway instances on one database: seconds between heartbeats (default 10), and of silence
   * after which an instance is taken to be gone and its requests in flight are released (default 30).
   */
  instanceHeartbeatSeconds: number;
  instanceStaleSeconds: number;
  /**
   * The longest wait, in seconds, before the next attempt of a failed durable job — a notice or a
   * request to a peer that is down (OVERSTAP_JOB_RETRY_MAX_SECONDS, 1–3600, default 900): the waits
   * double from one second up to this.
   */
  jobRetryMaxSeconds: number;
  /** Where people reach the web app; links in e-mails start with it (default http://localhost:PORT). */
  publicUrl: string;
  /** `smtp(s)://user:pass@host:port`; without it mails go to the outbox (/api/dev/mail). */
  smtpUrl?: string;
  /** The sender of e-mails. */
  mailFrom: string;
  /** Days a parents' inspection link works (OVERSTAP_INSPECTION_LINK_DAYS, 1–90, default 14). */
  inspectionLinkDays: number;
  /**
   * Server processes of this node (OVERSTAP_WORKERS, default 1): more than one runs that many
   * instances sharing the ports (node:cluster, src/cli/serve/cluster.ts); PostgreSQL only.
   */
  workers: number;
  /**
   * Chain calls of this node to its own chain endpoints (its traffic center, its own delivery
   * points) in process rather than over mutual TLS on loopback (OVERSTAP_CHAIN_IN_PROCESS, default
   * true; ADR 0009). Calls to other nodes always go over the network.
   */
  chainInProcess: boolean;
  /**
   * Threads per server process that validate the larger dossiers off the main thread
   * (OVERSTAP_VALIDATION_THREADS, 0–64; default one fewer than the cores, at least 1, at most 4;
   * 0 validates on the main thread; ADR 0011).
   */
  validationThreads: number;
  /**
   * Dossier requests per server process that run at once; the others wait their turn, first in
   * first out (OVERSTAP_TRANSFERS_IN_FLIGHT, 1–256; default four per core, at least 4, at most 32;
   * ADR 0013).
   */
  transfersInFlight: number;
}

/** One fewer than the cores, at least one, at most four. */
export function defaultValidationThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** Four per core, at least four, at most 32. */
export function defaultTransfersInFlight(): number {
  return Math.min(32, Math.max(4, 4 * availableParallelism()));
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new AppError('CONFIG_INVALID', { variable: name, value });
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const role = (overrides.role ?? env.OVERSTAP_ROLE ?? 'all') as Role;
  if (!['all', 'trafficcenter', 'gateway'].includes(role)) {
    throw new AppError('CONFIG_INVALID', { variable: 'OVERSTAP_ROLE', value: role });
  }
  const host = env.OVERSTAP_HOST ?? 'localhost';
  const port = int('PORT', env.PORT, 8080);
  const chainPort = int('OVERSTAP_CHAIN_PORT', env.OVERSTAP_CHAIN_PORT, 8443);
  const summerSwitch = env.OVERSTAP_SUMMER_SWITCH ?? '07-15';
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(summerSwitch)) {
    throw new AppError('CONFIG_INVALID', { variable: 'OVERSTAP_SUMMER_SWITCH', value: summerSwitch });
  }
  const publicChainUrl = env.OVERSTAP_PUBLIC_CHAIN_URL ?? `https://${host}:${chainPort}`;
  const sessionLifetimeMinutes = int(
    'OVERSTAP_SESSION_LIFETIME_MINUTES',
    env.OVERSTAP_SESSION_LIFETIME_MINUTES,
    15,
  );
  const instanceHeartbeatSeconds = int(
    'OVERSTAP_INSTANCE_HEARTBEAT_SECONDS',
    env.OVERSTAP_INSTANCE_HEARTBEAT_SECONDS,
    10,
  );
  const instanceStaleSeconds = int(
    'OVERSTAP_INSTANCE_STALE_SECONDS',
    env.OVERSTAP_INSTANCE_STALE_SECONDS,
    30,
  );
  const jobRetryMaxSeconds = int('OVERSTAP_JOB_RETRY_MAX_SECONDS', env.OVERSTAP_JOB_RETRY_MAX_SECONDS, 900);
  if (jobRetryMaxSeconds < 1 || jobRetryMaxSeconds > 3600) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_JOB_RETRY_MAX_SECONDS',
      value: jobRetryMaxSeconds,
    });
  }
  const inspectionLinkDays = int('OVERSTAP_INSPECTION_LINK_DAYS', env.OVERSTAP_INSPECTION_LINK_DAYS, 14);
  if (inspectionLinkDays < 1 || inspectionLinkDays > 90) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_INSPECTION_LINK_DAYS',
      value: inspectionLinkDays,
    });
  }
  const workers = int('OVERSTAP_WORKERS', env.OVERSTAP_WORKERS, 1);
  if (workers < 1 || workers > 64) {
    throw new AppError('CONFIG_INVALID', { variable: 'OVERSTAP_WORKERS', value: workers });
  }
  const validationThreads = int(
    'OVERSTAP_VALIDATION_THREADS',
    env.OVERSTAP_VALIDATION_THREADS,
    defaultValidationThreads(),
  );
  if (validationThreads > 64) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_VALIDATION_THREADS',
      value: validationThreads,
    });
  }
  const transfersInFlight = int(
    'OVERSTAP_TRANSFERS_IN_FLIGHT',
    env.OVERSTAP_TRANSFERS_IN_FLIGHT,
    defaultTransfersInFlight(),
  );
  if (transfersInFlight < 1 || transfersInFlight > 256) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_TRANSFERS_IN_FLIGHT',
      value: transfersInFlight,
    });
  }
  if (sessionLifetimeMinutes < 1) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_SESSION_LIFETIME_MINUTES',
      value: sessionLifetimeMinutes,
    });
  }
  if (instanceHeartbeatSeconds < 1 || instanceStaleSeconds < 2 * instanceHeartbeatSeconds) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_INSTANCE_STALE_SECONDS',
      reason: 'at least twice OVERSTAP_INSTANCE_HEARTBEAT_SECONDS (at least 1)',
    });
  }
  return {
    role,
    host,
    port,
    chainPort,
    dataDir: resolve(env.OVERSTAP_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicChainUrl,
    trafficCenterUrl: env.OVERSTAP_TRAFFIC_CENTER_URL ?? publicChainUrl,
    tls: { cert: env.OVERSTAP_TLS_CERT, key: env.OVERSTAP_TLS_KEY, ca: env.OVERSTAP_TLS_CA },
    encryptionKeys: env.OVERSTAP_ENCRYPTION_KEYS,
    encryptionKeyId: env.OVERSTAP_ENCRYPTION_KEY_ID,
    seedDemo: (env.OVERSTAP_SEED_DEMO ?? (role === 'all' ? 'true' : 'false')) === 'true',
    summerSwitch,
    sessionLifetimeMinutes,
    instanceHeartbeatSeconds,
    instanceStaleSeconds,
    jobRetryMaxSeconds,
    publicUrl: (env.OVERSTAP_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: env.OVERSTAP_SMTP_URL || undefined,
    mailFrom: env.OVERSTAP_MAIL_FROM || 'Overstap <noreply@overstap.invalid>',
    inspectionLinkDays,
    workers,
    chainInProcess: (env.OVERSTAP_CHAIN_IN_PROCESS ?? 'true') !== 'false',
    validationThreads,
    transfersInFlight,
    ...overrides,
  };
}
