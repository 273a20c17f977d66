import { createGatewayChainClients } from '../../gateway/index.js';
import { outboxMailer } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { TlsMaterial } from '../../platform/pki/index.js';
import {
  createPilot,
  gatewayPilotExchanges,
  getPilot,
  markPilotImported,
  notifyPilot,
  preparePilotDossiers,
  requestPilotDossiers,
  trafficCenterFacts,
} from '../../region/index.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo region's finished pilot (ADR 0007): a period of three weeks that ends today, one pair —
 * Basisschool De Regenboog (01AA) → Het Amersfoorts Lyceum (21XX), both schools with demo accounts —
 * and the suppliers and servicedesk told the dates (into the development mail catcher). Then the pair
 * does its exchange through this node's own chain, exactly as the schools' buttons do it: 01AA
 * generates both pilot dossiers, records their inspection and sets them ready; 21XX registers the
 * fictional pupils and requests the dossiers (sessions at the traffic center, sealed documents) and
 * imports them. A newcomer sees a pilot whose checklist is complete, filled in from the chain.
 *
 * The steps run as the system during seeding (the audit log says `system`), a few seconds in all.
 * The exchanges are real, so the traffic center's outcome counts include the pilot's two sessions.
 */
export async function seedDemoPilot(
  ctx: Ctx,
  deps: { regionId: string; tls: TlsMaterial; trafficCenterUrl: string },
): Promise<void> {
  const clients = createGatewayChainClients({ tls: deps.tls, trafficCenterUrl: deps.trafficCenterUrl });
  try {
    const pilotDeps = {
      chain: trafficCenterFacts(ctx.db, ctx.keyring),
      exchanges: gatewayPilotExchanges(ctx.db, ctx.keyring, clients),
    };
    const today = ctx.now();
    const { pilotId } = await createPilot(ctx, pilotDeps, {
      regionId: deps.regionId,
      name: 'Pilot overstapdossier',
      startsOn: iso(new Date(today.getTime() - 20 * DAY)),
      endsOn: iso(today),
      pairs: [{ poBrin: '01AA', voBrin: '21XX' }],
    });
    const pilot = await getPilot(ctx, pilotDeps, { regionId: deps.regionId, pilotId });
    await notifyPilot(
      ctx,
      { ...pilotDeps, mailer: outboxMailer() },
      {
        regionId: deps.regionId,
        pilotId,
        suppliers: pilot.suppliers.map((s) => ({ name: s.name, email: 'support@leverancier.demo.test' })),
      },
    );
    const step = { pilotId, pairId: pilot.pairs[0].pairId };
    await preparePilotDossiers(ctx, pilotDeps, { brin: '01AA', ...step });
    await requestPilotDossiers(ctx, pilotDeps, { brin: '21XX', ...step });
    await markPilotImported(ctx, pilotDeps, { brin: '21XX', ...step });
  } finally {
    clients.close();
  }
}
