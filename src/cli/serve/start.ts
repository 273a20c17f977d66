import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import {
  createGatewayChainClients,
  ensureSummerSwitchScheduled,
  type GatewayChain,
  gatewayJobHandlers,
  milestoneReportJobHandlers,
  registerGatewayApiRoutes,
  registerGatewayChainRoutes,
  releaseAbandonedRequests,
  scheduleMilestoneReports,
  scheduleSchoolPurges,
  setTransfersInFlight,
  setValidationThreads,
  startGatewayInstance,
} from '../../gateway/index.js';
import { registerAuditRoutes } from '../../platform/audit/routes.js';
import {
  createMailer,
  registerAuthRoutes,
  requireCaller,
  startApiKeyCache,
} from '../../platform/auth/index.js';
import { registerPeopleRoutes } from '../../platform/auth/people-routes.js';
import type { Config } from '../../platform/config.js';
import { SYSTEM_ACTOR } from '../../platform/context.js';
import type { RotatingKeyring } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';
import { warmUpInProcessChain } from '../../platform/http/in-process-chain.js';
import { mtlsServerOptions } from '../../platform/http/mtls.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { registerWebApp } from '../../platform/http/web-app.js';
import { describeFailure, JobRunner, jobStats, releaseAbandonedJobs } from '../../platform/jobs/index.js';
import {
  certificateFingerprint,
  ensureDevPki,
  loadTlsMaterial,
  type TlsMaterial,
  tlsMaterialFromEnv,
} from '../../platform/pki/index.js';
import {
  gatewayDossierAttachments,
  gatewayMilestoneReports,
  gatewayPilotExchanges,
  gatewayPupilLists,
  gatewaySummerSwitch,
  regionMilestoneReporter,
  registerEvaluationRoutes,
  registerMonitoringRoutes,
  registerOkrRoutes,
  registerPilotRoutes,
  registerRegionRoutes,
  registerReminderRoutes,
  reminderJobHandlers,
  scheduleReminders,
  syncSummerSwitches,
  trafficCenterFacts,
  trafficCenterOutcomes,
} from '../../region/index.js';
import { registerTrafficCenterRoutes, startSessionExpirySweep } from '../../trafficcenter/index.js';
import { gatewaySchoolDirectory } from './school-directory.js';
import { hasGateway, hasRegion, hasTrafficCenter, migrationsFor, openStorage } from './storage.js';

/** A running Overstap: its two listeners and what it stands on. */
export interface RunningOverstap {
  config: Config;
  db: Db;
  keyring: RotatingKeyring;
  tls: TlsMaterial;
  /** The JSON API (plain HTTP; put a TLS proxy in front outside localhost). */
  apiUrl: string;
  /** The chain endpoints (HTTPS with mutual TLS). */
  chainUrl: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Log destination (tests capture it to prove nothing personal is logged). */
  logStream?: NodeJS.WritableStream;
  logLevel?: string;
  /** Run durable jobs in this process (default true). */
  runJobs?: boolean;
  /**
   * The clock of the region module's routes (timelines, reminders, monitoring, OKR, pilot,
   * evaluation), default the real clock. Browser tests pin the demo to one school year with it
   * (and seedDemo's `regionNow`), so that what they read does not change with the date they run
   * on; so do the gateway's milestone reports to the region (the day they are for). Everything
   * else — sign-in, the gateway, the traffic center, when durable jobs run — keeps the real clock.
   */
  regionNow?: () => Date;
  /**
   * A new PGlite data folder starts from this dump of an empty cluster instead of initdb
   * (`dumpPgliteTemplate`; the tests' servers start from the run's template). No effect on a folder
   * that holds a cluster, or on PostgreSQL.
   */
  pgliteTemplate?: Blob;
  /**
   * Runs once the chain listener is up and before the API listener is: the API (and so `/health`)
   * answers only after it. `overstap serve` seeds the demo region here, so that whoever waits for
   * `/health` finds `demo-credentials.json` written and its keys working.
   */
  beforeApiListens?: (node: Omit<RunningOverstap, 'apiUrl' | 'close'>) => Promise<void>;
}

export { migrationsFor };

/**
 * Starts Overstap in the role the configuration names: opens the database (PGlite in the data
 * folder, or PostgreSQL), runs the migrations, checks the encryption keys, loads the TLS material
 * (development CA and certificates in `<dataDir>/pki` when none are configured) and starts the API
 * listener and the mutual-TLS chain listener. Chain calls of this node to its own chain endpoints
 * (all-in-one: its traffic center; any gateway: between two of its own schools) run in process
 * through the same routes unless `chainInProcess` is off (ADR 0009); calls to other nodes go over
 * mutual TLS.
 */
export async function startOverstap(config: Config, options: StartOptions = {}): Promise<RunningOverstap> {
  setValidationThreads(config.validationThreads);
  setTransfersInFlight(config.transfersInFlight);
  // PGlite's one connection held long by one turn (every other statement waits): told in the log,
  // once the API's logger exists (before, nothing runs that could hold it).
  let log: Pick<FastifyBaseLogger, 'warn'> | undefined;
  const { db, keyring } = await openStorage(config, {
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
    onLongTurn: (turn) =>
      log?.warn(
        { database: turn },
        'database: one turn has held PGlite’s connection for long; every other statement of this node waits for it',
      ),
  });
  const cleanups: Array<() => Promise<void> | void> = [() => db.close()];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const tls =
      (await tlsMaterialFromEnv({
        OVERSTAP_TLS_CERT: config.tls.cert,
        OVERSTAP_TLS_KEY: config.tls.key,
        OVERSTAP_TLS_CA: config.tls.ca,
      })) ?? (await loadTlsMaterial(await ensureDevPki(join(config.dataDir, 'pki'))));

    const common = { logStream: options.logStream, logLevel: options.logLevel };
    const api = await createHttpServer({
      ...common,
      title: 'Overstap API',
      description:
        'The JSON API of Overstap for integrators (school administrations) and the web app: the school gateway (sending and receiving side) and the traffic center’s administration. Errors: {code, message: {nl, en}, details}.',
      health: async () => ({ role: config.role, database: db.kind }),
      metrics: async () => jobMetrics(db),
    });
    const chain = await createHttpServer({
      ...common,
      tls: mtlsServerOptions(tls),
      title: 'Overstap chain protocol',
      description: 'Chain endpoints (mutual TLS with a chain certificate).',
    });
    cleanups.push(
      () => api.close(),
      () => chain.close(),
    );
    log = api.log;

    // API keys (integrators) or a signed-in person's session cookie (the web app), on every admin route.
    const adminAuth = requireCaller(db);
    // resolved keys are kept while the instance hears of every change to them (api-keys.ts)
    if (!(await startApiKeyCache(db)))
      api.log.warn('API keys: cannot LISTEN for changes; every request looks its key up (retrying)');
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
    cleanups.push(() => mailer.close());
    if (mailer.kind === 'outbox')
      api.log.warn('no OVERSTAP_SMTP_URL: mails go to the development mail catcher /api/dev/mail');
    const authDeps = {
      db,
      keyring,
      mailer,
      publicUrl: () => (config.publicUrl.endsWith(':0') ? urlOf(api, 'http', 'localhost') : config.publicUrl),
      ...(hasGateway(config) ? { schools: gatewaySchoolDirectory(db, keyring) } : {}),
    };
    registerAuthRoutes(api, authDeps);
    // The people page of a school: its people and roles (issue 4, web/src/pages/people).
    registerPeopleRoutes(api, authDeps);
    // the operator verifies the audit log's hash chain without stopping the node
    registerAuditRoutes(api, { db, adminAuth });
    if (hasTrafficCenter(config)) {
      const sessionLifetimeMs = config.sessionLifetimeMinutes * 60_000;
      registerTrafficCenterRoutes(api, { db, adminAuth, keyring, surfaces: ['admin', 'public'] });
      registerTrafficCenterRoutes(chain, { db, adminAuth, keyring, sessionLifetimeMs, surfaces: ['chain'] });
      // Open sessions past their lifetime become expired (and counted), also when nobody asks again.
      const expiry = startSessionExpirySweep(db, {
        onError: (e) =>
          api.log.warn({ error: describeFailure(e) }, 'traffic center: session expiry sweep failed'),
      });
      cleanups.push(() => expiry.stop());
    }
    let runner: JobRunner | undefined;
    // the gateway's chain clients, also for the region's pilot (its vo schools request over the chain)
    let gatewayChain: GatewayChain | undefined;
    if (hasGateway(config)) {
      const clients = createGatewayChainClients({
        tls,
        trafficCenterUrl: config.trafficCenterUrl,
        // calls to this node's own traffic center and delivery points skip loopback TLS (ADR 0009)
        ...(config.chainInProcess
          ? {
              inProcess: {
                server: chain,
                fingerprint: certificateFingerprint(tls.cert),
                origins: () => [config.publicChainUrl, urlOf(chain, 'https', config.host)],
              },
            }
          : {}),
      });
      gatewayChain = clients;
      cleanups.push(() => clients.close());
      // This process among the gateway's instances on its database: a heartbeat, and a sweep that
      // releases the requests of instances that stopped (kill -9) within instanceStaleSeconds.
      const instance = await startGatewayInstance(db, {
        keyring,
        heartbeatMs: config.instanceHeartbeatSeconds * 1000,
        staleAfterMs: config.instanceStaleSeconds * 1000,
        onError: (e) =>
          api.log.warn({ error: describeFailure(e) }, 'gateway instance: heartbeat or sweep failed'),
      });
      // Stopped after the listeners and the job runner (nothing of this process asks any more), just
      // before the database closes.
      cleanups.splice(1, 0, () => instance.stop());
      const deps = {
        db,
        keyring,
        chain: clients,
        publicChainUrl: config.publicChainUrl,
        instanceId: instance.id,
      };
      if (db.kind === 'pglite') {
        // This process holds the PGlite data folder alone (its lock file): a job still 'running' or a
        // request still 'aangevraagd' was left by a process that was killed. Resume them now rather
        // than after the job lease and the stale-request time.
        await releaseAbandonedJobs(db);
        await releaseAbandonedRequests({
          db,
          keyring,
          actor: SYSTEM_ACTOR,
          requestId: `startup-${randomUUID()}`,
          now: () => new Date(),
        });
      }
      await ensureSummerSwitchScheduled(db, { monthDay: config.summerSwitch });
      // The daily deletion of the data of schools past their retain_until (one job a day, whatever
      // the number of instances).
      await scheduleSchoolPurges(db);
      registerGatewayApiRoutes(api, {
        ...deps,
        auth: adminAuth,
        // the parents' inspection links (mailed, starting with the public address)
        mailer,
        publicUrl: () =>
          config.publicUrl.endsWith(':0') ? urlOf(api, 'http', 'localhost') : config.publicUrl,
        inspectionLinkDays: config.inspectionLinkDays,
      });
      registerGatewayChainRoutes(chain, deps);
      if (config.chainInProcess) await warmUpInProcessChain(chain);
      if (options.runJobs !== false) {
        // Notices must survive a peer that is down for hours: retries back off to 15 minutes.
        // In one process with the region module, the gateway also reports its schools' counts to
        // it, daily and on demand (the region's monitoring, ADR 0006).
        const handlers = {
          ...gatewayJobHandlers(deps),
          ...(hasRegion(config)
            ? milestoneReportJobHandlers({
                db,
                keyring,
                reporter: regionMilestoneReporter,
                // the day a report is for is the region's day
                ...(options.regionNow ? { now: options.regionNow } : {}),
              })
            : {}),
          // the region's reminders: the daily run over every region, and each reminder's e-mails
          ...(hasRegion(config)
            ? reminderJobHandlers({
                db,
                keyring,
                chain: trafficCenterFacts(db, keyring),
                mail: { mailer, publicUrl: authDeps.publicUrl },
                logger: api.log,
              })
            : {}),
        };
        runner = new JobRunner(db, handlers, {
          pollMs: 500,
          maxAttempts: 20,
          backoff: { maxMs: config.jobRetryMaxSeconds * 1000 },
          // A job left 'running' by an instance that died (kill -9, a lost machine) runs again once
          // its lease is out: as soon as the instance counts as gone for its requests too. The lease
          // is renewed every third of it while the job runs.
          leaseMs: config.instanceStaleSeconds * 1000,
          // a job that fails says so (kind, attempt, error code; never its payload)
          logger: api.log,
        });
        runner.start();
        cleanups.push(() => runner?.stop());
      }
    }
    if (hasRegion(config)) {
      // The region module (issue 5, ADR 0006): it reads the traffic center and sets the gateway's
      // summer switch through their public faces, in this process.
      const regionDeps = {
        db,
        keyring,
        chain: trafficCenterFacts(db, keyring),
        summerSwitch: gatewaySummerSwitch(db),
        invitations: { mailer, publicUrl: authDeps.publicUrl },
        ...(options.regionNow ? { now: options.regionNow } : {}),
      };
      registerRegionRoutes(api, { ...regionDeps, auth: adminAuth });
      // The monitoring: the traffic center's outcomes, the school's own lists and fresh counts from
      // this process's gateway.
      registerMonitoringRoutes(api, {
        ...regionDeps,
        outcomes: trafficCenterOutcomes(db, keyring),
        pupils: gatewayPupilLists(),
        reports: gatewayMilestoneReports(),
        auth: adminAuth,
      });
      // OKR coverage: the addendum goes into a dossier through the gateway's attachment use case.
      registerOkrRoutes(api, { ...regionDeps, attachments: gatewayDossierAttachments(), auth: adminAuth });
      // The pilot (ADR 0007): fictional pupils' dossiers through this process's gateway and chain.
      registerPilotRoutes(api, {
        ...regionDeps,
        exchanges: gatewayPilotExchanges(db, keyring, gatewayChain),
        mailer,
        auth: adminAuth,
      });
      // The evaluation: questionnaires per role, answered anonymously by link (/api/evaluatie/:token).
      registerEvaluationRoutes(api, {
        db,
        keyring,
        mailer,
        publicUrl: authDeps.publicUrl,
        auth: adminAuth,
        ...(options.regionNow ? { now: options.regionNow } : {}),
      });
      await scheduleMilestoneReports(db);
      // Reminders before and after the timeline's deadlines: the coordinator's log, settings and
      // "send now", the schools' notices; the daily run comes after the gateway's counts.
      registerReminderRoutes(api, { ...regionDeps, auth: adminAuth });
      await scheduleReminders(db);
      // on the real clock: it schedules the gateway's summer switch job
      const synced = await syncSummerSwitches(
        { db, keyring, actor: SYSTEM_ACTOR, requestId: `startup-${randomUUID()}`, now: () => new Date() },
        regionDeps,
      );
      if (synced.failed.length > 0)
        api.log.warn({ regions: synced.failed }, 'region: the gateway did not take a summer switch');
    }

    await registerWebApp(api);
    await chain.listen({ host: config.host, port: config.chainPort });
    const chainUrl = urlOf(chain, 'https', config.host);
    await options.beforeApiListens?.({ config, db, keyring, tls, chainUrl });
    await api.listen({ host: config.host, port: config.port });
    return { config, db, keyring, tls, apiUrl: urlOf(api, 'http', config.host), chainUrl, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The URL of a listener: the configured host name with the port it got. */
function urlOf(server: HttpServer, scheme: 'http' | 'https', host: string): string {
  const address = server.server.address();
  const port = address !== null && typeof address !== 'string' ? address.port : 0;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function jobMetrics(db: Db): Promise<string> {
  const lines = ['# HELP overstap_jobs Durable jobs by kind and state', '# TYPE overstap_jobs gauge'];
  for (const s of await jobStats(db))
    lines.push(`overstap_jobs{kind="${s.kind}",state="${s.state}"} ${s.count}`);
  return `${lines.join('\n')}\n`;
}
