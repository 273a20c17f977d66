import {
  DAILY_PURGE_HOUR_UTC,
  type HostedSchoolSummary,
  listHostedSchools,
  type PurgedSchool,
  type PurgeRun,
  purgeEndedSchool,
  purgeEndedSchools,
} from '../../gateway/index.js';
import type { Message } from '../../standard/errors.js';
import { apiTarget, callApi, postToApi, URL_OPTION } from '../api-client.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { asGatewayOperator } from '../gateway-operator.js';

const HOUR = String(DAILY_PURGE_HOUR_UTC).padStart(2, '0');

/** The texts of `overstap retention`, Dutch first. */
export const RM = {
  summary: {
    nl: 'Toont en verwijdert de gegevens van scholen die deze gateway niet meer bedient, na hun bewaartermijn.',
    en: 'Shows and deletes the data of schools this gateway no longer hosts, after their retention period.',
  },
  description: {
    nl: `overstap retention list [--json] [--url URL]\noverstap retention purge [--brin BRIN] [--json] [--url URL]\nlist: de scholen waarvan de bediening is beëindigd, met hun bewaartermijn (retainUntil) en wanneer hun gegevens zijn verwijderd. purge: verwijdert nu de persoonsgegevens (leerlingen, dossiers met alle versies en bijlagen, aanmeldingen, verzoeken, ontvangen dossiers, terugkoppelingen) van elke school waarvan de bewaartermijn vóór vandaag ligt, of alleen van --brin; per school in één transactie, met één auditregel met alleen aantallen. De server doet dit ook zelf, elke dag om ${HOUR}:00 UTC. Verwijderen is definitief: de school kan daarna niet meer worden ingezien, geëxporteerd of opnieuw worden bediend. Zonder --url op dezelfde database als overstap serve (stop een PGlite-server eerst); met --url via de API van een draaiende server, met de API-sleutel van de beheerder (gateway:admin) in OVERSTAP_API_KEY.`,
    en: `overstap retention list [--json] [--url URL]\noverstap retention purge [--brin BRIN] [--json] [--url URL]\nlist: the schools whose hosting ended, with their retention period (retainUntil) and when their data was deleted. purge: deletes now the personal data (pupils, dossiers with every version and attachment, registrations, requests, received dossiers, feedback) of every school whose retention period ends before today, or of --brin only; one transaction per school, with one audit entry holding counts only. The server does this itself too, daily at ${HOUR}:00 UTC. Deleting is final: the school can then no longer be read, exported or hosted again. Without --url on the same database as overstap serve (stop a PGlite server first); with --url through the API of a running server, with the administrator's API key (gateway:admin) in OVERSTAP_API_KEY.`,
  },
  brin: { nl: 'purge: alleen deze school (BRIN)', en: 'purge: this school only (BRIN)' },
  json: { nl: 'uitvoer als JSON', en: 'output as JSON' },
  bad: (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` }),
  noneEnded: {
    nl: 'Deze gateway heeft geen scholen waarvan de bediening is beëindigd.',
    en: 'This gateway has no schools whose hosting ended.',
  },
  purgedOn: (brin: string, ended: string, day: string): Message => ({
    nl: `${brin}  bediening beëindigd ${ended}  gegevens verwijderd op ${day}`,
    en: `${brin}  hosting ended ${ended}  data deleted on ${day}`,
  }),
  due: (brin: string, ended: string, until: string): Message => ({
    nl: `${brin}  bediening beëindigd ${ended}  bewaard tot en met ${until}: wordt bij de volgende ronde verwijderd`,
    en: `${brin}  hosting ended ${ended}  kept through ${until}: deleted at the next run`,
  }),
  kept: (brin: string, ended: string, until: string): Message => ({
    nl: `${brin}  bediening beëindigd ${ended}  bewaard tot en met ${until}`,
    en: `${brin}  hosting ended ${ended}  kept through ${until}`,
  }),
  purged: (s: PurgedSchool): Message => ({
    nl: `Gegevens van ${s.brin} verwijderd: ${s.deleted.pupils} leerlingen, ${s.deleted.dossiers} dossiers (${s.deleted.dossierVersions} versies), ${s.deleted.registrations} aanmeldingen, ${s.deleted.receivedDossiers + s.deleted.swvReceivedDossiers} ontvangen dossiers.`,
    en: `Data of ${s.brin} deleted: ${s.deleted.pupils} pupils, ${s.deleted.dossiers} dossiers (${s.deleted.dossierVersions} versions), ${s.deleted.registrations} registrations, ${s.deleted.receivedDossiers + s.deleted.swvReceivedDossiers} received dossiers.`,
  }),
  purgedBefore: (brin: string, day: string): Message => ({
    nl: `De gegevens van ${brin} waren al verwijderd op ${day}.`,
    en: `The data of ${brin} was deleted already on ${day}.`,
  }),
  nothingDue: {
    nl: 'Geen school heeft een bewaartermijn die vóór vandaag eindigt; er is niets verwijderd.',
    en: 'No school has a retention period that ends before today; nothing was deleted.',
  },
  failed: (brin: string, reason: string): Message => ({
    nl: `Verwijderen mislukt voor ${brin} (${reason}); de dagelijkse ronde probeert het opnieuw.`,
    en: `Deleting failed for ${brin} (${reason}); the daily run tries again.`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const retentionCommand: Command = {
  name: 'retention',
  summary: RM.summary,
  description: RM.description,
  usage: 'list|purge [--brin BRIN] [--json] [--url URL]',
  options: {
    brin: { type: 'string', arg: 'BRIN', help: RM.brin },
    json: { type: 'boolean', help: RM.json },
    url: URL_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const action = positionals.length === 1 ? positionals[0] : undefined;
    if (action !== 'list' && action !== 'purge') return usage(ctx, 'list|purge');
    const brin = values.brin === undefined ? undefined : String(values.brin);
    if (brin !== undefined && (action === 'list' || !/^[0-9]{2}[A-Z]{2}$/.test(brin))) {
      return usage(ctx, '--brin BRIN');
    }
    const json = values.json === true;
    if (values.url !== undefined) return throughApi(ctx, values.url, { action, brin, json });
    return asGatewayOperator(ctx, 'retention', async (operator) => {
      if (action === 'list') return printEnded(ctx, await listHostedSchools(operator), json);
      if (brin !== undefined) return printPurged(ctx, await purgeEndedSchool(operator, { brin }), json);
      return printRun(ctx, await purgeEndedSchools(operator), json);
    });
  },
};

/**
 * The same through a running server's API (the operator's key in OVERSTAP_API_KEY; no stopped
 * server needed): the hosted schools (GET /api/gw/schools), one school's purge
 * (POST /api/gw/schools/{brin}/purge) or every due one (POST /api/gw/retention/purge).
 */
async function throughApi(
  ctx: CliContext,
  url: unknown,
  input: { action: 'list' | 'purge'; brin: string | undefined; json: boolean },
): Promise<number> {
  const target = apiTarget(ctx, url);
  if (typeof target === 'number') return target;
  if (input.action === 'list') {
    const answer = await callApi<EndedSchool[]>(ctx, target, 'GET', '/api/gw/schools');
    return answer.ok ? printEnded(ctx, answer.body, input.json) : answer.exitCode;
  }
  if (input.brin !== undefined) {
    const answer = await postToApi<PurgedSchool>(ctx, target, `/api/gw/schools/${input.brin}/purge`);
    return answer.ok ? printPurged(ctx, answer.body, input.json) : answer.exitCode;
  }
  const answer = await postToApi<PurgeRun>(ctx, target, '/api/gw/retention/purge');
  return answer.ok ? printRun(ctx, answer.body, input.json) : answer.exitCode;
}

type EndedSchool = Pick<HostedSchoolSummary, 'brin' | 'name' | 'hostingEndedAt' | 'retainUntil' | 'purgedAt'>;

const line = (ctx: CliContext, text: Message) => ctx.stdout.write(`${ctx.t(text)}\n`);

/** The schools whose hosting ended, with their retention and purge. */
function printEnded(ctx: CliContext, schools: readonly EndedSchool[], json: boolean): number {
  const ended = schools.filter((s) => s.hostingEndedAt !== null);
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify(ended.map(({ brin, name, hostingEndedAt, retainUntil, purgedAt }) => ({ brin, name, hostingEndedAt, retainUntil, purgedAt })))}\n`,
    );
    return EXIT.OK;
  }
  const today = new Date().toISOString().slice(0, 10);
  if (ended.length === 0) line(ctx, RM.noneEnded);
  for (const s of ended) {
    const endedOn = (s.hostingEndedAt as string).slice(0, 10);
    const until = s.retainUntil as string;
    if (s.purgedAt) line(ctx, RM.purgedOn(s.brin, endedOn, s.purgedAt.slice(0, 10)));
    else line(ctx, until < today ? RM.due(s.brin, endedOn, until) : RM.kept(s.brin, endedOn, until));
  }
  return EXIT.OK;
}

function printPurged(ctx: CliContext, purged: PurgedSchool, json: boolean): number {
  if (json) ctx.stdout.write(`${JSON.stringify(purged)}\n`);
  else
    line(
      ctx,
      purged.purgedNow ? RM.purged(purged) : RM.purgedBefore(purged.brin, purged.purgedAt.slice(0, 10)),
    );
  return EXIT.OK;
}

function printRun(ctx: CliContext, run: PurgeRun, json: boolean): number {
  if (json) {
    ctx.stdout.write(`${JSON.stringify(run)}\n`);
  } else {
    if (run.purged.length === 0 && run.failed.length === 0) line(ctx, RM.nothingDue);
    for (const s of run.purged) line(ctx, RM.purged(s));
    for (const f of run.failed) ctx.stderr.write(`${ctx.t(RM.failed(f.brin, f.code))}\n`);
  }
  return run.failed.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

function usage(ctx: CliContext, what: string): number {
  ctx.stderr.write(`${ctx.t(RM.bad(what))}\n${ctx.t(RM.description)}\n`);
  return EXIT.USAGE;
}
