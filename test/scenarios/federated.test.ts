import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.js';
import { readDossier } from '../../src/standard/index.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  childEnv,
  freePort,
  type OverstapProcess,
  runOverstap,
  startOverstapProcess,
  waitForHealth,
} from '../support/processes.js';

/**
 * The chain across organisations (DESIGN.md §2 "Federated", issue 3 §7): the traffic center and two
 * school gateways run as three separate `overstap serve` processes, each with its own database
 * (traffic center: PGlite in its data folder; gateway A: PostgreSQL; gateway B: PGlite in another
 * folder), its own certificate from one local chain CA and its own encryption key, and they talk
 * mutual TLS on 127.0.0.1. After a CLI bootstrap (pki, keys, apikey) everything goes through the
 * HTTP APIs, exactly as an operator and two school administrations would. At the end the traffic
 * center is stopped and everything it stored and logged is searched for the pupils' identities.
 */

const PO = {
  brin: '01AA',
  vestiging: '00',
  name: 'Basisschool De Regenboog',
  sector: 'po',
  board: 'Stichting Primair Onderwijs Eemland',
  region: 'Eemland',
  place: 'Amersfoort',
} as const;
const VO = {
  brin: '21XX',
  vestiging: '00',
  name: 'Het Amersfoorts Lyceum',
  sector: 'vo',
  board: 'Stichting Voortgezet Onderwijs Eemland',
  region: 'Eemland',
  place: 'Amersfoort',
} as const;

/** Seeds of the generated dossiers; their pupils have distinctive surnames (searched for below). */
const SEED = 'federated';
const TRANSFERRED = 2;
const MISMATCHED = 3;
/** A BSN that passes the 11-check and belongs to no pupil of school A. */
const UNKNOWN_PUPIL = { bsn: '123456782', achternaam: 'Oosterhuis-Wierenga', geboortedatum: '2013-05-17' };
const WRONG_SURNAME = 'Vermeulen-Kasteleijn';

interface Pupil {
  bsn: string;
  achternaam: string;
  voorvoegsel?: string;
  geboortedatum: string;
}

interface Node {
  name: string;
  apiUrl: string;
  chainUrl: string;
  env: NodeJS.ProcessEnv;
  operatorKey: string;
  /** The school's own key (gateways): dossiers or registrations need a school's permissions. */
  schoolKey?: string;
  certPem: string;
  process?: OverstapProcess;
}

let work: string;
let pki: string;
let postgres: TestDatabase | undefined;
let tc: Node;
let gwA: Node;
let gwB: Node;
const timings: Record<string, number> = {};

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

const nodes = () => [tc, gwA, gwB].filter((n): n is Node => n !== undefined);

function showLogsOnFailure(): void {
  onTestFailed(() => {
    for (const node of nodes()) {
      const log = node.process?.output() ?? '(not started)';
      console.error(`---- ${node.name} (last 6000 characters of its output) ----\n${log.slice(-6000)}`);
    }
  });
}

/** One JSON call on a node's API; fails, with the answer, when the status is not `expected`. */
async function api<T = Record<string, unknown>>(
  node: Node,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; expected?: number } = {},
): Promise<T> {
  const response = await fetch(`${node.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.key ?? node.operatorKey}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const expected = options.expected ?? (method === 'POST' ? 201 : 200);
  if (response.status !== expected) {
    throw new Error(
      `${node.name} ${method} ${path}: HTTP ${response.status} (expected ${expected}): ${text}`,
    );
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** The raw bytes of an XML answer. */
async function bytes(node: Node, path: string, key: string): Promise<Buffer> {
  const response = await fetch(`${node.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${key}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`${node.name} GET ${path}: ${response.status}`);
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * A GET on a chain endpoint, with the certificate `cert` of the chain PKI (or none): the HTTP status and
 * JSON answer, or the connection error's code when the TLS handshake is refused.
 */
async function chainGet(
  url: string,
  cert?: string,
): Promise<{ status?: number; body?: unknown; error?: string }> {
  const ca = await readFile(join(pki, 'ca.crt'), 'utf8');
  const own = cert
    ? {
        cert: await readFile(join(pki, `${cert}.crt`), 'utf8'),
        key: await readFile(join(pki, `${cert}.key`), 'utf8'),
      }
    : {};
  return new Promise((resolveCall) => {
    const req = httpsRequest(url, { ca, ...own, agent: false, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolveCall({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
      res.on('error', (e: NodeJS.ErrnoException) => resolveCall({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolveCall({ error: e.code ?? e.message }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** Polls `probe` until it returns a value (not undefined), at most `timeoutMs`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function apikey(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const { stdout } = await runOverstap(['apikey', 'create', ...args, '--json'], env);
  const created = JSON.parse(stdout) as { id: string; key: string };
  expect(created.id).toBeTruthy();
  return created.key;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('federated: traffic center and two gateways as three processes with three databases', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'overstap-federated-'));
    pki = join(work, 'pki');
    const plain = childEnv({});

    // One local chain CA; a server certificate for the traffic center, server+client for each gateway.
    await timed('pki', async () => {
      await runOverstap(['pki', 'init', '--dir', pki], plain);
      await Promise.all([
        runOverstap(['pki', 'issue', 'trafficcenter', '--kind', 'server', '--dir', pki], plain),
        runOverstap(['pki', 'issue', 'gateway-a', '--kind', 'both', '--dir', pki], plain),
        runOverstap(['pki', 'issue', 'gateway-b', '--kind', 'both', '--dir', pki], plain),
        runOverstap(['pki', 'issue', 'stranger', '--kind', 'client', '--dir', pki], plain),
      ]);
    });
    const encryptionKey = async () => (await runOverstap(['keys', 'generate'], plain)).stdout.trim();
    const [tcKey, aKey, bKey] = await Promise.all([encryptionKey(), encryptionKey(), encryptionKey()]);
    postgres = await openTestDatabase('postgres');
    const [tcApi, tcChain, aApi, aChain, bApi, bChain] = await Promise.all(
      Array.from({ length: 6 }, () => freePort()),
    );

    const nodeEnv = (
      dir: string,
      cert: string,
      ports: [number, number],
      own: Record<string, string>,
    ): NodeJS.ProcessEnv =>
      childEnv({
        OVERSTAP_HOST: '127.0.0.1',
        PORT: String(ports[0]),
        OVERSTAP_CHAIN_PORT: String(ports[1]),
        OVERSTAP_DATA_DIR: join(work, dir),
        OVERSTAP_PUBLIC_CHAIN_URL: `https://127.0.0.1:${ports[1]}`,
        OVERSTAP_TLS_CERT: join(pki, `${cert}.crt`),
        OVERSTAP_TLS_KEY: join(pki, `${cert}.key`),
        OVERSTAP_TLS_CA: join(pki, 'ca.crt'),
        ...own,
      });
    const tcUrl = `https://127.0.0.1:${tcChain}`;
    const node = async (name: string, cert: string, ports: [number, number], env: NodeJS.ProcessEnv) => ({
      name,
      apiUrl: `http://127.0.0.1:${ports[0]}`,
      chainUrl: `https://127.0.0.1:${ports[1]}`,
      env,
      operatorKey: '',
      certPem: await readFile(join(pki, `${cert}.crt`), 'utf8'),
    });
    tc = await node(
      'traffic center',
      'trafficcenter',
      [tcApi, tcChain],
      nodeEnv('tc', 'trafficcenter', [tcApi, tcChain], {
        OVERSTAP_ROLE: 'trafficcenter',
        OVERSTAP_ENCRYPTION_KEYS: tcKey,
      }),
    );
    gwA = await node(
      'gateway A',
      'gateway-a',
      [aApi, aChain],
      nodeEnv('gateway-a', 'gateway-a', [aApi, aChain], {
        OVERSTAP_ROLE: 'gateway',
        DATABASE_URL: postgres.url as string,
        OVERSTAP_TRAFFIC_CENTER_URL: tcUrl,
        OVERSTAP_ENCRYPTION_KEYS: aKey,
      }),
    );
    gwB = await node(
      'gateway B',
      'gateway-b',
      [bApi, bChain],
      nodeEnv('gateway-b', 'gateway-b', [bApi, bChain], {
        OVERSTAP_ROLE: 'gateway',
        OVERSTAP_TRAFFIC_CENTER_URL: tcUrl,
        OVERSTAP_ENCRYPTION_KEYS: bKey,
      }),
    );
    for (const n of [tc, gwA, gwB]) await mkdir(n.env.OVERSTAP_DATA_DIR as string, { recursive: true });

    // API keys, before each serve starts (a PGlite data folder is locked to one process).
    await timed('api keys', () =>
      Promise.all([
        (async () => {
          tc.operatorKey = await apikey(tc.env, ['--kind', 'operator']);
        })(),
        (async () => {
          gwA.operatorKey = await apikey(gwA.env, ['--kind', 'operator']);
          gwA.schoolKey = await apikey(gwA.env, ['--kind', 'school', '--school', PO.brin, '--sector', 'po']);
        })(),
        (async () => {
          gwB.operatorKey = await apikey(gwB.env, ['--kind', 'operator']);
          gwB.schoolKey = await apikey(gwB.env, ['--kind', 'school', '--school', VO.brin, '--sector', 'vo']);
        })(),
      ]),
    );

    await timed('start', async () => {
      for (const [n, role] of [
        [tc, 'trafficcenter'],
        [gwA, 'gateway'],
        [gwB, 'gateway'],
      ] as const) {
        n.process = startOverstapProcess(n.name, ['serve', '--role', role], n.env);
      }
      const health = await Promise.all(
        [tc, gwA, gwB].map((n) => waitForHealth(n.process as OverstapProcess, n.apiUrl, 45_000)),
      );
      expect(health).toEqual([
        { status: 'ok', role: 'trafficcenter', database: 'pglite' },
        { status: 'ok', role: 'gateway', database: 'postgres' },
        { status: 'ok', role: 'gateway', database: 'pglite' },
      ]);
    });
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled(nodes().map((n) => n.process?.stop(10_000)));
    await postgres?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
    console.info(`federated timings (ms): ${JSON.stringify(timings)}`);
  }, 60_000);

  const pupils: Pupil[] = [];
  const ids = { supplierA: '', supplierB: '', transferredDossier: '', registration: '' };

  it('the chain talks mutual TLS only: without a client certificate the traffic center refuses', async () => {
    showLogsOnFailure();
    const answer = await chainGet(`${tc.chainUrl}/chain/v1/delivery-points`);
    expect(answer).toMatchObject({ error: expect.any(String) });
  });

  it('the operator connects both gateways through the APIs: suppliers, schools, mandates, delivery points, admission', async () => {
    showLogsOnFailure();
    await timed('bootstrap', async () => {
      // The traffic center learns both supplier systems by their certificates, both schools, the mandates.
      const supplierA = await api<{ id: string; certificateFingerprint: string }>(
        tc,
        'POST',
        '/api/tc/suppliers',
        {
          body: { name: 'Gateway A (po administration)', certificatePem: gwA.certPem },
        },
      );
      const supplierB = await api<{ id: string }>(tc, 'POST', '/api/tc/suppliers', {
        body: { name: 'Gateway B (vo administration)', certificatePem: gwB.certPem },
      });
      ids.supplierA = supplierA.id;
      ids.supplierB = supplierB.id;
      for (const school of [PO, VO]) await api(tc, 'POST', '/api/tc/schools', { body: school });
      await api(tc, 'PUT', `/api/tc/suppliers/${supplierA.id}/mandates/${PO.brin}`);
      await api(tc, 'PUT', `/api/tc/suppliers/${supplierB.id}/mandates/${VO.brin}`);

      // Each gateway hosts its school; its delivery point (routing key, URL, public key) is registered
      // at the traffic center for that gateway's supplier system.
      for (const [gateway, school, supplierId] of [
        [gwA, PO, supplierA.id],
        [gwB, VO, supplierB.id],
      ] as const) {
        const hosted = await api<{
          deliveryPoint: { routingKey: string; purpose: string; url: string; publicKey: string };
        }>(gateway, 'POST', '/api/gw/schools', {
          body: {
            brin: school.brin,
            vestiging: school.vestiging,
            name: school.name,
            sector: school.sector,
            region: school.region,
          },
        });
        expect(hosted.deliveryPoint.url.startsWith(`${gateway.chainUrl}/chain/v1/delivery-points/`)).toBe(
          true,
        );
        await api(tc, 'POST', '/api/tc/delivery-points', {
          body: {
            routingKey: hosted.deliveryPoint.routingKey,
            brin: school.brin,
            supplierId,
            url: hosted.deliveryPoint.url,
            purpose: 'OV',
            publicKey: hosted.deliveryPoint.publicKey,
          },
        });
        await api(tc, 'POST', `/api/tc/schools/${school.brin}/admission`, {
          body: { action: 'recordTestExchange' },
          expected: 200,
        });
        const admission = await api<{ admittedToday: boolean }>(
          tc,
          'POST',
          `/api/tc/schools/${school.brin}/admission`,
          { body: { action: 'qualify', from: '2025-01-01' }, expected: 200 },
        );
        expect(admission.admittedToday).toBe(true);
      }
    });
    const overview = await api<{ mandates: unknown[]; deliveryPoints: unknown[] }>(
      tc,
      'GET',
      `/api/tc/schools/${PO.brin}`,
    );
    expect(overview.mandates).toHaveLength(1);
    expect(overview.deliveryPoints).toHaveLength(1);
    const listed = (await (await fetch(`${tc.apiUrl}/api/public/schools`)).json()) as {
      schools: Array<{ brin: string }>;
    };
    expect(listed.schools.map((s) => s.brin).sort()).toEqual([PO.brin, VO.brin]);

    // The traffic center knows a caller by its certificate: gateway A's gets the overview of B's
    // delivery point; a certificate of the same CA that no supplier system registered does not.
    const asA = await chainGet(`${tc.chainUrl}/chain/v1/delivery-points?brin=${VO.brin}`, 'gateway-a');
    expect(asA).toMatchObject({
      status: 200,
      body: { result: 'ok', deliveryPoints: [{ brin: VO.brin, url: expect.stringContaining(gwB.chainUrl) }] },
    });
    const asStranger = await chainGet(`${tc.chainUrl}/chain/v1/delivery-points?brin=${VO.brin}`, 'stranger');
    expect(asStranger).toEqual({ status: 401, body: { result: 'VerstrekkerNietBekend' } });
  });

  /** On gateway A: a generated POVO dossier, put up for inspection, inspected (akkoord Ja). */
  async function inspectedDossier(index: number): Promise<{ dossierId: string; pupil: Pupil }> {
    const key = gwA.schoolKey as string;
    const base = `/api/gw/schools/${PO.brin}/dossiers`;
    const created = await api<{ dossierId: string; state: string; errorCount: number; profile: string }>(
      gwA,
      'POST',
      `${base}/generated`,
      { key, body: { profile: 'POVO', seed: SEED, index } },
    );
    expect(created).toMatchObject({ state: 'concept', errorCount: 0, profile: 'POVO' });
    const frozen = await api(gwA, 'POST', `${base}/${created.dossierId}/ter-inzage`, { key, expected: 200 });
    expect(frozen).toMatchObject({ state: 'ter_inzage' });
    await api(gwA, 'POST', `${base}/${created.dossierId}/inspection`, {
      key,
      body: { inzagedatum: today(), akkoord: 'Ja', toestemming: 'Ja' },
      expected: 200,
    });
    const xml = await bytes(gwA, `${base}/${created.dossierId}/xml`, key);
    const leerling = readDossier(xml).huidigeschool.leerling;
    expect(leerling.bsn).toMatch(/^\d{9}$/);
    const pupil: Pupil = {
      bsn: leerling.bsn as string,
      achternaam: leerling.achternaam,
      ...(leerling.voorvoegsel ? { voorvoegsel: leerling.voorvoegsel } : {}),
      geboortedatum: leerling.geboortedatum as string,
    };
    pupils.push(pupil);
    return { dossierId: created.dossierId, pupil };
  }

  async function register(body: Record<string, unknown>): Promise<string> {
    const created = await api<{ registrationId: string; state: string }>(
      gwB,
      'POST',
      `/api/gw/schools/${VO.brin}/registrations`,
      { key: gwB.schoolKey, body: { ...body, sourceBrin: PO.brin } },
    );
    expect(created.state).toBe('aanmelding');
    return created.registrationId;
  }

  async function request(registrationId: string): Promise<{ result: string; state: string }> {
    return api(gwB, 'POST', `/api/gw/schools/${VO.brin}/registrations/${registrationId}/request`, {
      key: gwB.schoolKey,
      expected: 200,
    });
  }

  it('a dossier travels from school A (gateway A, PostgreSQL) to school B (gateway B, PGlite), byte for byte', async () => {
    showLogsOnFailure();
    const { dossierId, pupil } = await timed('prepare dossier', () => inspectedDossier(TRANSFERRED));
    ids.transferredDossier = dossierId;
    const aKey = gwA.schoolKey as string;
    const dossiers = `/api/gw/schools/${PO.brin}/dossiers`;

    // The vo school registers the pupil and asks too early: nothing is ready yet.
    const registrationId = await register({
      achternaam: pupil.achternaam,
      ...(pupil.voorvoegsel ? { voorvoegsel: pupil.voorvoegsel } : {}),
      bsn: pupil.bsn,
      geboortedatum: pupil.geboortedatum,
    });
    ids.registration = registrationId;
    const early = await timed('request (NietKlaargezet)', () => request(registrationId));
    expect(early).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });

    // The po school sets it ready for the vo school; its ready notice makes gateway B ask again by itself.
    const readyAt = performance.now();
    const ready = await api(gwA, 'POST', `${dossiers}/${dossierId}/klaarzetten`, {
      key: aKey,
      body: { destinationBrin: VO.brin },
      expected: 200,
    });
    expect(ready).toMatchObject({ state: 'klaargezet', destinationBrin: VO.brin });
    const received = await until('gateway B to receive the dossier after the ready notice', async () => {
      const list = await api<Array<{ registrationId: string; state: string; lastResult: string | null }>>(
        gwB,
        'GET',
        `/api/gw/schools/${VO.brin}/registrations`,
        { key: gwB.schoolKey },
      );
      const mine = list.find((r) => r.registrationId === registrationId);
      return mine?.state === 'ontvangen' ? mine : undefined;
    });
    timings['klaarzetten → ontvangen'] = Math.round(performance.now() - readyAt);
    expect(received.lastResult).toBe('OverdrachtGeslaagd');

    // What B exports for its administration is exactly A's current version.
    const sent = await bytes(gwA, `${dossiers}/${dossierId}/xml`, aKey);
    const exported = await bytes(
      gwB,
      `/api/gw/schools/${VO.brin}/registrations/${registrationId}/dossier`,
      gwB.schoolKey as string,
    );
    expect(exported.length).toBeGreaterThan(1000);
    expect(exported.equals(sent)).toBe(true);

    // A knows where the pupil registered (registration notice) and that B asked twice.
    const atA = await until('gateway A to record the registration notice', async () => {
      const list = await api<
        Array<{ dossierId: string; registeredAt: Array<{ brin: string }>; requests: number }>
      >(gwA, 'GET', dossiers, { key: aKey });
      const mine = list.find((d) => d.dossierId === dossierId);
      return mine && mine.registeredAt.length > 0 ? mine : undefined;
    });
    expect(atA.registeredAt.map((r) => r.brin)).toEqual([VO.brin]);
    expect(atA.requests).toBe(2);
  });

  it('a wrong surname gets GegevensKomenNietOvereen, an unknown BSN LeerlingNietGevonden', async () => {
    showLogsOnFailure();
    // A second pupil whose dossier is ready for B: a registration with another surname still gets nothing.
    const { dossierId, pupil } = await inspectedDossier(MISMATCHED);
    await api(gwA, 'POST', `/api/gw/schools/${PO.brin}/dossiers/${dossierId}/klaarzetten`, {
      key: gwA.schoolKey,
      body: { destinationBrin: VO.brin },
      expected: 200,
    });
    const wrong = await register({
      achternaam: WRONG_SURNAME,
      bsn: pupil.bsn,
      geboortedatum: pupil.geboortedatum,
    });
    expect(await request(wrong)).toMatchObject({ result: 'GegevensKomenNietOvereen' });

    expect(pupils.map((p) => p.bsn)).not.toContain(UNKNOWN_PUPIL.bsn);
    const unknown = await register(UNKNOWN_PUPIL);
    expect(await request(unknown)).toMatchObject({ result: 'LeerlingNietGevonden' });

    // The traffic center saw every session close, with its result only, per pair of schools.
    const stats = await api<{
      pairs: Array<{ sourceBrin: string; destinationBrin: string; results: Record<string, number> }>;
    }>(tc, 'GET', '/api/tc/statistics/outcomes');
    expect(stats.pairs).toHaveLength(1);
    expect(stats.pairs[0]).toMatchObject({ sourceBrin: PO.brin, destinationBrin: VO.brin });
    expect(stats.pairs[0].results).toEqual({
      NietKlaargezet: 1,
      OverdrachtGeslaagd: 1,
      GegevensKomenNietOvereen: 1,
      LeerlingNietGevonden: 1,
    });
  });

  it('the traffic center stored and logged no BSN, surname or birth date of any pupil; the gateways logged none', async () => {
    showLogsOnFailure();
    expect(pupils).toHaveLength(2);
    const everyone = [...pupils, { ...pupils[1], achternaam: WRONG_SURNAME }, UNKNOWN_PUPIL];
    const exitCode = await tc.process?.stop(15_000);
    expect(exitCode).toBe(0);
    const log = tc.process?.output() ?? '';

    const db = await openDatabase({ dataDir: join(tc.env.OVERSTAP_DATA_DIR as string, 'pglite') });
    let dump = '';
    const tables: string[] = [];
    try {
      for (const schema of ['tc', 'platform']) {
        const { rows } = await db.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables
            WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
          [schema],
        );
        for (const { table_name } of rows) {
          const content = await db.query(`SELECT * FROM "${schema}"."${table_name}"`);
          tables.push(`${schema}.${table_name}`);
          dump += `${schema}.${table_name}: ${JSON.stringify(content.rows)}\n`;
        }
      }
      const sessions = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tc.sessions');
      expect(sessions.rows[0].n).toBeGreaterThanOrEqual(4);
    } finally {
      await db.close();
    }
    expect(tables).toEqual(
      expect.arrayContaining([
        'tc.schools',
        'tc.supplier_systems',
        'tc.mandates',
        'tc.delivery_points',
        'tc.admission',
        'tc.sessions',
        'tc.outcomes',
        'platform.audit_log',
        'platform.api_keys',
      ]),
    );
    // The dump and the log are real: they hold what the traffic center does know.
    expect(dump).toContain(PO.brin);
    expect(dump).toContain(VO.brin);
    expect(dump).toContain('OverdrachtGeslaagd');
    expect(log).toContain('/chain/v1/sessions');

    for (const [where, text] of [
      ['database', dump],
      ['log', log],
    ] as const) {
      expect({ where, found: everyone.flatMap((p) => identityIn(text, p)) }).toEqual({ where, found: [] });
    }
    expect(dump).not.toMatch(/(?<![0-9A-Za-z_-])\d{9}(?![0-9A-Za-z_-])/);

    // Nor do the gateways log identifiers (they store them, encrypted, but never write them to a log).
    for (const gateway of [gwA, gwB]) {
      const output = gateway.process?.output() ?? '';
      expect(output).toContain('/chain/v1/delivery-points/:routingKey/');
      expect({ where: gateway.name, found: everyone.flatMap((p) => identityIn(output, p)) }).toEqual({
        where: gateway.name,
        found: [],
      });
    }
  });
});

/** The pupil's number, surname and birth date (in the usual spellings) as they occur in `text`. */
function identityIn(text: string, pupil: Pupil): string[] {
  const found: string[] = [];
  if (text.includes(pupil.bsn)) found.push(`BSN ${pupil.bsn}`);
  if (text.toLowerCase().includes(pupil.achternaam.toLowerCase())) found.push(`surname ${pupil.achternaam}`);
  const [y, m, d] = pupil.geboortedatum.split('-');
  for (const date of [`${y}-${m}-${d}`, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${y}${m}${d}`, `${d}${m}${y}`]) {
    if (text.includes(date)) found.push(`birth date ${date}`);
  }
  return found;
}
