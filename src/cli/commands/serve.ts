import { loadConfig, type Role } from '../../platform/config.js';
import type { Message } from '../../standard/index.js';
import { type Command, EXIT } from '../command.js';
import { startOverstapCluster } from '../serve/cluster.js';
import { isEmpty, seedDemo } from '../serve/demo.js';
import { type RunningOverstap, startOverstap } from '../serve/start.js';

const T = {
  summary: {
    nl: 'Start Overstap: verkeerscentrum, gateway en API (standaard alles in één, op PGlite in ./data).',
    en: 'Starts Overstap: traffic center, gateway and API (default all-in-one, on PGlite in ./data).',
  },
  description: {
    nl: 'Configuratie via omgevingsvariabelen (zie README): PORT, OVERSTAP_CHAIN_PORT, OVERSTAP_DATA_DIR, DATABASE_URL, OVERSTAP_TRAFFIC_CENTER_URL, OVERSTAP_PUBLIC_CHAIN_URL, OVERSTAP_TLS_CERT/KEY/CA, OVERSTAP_ENCRYPTION_KEYS en OVERSTAP_ENCRYPTION_KEY_ID. Stop met Ctrl-C.',
    en: 'Configured through environment variables (see README): PORT, OVERSTAP_CHAIN_PORT, OVERSTAP_DATA_DIR, DATABASE_URL, OVERSTAP_TRAFFIC_CENTER_URL, OVERSTAP_PUBLIC_CHAIN_URL, OVERSTAP_TLS_CERT/KEY/CA, OVERSTAP_ENCRYPTION_KEYS and OVERSTAP_ENCRYPTION_KEY_ID. Stop with Ctrl-C.',
  },
  role: { nl: 'all, trafficcenter of gateway', en: 'all, trafficcenter or gateway' },
  badRole: (r: string): Message => ({
    nl: `Onbekende rol "${r}"; kies all, trafficcenter of gateway.`,
    en: `Unknown role "${r}"; choose all, trafficcenter or gateway.`,
  }),
  started: (role: string, api: string, chain: string, db: string): Message => ({
    nl: `Overstap draait (rol ${role}, database ${db}).\n  API en documentatie: ${api}/api/docs\n  Ketenprotocol (mutual TLS): ${chain}\n  Gezondheid: ${api}/health   Metingen: ${api}/metrics`,
    en: `Overstap is running (role ${role}, database ${db}).\n  API and documentation: ${api}/api/docs\n  Chain protocol (mutual TLS): ${chain}\n  Health: ${api}/health   Metrics: ${api}/metrics`,
  }),
  seeded: (file: string): Message => ({
    nl: `Demo-regio aangemaakt: vijf scholen met leerlingen en dossiers. API-sleutels staan in ${file}.`,
    en: `Demo region created: five schools with pupils and dossiers. API keys are in ${file}.`,
  }),
  stopping: { nl: 'Overstap stopt…', en: 'Overstap is stopping…' },
};

export const serveCommand: Command = {
  name: 'serve',
  summary: T.summary,
  description: T.description,
  usage: '[--role all|trafficcenter|gateway]',
  options: {
    role: { type: 'string', arg: 'ROL', help: T.role },
  },
  async run({ values }, ctx) {
    const role = values.role === undefined ? undefined : String(values.role);
    if (role !== undefined && !['all', 'trafficcenter', 'gateway'].includes(role)) {
      ctx.stderr.write(`${ctx.t(T.badRole(role))}\n`);
      return EXIT.USAGE;
    }
    const config = loadConfig(process.env, role ? { role: role as Role } : {});
    // An empty all-in-one node gets the demo region before its API answers (so before /health does).
    const seed = async (node: Pick<RunningOverstap, 'db' | 'keyring' | 'tls'>) => {
      if (!config.seedDemo || config.role !== 'all' || !(await isEmpty(node.db))) return;
      await seedDemo({
        db: node.db,
        keyring: node.keyring,
        tls: node.tls,
        publicChainUrl: config.publicChainUrl,
        dataDir: config.dataDir,
      });
      ctx.stdout.write(`${ctx.t(T.seeded(`${config.dataDir}/demo-credentials.json`))}\n`);
    };
    // OVERSTAP_WORKERS > 1: that many server processes on the one PostgreSQL database (cluster.ts);
    // its workers listen as they start, so the demo comes after them there.
    let running: Awaited<ReturnType<typeof startOverstap | typeof startOverstapCluster>>;
    if (config.workers > 1) {
      running = await startOverstapCluster(config, { workers: config.workers });
      await seed(running);
    } else running = await startOverstap(config, { beforeApiListens: seed });
    ctx.stdout.write(`${ctx.t(T.started(config.role, running.apiUrl, running.chainUrl, running.db.kind))}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    ctx.stdout.write(`${ctx.t(T.stopping)}\n`);
    await running.close();
    return EXIT.OK;
  },
};
