import type { HostedSchool, HostedSchoolSummary } from '../../gateway/index.js';
import type { Message } from '../../standard/errors.js';
import { apiTarget, callApi, postToApi } from '../api-client.js';
import { ACTION_OPTIONS, BRIN, report, SECTORS, usageError, VESTIGING } from '../api-command.js';
import type { Command } from '../command.js';

/** The texts of `overstap school`, Dutch first. */
export const SM = {
  summary: {
    nl: 'Laat een draaiende gateway een school bedienen, en toont de bediende scholen.',
    en: 'Has a running gateway host a school, and lists the hosted schools.',
  },
  description: {
    nl: [
      'overstap school add --brin BRIN --vestiging NN --name NAAM --sector po|vo|so|swv [--region REGIO] [--url URL] [--json]',
      '  De gateway gaat de school bedienen en maakt haar aanleverpunt (OV) met een eigen sleutelpaar.',
      'overstap school list [--url URL] [--json]',
      '  De scholen die deze gateway bedient, met hun aanleverpunten.',
      'Werkt via de API van een draaiende server (overstap serve, rol all of gateway) met de API-sleutel van de beheerder in OVERSTAP_API_KEY.',
    ].join('\n'),
    en: [
      'overstap school add --brin BRIN --vestiging NN --name NAME --sector po|vo|so|swv [--region REGION] [--url URL] [--json]',
      '  The gateway starts hosting the school and makes its delivery point (OV) with a key pair of its own.',
      'overstap school list [--url URL] [--json]',
      '  The schools this gateway hosts, with their delivery points.',
      'Works through the API of a running server (overstap serve, role all or gateway) with the operator’s API key in OVERSTAP_API_KEY.',
    ].join('\n'),
  },
  brin: { nl: 'bij add: BRIN van de school', en: 'with add: BRIN of the school' },
  vestiging: { nl: 'bij add: vestigingsnummer (twee cijfers)', en: 'with add: branch number (two digits)' },
  name: { nl: 'bij add: naam van de school', en: 'with add: name of the school' },
  sector: { nl: 'bij add: po, vo, so of swv', en: 'with add: po, vo, so or swv' },
  region: {
    nl: 'bij add: regio (samenwerkingsverband of povo-overleg)',
    en: 'with add: region (samenwerkingsverband or povo-overleg)',
  },
  added: (s: HostedSchool): Message => ({
    nl: `School ${s.brin}-${s.vestiging} (${s.name}, ${s.sector}) wordt nu door deze gateway bediend.\n  Aanleverpunt ${s.deliveryPoint.routingKey} (${s.deliveryPoint.purpose}) op ${s.deliveryPoint.url}\n  Publieke sleutel: ${s.deliveryPoint.publicKey}\n  Laat de ketenbeheerder dit aanleverpunt bij het verkeerscentrum registreren (POST /api/tc/delivery-points) en de school toelaten.`,
    en: `School ${s.brin}-${s.vestiging} (${s.name}, ${s.sector}) is now hosted by this gateway.\n  Delivery point ${s.deliveryPoint.routingKey} (${s.deliveryPoint.purpose}) at ${s.deliveryPoint.url}\n  Public key: ${s.deliveryPoint.publicKey}\n  Have the chain operator register this delivery point at the traffic center (POST /api/tc/delivery-points) and admit the school.`,
  }),
  none: { nl: 'Deze gateway bedient (nog) geen scholen.', en: 'This gateway hosts no schools (yet).' },
  ended: (day: string): Message => ({ nl: `bediening beëindigd ${day}`, en: `hosting ended ${day}` }),
  points: (n: number): Message => ({
    nl: n === 1 ? '1 aanleverpunt' : `${n} aanleverpunten`,
    en: n === 1 ? '1 delivery point' : `${n} delivery points`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const schoolCommand: Command = {
  name: 'school',
  summary: SM.summary,
  description: SM.description,
  usage:
    'add|list [--brin BRIN --vestiging NN --name NAME --sector SECTOR] [--region R] [--url URL] [--json]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: SM.brin },
    vestiging: { type: 'string', arg: 'NN', help: SM.vestiging },
    name: { type: 'string', arg: 'NAAM', help: SM.name },
    sector: { type: 'string', arg: 'SECTOR', help: SM.sector },
    region: { type: 'string', arg: 'REGIO', help: SM.region },
    ...ACTION_OPTIONS,
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (rest.length > 0 || (action !== 'add' && action !== 'list')) {
      return usageError(ctx, 'add | list', SM.description);
    }
    if (action === 'add') {
      const brin = String(values.brin ?? '');
      if (!BRIN.test(brin)) return usageError(ctx, '--brin BRIN', SM.description);
      const vestiging = String(values.vestiging ?? '');
      if (!VESTIGING.test(vestiging)) return usageError(ctx, '--vestiging NN', SM.description);
      const name = String(values.name ?? '').trim();
      if (name === '') return usageError(ctx, '--name NAME', SM.description);
      const sector = String(values.sector ?? '');
      if (!SECTORS.includes(sector)) return usageError(ctx, '--sector po|vo|so|swv', SM.description);
      const target = apiTarget(ctx, values.url);
      if (typeof target === 'number') return target;
      const region =
        typeof values.region === 'string' && values.region.trim() !== '' ? values.region : undefined;
      const answer = await postToApi<HostedSchool>(ctx, target, '/api/gw/schools', {
        brin,
        vestiging,
        name,
        sector,
        ...(region ? { region } : {}),
      });
      return report(ctx, answer, values.json, (school) => [ctx.t(SM.added(school))]);
    }
    const target = apiTarget(ctx, values.url);
    if (typeof target === 'number') return target;
    const answer = await callApi<HostedSchoolSummary[]>(ctx, target, 'GET', '/api/gw/schools');
    return report(ctx, answer, values.json, (schools) =>
      schools.length === 0
        ? [ctx.t(SM.none)]
        : schools.map((s) => {
            const facts = [s.sector, s.region ?? '–', ctx.t(SM.points(s.deliveryPoints.length))];
            if (s.hostingEndedAt) facts.push(ctx.t(SM.ended(s.hostingEndedAt.slice(0, 10))));
            return `${s.brin}-${s.vestiging}  ${s.name}  (${facts.join(', ')})`;
          }),
    );
  },
};
