import type { ActivatedDeliveryPoint, ResumedHosting, StoppedHosting } from '../../gateway/index.js';
import type { Message } from '../../standard/errors.js';
import { apiTarget, postToApi } from '../api-client.js';
import { ACTION_OPTIONS, BRIN, report, usageError } from '../api-command.js';
import type { CliContext, Command } from '../command.js';

/** The texts of `overstap hosting`, Dutch first. */
export const HM = {
  summary: {
    nl: 'Beëindigt of hervat de bediening van een school door een draaiende gateway, en activeert haar aanleverpunten weer.',
    en: 'Stops or resumes the hosting of a school by a running gateway, and activates its delivery points again.',
  },
  description: {
    nl: [
      'overstap hosting stop --brin BRIN [--retain-until JJJJ-MM-DD] [--url URL] [--json]',
      '  Beëindigt de bediening: de aanleverpunten worden inactief, klaargezette dossiers ingetrokken, de gegevens blijven bewaard tot --retain-until (standaard over een jaar).',
      'overstap hosting resume --brin BRIN [--url URL] [--json]',
      '  Hervat de bediening van een beëindigde school waarvan de gegevens er nog zijn. De aanleverpunten blijven inactief en ingetrokken dossiers blijven ingetrokken.',
      'overstap hosting activate-point --brin BRIN --routing-key SLEUTEL [--url URL] [--json]',
      '  Maakt een inactief aanleverpunt van een bediende school weer actief (zelfde routeringssleutel en sleutelpaar).',
      'Werkt via de API van een draaiende server (overstap serve, rol all of gateway) met de API-sleutel van de beheerder in OVERSTAP_API_KEY.',
    ].join('\n'),
    en: [
      'overstap hosting stop --brin BRIN [--retain-until YYYY-MM-DD] [--url URL] [--json]',
      '  Stops the hosting: the delivery points become inactive, ready dossiers are withdrawn, the data is kept until --retain-until (default a year from now).',
      'overstap hosting resume --brin BRIN [--url URL] [--json]',
      '  Resumes the hosting of a school whose hosting ended and whose data is still kept. The delivery points stay inactive and withdrawn dossiers stay withdrawn.',
      'overstap hosting activate-point --brin BRIN --routing-key KEY [--url URL] [--json]',
      '  Makes an inactive delivery point of a hosted school active again (same routing key and key pair).',
      'Works through the API of a running server (overstap serve, role all or gateway) with the operator’s API key in OVERSTAP_API_KEY.',
    ].join('\n'),
  },
  brin: { nl: 'BRIN van de school', en: 'BRIN of the school' },
  retainUntil: {
    nl: 'bij stop: tot wanneer de gegevens bewaard blijven (JJJJ-MM-DD, niet vóór vandaag)',
    en: 'with stop: until when the data is kept (YYYY-MM-DD, not before today)',
  },
  routingKey: {
    nl: 'bij activate-point: routeringssleutel van het aanleverpunt',
    en: 'with activate-point: routing key of the delivery point',
  },
  stopped: (s: StoppedHosting): Message => ({
    nl: `De bediening van school ${s.brin} is beëindigd (${s.hostingEndedAt}); de gegevens blijven bewaard tot ${s.retainUntil}.\n  Ingetrokken klaargezette dossiers: ${s.withdrawnDossiers}`,
    en: `The hosting of school ${s.brin} has ended (${s.hostingEndedAt}); its data is kept until ${s.retainUntil}.\n  Ready dossiers withdrawn: ${s.withdrawnDossiers}`,
  }),
  stoppedPoints: {
    nl: '  Inactieve aanleverpunten; laat de ketenbeheerder ze bij het verkeerscentrum deactiveren (POST /api/tc/delivery-points/ROUTERINGSSLEUTEL/deactivate):',
    en: '  Inactive delivery points; have the chain operator deactivate them at the traffic center (POST /api/tc/delivery-points/ROUTING-KEY/deactivate):',
  },
  resumed: (r: ResumedHosting): Message => ({
    nl: `De bediening van school ${r.brin} is hervat (${r.resumedAt}). Ze was beëindigd op ${r.ended.hostingEndedAt}; de gegevens zouden bewaard blijven tot ${r.ended.retainUntil}.`,
    en: `The hosting of school ${r.brin} has resumed (${r.resumedAt}). It had ended at ${r.ended.hostingEndedAt}; its data was to be kept until ${r.ended.retainUntil}.`,
  }),
  resumedPoints: (brin: string): Message => ({
    nl: `  De aanleverpunten blijven inactief. Activeer er een met overstap hosting activate-point --brin ${brin} --routing-key ROUTERINGSSLEUTEL en laat de ketenbeheerder het bij het verkeerscentrum heractiveren als het daar gedeactiveerd is (POST /api/tc/delivery-points/ROUTERINGSSLEUTEL/reactivate), of voeg een nieuw toe en laat dat registreren:`,
    en: `  The delivery points stay inactive. Activate one with overstap hosting activate-point --brin ${brin} --routing-key ROUTING-KEY and have the chain operator reactivate it at the traffic center if it was deactivated there (POST /api/tc/delivery-points/ROUTING-KEY/reactivate), or add a new one and have it registered:`,
  }),
  resumedDossiers: {
    nl: '  Ingetrokken dossiers blijven ingetrokken; de school zet ze zelf opnieuw klaar.',
    en: '  Withdrawn dossiers stay withdrawn; the school sets them ready again itself.',
  },
  activated: (a: ActivatedDeliveryPoint): Message =>
    a.activated
      ? {
          nl: `Aanleverpunt ${a.deliveryPoint.routingKey} (${a.deliveryPoint.purpose}) van school ${a.brin} is weer actief.`,
          en: `Delivery point ${a.deliveryPoint.routingKey} (${a.deliveryPoint.purpose}) of school ${a.brin} is active again.`,
        }
      : {
          nl: `Aanleverpunt ${a.deliveryPoint.routingKey} (${a.deliveryPoint.purpose}) van school ${a.brin} was al actief.`,
          en: `Delivery point ${a.deliveryPoint.routingKey} (${a.deliveryPoint.purpose}) of school ${a.brin} was active already.`,
        },
  activatedChain: (a: ActivatedDeliveryPoint): Message => ({
    nl: `  Het verkeerscentrum moet het uitgeven met URL ${a.deliveryPoint.url} en publieke sleutel ${a.deliveryPoint.publicKey}. Is het daar gedeactiveerd, laat de ketenbeheerder het dan heractiveren: POST /api/tc/delivery-points/${a.deliveryPoint.routingKey}/reactivate.`,
    en: `  The traffic center must hand it out with URL ${a.deliveryPoint.url} and public key ${a.deliveryPoint.publicKey}. If it was deactivated there, have the chain operator reactivate it: POST /api/tc/delivery-points/${a.deliveryPoint.routingKey}/reactivate.`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

const ACTIONS = ['stop', 'resume', 'activate-point'] as const;

export const hostingCommand: Command = {
  name: 'hosting',
  summary: HM.summary,
  description: HM.description,
  usage:
    'stop|resume|activate-point --brin BRIN [--retain-until DAY] [--routing-key KEY] [--url URL] [--json]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: HM.brin },
    'retain-until': { type: 'string', arg: 'JJJJ-MM-DD', help: HM.retainUntil },
    'routing-key': { type: 'string', arg: 'SLEUTEL', help: HM.routingKey },
    ...ACTION_OPTIONS,
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (rest.length > 0 || !(ACTIONS as readonly string[]).includes(action ?? '')) {
      return usage(ctx, ACTIONS.join(' | '));
    }
    const brin = String(values.brin ?? '');
    if (!BRIN.test(brin)) return usage(ctx, '--brin BRIN');
    const retainUntil = values['retain-until'];
    if (
      retainUntil !== undefined &&
      (action !== 'stop' || !/^\d{4}-\d{2}-\d{2}$/.test(String(retainUntil)))
    ) {
      return usage(ctx, '--retain-until YYYY-MM-DD (stop)');
    }
    const routingKey = values['routing-key'];
    if ((action === 'activate-point') !== (typeof routingKey === 'string' && routingKey !== '')) {
      return usage(ctx, '--routing-key KEY (activate-point)');
    }
    const target = apiTarget(ctx, values.url);
    if (typeof target === 'number') return target;
    const school = `/api/gw/schools/${brin}`;

    if (action === 'stop') {
      const answer = await postToApi<StoppedHosting>(
        ctx,
        target,
        `${school}/stop-hosting`,
        retainUntil === undefined ? {} : { retainUntil },
      );
      return report(ctx, answer, values.json, (s) => [
        ctx.t(HM.stopped(s)),
        ...(s.deliveryPoints.length > 0 ? [ctx.t(HM.stoppedPoints), ...pointLines(s.deliveryPoints)] : []),
      ]);
    }
    if (action === 'resume') {
      const answer = await postToApi<ResumedHosting>(ctx, target, `${school}/resume-hosting`);
      return report(ctx, answer, values.json, (r) => [
        ctx.t(HM.resumed(r)),
        ...(r.deliveryPoints.length > 0
          ? [ctx.t(HM.resumedPoints(r.brin)), ...pointLines(r.deliveryPoints)]
          : []),
        ctx.t(HM.resumedDossiers),
      ]);
    }
    const answer = await postToApi<ActivatedDeliveryPoint>(
      ctx,
      target,
      `${school}/delivery-points/${encodeURIComponent(String(routingKey))}/activate`,
    );
    return report(ctx, answer, values.json, (a) => [ctx.t(HM.activated(a)), ctx.t(HM.activatedChain(a))]);
  },
};

function pointLines(points: ReadonlyArray<{ routingKey: string; purpose: string }>): string[] {
  return points.map((p) => `    ${p.routingKey} (${p.purpose})`);
}

function usage(ctx: CliContext, what: string): number {
  return usageError(ctx, what, HM.description);
}
