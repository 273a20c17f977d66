import type { Message } from '../../standard/errors.js';
import { type ApiAnswer, apiTarget, callApi, postToApi } from '../api-client.js';
import {
  ACTION_OPTIONS,
  BRIN,
  DAY,
  readInputFile,
  report,
  SECTORS,
  usageError,
  VESTIGING,
} from '../api-command.js';
import type { CliContext, Command } from '../command.js';

/** The API's answers this command prints (the JSON of /api/tc/…). */
interface School {
  brin: string;
  vestiging: string;
  name: string;
  sector: string;
  board: string;
  region: string | null;
  place: string | null;
}
interface Admission {
  brin: string;
  qualified: boolean;
  qualifiedFrom: string | null;
  qualifiedUntil: string | null;
  testExchangeAt: string | null;
  admittedToday: boolean;
}
interface Supplier {
  id: string;
  name: string;
  certificateFingerprint: string;
}
interface Mandate {
  supplierId: string;
  brin: string;
  revokedAt: string | null;
}
interface DeliveryPoint {
  routingKey: string;
  brin: string;
  supplierId: string;
  url: string;
  purpose: string;
  active: boolean;
}
interface SchoolOverview {
  school: School;
  admission: Admission;
  mandates: Mandate[];
  deliveryPoints: DeliveryPoint[];
}

/** The texts of `overstap trafficcenter`, Dutch first. */
export const TM = {
  summary: {
    nl: 'Beheer van het verkeerscentrum via zijn API: scholen, leverancierssystemen, mandaten, aanleverpunten en toelating.',
    en: 'Administration of the traffic center through its API: schools, supplier systems, mandates, delivery points and admission.',
  },
  description: {
    nl: [
      'overstap trafficcenter school add --brin BRIN --vestiging NN --name NAAM --sector po|vo|so|swv --board BESTUUR [--region REGIO] [--place PLAATS]',
      'overstap trafficcenter school show --brin BRIN',
      '  De school met haar toelating, mandaten en aanleverpunten.',
      'overstap trafficcenter supplier add --name NAAM (--cert BESTAND.crt | --fingerprint SHA256)',
      '  Laat een leverancierssysteem toe op zijn clientcertificaat; toont zijn id.',
      'overstap trafficcenter supplier list',
      'overstap trafficcenter mandate grant|revoke --supplier ID --brin BRIN',
      'overstap trafficcenter deliverypoint add --routing-key SLEUTEL --brin BRIN --supplier ID --delivery-url URL --public-key SLEUTEL [--purpose OV|SWV|RP]',
      '  Neemt het aanleverpunt op dat overstap school add op de gateway gaf.',
      'overstap trafficcenter deliverypoint update --routing-key SLEUTEL [--public-key SLEUTEL] [--delivery-url URL]',
      '  Neemt de nieuwe publieke sleutel (na overstap deliverypoint rotate) of het nieuwe adres van een aanleverpunt over.',
      'overstap trafficcenter admission test-exchange|qualify|unqualify --brin BRIN [--from JJJJ-MM-DD] [--until JJJJ-MM-DD] [--note TEKST]',
      '  Legt een testuitwisseling vast, of laat de school toe (qualify, vanaf --from) of trekt de toelating in.',
      'Werkt via de API van een draaiende server (overstap serve, rol all of trafficcenter) met de API-sleutel van de ketenbeheerder in OVERSTAP_API_KEY. Met --json het antwoord van de API.',
    ].join('\n'),
    en: [
      'overstap trafficcenter school add --brin BRIN --vestiging NN --name NAME --sector po|vo|so|swv --board BOARD [--region REGION] [--place PLACE]',
      'overstap trafficcenter school show --brin BRIN',
      '  The school with its admission, mandates and delivery points.',
      'overstap trafficcenter supplier add --name NAME (--cert FILE.crt | --fingerprint SHA256)',
      '  Admits a supplier system by its client certificate; prints its id.',
      'overstap trafficcenter supplier list',
      'overstap trafficcenter mandate grant|revoke --supplier ID --brin BRIN',
      'overstap trafficcenter deliverypoint add --routing-key KEY --brin BRIN --supplier ID --delivery-url URL --public-key KEY [--purpose OV|SWV|RP]',
      '  Registers the delivery point that overstap school add gave on the gateway.',
      'overstap trafficcenter deliverypoint update --routing-key KEY [--public-key KEY] [--delivery-url URL]',
      '  Takes over the new public key (after overstap deliverypoint rotate) or the new address of a delivery point.',
      'overstap trafficcenter admission test-exchange|qualify|unqualify --brin BRIN [--from YYYY-MM-DD] [--until YYYY-MM-DD] [--note TEXT]',
      '  Records a test exchange, or admits the school (qualify, from --from) or withdraws its admission.',
      'Works through the API of a running server (overstap serve, role all or trafficcenter) with the chain operator’s API key in OVERSTAP_API_KEY. With --json the API’s answer.',
    ].join('\n'),
  },
  brin: { nl: 'BRIN van de school', en: 'BRIN of the school' },
  vestiging: { nl: 'vestigingsnummer (twee cijfers)', en: 'branch number (two digits)' },
  name: {
    nl: 'naam (van de school of het leverancierssysteem)',
    en: 'name (of the school or the supplier system)',
  },
  sector: { nl: 'po, vo, so of swv', en: 'po, vo, so or swv' },
  board: { nl: 'bevoegd gezag (naam of nummer)', en: 'the school’s board (name or number)' },
  region: { nl: 'regio', en: 'region' },
  place: { nl: 'plaats (voor het openbare zoeken)', en: 'place (for the public search)' },
  cert: {
    nl: 'clientcertificaat van het leverancierssysteem (PEM)',
    en: 'client certificate of the supplier system (PEM)',
  },
  fingerprint: {
    nl: 'of: SHA-256-vingerafdruk van dat certificaat',
    en: 'or: SHA-256 fingerprint of that certificate',
  },
  supplierId: { nl: 'id van het leverancierssysteem', en: 'id of the supplier system' },
  routingKey: { nl: 'routeringssleutel van het aanleverpunt', en: 'routing key of the delivery point' },
  deliveryUrl: { nl: 'URL van het aanleverpunt', en: 'URL of the delivery point' },
  publicKey: { nl: 'publieke sleutel van het aanleverpunt', en: 'public key of the delivery point' },
  purpose: { nl: 'doel van het aanleverpunt', en: 'purpose of the delivery point' },
  from: { nl: 'bij qualify: toegelaten vanaf', en: 'with qualify: admitted from' },
  until: { nl: 'bij qualify: toegelaten tot en met', en: 'with qualify: admitted until' },
  note: { nl: 'toelichting bij de toelating', en: 'note on the admission' },
  apiUrl: {
    nl: 'adres van het verkeerscentrum (standaard OVERSTAP_PUBLIC_URL, anders http://localhost:PORT)',
    en: 'address of the traffic center (default OVERSTAP_PUBLIC_URL, else http://localhost:PORT)',
  },
  school: (s: School): Message => ({
    nl: `School ${s.brin}-${s.vestiging} (${s.name}, ${s.sector}, bestuur ${s.board}${s.region ? `, regio ${s.region}` : ''}) staat bij het verkeerscentrum.`,
    en: `School ${s.brin}-${s.vestiging} (${s.name}, ${s.sector}, board ${s.board}${s.region ? `, region ${s.region}` : ''}) is known to the traffic center.`,
  }),
  admission: (a: Admission): Message => ({
    nl: `Toelating van ${a.brin}: ${a.admittedToday ? 'vandaag toegelaten' : 'vandaag niet toegelaten'}${a.qualified ? ` (gekwalificeerd vanaf ${a.qualifiedFrom}${a.qualifiedUntil ? ` tot en met ${a.qualifiedUntil}` : ''})` : ' (niet gekwalificeerd)'}; testuitwisseling: ${a.testExchangeAt ?? 'nog niet'}.`,
    en: `Admission of ${a.brin}: ${a.admittedToday ? 'admitted today' : 'not admitted today'}${a.qualified ? ` (qualified from ${a.qualifiedFrom}${a.qualifiedUntil ? ` until ${a.qualifiedUntil}` : ''})` : ' (not qualified)'}; test exchange: ${a.testExchangeAt ?? 'not yet'}.`,
  }),
  mandate: (m: Mandate): Message => ({
    nl: `Mandaat van leverancierssysteem ${m.supplierId} voor ${m.brin}: ${m.revokedAt ? `ingetrokken ${m.revokedAt}` : 'geldig'}.`,
    en: `Mandate of supplier system ${m.supplierId} for ${m.brin}: ${m.revokedAt ? `revoked ${m.revokedAt}` : 'valid'}.`,
  }),
  deliveryPoint: (d: DeliveryPoint): Message => ({
    nl: `Aanleverpunt ${d.routingKey} (${d.purpose}) van ${d.brin}, leverancierssysteem ${d.supplierId}, op ${d.url}: ${d.active ? 'actief' : 'inactief'}.`,
    en: `Delivery point ${d.routingKey} (${d.purpose}) of ${d.brin}, supplier system ${d.supplierId}, at ${d.url}: ${d.active ? 'active' : 'inactive'}.`,
  }),
  supplier: (s: Supplier): Message => ({
    nl: `Leverancierssysteem ${s.id}: ${s.name}, certificaat ${s.certificateFingerprint}`,
    en: `Supplier system ${s.id}: ${s.name}, certificate ${s.certificateFingerprint}`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

const ACTIONS: Record<string, readonly string[]> = {
  school: ['add', 'show'],
  supplier: ['add', 'list'],
  mandate: ['grant', 'revoke'],
  deliverypoint: ['add', 'update'],
  admission: ['test-exchange', 'qualify', 'unqualify'],
};
const PURPOSES = ['OV', 'SWV', 'RP'];

export const trafficcenterCommand: Command = {
  name: 'trafficcenter',
  summary: TM.summary,
  description: TM.description,
  usage: 'school|supplier|mandate|deliverypoint|admission ACTION [options] [--url URL] [--json]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: TM.brin },
    vestiging: { type: 'string', arg: 'NN', help: TM.vestiging },
    name: { type: 'string', arg: 'NAAM', help: TM.name },
    sector: { type: 'string', arg: 'SECTOR', help: TM.sector },
    board: { type: 'string', arg: 'BESTUUR', help: TM.board },
    region: { type: 'string', arg: 'REGIO', help: TM.region },
    place: { type: 'string', arg: 'PLAATS', help: TM.place },
    cert: { type: 'string', arg: 'BESTAND', help: TM.cert },
    fingerprint: { type: 'string', arg: 'SHA256', help: TM.fingerprint },
    supplier: { type: 'string', arg: 'ID', help: TM.supplierId },
    'routing-key': { type: 'string', arg: 'SLEUTEL', help: TM.routingKey },
    'public-key': { type: 'string', arg: 'SLEUTEL', help: TM.publicKey },
    'delivery-url': { type: 'string', arg: 'URL', help: TM.deliveryUrl },
    purpose: { type: 'string', arg: 'OV|SWV|RP', default: 'OV', help: TM.purpose },
    from: { type: 'string', arg: 'JJJJ-MM-DD', help: TM.from },
    until: { type: 'string', arg: 'JJJJ-MM-DD', help: TM.until },
    note: { type: 'string', arg: 'TEKST', help: TM.note },
    ...ACTION_OPTIONS,
    url: { type: 'string', arg: 'URL', help: TM.apiUrl },
  },
  async run({ values, positionals }, ctx) {
    const [subject = '', action = '', ...rest] = positionals;
    const bad = (what: string) => usageError(ctx, what, TM.description);
    if (!ACTIONS[subject]?.includes(action) || rest.length > 0) {
      return bad(
        ACTIONS[subject] ? `${subject} ${ACTIONS[subject].join(' | ')}` : Object.keys(ACTIONS).join(' | '),
      );
    }
    const text = (name: string) => (typeof values[name] === 'string' ? String(values[name]).trim() : '');
    const brin = text('brin');
    const update = subject === 'deliverypoint' && action === 'update';
    const needsBrin = !(subject === 'supplier' || update);
    if (needsBrin && !BRIN.test(brin)) return bad('--brin BRIN');
    const supplier = text('supplier');
    if (
      (subject === 'mandate' || (subject === 'deliverypoint' && !update)) &&
      !/^[0-9a-f-]{36}$/i.test(supplier)
    ) {
      return bad('--supplier ID');
    }
    const target = apiTarget(ctx, values.url);
    if (typeof target === 'number') return target;
    const show = <T>(answer: ApiAnswer<T>, line: (body: T) => Message) =>
      report(ctx, answer, values.json, (body) => [ctx.t(line(body))]);

    if (subject === 'school' && action === 'add') {
      if (!VESTIGING.test(text('vestiging'))) return bad('--vestiging NN');
      if (text('name') === '') return bad('--name NAME');
      if (!SECTORS.includes(text('sector'))) return bad('--sector po|vo|so|swv');
      if (text('board') === '') return bad('--board BOARD');
      const body = {
        brin,
        vestiging: text('vestiging'),
        name: text('name'),
        sector: text('sector'),
        board: text('board'),
        ...(text('region') ? { region: text('region') } : {}),
        ...(text('place') ? { place: text('place') } : {}),
      };
      return show(await postToApi<School>(ctx, target, '/api/tc/schools', body), TM.school);
    }
    if (subject === 'school') {
      const answer = await callApi<SchoolOverview>(ctx, target, 'GET', `/api/tc/schools/${brin}`);
      return report(ctx, answer, values.json, (o) => overviewLines(ctx, o));
    }
    if (subject === 'supplier' && action === 'add') {
      if (text('name') === '') return bad('--name NAME');
      if ((text('cert') === '') === (text('fingerprint') === ''))
        return bad('--cert FILE | --fingerprint SHA256');
      let body: object = { name: text('name'), certificateFingerprint: text('fingerprint') };
      if (text('cert') !== '') {
        const pem = await readInputFile(ctx, text('cert'));
        if (typeof pem === 'number') return pem;
        body = { name: text('name'), certificatePem: pem.toString('utf8') };
      }
      return show(await postToApi<Supplier>(ctx, target, '/api/tc/suppliers', body), TM.supplier);
    }
    if (subject === 'supplier') {
      const answer = await callApi<Supplier[]>(ctx, target, 'GET', '/api/tc/suppliers');
      return report(ctx, answer, values.json, (list) => list.map((s) => ctx.t(TM.supplier(s))));
    }
    if (subject === 'mandate') {
      const path = `/api/tc/suppliers/${supplier}/mandates/${brin}`;
      return show(
        await callApi<Mandate>(ctx, target, action === 'grant' ? 'PUT' : 'DELETE', path),
        TM.mandate,
      );
    }
    if (update) {
      if (text('routing-key') === '') return bad('--routing-key');
      const changes = {
        ...(text('public-key') ? { publicKey: text('public-key') } : {}),
        ...(text('delivery-url') ? { url: text('delivery-url') } : {}),
      };
      if (Object.keys(changes).length === 0) return bad('--public-key | --delivery-url');
      const path = `/api/tc/delivery-points/${encodeURIComponent(text('routing-key'))}`;
      return show(
        await callApi<DeliveryPoint>(ctx, target, 'PATCH', path, { body: { json: changes } }),
        TM.deliveryPoint,
      );
    }
    if (subject === 'deliverypoint') {
      const purpose = text('purpose') || 'OV';
      if (!PURPOSES.includes(purpose)) return bad('--purpose OV|SWV|RP');
      for (const name of ['routing-key', 'delivery-url', 'public-key']) {
        if (text(name) === '') return bad(`--${name}`);
      }
      const body = {
        routingKey: text('routing-key'),
        brin,
        supplierId: supplier,
        url: text('delivery-url'),
        purpose,
        publicKey: text('public-key'),
      };
      return show(
        await postToApi<DeliveryPoint>(ctx, target, '/api/tc/delivery-points', body),
        TM.deliveryPoint,
      );
    }
    // admission
    const note = text('note') ? { note: text('note') } : {};
    let change: object;
    if (action === 'qualify') {
      if (!DAY.test(text('from'))) return bad('--from YYYY-MM-DD');
      if (text('until') !== '' && !DAY.test(text('until'))) return bad('--until YYYY-MM-DD');
      change = { action, from: text('from'), ...(text('until') ? { until: text('until') } : {}), ...note };
    } else {
      change = { action: action === 'test-exchange' ? 'recordTestExchange' : 'unqualify', ...note };
    }
    return show(
      await postToApi<Admission>(ctx, target, `/api/tc/schools/${brin}/admission`, change),
      TM.admission,
    );
  },
};

function overviewLines(ctx: CliContext, o: SchoolOverview): string[] {
  const lines = [ctx.t(TM.school(o.school)), ctx.t(TM.admission(o.admission))];
  for (const m of o.mandates) lines.push(`  ${ctx.t(TM.mandate(m))}`);
  for (const d of o.deliveryPoints) lines.push(`  ${ctx.t(TM.deliveryPoint(d))}`);
  return lines;
}
