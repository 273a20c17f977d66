import type { Message } from '../../standard/errors.js';
import { type ApiAnswer, callApi, postToApi } from '../api-client.js';
import {
  ACTION_OPTIONS,
  OUTPUT_OPTION,
  pupilName,
  readInputFile,
  report,
  SCHOOL_KEY_NOTE,
  SCHOOL_OPTION,
  schoolAction,
  usageError,
  writeOutput,
} from '../api-command.js';
import { type CliContext, type Command, EXIT } from '../command.js';

/** The API's answers this command prints (the JSON of /api/gw/schools/:brin/registrations…). */
interface Registration {
  registrationId: string;
  sourceBrin: string;
  preferenceRank: number | null;
  state: string;
}
interface RequestResult {
  registrationId: string;
  result: string;
  state: string;
  explanation: Message;
}
interface BulkRequestResult {
  requested: number;
  results: RequestResult[];
  byResult: Record<string, number>;
}
interface RegistrationListItem extends Registration {
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string; geboortedatum: string };
  lastResult: string | null;
  received: {
    receivedAt: string;
    errorCount: number;
    warningCount: number;
    importedAt: string | null;
  } | null;
}

interface RegistrationDetail extends RegistrationListItem {
  rejectReason: string | null;
  requestable: boolean;
  requests: Array<{ trigger: string; result: string; explanation: Message; requestedAt: string }>;
}

/** The texts of `overstap registration`, Dutch first. */
export const RGM = {
  summary: {
    nl: 'Aanmeldingen van een school bij een draaiende gateway: vastleggen, dossiers opvragen, ontvangen dossiers exporteren, ingelezen of afgewezen melden.',
    en: 'A school’s registrations on a running gateway: record them, request the dossiers, export received dossiers, mark them imported or rejected.',
  },
  description: {
    nl: [
      'overstap registration add --school BRIN BESTAND.json|-',
      '  Legt een aanmelding vast: een JSON-object {achternaam, geboortedatum, bsn of onderwijsnummer, sourceBrin, voorvoegsel?, roepnaam?, preferenceRank?} uit het bestand of van de standaardinvoer (-). Gegevens van de leerling staan nooit op de opdrachtregel: die is zichtbaar in de proceslijst en de geschiedenis van de shell.',
      'overstap registration import-csv --school BRIN BESTAND.csv',
      '  Legt alle aanmeldingen van een CSV-bestand vast (sjabloon: GET /api/gw/schools/BRIN/registrations/csv-template), alles of niets.',
      'overstap registration list --school BRIN [--state STATUS]',
      'overstap registration show --school BRIN AANMELDING-ID',
      '  De aanmelding met al haar opvragingen: uitslag, aanleiding en wat te doen.',
      'overstap registration request --school BRIN AANMELDING-ID | --all',
      '  Vraagt het dossier op van één aanmelding, of van alle open aanmeldingen; toont de uitslag met wat te doen.',
      'overstap registration export --school BRIN AANMELDING-ID [--format xml|json] [-o BESTAND]',
      '  Het ontvangen dossier voor de leerlingadministratie: OSO-XML (standaard) of JSON.',
      'overstap registration mark-imported --school BRIN AANMELDING-ID',
      'overstap registration reject --school BRIN AANMELDING-ID --reason TEKST',
      SCHOOL_KEY_NOTE.nl,
    ].join('\n'),
    en: [
      'overstap registration add --school BRIN FILE.json|-',
      '  Records a registration: a JSON object {achternaam, geboortedatum, bsn or onderwijsnummer, sourceBrin, voorvoegsel?, roepnaam?, preferenceRank?} from the file or from standard input (-). The pupil’s data is never on the command line: that shows in the process list and the shell’s history.',
      'overstap registration import-csv --school BRIN FILE.csv',
      '  Records every registration of a CSV file (template: GET /api/gw/schools/BRIN/registrations/csv-template), all or nothing.',
      'overstap registration list --school BRIN [--state STATE]',
      'overstap registration show --school BRIN REGISTRATION-ID',
      '  The registration with all its requests: result, trigger and what to do.',
      'overstap registration request --school BRIN REGISTRATION-ID | --all',
      '  Requests the dossier of one registration, or of all open registrations; shows the result and what to do.',
      'overstap registration export --school BRIN REGISTRATION-ID [--format xml|json] [-o FILE]',
      '  The received dossier for the school’s administration: OSO XML (default) or JSON.',
      'overstap registration mark-imported --school BRIN REGISTRATION-ID',
      'overstap registration reject --school BRIN REGISTRATION-ID --reason TEXT',
      SCHOOL_KEY_NOTE.en,
    ].join('\n'),
  },
  state: {
    nl: 'bij list: alleen aanmeldingen met deze status',
    en: 'with list: only registrations in this state',
  },
  all: { nl: 'bij request: alle open aanmeldingen', en: 'with request: all open registrations' },
  format: { nl: 'bij export: xml of json', en: 'with export: xml or json' },
  reason: {
    nl: 'bij reject: waarom het dossier is afgewezen',
    en: 'with reject: why the dossier was rejected',
  },
  notJson: (path: string, why: string): Message => ({
    nl: `${path} is geen JSON-object met een aanmelding: ${why}`,
    en: `${path} is not a JSON object holding a registration: ${why}`,
  }),
  added: (r: Registration): Message => ({
    nl: `Aanmelding ${r.registrationId} vastgelegd (school van herkomst ${r.sourceBrin}${r.preferenceRank ? `, voorkeur ${r.preferenceRank}` : ''}): ${r.state}. De school van herkomst krijgt een aanmeldbericht.`,
    en: `Registration ${r.registrationId} recorded (source school ${r.sourceBrin}${r.preferenceRank ? `, preference ${r.preferenceRank}` : ''}): ${r.state}. The source school gets a registration notice.`,
  }),
  csvAdded: (n: number): Message => ({
    nl: `${n} aanmelding(en) vastgelegd.`,
    en: `${n} registration(s) recorded.`,
  }),
  result: (r: RequestResult): Message => ({
    nl: `${r.registrationId}: ${r.result} (${r.state}). ${r.explanation.nl}`,
    en: `${r.registrationId}: ${r.result} (${r.state}). ${r.explanation.en}`,
  }),
  bulk: (b: BulkRequestResult): Message => ({
    nl: `${b.requested} aanmelding(en) opgevraagd: ${
      Object.entries(b.byResult)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'geen'
    }.`,
    en: `${b.requested} registration(s) requested: ${
      Object.entries(b.byResult)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }.`,
  }),
  marked: (id: string, state: string): Message => ({
    nl: `Aanmelding ${id}: ${state}.`,
    en: `Registration ${id}: ${state}.`,
  }),
  none: { nl: 'Geen aanmeldingen.', en: 'No registrations.' },
  requests: (n: number): Message => ({
    nl: n === 0 ? 'Nog niet opgevraagd.' : `Opvragingen (${n}):`,
    en: n === 0 ? 'Not requested yet.' : `Requests (${n}):`,
  }),
  trigger: (t: string): Message =>
    ({
      manual: { nl: 'met de hand', en: 'by hand' },
      bulk: { nl: 'alle open', en: 'all open' },
      notice: { nl: 'na klaarzetbericht', en: 'after a ready notice' },
      retry: { nl: 'opnieuw', en: 'retry' },
    })[t] ?? { nl: t, en: t },
  rejected: (reason: string): Message => ({ nl: `Afgewezen: ${reason}`, en: `Rejected: ${reason}` }),
  requestable: { nl: 'Kan (opnieuw) worden opgevraagd.', en: 'Can be requested (again).' },
  received: (errors: number, warnings: number, imported: boolean): Message => ({
    nl: `dossier ontvangen (${errors} fout(en), ${warnings} waarschuwing(en))${imported ? ', ingelezen' : ''}`,
    en: `dossier received (${errors} error(s), ${warnings} warning(s))${imported ? ', imported' : ''}`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const registrationCommand: Command = {
  name: 'registration',
  summary: RGM.summary,
  description: RGM.description,
  usage:
    'add|import-csv|list|show|request|export|mark-imported|reject --school BRIN [REGISTRATION-ID|FILE] [options]',
  options: {
    school: SCHOOL_OPTION,
    state: { type: 'string', arg: 'STATUS', help: RGM.state },
    all: { type: 'boolean', help: RGM.all },
    format: { type: 'string', arg: 'xml|json', help: RGM.format },
    output: OUTPUT_OPTION,
    reason: { type: 'string', arg: 'TEKST', help: RGM.reason },
    ...ACTION_OPTIONS,
  },
  async run(args, ctx) {
    const { values } = args;
    const a = schoolAction(
      args,
      ctx,
      {
        add: 1,
        'import-csv': 1,
        list: 0,
        show: 1,
        request: [0, 1],
        export: 1,
        'mark-imported': 1,
        reject: 1,
      },
      RGM.description,
    );
    if (typeof a === 'number') return a;
    const bad = (what: string) => usageError(ctx, what, RGM.description);
    const registrations = `${a.school}/registrations`;
    const one = `${registrations}/${encodeURIComponent(a.args[0] ?? '')}`;

    switch (a.action) {
      case 'add': {
        const bytes = await readInputFile(ctx, a.args[0]);
        if (typeof bytes === 'number') return bytes;
        let body: unknown;
        try {
          body = JSON.parse(bytes.toString('utf8'));
        } catch (e) {
          ctx.stderr.write(`${ctx.t(RGM.notJson(a.args[0], (e as Error).message))}\n`);
          return EXIT.UNREADABLE;
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          ctx.stderr.write(`${ctx.t(RGM.notJson(a.args[0], typeof body))}\n`);
          return EXIT.UNREADABLE;
        }
        const answer = await postToApi<Registration>(ctx, a.target, registrations, body);
        return report(ctx, answer, values.json, (r) => [ctx.t(RGM.added(r))]);
      }
      case 'import-csv': {
        const csv = await readInputFile(ctx, a.args[0]);
        if (typeof csv === 'number') return csv;
        const answer = await callApi<{ created: number; registrationIds: string[] }>(
          ctx,
          a.target,
          'POST',
          `${registrations}/csv`,
          { body: { raw: csv, type: 'text/csv' } },
        );
        return report(ctx, answer, values.json, (r) => [ctx.t(RGM.csvAdded(r.created))]);
      }
      case 'list': {
        const qs = typeof values.state === 'string' ? `?${new URLSearchParams({ state: values.state })}` : '';
        const answer = await callApi<RegistrationListItem[]>(ctx, a.target, 'GET', `${registrations}${qs}`);
        return report(ctx, answer, values.json, (items) =>
          items.length === 0 ? [ctx.t(RGM.none)] : items.map((r) => listLine(ctx, r)),
        );
      }
      case 'show': {
        const answer = await callApi<RegistrationDetail>(ctx, a.target, 'GET', one);
        return report(ctx, answer, values.json, (r) => detailLines(ctx, r));
      }
      case 'request': {
        if ((a.args.length === 1) === Boolean(values.all)) return bad('REGISTRATION-ID | --all');
        if (values.all) {
          const answer = await postToApi<BulkRequestResult>(ctx, a.target, `${a.school}/requests`);
          return report(ctx, answer, values.json, (b) => [
            ctx.t(RGM.bulk(b)),
            ...b.results.map((r) => `  ${ctx.t(RGM.result(r))}`),
          ]);
        }
        const answer = await postToApi<RequestResult>(ctx, a.target, `${one}/request`);
        return report(ctx, answer, values.json, (r) => [ctx.t(RGM.result(r))]);
      }
      case 'export': {
        const format = String(values.format ?? 'xml');
        if (format !== 'xml' && format !== 'json') return bad('--format xml|json');
        const answer = await callApi<Buffer>(ctx, a.target, 'GET', `${one}/dossier?format=${format}`, {
          as: 'bytes',
        });
        if (!answer.ok) return answer.exitCode;
        return writeOutput(ctx, answer.body, values.output);
      }
      case 'reject': {
        const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
        if (reason === '') return bad('--reason TEXT');
        return marked(ctx, values.json, await postToApi(ctx, a.target, `${one}/reject`, { reason }));
      }
      default:
        // mark-imported
        return marked(ctx, values.json, await postToApi(ctx, a.target, `${one}/import`));
    }
  },
};

function marked(
  ctx: CliContext,
  json: unknown,
  answer: ApiAnswer<{ registrationId: string; state: string }>,
): number {
  return report(ctx, answer, json, (r) => [ctx.t(RGM.marked(r.registrationId, r.state))]);
}

function detailLines(ctx: CliContext, r: RegistrationDetail): string[] {
  const lines = [listLine(ctx, r)];
  if (r.rejectReason) lines.push(`  ${ctx.t(RGM.rejected(r.rejectReason))}`);
  lines.push(`  ${ctx.t(RGM.requests(r.requests.length))}`);
  for (const q of r.requests) {
    lines.push(
      `    ${q.requestedAt}  ${q.result} (${ctx.t(RGM.trigger(q.trigger))}). ${ctx.t(q.explanation)}`,
    );
  }
  if (r.requestable) lines.push(`  ${ctx.t(RGM.requestable)}`);
  return lines;
}

function listLine(ctx: CliContext, r: RegistrationListItem): string {
  const p = r.pupil;
  const got = r.received
    ? `  ${ctx.t(RGM.received(r.received.errorCount, r.received.warningCount, r.received.importedAt !== null))}`
    : '';
  return `${r.registrationId}  ${r.state.padEnd(12)} ${r.sourceBrin}  ${pupilName(p)} (${p.geboortedatum})  ${r.lastResult ?? '–'}${got}`;
}
