import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFailed } from 'vitest';
import { readDossier } from '../../src/standard/index.js';
import {
  childEnv,
  freePort,
  type OverstapProcess,
  runOverstap,
  startOverstapProcess,
  waitForHealth,
} from './processes.js';

/**
 * Chain nodes for scenario tests across processes: a local chain PKI and encryption keys made with
 * the real CLI, `overstap serve` processes (traffic center or gateway) on free ports, API calls with
 * an expected status, and the operator's bootstrap that connects a school (traffic center: school,
 * mandate, delivery point, admission; gateway: hosted school). Everything goes through the HTTP APIs
 * and the chain's mutual TLS, as an operator and school administrations would use them.
 */

export type Role = 'all' | 'trafficcenter' | 'gateway';

export interface School {
  brin: string;
  vestiging: string;
  name: string;
  sector: 'po' | 'vo';
  board: string;
  region: string;
  place: string;
}

export function school(brin: string, sector: 'po' | 'vo', name: string): School {
  return {
    brin,
    vestiging: '00',
    name,
    sector,
    board: `Stichting ${name}`,
    region: 'Testregio',
    place: 'Utrecht',
  };
}

/** A chain CA in `dir` and one certificate per entry (`overstap pki init|issue`). */
export async function createChainPki(
  dir: string,
  certificates: Record<string, 'server' | 'client' | 'both'>,
): Promise<void> {
  const env = childEnv({});
  await runOverstap(['pki', 'init', '--dir', dir], env);
  await Promise.all(
    Object.entries(certificates).map(([name, kind]) =>
      runOverstap(['pki', 'issue', name, '--kind', kind, '--dir', dir], env),
    ),
  );
}

/** A fresh encryption key in the OVERSTAP_ENCRYPTION_KEYS format (`overstap keys generate`). */
export async function newEncryptionKey(): Promise<string> {
  return (await runOverstap(['keys', 'generate'], childEnv({}))).stdout.trim();
}

export interface NodeOptions {
  name: string;
  role: Role;
  /** Folder of the chain PKI and the name of this node's certificate in it. */
  pki: string;
  cert: string;
  dataDir: string;
  encryptionKeys: string;
  databaseUrl?: string;
  trafficCenterUrl?: string;
  /** More environment (e.g. OVERSTAP_LOG_LEVEL). */
  env?: Record<string, string>;
}

export interface ChainNode {
  name: string;
  role: Role;
  env: NodeJS.ProcessEnv;
  apiUrl: string;
  chainUrl: string;
  certPem: string;
  /** The last `overstap serve` started for this node. */
  process?: OverstapProcess;
  /** From `startNode` until that process has ended. */
  running: boolean;
  /** Output of earlier runs of this node (before a restart). */
  earlierOutput: string[];
}

/** A node's configuration on two free ports on 127.0.0.1; its data folder is created. */
export async function defineNode(options: NodeOptions): Promise<ChainNode> {
  const [api, chain] = [await freePort(), await freePort()];
  const chainUrl = `https://127.0.0.1:${chain}`;
  await mkdir(options.dataDir, { recursive: true });
  const env = childEnv({
    OVERSTAP_ROLE: options.role,
    OVERSTAP_HOST: '127.0.0.1',
    PORT: String(api),
    OVERSTAP_CHAIN_PORT: String(chain),
    OVERSTAP_DATA_DIR: options.dataDir,
    OVERSTAP_PUBLIC_CHAIN_URL: chainUrl,
    OVERSTAP_TLS_CERT: join(options.pki, `${options.cert}.crt`),
    OVERSTAP_TLS_KEY: join(options.pki, `${options.cert}.key`),
    OVERSTAP_TLS_CA: join(options.pki, 'ca.crt'),
    OVERSTAP_ENCRYPTION_KEYS: options.encryptionKeys,
    OVERSTAP_LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.trafficCenterUrl ? { OVERSTAP_TRAFFIC_CENTER_URL: options.trafficCenterUrl } : {}),
    ...options.env,
  });
  return {
    name: options.name,
    role: options.role,
    env,
    apiUrl: `http://127.0.0.1:${api}`,
    chainUrl,
    certPem: await readFile(join(options.pki, `${options.cert}.crt`), 'utf8'),
    running: false,
    earlierOutput: [],
  };
}

/** `overstap apikey create … --json` against the node's database; the key. */
export async function createApiKey(node: ChainNode, args: string[]): Promise<string> {
  const { stdout } = await runOverstap(['apikey', 'create', ...args, '--json'], node.env);
  return (JSON.parse(stdout) as { key: string }).key;
}

/** Starts `overstap serve --role <role>` for the node and waits until /health answers. */
export async function startNode(node: ChainNode, timeoutMs = 45_000): Promise<Record<string, unknown>> {
  if (node.running)
    throw new Error(`${node.name} is still running: stop or kill it before starting it again`);
  if (node.process) node.earlierOutput.push(node.process.output());
  const started = startOverstapProcess(node.name, ['serve', '--role', node.role], node.env);
  node.process = started;
  node.running = true;
  void started.exited.then(() => {
    if (node.process === started) node.running = false;
  });
  return waitForHealth(started, node.apiUrl, timeoutMs);
}

/** kill -9: the process ends at once, in whatever it was doing; resolves when it is gone. */
export async function killNode(node: ChainNode): Promise<number | string | null> {
  const running = node.process;
  if (!node.running || !running?.pid) throw new Error(`${node.name} is not running`);
  process.kill(running.pid, 'SIGKILL');
  return running.exited;
}

/** Stops every node that still runs (SIGTERM, then SIGKILL); never throws. */
export async function stopNodes(
  nodes: ReadonlyArray<ChainNode | undefined>,
  graceMs = 10_000,
): Promise<void> {
  await Promise.allSettled(nodes.map((n) => n?.process?.stop(graceMs)));
}

/** On a failing test: the tail of every node's output (its log). */
export function showLogsOnFailure(nodes: () => ReadonlyArray<ChainNode | undefined>): void {
  onTestFailed(() => {
    for (const node of nodes()) {
      if (!node) continue;
      const log = [...node.earlierOutput, node.process?.output() ?? '(not started)'].join(
        '\n--- restart ---\n',
      );
      console.error(`---- ${node.name} (last 6000 characters of its output) ----\n${log.slice(-6000)}`);
    }
  });
}

export interface Answer<T> {
  status: number;
  body: T;
  /** The x-request-id the node answered with. */
  requestId: string | null;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as x-request-id (8–64 word characters or dashes), so audit entries can be found by it. */
  requestId?: string;
  timeoutMs?: number;
}

/**
 * One call on a node's JSON API; JSON answers are parsed, others (XML) returned as text. A call
 * without an answer in time fails with what the node still does: whether its event loop answers
 * `/health`, whether its database answers `/metrics` (the jobs per state), and its last output.
 */
export async function call<T = Record<string, unknown>>(
  node: Pick<ChainNode, 'apiUrl'> & Partial<Pick<ChainNode, 'name' | 'process'>>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let response: Response;
  try {
    response = await fetch(`${node.apiUrl}${path}`, {
      method,
      headers: {
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    if ((e as Error).name !== 'TimeoutError') throw e;
    const what = `${node.name ?? node.apiUrl} ${method} ${path}: no answer within ${timeoutMs} ms`;
    throw new Error(`${what}\n${await stateOf(node)}`, { cause: e });
  }
  const text = await response.text();
  const json = /^\s*[[{]/.test(text) && (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    body: (json ? JSON.parse(text) : text) as T,
    requestId: response.headers.get('x-request-id'),
  };
}

/** What a node that did not answer still does (for the error of a call that timed out). */
async function stateOf(
  node: Pick<ChainNode, 'apiUrl'> & Partial<Pick<ChainNode, 'process'>>,
): Promise<string> {
  const probe = async (path: string) => {
    const started = performance.now();
    try {
      const r = await fetch(`${node.apiUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
      const text = await r.text();
      return `HTTP ${r.status} after ${Math.round(performance.now() - started)} ms: ${text}`;
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  const metrics = (await probe('/metrics'))
    .split('\n')
    .filter((l) => /^HTTP|^overstap_(jobs|transfers)/.test(l))
    .join('\n  ');
  return [
    `/health: ${await probe('/health')}`,
    `/metrics: ${metrics}`,
    `its last output:\n${node.process?.output().slice(-3000) ?? '(not a process of this test)'}`,
  ].join('\n');
}

/** Like `call`, but fails with the answer unless the status is `expected` (POST 201, else 200). */
export async function api<T = Record<string, unknown>>(
  node: Pick<ChainNode, 'apiUrl'> & Partial<Pick<ChainNode, 'name' | 'process'>>,
  method: string,
  path: string,
  options: CallOptions & { expected?: number } = {},
): Promise<T> {
  const answer = await call<T>(node, method, path, options);
  const expected = options.expected ?? (method === 'POST' ? 201 : 200);
  if (answer.status !== expected) {
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    throw new Error(
      `${node.name ?? node.apiUrl} ${method} ${path}: HTTP ${answer.status} (expected ${expected}): ${body.slice(0, 500)}`,
    );
  }
  return answer.body;
}

/** Polls `probe` until it returns a value (not undefined); fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `fn` over `items`, at most `concurrency` at a time; the results in the items' order. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** The traffic center with its operator key. */
export interface Operated {
  node: ChainNode;
  key: string;
}

/** Registers a supplier system at the traffic center by its certificate; its id. */
export async function registerSupplier(tc: Operated, name: string, certPem: string): Promise<string> {
  const created = await api<{ id: string }>(tc.node, 'POST', '/api/tc/suppliers', {
    key: tc.key,
    body: { name, certificatePem: certPem },
  });
  return created.id;
}

/**
 * Connects a school as an operator does: known at the traffic center, mandated to the supplier
 * system, hosted on `gateway` (which creates its delivery point at the gateway's public chain URL),
 * the delivery point registered at the traffic center, and admitted.
 */
export async function connectSchool(
  tc: Operated,
  gateway: Operated,
  supplierId: string,
  s: School,
): Promise<{ routingKey: string; url: string }> {
  await api(tc.node, 'POST', '/api/tc/schools', { key: tc.key, body: s });
  await api(tc.node, 'PUT', `/api/tc/suppliers/${supplierId}/mandates/${s.brin}`, { key: tc.key });
  const hosted = await api<{ deliveryPoint: { routingKey: string; url: string; publicKey: string } }>(
    gateway.node,
    'POST',
    '/api/gw/schools',
    {
      key: gateway.key,
      body: { brin: s.brin, vestiging: s.vestiging, name: s.name, sector: s.sector, region: s.region },
    },
  );
  const point = hosted.deliveryPoint;
  await api(tc.node, 'POST', '/api/tc/delivery-points', {
    key: tc.key,
    body: {
      routingKey: point.routingKey,
      brin: s.brin,
      supplierId,
      url: point.url,
      purpose: 'OV',
      publicKey: point.publicKey,
    },
  });
  for (const body of [{ action: 'recordTestExchange' }, { action: 'qualify', from: '2025-01-01' }]) {
    await api(tc.node, 'POST', `/api/tc/schools/${s.brin}/admission`, { key: tc.key, body, expected: 200 });
  }
  return { routingKey: point.routingKey, url: point.url };
}

/** The pupil as a registration form has it, read from a dossier's XML. */
export interface Pupil {
  bsn: string;
  achternaam: string;
  voorvoegsel?: string;
  geboortedatum: string;
}

/** The pupil of a dossier, as the receiving school's registration form would have it. */
export function pupilOf(xml: string | Uint8Array): Pupil {
  const leerling = readDossier(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml).huidigeschool
    .leerling;
  return {
    bsn: String(leerling.bsn),
    achternaam: leerling.achternaam,
    ...(leerling.voorvoegsel ? { voorvoegsel: leerling.voorvoegsel } : {}),
    geboortedatum: String(leerling.geboortedatum),
  };
}

/**
 * On a gateway, for a hosted po school: a generated POVO dossier (`seed`, `index`), put up for
 * inspection and inspected (akkoord Ja); its id, its XML as the school exports it, and its pupil.
 */
export async function inspectedDossier(
  gateway: Pick<ChainNode, 'apiUrl' | 'name'>,
  key: string,
  brin: string,
  seed: string,
  index: number,
): Promise<{ dossierId: string; xml: string; pupil: Pupil }> {
  const base = `/api/gw/schools/${brin}/dossiers`;
  const created = await api<{ dossierId: string; errorCount: number }>(gateway, 'POST', `${base}/generated`, {
    key,
    body: { profile: 'POVO', seed, index },
  });
  if (created.errorCount !== 0) throw new Error(`generated dossier ${seed}/${index} has errors`);
  await api(gateway, 'POST', `${base}/${created.dossierId}/ter-inzage`, { key, expected: 200 });
  await api(gateway, 'POST', `${base}/${created.dossierId}/inspection`, {
    key,
    body: { inzagedatum: today(), akkoord: 'Ja', toestemming: 'Ja' },
    expected: 200,
  });
  const xml = await api<string>(gateway, 'GET', `${base}/${created.dossierId}/xml`, { key });
  return { dossierId: created.dossierId, xml, pupil: pupilOf(xml) };
}

/** Durable jobs per kind and state, from a node's /metrics (Prometheus text). */
export async function jobCounts(node: Pick<ChainNode, 'apiUrl'>): Promise<Record<string, number>> {
  const text = await (await fetch(`${node.apiUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^overstap_jobs\{kind="([^"]+)",state="([^"]+)"\} (\d+)$/gm)) {
    counts[`${m[1]}:${m[2]}`] = Number(m[3]);
  }
  return counts;
}

export const today = () => new Date().toISOString().slice(0, 10);
