import { DEFAULT_KEY_GRACE_MINUTES, rotateDeliveryPointKey } from '../../gateway/index.js';
import { isAppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import type { Message } from '../../standard/errors.js';
import { updateDeliveryPoint } from '../../trafficcenter/index.js';
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
    nl: 'overstap deliverypoint rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--json]\nMaakt een nieuw HPKE-sleutelpaar voor het actieve aanleverpunt (standaard OV) en maakt het meteen het huidige. Verzoeken die nog aan de vorige publieke sleutel zijn verzegeld, worden tijdens de overgangstijd (standaard 60 minuten) nog geopend; daarna wordt de vorige privésleutel vernietigd. Het verkeerscentrum moet de nieuwe publieke sleutel kennen: in de rol all werkt dit commando hem daar zelf bij, anders registreert de ketenbeheerder hem (PATCH /api/tc/delivery-points/ROUTERINGSSLEUTEL) binnen de overgangstijd. Gebruikt dezelfde database als overstap serve (stop een PGlite-server eerst).',
    en: 'overstap deliverypoint rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--json]\nMakes a new HPKE key pair for the active delivery point (default OV) and makes it current at once. Requests still sealed to the previous public key are opened during the grace period (default 60 minutes); then the previous private key is destroyed. The traffic center must learn the new public key: in the role all this command updates it there itself, otherwise the chain operator registers it (PATCH /api/tc/delivery-points/ROUTING-KEY) within the grace period. Uses the same database as overstap serve (stop a PGlite server first).',
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
  bad: (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` }),
  rotated: (routingKey: string, publicKey: string, until: string): Message => ({
    nl: `Nieuw sleutelpaar voor aanleverpunt ${routingKey}.\n  Nieuwe publieke sleutel: ${publicKey}\n  De vorige sleutel opent nog tot ${until}; daarna wordt hij vernietigd.`,
    en: `New key pair for delivery point ${routingKey}.\n  New public key: ${publicKey}\n  The previous key still opens until ${until}; then it is destroyed.`,
  }),
  tcUpdated: {
    nl: 'Het verkeerscentrum (in dit proces) geeft de nieuwe sleutel vanaf nu uit.',
    en: 'The traffic center (in this process) hands out the new key from now on.',
  },
  tcTodo: (routingKey: string): Message => ({
    nl: `Laat de ketenbeheerder vóór het einde van de overgangstijd de nieuwe publieke sleutel registreren: PATCH /api/tc/delivery-points/${routingKey} met {"publicKey": "…"}.`,
    en: `Have the chain operator register the new public key before the grace period ends: PATCH /api/tc/delivery-points/${routingKey} with {"publicKey": "…"}.`,
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
  usage: 'rotate --brin BRIN [--purpose OV|SWV|RP] [--grace-minutes N] [--json]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: DM.brin },
    purpose: { type: 'string', arg: 'OV|SWV|RP', help: DM.purpose },
    'grace-minutes': { type: 'string', arg: 'N', help: DM.grace },
    json: { type: 'boolean', help: DM.json },
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

    return asGatewayOperator(ctx, 'deliverypoint', async (operator, config) => {
      const rotated = await rotateDeliveryPointKey(
        operator,
        { brin, purpose: purpose as DeliveryPointPurpose, graceMinutes: grace },
        { publicChainUrl: config.publicChainUrl },
      );
      let trafficCenter: 'updated' | 'unknown' | 'operator' = 'operator';
      if (hasTrafficCenter(config)) {
        try {
          await updateDeliveryPoint(operator, rotated.routingKey, { publicKey: rotated.publicKey });
          trafficCenter = 'updated';
        } catch (e) {
          if (!(isAppError(e) && e.code === 'DELIVERY_POINT_NOT_FOUND')) throw e;
          trafficCenter = 'unknown';
        }
      }
      if (values.json) {
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
            : DM.tcTodo(rotated.routingKey);
      ctx.stdout.write(`${ctx.t(next)}\n`);
      return EXIT.OK;
    });
  },
};

function usage(ctx: CliContext, what: string): number {
  ctx.stderr.write(`${ctx.t(DM.bad(what))}\n${ctx.t(DM.description)}\n`);
  return EXIT.USAGE;
}
