import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '../platform/config.js';
import { type Ctx, SYSTEM_ACTOR } from '../platform/context.js';
import { type CliContext, EXIT } from './command.js';
import { hasGateway, openStorage } from './serve/storage.js';

const NO_GATEWAY = {
  nl: 'Deze rol bedient geen scholen; gebruik de rol all of gateway (OVERSTAP_ROLE).',
  en: 'This role hosts no schools; use the role all or gateway (OVERSTAP_ROLE).',
};

/**
 * Runs an operator's command on the gateway's own database (the one `overstap serve` uses; stop a
 * PGlite server first): as the system, audited as `cli:<command>`, the database closed afterwards.
 * A configuration without a gateway role is a usage error.
 */
export async function asGatewayOperator(
  ctx: CliContext,
  command: string,
  work: (operator: Ctx, config: Config) => Promise<number>,
): Promise<number> {
  const config = loadConfig();
  if (!hasGateway(config)) {
    ctx.stderr.write(`${ctx.t(NO_GATEWAY)}\n`);
    return EXIT.USAGE;
  }
  const { db, keyring } = await openStorage(config);
  try {
    return await work(
      {
        db,
        keyring,
        actor: { ...SYSTEM_ACTOR, id: `cli:${command}` },
        requestId: `cli-${randomUUID()}`,
        now: () => new Date(),
      },
      config,
    );
  } finally {
    await db.close();
  }
}
