import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { readDossier } from '../../standard/dossier-io.js';
import { isStandardError, type Message } from '../../standard/errors.js';
import {
  formatSize,
  isRenderError,
  type RenderLang,
  renderDossierHtml,
  renderDossierPdf,
} from '../../standard/render/index.js';
import { type CliContext, type Command, EXIT, type ParsedArgs } from '../command.js';

/** The texts of `overstap render`, Dutch first. */
export const RM = {
  summary: {
    nl: 'Maakt een leesbaar overzicht van een dossier (HTML of PDF) voor ouders en de ontvangende school.',
    en: 'Makes a readable overview of a dossier (HTML or PDF) for parents and the receiving school.',
  },
  description: {
    nl: 'Maakt van één overstapdossier (XML) een Nederlandstalige weergave: kopgegevens, het overstapadvies, per onderdeel wat is meegeleverd, toetsresultaten in tabellen en een lijst van de bijlagen. Geheime adressen en nummers en de inhoud van bijlagen worden niet getoond. Zonder -o gaat HTML naar de standaarduitvoer; een PDF alleen als die niet naar een terminal gaat.',
    en: 'Turns one transfer dossier (XML) into a Dutch overview: key facts, the transfer advice, which parts were delivered, test results as tables and a list of the attachments. Secret addresses and numbers and the contents of attachments are not shown. Without -o, HTML goes to standard output; a PDF only when that is not a terminal.',
  },
  formatOption: { nl: 'uitvoer: html of pdf', en: 'output: html or pdf' },
  outputOption: {
    nl: 'uitvoerbestand of map (standaard: standaarduitvoer)',
    en: 'output file or folder (default: standard output)',
  },
  docLangOption: {
    nl: 'taal van de koppen in het document: nl of en (de gegevens zelf blijven zoals ze zijn)',
    en: 'language of the headings in the document: nl or en (the data stay as they are)',
  },
  oneFile: {
    nl: 'Geef precies één dossierbestand op, bijvoorbeeld: overstap render dossier.xml --format pdf -o dossier.pdf',
    en: 'Give exactly one dossier file, for example: overstap render dossier.xml --format pdf -o dossier.pdf',
  },
  badFormat: (value: string): Message => ({
    nl: `Onbekend formaat "${value}"; kies html of pdf.`,
    en: `Unknown format "${value}"; choose html or pdf.`,
  }),
  badDocLang: (value: string): Message => ({
    nl: `Onbekende documenttaal "${value}"; kies nl of en.`,
    en: `Unknown document language "${value}"; choose nl or en.`,
  }),
  notFound: (file: string): Message => ({
    nl: `Het bestand ${file} bestaat niet.`,
    en: `The file ${file} does not exist.`,
  }),
  cannotRead: (file: string, detail: string): Message => ({
    nl: `Kan ${file} niet lezen: ${detail}`,
    en: `Cannot read ${file}: ${detail}`,
  }),
  notADossier: (file: string): Message => ({
    nl: `${file} is geen leesbaar overstapdossier:`,
    en: `${file} is not a readable transfer dossier:`,
  }),
  cannotWrite: (file: string, detail: string): Message => ({
    nl: `Kan ${file} niet schrijven: ${detail}`,
    en: `Cannot write ${file}: ${detail}`,
  }),
  pdfToTerminal: {
    nl: 'Een PDF wordt niet naar de terminal geschreven. Geef een uitvoerbestand op met -o, bijvoorbeeld -o dossier.pdf.',
    en: 'A PDF is not written to the terminal. Give an output file with -o, for example -o dossier.pdf.',
  },
  written: (file: string, size: string): Message => ({
    nl: `Weergave geschreven naar ${file} (${size}).`,
    en: `Overview written to ${file} (${size}).`,
  }),
} satisfies Record<string, Message | ((...a: string[]) => Message)>;

function fail(ctx: CliContext, message: Message, code: number = EXIT.USAGE): number {
  ctx.stderr.write(`${ctx.t(message)}\n`);
  return code;
}

/** Where to write: the -o path, a file inside the -o folder, or undefined for standard output. */
async function outputPath(
  out: string | undefined,
  input: string,
  format: string,
  cwd: string,
): Promise<string | undefined> {
  if (out === undefined || out === '-') return undefined;
  const target = resolve(cwd, out);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) return join(target, `${basename(input, extname(input))}.${format}`);
  return target;
}

export const renderCommand: Command = {
  name: 'render',
  summary: RM.summary,
  usage: 'FILE [--format html|pdf] [-o OUT] [--doc-lang nl|en]',
  description: RM.description,
  options: {
    format: { type: 'string', short: 'f', arg: 'html|pdf', default: 'html', help: RM.formatOption },
    output: { type: 'string', short: 'o', arg: 'OUT', help: RM.outputOption },
    'doc-lang': { type: 'string', arg: 'nl|en', default: 'nl', help: RM.docLangOption },
  },
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    if (args.positionals.length !== 1) return fail(ctx, RM.oneFile);
    const format = String(args.values.format ?? 'html').toLowerCase();
    if (format !== 'html' && format !== 'pdf') return fail(ctx, RM.badFormat(format));
    const docLang = String(args.values['doc-lang'] ?? 'nl').toLowerCase();
    if (docLang !== 'nl' && docLang !== 'en') return fail(ctx, RM.badDocLang(docLang));
    const input = args.positionals[0];
    const out = typeof args.values.output === 'string' ? args.values.output : undefined;

    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(ctx.cwd, input));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return fail(
        ctx,
        err.code === 'ENOENT' ? RM.notFound(input) : RM.cannotRead(input, err.message),
        EXIT.UNREADABLE,
      );
    }
    let dossier: ReturnType<typeof readDossier>;
    try {
      dossier = readDossier(bytes);
    } catch (e) {
      if (!isStandardError(e)) throw e;
      ctx.stderr.write(`${ctx.t(RM.notADossier(input))} ${ctx.t(e.messages)}\n`);
      return EXIT.UNREADABLE;
    }

    const target = await outputPath(out, input, format, ctx.cwd);
    if (target === undefined && format === 'pdf' && ctx.stdout.isTTY) return fail(ctx, RM.pdfToTerminal);

    const options = { lang: docLang as RenderLang, now: new Date() };
    let result: string | Buffer;
    if (format === 'html') result = renderDossierHtml(dossier, options);
    else {
      try {
        result = await renderDossierPdf(dossier, options);
      } catch (e) {
        if (!isRenderError(e)) throw e;
        return fail(ctx, e.messages, e.code === 'CHROMIUM_MISSING' ? EXIT.USAGE : EXIT.INTERNAL);
      }
    }

    if (target === undefined) {
      await new Promise<void>((done, failed) =>
        ctx.stdout.write(result, (err) => (err ? failed(err) : done())),
      );
      return EXIT.OK;
    }
    try {
      await writeFile(target, result);
    } catch (e) {
      return fail(ctx, RM.cannotWrite(target, (e as Error).message), EXIT.UNREADABLE);
    }
    const size = typeof result === 'string' ? Buffer.byteLength(result) : result.length;
    ctx.stdout.write(`${ctx.t(RM.written(target, formatSize(size, ctx.lang)))}\n`);
    return EXIT.OK;
  },
};
