import { join } from 'node:path';
import { type AuditChainVerdict, verifyAuditChain } from '../../platform/audit/index.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/index.js';
import type { Message } from '../../standard/index.js';
import { apiTarget, postToApi } from '../api-client.js';
import { type CliContext, type Command, EXIT } from '../command.js';

const T = {
  summary: {
    nl: 'Controleert de hashketen van het auditlog: is er een regel gewijzigd, verwijderd of verplaatst?',
    en: 'Verifies the audit log’s hash chain: was any entry changed, deleted or moved?',
  },
  description: {
    nl: 'overstap audit verify [--url URL] [--json]\nZonder --url gebruikt het dezelfde database als overstap serve (DATABASE_URL of PGlite in OVERSTAP_DATA_DIR); een PGlite-map kan maar door één proces tegelijk worden geopend: stop de server eerst. Met --url controleert de draaiende server het zelf (POST /api/audit/verify), met de sleutel van de beheerder in OVERSTAP_API_KEY (audit:read); de controle komt dan zelf in het auditlog.',
    en: 'overstap audit verify [--url URL] [--json]\nWithout --url it uses the same database as overstap serve (DATABASE_URL or PGlite in OVERSTAP_DATA_DIR); a PGlite folder can be opened by one process at a time: stop the server first. With --url the running server verifies it itself (POST /api/audit/verify), with the operator’s key in OVERSTAP_API_KEY (audit:read); the verification is then recorded in the audit log.',
  },
  usage: {
    nl: 'Gebruik: overstap audit verify [--url URL] [--json]',
    en: 'Usage: overstap audit verify [--url URL] [--json]',
  },
  url: {
    nl: 'via de API van een draaiende server in plaats van de database',
    en: 'through the API of a running server instead of the database',
  },
  json: { nl: 'het oordeel als JSON', en: 'the verdict as JSON' },
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
  usage: 'verify [--url URL] [--json]',
  options: {
    url: { type: 'string', arg: 'URL', help: T.url },
    json: { type: 'boolean', help: T.json },
  },
  async run({ positionals, values }, ctx) {
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      ctx.stderr.write(`${ctx.t(T.usage)}\n`);
      return EXIT.USAGE;
    }
    if (values.url !== undefined) {
      const target = apiTarget(ctx, values.url);
      if (typeof target === 'number') return target;
      const answer = await postToApi<AuditChainVerdict>(ctx, target, '/api/audit/verify');
      return answer.ok ? tell(ctx, answer.body, values.json) : answer.exitCode;
    }
    const config = loadConfig();
    const db = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
    );
    try {
      return tell(ctx, await verifyAuditChain(db), values.json);
    } finally {
      await db.close();
    }
  },
};

/** The verdict in words (or as JSON): 0 when the chain is intact, 1 when it is not. */
function tell(ctx: CliContext, verdict: AuditChainVerdict, json: unknown): number {
  if (json) ctx.stdout.write(`${JSON.stringify(verdict)}\n`);
  else if (verdict.ok) ctx.stdout.write(`${ctx.t(T.ok(verdict.checked))}\n`);
  else ctx.stdout.write(`${ctx.t(T.broken(verdict.firstBrokenSeq, verdict.reason))}\n`);
  return verdict.ok ? EXIT.OK : EXIT.FINDINGS;
}
