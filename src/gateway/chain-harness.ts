/**
 * For the gateway's chain tests (not used by production code): a real traffic center and a real
 * gateway, each an HTTPS server with mutual TLS on loopback, certificates from a throw-away chain
 * CA, both on the test database (schemas tc and gw). Chain calls go over the wire exactly as
 * between organisations; nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { mtlsServerOptions } from '../platform/http/mtls.js';
import { createHttpServer, type HttpServer } from '../platform/http/server.js';
import { JobRunner } from '../platform/jobs/index.js';
import {
  certificateFingerprint,
  createCa,
  issueCertificate,
  loadTlsMaterial,
  type TlsMaterial,
} from '../platform/pki/index.js';
import {
  grantMandate,
  registerDeliveryPoint,
  registerSchool,
  registerSupplierSystem,
  registerTrafficCenterRoutes,
  setAdmission,
  trafficCenterMigrations,
} from '../trafficcenter/index.js';
import { createGatewayChainClients, type GatewayChain } from './chain/clients.js';
import { registerGatewayChainRoutes } from './chain/routes.js';
import {
  type AddedDeliveryPoint,
  type AddedPurpose,
  addDeliveryPoint,
} from './hosting/add-delivery-point.js';
import type { HostedSchool } from './hosting/register-hosted-school.js';
import { gatewayJobHandlers } from './jobs.js';
import { DEFAULT_LOOKUP_LIMIT, type LookupLimit } from './sending/lookup-limit.js';
import {
  ADMIN_ACTOR,
  hostSchool,
  TestClock,
  type TestWorld,
  testKeyring,
  testMigrations,
} from './test-fixtures.js';

export const chainTestMigrations = [...testMigrations, ...trafficCenterMigrations];

export interface ChainWorld extends TestWorld {
  chain: GatewayChain;
  gatewayUrl: string;
  trafficCenterUrl: string;
  /** The operator at the traffic center (admin use cases). */
  tcCtx(): Ctx;
  supplierId: string;
  /**
   * Hosts a school on the gateway and takes it through the traffic center's connection path; with
   * `purposes`, it also gets (and registers) an SWV and/or RP delivery point beside its OV point.
   */
  school(
    brin: string,
    options?: {
      sector?: 'po' | 'vo' | 'swv';
      admitted?: boolean;
      region?: string;
      purposes?: AddedPurpose[];
    },
  ): Promise<HostedSchool & { added: Partial<Record<AddedPurpose, AddedDeliveryPoint['deliveryPoint']>> }>;
  /** Runs due jobs until none is left (or `rounds` passes). */
  runJobs(rounds?: number): Promise<number>;
  close(): Promise<void>;
}

async function tlsFiles(dir: string): Promise<{ tc: TlsMaterial; gateway: TlsMaterial }> {
  await createCa({ dir, commonName: 'Overstap test chain CA' });
  const issue = (name: string, kind: 'server' | 'both') =>
    issueCertificate({ caDir: dir, outDir: dir, name, commonName: name, kind, ipAddresses: ['127.0.0.1'] });
  await issue('tc', 'both');
  await issue('gateway', 'both');
  const ca = join(dir, 'ca.crt');
  return {
    tc: await loadTlsMaterial({ cert: join(dir, 'tc.crt'), key: join(dir, 'tc.key'), ca }),
    gateway: await loadTlsMaterial({ cert: join(dir, 'gateway.crt'), key: join(dir, 'gateway.key'), ca }),
  };
}

async function listen(app: HttpServer): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `https://127.0.0.1:${address.port}`;
}

export async function startChainWorld(
  db: Db,
  options: { lookupLimit?: LookupLimit; clock?: TestClock } = {},
): Promise<ChainWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-gw-chain-'));
  const tls = await tlsFiles(dir);
  const clock = options.clock ?? new TestClock();
  const keyring = testKeyring();

  const refuseAdmin = async () => {
    throw new AppError('UNAUTHENTICATED');
  };
  const tcApp = await createHttpServer({
    title: 'traffic center (test)',
    description: 'test',
    logLevel: 'silent',
    tls: mtlsServerOptions(tls.tc),
  });
  registerTrafficCenterRoutes(tcApp, { db, adminAuth: refuseAdmin, now: clock.now });
  const trafficCenterUrl = await listen(tcApp);

  const clients = createGatewayChainClients({ tls: tls.gateway, trafficCenterUrl, timeoutMs: 20_000 });
  const gwApp = await createHttpServer({
    title: 'gateway (test)',
    description: 'test',
    logLevel: 'silent',
    tls: mtlsServerOptions(tls.gateway),
  });
  registerGatewayChainRoutes(gwApp, {
    db,
    keyring,
    chain: clients,
    lookupLimit: options.lookupLimit ?? DEFAULT_LOOKUP_LIMIT,
    now: clock.now,
  });
  const gatewayUrl = await listen(gwApp);

  const tcCtx = (): Ctx => ({
    db,
    actor: ADMIN_ACTOR,
    requestId: randomUUID(),
    keyring,
    now: clock.now,
  });
  const supplier = await registerSupplierSystem(tcCtx(), {
    name: `Test LAS ${randomUUID().slice(0, 8)}`,
    certificateFingerprint: certificateFingerprint(tls.gateway.cert),
  });
  const chain: GatewayChain = {
    trafficCenter: clients.trafficCenter,
    peers: clients.peers,
    lending: clients.lending,
  };
  const runner = new JobRunner(db, gatewayJobHandlers({ db, keyring, chain, now: clock.now }), {
    backoff: { baseMs: 1, maxMs: 1 },
    maxAttempts: 3,
  });
  const world: ChainWorld = {
    db,
    keyring,
    clock,
    ctx: (actor: Actor = ADMIN_ACTOR) => ({ db, actor, requestId: randomUUID(), keyring, now: clock.now }),
    chain,
    gatewayUrl,
    trafficCenterUrl,
    tcCtx,
    supplierId: supplier.id,
    async school(brin, schoolOptions = {}) {
      const hosted = await hostSchool(world, brin, {
        sector: schoolOptions.sector ?? 'po',
        publicChainUrl: gatewayUrl,
        ...(schoolOptions.region ? { region: schoolOptions.region } : {}),
      });
      await registerSchool(tcCtx(), {
        brin,
        vestiging: hosted.vestiging,
        name: hosted.name,
        sector: schoolOptions.sector ?? 'po',
        board: 'Stichting Test',
        region: 'Testregio',
        place: 'Utrecht',
      });
      await grantMandate(tcCtx(), { supplierId: supplier.id, brin });
      await registerDeliveryPoint(tcCtx(), {
        routingKey: hosted.deliveryPoint.routingKey,
        brin,
        supplierId: supplier.id,
        url: hosted.deliveryPoint.url,
        purpose: 'OV',
        publicKey: hosted.deliveryPoint.publicKey,
      });
      const added: Partial<Record<AddedPurpose, AddedDeliveryPoint['deliveryPoint']>> = {};
      for (const purpose of schoolOptions.purposes ?? []) {
        const point = (await addDeliveryPoint(world.ctx(), { brin, purpose }, { publicChainUrl: gatewayUrl }))
          .deliveryPoint;
        await registerDeliveryPoint(tcCtx(), { ...point, brin, supplierId: supplier.id, purpose });
        added[purpose] = point;
      }
      if (schoolOptions.admitted !== false) {
        await setAdmission(tcCtx(), brin, { action: 'recordTestExchange' });
        await setAdmission(tcCtx(), brin, { action: 'qualify', from: '2025-01-01' });
      }
      return { ...hosted, added };
    },
    async runJobs(rounds = 10) {
      let total = 0;
      for (let i = 0; i < rounds; i++) {
        const ran = await runner.runDue(8);
        total += ran;
        if (ran === 0) break;
      }
      return total;
    },
    async close() {
      await runner.stop();
      clients.close();
      await Promise.allSettled([gwApp.close(), tcApp.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}
