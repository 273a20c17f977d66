import { join } from 'node:path';
import { verifyAuditChain } from '../../platform/audit/index.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/index.js';
import type { Message } from '../../standard/index.js';
import { type Command, EXIT } from '../command.js';

const T = {
  summary: {
    nl: 'Controleert de hashketen van het auditlog: is er een regel gewijzigd, verwijderd of verplaatst?',
    en: 'Verifies the audit log’s hash chain: was any entry changed, deleted or moved?',
  },
  description: {
    nl: 'Gebruikt dezelfde database als overstap serve (DATABASE_URL of PGlite in OVERSTAP_DATA_DIR). Een PGlite-map kan maar door één proces tegelijk worden geopend: stop de server eerst.',
    en: 'Uses the same database as overstap serve (DATABASE_URL or PGlite in OVERSTAP_DATA_DIR). A PGlite folder can be opened by one process at a time: stop the server first.',
  },
  usage: { nl: 'Gebruik: overstap audit verify', en: 'Usage: overstap audit verify' },
  ok: (n: number): Message => ({
    nl: `Auditlog in orde: ${n} regels gecontroleerd, de keten is ongebroken.`,
    en: `Audit log intact: ${n} entries checked, the chain is unbroken.`,
  }),
  broken: (seq: number | undefined, reason: string | undefined): Message => ({
    nl: `Auditlog GESCHONDEN bij regel ${seq ?? '?'} (${reason ?? 'onbekend'}). Bewaar de database zoals hij is en meld dit aan de functionaris gegevensbescherming.`,
    en: `Audit log TAMPERED WITH at entry ${seq ?? '?'} (${reason ?? 'unknown'}). Keep the database as it is and report this to the data protection officer.`,
  }),
};

export const auditCommand: Command = {
  name: 'audit',
  summary: T.summary,
  description: T.description,
  usage: 'verify',
  options: {},
  async run({ positionals }, ctx) {
    if (positionals[0] !== 'verify') {
      ctx.stderr.write(`${ctx.t(T.usage)}\n`);
      return EXIT.USAGE;
    }
    const config = loadConfig();
    const db = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
    );
    try {
      const verdict = await verifyAuditChain(db);
      if (verdict.ok) {
        ctx.stdout.write(`${ctx.t(T.ok(verdict.checked))}\n`);
        return EXIT.OK;
      }
      ctx.stdout.write(`${ctx.t(T.broken(verdict.firstBrokenSeq, verdict.reason))}\n`);
      return EXIT.FINDINGS;
    } finally {
      await db.close();
    }
  },
};
