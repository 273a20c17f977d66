import type { Message } from '../../standard/errors.js';
import { type ApiAnswer, callApi, postToApi } from '../api-client.js';
import {
  ACTION_OPTIONS,
  BRIN,
  DAY,
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
import type { CliContext, Command } from '../command.js';

/** The API's answers this command prints (the JSON of /api/gw/schools/:brin/dossiers…). */
interface Finding {
  rule: string;
  severity: 'fout' | 'waarschuwing';
  path: string;
  line: number;
  column: number;
  message: Message;
}
interface SavedDossier {
  dossierId: string;
  withdrawnFrom?: string;
  version: number;
  state: string;
  profile: string;
  schooljaar: string;
  errorCount: number;
  warningCount: number;
  awaitingInspection: number;
  findings: Finding[];
}
interface StateChange {
  dossierId: string;
  state: string;
  destinationBrin?: string;
  withdrawnFrom?: string;
}
interface DossierListItem {
  dossierId: string;
  schooljaar: string;
  profile: string;
  state: string;
  version: number;
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string; geboortedatum: string };
  groep: string | null;
  errorCount: number;
  warningCount: number;
  destination: { brin: string; state: string } | null;
}

/** The texts of `overstap dossier`, Dutch first. */
export const DM = {
  summary: {
    nl: 'Dossiers van een school bij een draaiende gateway: inlezen, ter inzage, inzage vastleggen, klaarzetten, intrekken, exporteren.',
    en: 'A school’s dossiers on a running gateway: import, put up for inspection, record the inspection, set ready, withdraw, export.',
  },
  description: {
    nl: [
      'overstap dossier import --school BRIN BESTAND.xml [--schooljaar JJJJ-JJJJ]',
      '  Leest een dossier (OSO-XML) in en valideert het streng; toont de bevindingen.',
      'overstap dossier edit --school BRIN DOSSIER-ID BESTAND.xml',
      '  Het bewerkte dossier wordt een nieuwe versie: terug naar concept, een klaarzetting wordt ingetrokken, en waar het profiel het vraagt is de inzage door de ouders opnieuw nodig.',
      'overstap dossier list --school BRIN [--state STATUS] [--schooljaar JJJJ-JJJJ]',
      'overstap dossier export --school BRIN DOSSIER-ID [-o BESTAND]',
      '  De huidige versie als OSO-XML, byte voor byte (naar de standaarduitvoer zonder -o).',
      'overstap dossier ter-inzage --school BRIN DOSSIER-ID',
      '  Zet de huidige versie ter inzage voor de ouders (bevriest haar).',
      'overstap dossier inspection --school BRIN DOSSIER-ID --date JJJJ-MM-DD --akkoord Ja|Nee|Onbekend [--reason TEKST] [--toestemming Ja|Nee|Onbekend]',
      '  Legt de inzage door de ouders vast (reden verplicht bij Nee).',
      'overstap dossier klaarzetten --school BRIN DOSSIER-ID --to BRIN',
      '  Zet het dossier klaar voor precies één school (trekt het bij een andere in).',
      'overstap dossier withdraw --school BRIN DOSSIER-ID',
      SCHOOL_KEY_NOTE.nl,
    ].join('\n'),
    en: [
      'overstap dossier import --school BRIN FILE.xml [--schooljaar YYYY-YYYY]',
      '  Imports a dossier (OSO XML) and validates it strictly; shows the findings.',
      'overstap dossier edit --school BRIN DOSSIER-ID FILE.xml',
      '  The edited dossier becomes a new version: back to concept, a ready destination is withdrawn, and where the profile requires it the parents inspect again.',
      'overstap dossier list --school BRIN [--state STATE] [--schooljaar YYYY-YYYY]',
      'overstap dossier export --school BRIN DOSSIER-ID [-o FILE]',
      '  The current version as OSO XML, byte for byte (to standard output without -o).',
      'overstap dossier ter-inzage --school BRIN DOSSIER-ID',
      '  Puts the current version up for the parents’ inspection (freezes it).',
      'overstap dossier inspection --school BRIN DOSSIER-ID --date YYYY-MM-DD --akkoord Ja|Nee|Onbekend [--reason TEXT] [--toestemming Ja|Nee|Onbekend]',
      '  Records the parents’ inspection (a reason is required with Nee).',
      'overstap dossier klaarzetten --school BRIN DOSSIER-ID --to BRIN',
      '  Sets the dossier ready for exactly one school (withdraws it from another).',
      'overstap dossier withdraw --school BRIN DOSSIER-ID',
      SCHOOL_KEY_NOTE.en,
    ].join('\n'),
  },
  schooljaar: {
    nl: 'schooljaar (JJJJ-JJJJ): bij import als het dossier het niet zelf geeft, bij list als filter',
    en: 'school year (YYYY-YYYY): with import when the dossier does not give it, with list as a filter',
  },
  state: { nl: 'bij list: alleen dossiers met deze status', en: 'with list: only dossiers in this state' },
  date: {
    nl: 'bij inspection: de inzagedatum (JJJJ-MM-DD)',
    en: 'with inspection: the inspection date (YYYY-MM-DD)',
  },
  akkoord: { nl: 'bij inspection: akkoord van de ouders', en: 'with inspection: the parents’ agreement' },
  reason: {
    nl: 'bij inspection: reden van niet akkoord',
    en: 'with inspection: the reason for not agreeing',
  },
  toestemming: {
    nl: 'bij inspection: toestemming voor overdracht',
    en: 'with inspection: consent to the transfer',
  },
  to: {
    nl: 'bij klaarzetten: BRIN van de ontvangende school',
    en: 'with klaarzetten: BRIN of the receiving school',
  },
  saved: (d: SavedDossier): Message => ({
    nl: `Dossier ${d.dossierId} ingelezen: versie ${d.version}, ${d.profile}, schooljaar ${d.schooljaar}, status ${d.state}; ${d.errorCount} fout(en), ${d.warningCount} waarschuwing(en).`,
    en: `Dossier ${d.dossierId} imported: version ${d.version}, ${d.profile}, school year ${d.schooljaar}, state ${d.state}; ${d.errorCount} error(s), ${d.warningCount} warning(s).`,
  }),
  edited: (d: SavedDossier): Message => ({
    nl: `Dossier ${d.dossierId}: nieuwe versie ${d.version}, ${d.profile}, schooljaar ${d.schooljaar}, status ${d.state}; ${d.errorCount} fout(en), ${d.warningCount} waarschuwing(en).`,
    en: `Dossier ${d.dossierId}: new version ${d.version}, ${d.profile}, school year ${d.schooljaar}, state ${d.state}; ${d.errorCount} error(s), ${d.warningCount} warning(s).`,
  }),
  awaitingInspection: (n: number): Message => ({
    nl: `  Nog te doen: de inzage door de ouders (${n} regel(s) van de inzage staan open).`,
    en: `  Still to do: the parents’ inspection (${n} rule(s) of the inspection are open).`,
  }),
  changed: (c: StateChange): Message => ({
    nl: `Dossier ${c.dossierId}: ${c.state}${c.destinationBrin ? ` voor ${c.destinationBrin}` : ''}.`,
    en: `Dossier ${c.dossierId}: ${c.state}${c.destinationBrin ? ` for ${c.destinationBrin}` : ''}.`,
  }),
  withdrawnFrom: (brin: string): Message => ({
    nl: `  Ingetrokken bij ${brin}: die school krijgt het dossier niet meer.`,
    en: `  Withdrawn from ${brin}: that school no longer gets the dossier.`,
  }),
  none: { nl: 'Geen dossiers.', en: 'No dossiers.' },
  group: (g: string): Message => ({ nl: `groep ${g}`, en: `group ${g}` }),
  findings: (e: number, w: number): Message => ({
    nl: `${e} fout(en), ${w} waarschuwing(en)`,
    en: `${e} error(s), ${w} warning(s)`,
  }),
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

const AKKOORD = ['Ja', 'Nee', 'Onbekend'];
const SCHOOLJAAR = /^\d{4}-\d{4}$/;

export const dossierCommand: Command = {
  name: 'dossier',
  summary: DM.summary,
  description: DM.description,
  usage:
    'import|edit|list|export|ter-inzage|inspection|klaarzetten|withdraw --school BRIN [DOSSIER-ID] [FILE] [options]',
  options: {
    school: SCHOOL_OPTION,
    schooljaar: { type: 'string', arg: 'JJJJ-JJJJ', help: DM.schooljaar },
    state: { type: 'string', arg: 'STATUS', help: DM.state },
    output: OUTPUT_OPTION,
    date: { type: 'string', arg: 'JJJJ-MM-DD', help: DM.date },
    akkoord: { type: 'string', arg: 'Ja|Nee|Onbekend', help: DM.akkoord },
    reason: { type: 'string', arg: 'TEKST', help: DM.reason },
    toestemming: { type: 'string', arg: 'Ja|Nee|Onbekend', help: DM.toestemming },
    to: { type: 'string', arg: 'BRIN', help: DM.to },
    ...ACTION_OPTIONS,
  },
  async run(args, ctx) {
    const { values } = args;
    const a = schoolAction(
      args,
      ctx,
      { import: 1, edit: 2, list: 0, export: 1, 'ter-inzage': 1, inspection: 1, klaarzetten: 1, withdraw: 1 },
      DM.description,
    );
    if (typeof a === 'number') return a;
    const bad = (what: string) => usageError(ctx, what, DM.description);
    const schooljaar = values.schooljaar;
    if (schooljaar !== undefined && !SCHOOLJAAR.test(String(schooljaar)))
      return bad('--schooljaar YYYY-YYYY');
    const dossiers = `${a.school}/dossiers`;
    const one = `${dossiers}/${encodeURIComponent(a.args[0] ?? '')}`;

    switch (a.action) {
      case 'import': {
        const xml = await readInputFile(ctx, a.args[0]);
        if (typeof xml === 'number') return xml;
        const query = schooljaar === undefined ? '' : `?schooljaar=${schooljaar}`;
        const answer = await callApi<SavedDossier>(ctx, a.target, 'POST', `${dossiers}${query}`, {
          body: { raw: xml, type: 'application/xml' },
        });
        return report(ctx, answer, values.json, (d) => savedLines(ctx, d, DM.saved));
      }
      case 'edit': {
        const xml = await readInputFile(ctx, a.args[1]);
        if (typeof xml === 'number') return xml;
        const answer = await callApi<SavedDossier>(ctx, a.target, 'PUT', one, {
          body: { raw: xml, type: 'application/xml' },
        });
        return report(ctx, answer, values.json, (d) => savedLines(ctx, d, DM.edited));
      }
      case 'list': {
        const query = new URLSearchParams();
        if (typeof values.state === 'string') query.set('state', values.state);
        if (typeof schooljaar === 'string') query.set('schooljaar', schooljaar);
        const qs = query.size > 0 ? `?${query}` : '';
        const answer = await callApi<DossierListItem[]>(ctx, a.target, 'GET', `${dossiers}${qs}`);
        return report(ctx, answer, values.json, (items) => listLines(ctx, items));
      }
      case 'export': {
        const answer = await callApi<Buffer>(ctx, a.target, 'GET', `${one}/xml`, { as: 'bytes' });
        if (!answer.ok) return answer.exitCode;
        return writeOutput(ctx, answer.body, values.output);
      }
      case 'inspection': {
        const date = String(values.date ?? '');
        if (!DAY.test(date)) return bad('--date YYYY-MM-DD');
        const akkoord = String(values.akkoord ?? '');
        if (!AKKOORD.includes(akkoord)) return bad('--akkoord Ja|Nee|Onbekend');
        if (akkoord === 'Nee' && (typeof values.reason !== 'string' || values.reason.trim() === '')) {
          return bad('--reason TEXT (--akkoord Nee)');
        }
        const toestemming = values.toestemming;
        if (toestemming !== undefined && !AKKOORD.includes(String(toestemming))) {
          return bad('--toestemming Ja|Nee|Onbekend');
        }
        return change(
          ctx,
          values.json,
          await postToApi<StateChange>(ctx, a.target, `${one}/inspection`, {
            inzagedatum: date,
            akkoord,
            ...(typeof values.reason === 'string' ? { redenNietAkkoord: values.reason } : {}),
            ...(toestemming !== undefined ? { toestemming } : {}),
          }),
        );
      }
      case 'klaarzetten': {
        const to = String(values.to ?? '');
        if (!BRIN.test(to)) return bad('--to BRIN');
        return change(
          ctx,
          values.json,
          await postToApi<StateChange>(ctx, a.target, `${one}/klaarzetten`, { destinationBrin: to }),
        );
      }
      default:
        // ter-inzage, withdraw: no body
        return change(ctx, values.json, await postToApi<StateChange>(ctx, a.target, `${one}/${a.action}`));
    }
  },
};

function change(ctx: CliContext, json: unknown, answer: ApiAnswer<StateChange>): number {
  return report(ctx, answer, json, (c) => [
    ctx.t(DM.changed(c)),
    ...(c.withdrawnFrom ? [ctx.t(DM.withdrawnFrom(c.withdrawnFrom))] : []),
  ]);
}

function savedLines(ctx: CliContext, d: SavedDossier, headline: (d: SavedDossier) => Message): string[] {
  const lines = [ctx.t(headline(d))];
  if (d.withdrawnFrom) lines.push(ctx.t(DM.withdrawnFrom(d.withdrawnFrom)));
  if (d.awaitingInspection > 0) lines.push(ctx.t(DM.awaitingInspection(d.awaitingInspection)));
  for (const f of d.findings) {
    lines.push(`  ${f.severity} ${f.rule} ${f.path} (${f.line}:${f.column}): ${ctx.t(f.message)}`);
  }
  return lines;
}

function listLines(ctx: CliContext, items: DossierListItem[]): string[] {
  if (items.length === 0) return [ctx.t(DM.none)];
  return items.map((d) => {
    const p = d.pupil;
    const to = d.destination ? ` → ${d.destination.brin} (${d.destination.state})` : '';
    const group = d.groep ? `, ${ctx.t(DM.group(d.groep))}` : '';
    return `${d.dossierId}  ${d.state.padEnd(12)} ${d.profile} ${d.schooljaar}  ${pupilName(p)} (${p.geboortedatum}${group})  ${ctx.t(DM.findings(d.errorCount, d.warningCount))}${to}`;
  });
}
