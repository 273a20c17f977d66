import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { isStandardError, type Message } from '../../standard/errors.js';
import type { Finding, ValidationMode } from '../../standard/findings.js';
import { validateDocument } from '../../standard/validate.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { listXmlFiles } from '../files.js';
import { progress } from '../progress.js';

const T = {
  summary: {
    nl: 'Valideert overstapdossiers (OSO gegevensset 2019.1) en toont wat er mis is, waar.',
    en: 'Validates overstapdossiers (OSO gegevensset 2019.1) and shows what is wrong, and where.',
  },
  description: {
    nl: 'Modus strict (standaard) toetst de standaard zoals die geschreven is; modus official geeft precies het oordeel van de officiële 2019.1-validatie, inclusief haar bekende gebreken.\nMappen worden doorzocht op .xml-bestanden.',
    en: 'Mode strict (default) checks the standard as written; mode official gives exactly the verdict of the official 2019.1 validation, its known defects included.\nFolders are searched for .xml files.',
  },
  mode: { nl: 'strict of official', en: 'strict or official' },
  json: {
    nl: 'uitvoer als JSON: [{file, wellFormed, xsdValid, findings}]',
    en: 'output as JSON: [{file, wellFormed, xsdValid, findings}]',
  },
  badMode: (m: string): Message => ({
    nl: `Onbekende modus "${m}"; kies strict of official.`,
    en: `Unknown mode "${m}"; choose strict or official.`,
  }),
  noFiles: { nl: 'Geef een of meer bestanden of mappen op.', en: 'Give one or more files or folders.' },
  valid: { nl: 'geldig', en: 'valid' },
  counts: (errors: number, warnings: number): Message => ({
    nl: `${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`,
    en: `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  }),
  unreadable: { nl: 'niet te lezen', en: 'cannot be read' },
  line: { nl: 'regel', en: 'line' },
  total: (files: number, valid: number, invalid: number, unreadable: number): Message => ({
    nl: `${files} ${files === 1 ? 'bestand' : 'bestanden'}: ${valid} geldig, ${invalid} met fouten, ${unreadable} niet te lezen.`,
    en: `${files} ${files === 1 ? 'file' : 'files'}: ${valid} valid, ${invalid} with errors, ${unreadable} unreadable.`,
  }),
  fileMissing: (f: string): Message => ({
    nl: `Het bestand of de map "${f}" bestaat niet of is niet te lezen.`,
    en: `The file or folder "${f}" does not exist or cannot be read.`,
  }),
  severity: { fout: { nl: 'fout', en: 'error' }, waarschuwing: { nl: 'waarschuwing', en: 'warning' } },
};

export interface FileVerdict {
  file: string;
  wellFormed: boolean;
  xsdValid: boolean;
  findings: Finding[];
  /** Set when the file could not be read or was refused before it could be judged. */
  error?: { code: string; message: Message };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: T.summary,
  description: T.description,
  usage: '[--mode strict|official] [--json] FILE|DIR...',
  options: {
    mode: { type: 'string', arg: 'MODUS', default: 'strict', help: T.mode },
    json: { type: 'boolean', help: T.json },
  },
  async run({ values, positionals }, ctx) {
    const mode = String(values.mode ?? 'strict');
    if (mode !== 'strict' && mode !== 'official') {
      ctx.stderr.write(`${ctx.t(T.badMode(mode))}\n`);
      return EXIT.USAGE;
    }
    if (positionals.length === 0) {
      ctx.stderr.write(`${ctx.t(T.noFiles)}\n`);
      return EXIT.USAGE;
    }
    const verdicts: FileVerdict[] = [];
    const files: string[] = [];
    for (const p of positionals) {
      const found = await listXmlFiles(p, ctx.cwd);
      if (found === null) verdicts.push(unreadable(p, 'FILE_NOT_FOUND', T.fileMissing(p)));
      else files.push(...found);
    }
    const bar = progress(ctx, files.length);
    for (const file of files) {
      verdicts.push(await validateFile(file, mode, ctx));
      bar.tick();
    }
    bar.stop();
    if (values.json) ctx.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
    else printHuman(verdicts, ctx);
    if (verdicts.some((v) => v.error)) return EXIT.UNREADABLE;
    if (verdicts.some((v) => v.findings.some((f) => f.severity === 'fout'))) return EXIT.FINDINGS;
    return EXIT.OK;
  },
};

async function validateFile(path: string, mode: ValidationMode, ctx: CliContext): Promise<FileVerdict> {
  const file = relative(ctx.cwd, path) || path;
  let bytes: Buffer;
  try {
    if (!(await stat(path)).isFile()) return unreadable(file, 'FILE_NOT_FOUND', T.fileMissing(file));
    bytes = await readFile(path);
  } catch {
    return unreadable(file, 'FILE_NOT_FOUND', T.fileMissing(file));
  }
  try {
    const r = validateDocument(bytes, { mode });
    return { file, wellFormed: r.wellFormed, xsdValid: r.xsdValid, findings: r.findings };
  } catch (e) {
    if (isStandardError(e)) return unreadable(file, e.code, e.messages);
    throw e;
  }
}

function unreadable(file: string, code: string, message: Message): FileVerdict {
  return { file, wellFormed: false, xsdValid: false, findings: [], error: { code, message } };
}

function printHuman(verdicts: FileVerdict[], ctx: CliContext): void {
  let valid = 0;
  let invalid = 0;
  let broken = 0;
  for (const v of verdicts) {
    if (v.error) {
      broken++;
      ctx.stdout.write(`✗ ${v.file}: ${ctx.t(T.unreadable)} — ${ctx.t(v.error.message)}\n`);
      continue;
    }
    const errors = v.findings.filter((f) => f.severity === 'fout').length;
    const warnings = v.findings.length - errors;
    if (errors === 0) valid++;
    else invalid++;
    const head = errors === 0 && warnings === 0 ? ctx.t(T.valid) : ctx.t(T.counts(errors, warnings));
    ctx.stdout.write(`${errors === 0 ? '✓' : '✗'} ${v.file}: ${head}\n`);
    for (const f of v.findings) {
      ctx.stdout.write(
        `    ${ctx.t(T.line)} ${f.line}:${f.column}  ${ctx.t(T.severity[f.severity])} ${f.rule}  ${ctx.t(f.message)}\n      ${f.path}\n`,
      );
    }
  }
  if (verdicts.length > 1) ctx.stdout.write(`\n${ctx.t(T.total(verdicts.length, valid, invalid, broken))}\n`);
}
