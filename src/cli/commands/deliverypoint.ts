import { DEFAULT_KEY_GRACE_MINUTES, rotateDeliveryPointKey } from '../../gateway/index.js';
import { isAppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import type { Message } from '../../standard/errors.js';
import { updateDeliveryPoint } from '../../trafficcenter/index.js';
import { apiTarget, callApi, postToApi } from '../api-client.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { asGatewayOperator } from '../gateway-operator.js';
import { hasTrafficCenter } from '../serve/storage.js';

/** The texts of `overstap deliverypoint`, Dutch first. */
export const DM = {
  summary: {
    nl: 'Vervangt het sleutelpaar van het aanleverpunt van een school die deze gateway bedient.',
    en: 'Replaces the key pair of the delivery point of a school this gateway hosts.',
  },
  description: {
    nl: 'overstap deliverypoint rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--url URL] [--json]\nMaakt een nieuw HPKE-sleutelpaar voor het actieve aanleverpunt (standaard OV) en maakt het meteen het huidige. Verzoeken die nog aan de vorige publieke sleutel zijn verzegeld, worden tijdens de overgangstijd (standaard 60 minuten) nog geopend; daarna wordt de vorige privésleutel vernietigd. Het verkeerscentrum moet de nieuwe publieke sleutel kennen: in de rol all werkt dit commando hem daar zelf bij, anders registreert de ketenbeheerder hem (PATCH /api/tc/delivery-points/ROUTERINGSSLEUTEL) binnen de overgangstijd. Zonder --url gebruikt het dezelfde database als overstap serve (stop een PGlite-server eerst); met --url roept het de API van de draaiende gateway aan met de sleutel in OVERSTAP_API_KEY (gateway:admin), en werkt het de sleutel bij het verkeerscentrum van dezelfde server bij als die sleutel dat mag (tc:admin).',
    en: 'overstap deliverypoint rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--url URL] [--json]\nMakes a new HPKE key pair for the active delivery point (default OV) and makes it current at once. Requests still sealed to the previous public key are opened during the grace period (default 60 minutes); then the previous private key is destroyed. The traffic center must learn the new public key: in the role all this command updates it there itself, otherwise the chain operator registers it (PATCH /api/tc/delivery-points/ROUTING-KEY) within the grace period. Without --url it uses the same database as overstap serve (stop a PGlite server first); with --url it calls the running gateway’s API with the key in OVERSTAP_API_KEY (gateway:admin), and updates the key at the traffic center of the same server when that key may (tc:admin).',
  },
  brin: { nl: 'BRIN van de school', en: 'BRIN of the school' },
  purpose: {
    nl: 'doel van het aanleverpunt: OV, SWV of RP',
    en: 'purpose of the delivery point: OV, SWV or RP',
  },
  grace: {
    nl: `minuten dat de vorige sleutel nog opent (standaard ${DEFAULT_KEY_GRACE_MINUTES})`,
    en: `minutes the previous key still opens (default ${DEFAULT_KEY_GRACE_MINUTES})`,
  },
  json: { nl: 'uitvoer als JSON', en: 'output as JSON' },
  url: {
    nl: 'via de API van een draaiende server (bijv. http://localhost:8080) in plaats van de database',
    en: 'through the API of a running server (e.g. http://localhost:8080) instead of the database',
  },
  bad: (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` }),
  rotated: (routingKey: string, publicKey: string, until: string): Message => ({
    nl: `Nieuw sleutelpaar voor aanleverpunt ${routingKey}.\n  Nieuwe publieke sleutel: ${publicKey}\n  De vorige sleutel opent nog tot ${until}; daarna wordt hij vernietigd.`,
    en: `New key pair for delivery point ${routingKey}.\n  New public key: ${publicKey}\n  The previous key still opens until ${until}; then it is destroyed.`,
  }),
  tcUpdated: {
    nl: 'Het verkeerscentrum van deze node geeft de nieuwe sleutel vanaf nu uit.',
    en: 'The traffic center of this node hands out the new key from now on.',
  },
  tcTodo: (routingKey: string, publicKey: string): Message => ({
    nl: `Laat de ketenbeheerder vóór het einde van de overgangstijd de nieuwe publieke sleutel registreren:\n  overstap trafficcenter deliverypoint update --routing-key ${routingKey} --public-key ${publicKey} --url URL-VAN-HET-VERKEERSCENTRUM\n  (of PATCH /api/tc/delivery-points/${routingKey} met {"publicKey": "…"}).`,
    en: `Have the chain operator register the new public key before the grace period ends:\n  overstap trafficcenter deliverypoint update --routing-key ${routingKey} --public-key ${publicKey} --url TRAFFIC-CENTER-URL\n  (or PATCH /api/tc/delivery-points/${routingKey} with {"publicKey": "…"}).`,
  }),
  tcUnknown: {
    nl: 'Dit aanleverpunt is niet bij het verkeerscentrum geregistreerd; registreer het met de nieuwe publieke sleutel.',
    en: 'This delivery point is not registered at the traffic center; register it with the new public key.',
  },
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const deliverypointCommand: Command = {
  name: 'deliverypoint',
  summary: DM.summary,
  description: DM.description,
  usage: 'rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--url URL] [--json]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: DM.brin },
    purpose: { type: 'string', arg: 'OV|SWV|RP', help: DM.purpose },
    'grace-minutes': { type: 'string', arg: 'N', help: DM.grace },
    json: { type: 'boolean', help: DM.json },
    url: { type: 'string', arg: 'URL', help: DM.url },
  },
  async run({ values, positionals }, ctx) {
    if (positionals.length !== 1 || positionals[0] !== 'rotate') return usage(ctx, 'rotate');
    const brin = String(values.brin ?? '');
    if (!/^[0-9]{2}[A-Z]{2}$/.test(brin)) return usage(ctx, '--brin BRIN');
    const purpose = String(values.purpose ?? 'OV');
    if (!['OV', 'SWV', 'RP'].includes(purpose)) return usage(ctx, '--purpose OV|SWV|RP');
    const grace =
      values['grace-minutes'] === undefined ? DEFAULT_KEY_GRACE_MINUTES : Number(values['grace-minutes']);
    if (!Number.isInteger(grace) || grace < 0) return usage(ctx, '--grace-minutes N');

    if (values.url !== undefined)
      return rotateThroughApi(ctx, values, { brin, purpose, graceMinutes: grace });
    return asGatewayOperator(ctx, 'deliverypoint', async (operator, config) => {
      const rotated = await rotateDeliveryPointKey(
        operator,
        { brin, purpose: purpose as DeliveryPointPurpose, graceMinutes: grace },
        { publicChainUrl: config.publicChainUrl },
      );
      let trafficCenter: TrafficCenterStep = 'operator';
      if (hasTrafficCenter(config)) {
        try {
          await updateDeliveryPoint(operator, rotated.routingKey, { publicKey: rotated.publicKey });
          trafficCenter = 'updated';
        } catch (e) {
          if (!(isAppError(e) && e.code === 'DELIVERY_POINT_NOT_FOUND')) throw e;
          trafficCenter = 'unknown';
        }
      }
      return printRotation(ctx, values.json, rotated, trafficCenter);
    });
  },
};

/** The new key at the traffic center: set there, not known there, or left to the chain operator. */
type TrafficCenterStep = 'updated' | 'unknown' | 'operator';

interface Rotated {
  routingKey: string;
  publicKey: string;
  previousKeyUsableUntil: string;
}

/**
 * The rotation through a running server's API (no stopped server needed): the gateway's route,
 * then, with the same key, the traffic center's on the same server. Where that node has no traffic
 * center (404) or the key may not change it (403), the chain operator registers the new key.
 */
async function rotateThroughApi(
  ctx: CliContext,
  values: Record<string, unknown>,
  input: { brin: string; purpose: string; graceMinutes: number },
): Promise<number> {
  const target = apiTarget(ctx, values.url);
  if (typeof target === 'number') return target;
  const answer = await postToApi<Rotated>(
    ctx,
    target,
    `/api/gw/schools/${input.brin}/delivery-points/rotate-key`,
    { purpose: input.purpose, graceMinutes: input.graceMinutes },
  );
  if (!answer.ok) return answer.exitCode;
  const rotated = answer.body;
  const tc = await callApi(
    ctx,
    target,
    'PATCH',
    `/api/tc/delivery-points/${encodeURIComponent(rotated.routingKey)}`,
    { body: { json: { publicKey: rotated.publicKey } }, quiet: true },
  );
  const trafficCenter: TrafficCenterStep = tc.ok
    ? 'updated'
    : tc.refusal?.code === 'DELIVERY_POINT_NOT_FOUND'
      ? 'unknown'
      : 'operator';
  return printRotation(ctx, values.json, rotated, trafficCenter);
}

function printRotation(
  ctx: CliContext,
  json: unknown,
  rotated: Rotated,
  trafficCenter: TrafficCenterStep,
): number {
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ ...rotated, trafficCenter })}\n`);
    return EXIT.OK;
  }
  ctx.stdout.write(
    `${ctx.t(DM.rotated(rotated.routingKey, rotated.publicKey, rotated.previousKeyUsableUntil))}\n`,
  );
  const next =
    trafficCenter === 'updated'
      ? DM.tcUpdated
      : trafficCenter === 'unknown'
        ? DM.tcUnknown
        : DM.tcTodo(rotated.routingKey, rotated.publicKey);
  ctx.stdout.write(`${ctx.t(next)}\n`);
  return EXIT.OK;
}

function usage(ctx: CliContext, what: string): number {
  ctx.stderr.write(`${ctx.t(DM.bad(what))}\n${ctx.t(DM.description)}\n`);
  return EXIT.USAGE;
}
