import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Message } from '../standard/errors.js';
import { type ApiAnswer, type ApiTarget, apiTarget, URL_OPTION } from './api-client.js';
import { type CliContext, EXIT, type OptionSpec, type ParsedArgs } from './command.js';

/**
 * What the commands that work through a running server's API for one school share (`school`,
 * `dossier`, `registration`): an action as the first word, the school's BRIN, --url and --json.
 */
export const BRIN = /^[0-9]{2}[A-Z]{2}$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const VESTIGING = /^[0-9]{2}$/;
/** The sectors of a school (DESIGN.md §2 traffic center). */
export const SECTORS: readonly string[] = ['po', 'vo', 'so', 'swv'];

export const ACTION_OPTIONS = {
  url: URL_OPTION,
  json: {
    type: 'boolean',
    help: { nl: 'uitvoer als JSON (het antwoord van de API)', en: 'output as JSON (the API’s answer)' },
  },
} satisfies Record<string, OptionSpec>;

/** -o FILE of the exports. */
export const OUTPUT_OPTION: OptionSpec = {
  type: 'string',
  short: 'o',
  arg: 'BESTAND',
  help: { nl: 'bij export: schrijf naar dit bestand', en: 'with export: write to this file' },
};

/** The last line of the help of the per-school API commands. */
export const SCHOOL_KEY_NOTE: Message = {
  nl: 'Werkt via de API van een draaiende server (overstap serve, rol all of gateway) met de API-sleutel van de school in OVERSTAP_API_KEY. Met --json het antwoord van de API.',
  en: 'Works through the API of a running server (overstap serve, role all or gateway) with the school’s API key in OVERSTAP_API_KEY. With --json the API’s answer.',
};

/** A pupil as the lists show them: "roepnaam voorvoegsel achternaam". */
export function pupilName(p: { achternaam: string; voorvoegsel?: string; roepnaam?: string }): string {
  return [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');
}

export const SCHOOL_OPTION: OptionSpec = {
  type: 'string',
  arg: 'BRIN',
  help: { nl: 'BRIN van de school waarvoor u werkt', en: 'BRIN of the school you act for' },
};

const BAD = (what: string): Message => ({ nl: `Ongeldige invoer: ${what}.`, en: `Invalid input: ${what}.` });

/** Says what is wrong and how the command is used; the exit code for a command used wrongly. */
export function usageError(ctx: CliContext, what: string, description: Message): number {
  ctx.stderr.write(`${ctx.t(BAD(what))}\n${ctx.t(description)}\n`);
  return EXIT.USAGE;
}

/** Prints the API's answer as one line of JSON. */
export function printJson(ctx: CliContext, body: unknown): number {
  ctx.stdout.write(`${JSON.stringify(body)}\n`);
  return EXIT.OK;
}

export interface SchoolAction {
  action: string;
  /** The positional arguments after the action (an id, a file). */
  args: string[];
  brin: string;
  target: ApiTarget;
  /** `/api/gw/schools/BRIN` */
  school: string;
}

/**
 * Reads the action, --school and the API target, or says what is wrong. `arity` gives the number
 * of positional arguments each action takes.
 */
export function schoolAction(
  { values, positionals }: ParsedArgs,
  ctx: CliContext,
  arity: Record<string, number | readonly number[]>,
  description: Message,
): SchoolAction | number {
  const [action = '', ...args] = positionals;
  const allowed = arity[action];
  if (allowed === undefined) return usageError(ctx, Object.keys(arity).join(' | '), description);
  if (!(typeof allowed === 'number' ? [allowed] : allowed).includes(args.length)) {
    return usageError(ctx, `${action}: ${args.length}`, description);
  }
  const brin = String(values.school ?? '');
  if (!BRIN.test(brin)) return usageError(ctx, '--school BRIN', description);
  const target = apiTarget(ctx, values.url);
  if (typeof target === 'number') return target;
  return { action, args, brin, target, school: `/api/gw/schools/${brin}` };
}

const FILE_TEXTS = {
  notFound: (path: string): Message => ({
    nl: `Het bestand ${path} bestaat niet.`,
    en: `The file ${path} does not exist.`,
  }),
  cannotRead: (path: string, why: string): Message => ({
    nl: `Het bestand ${path} kan niet worden gelezen: ${why}`,
    en: `The file ${path} cannot be read: ${why}`,
  }),
  exists: (path: string): Message => ({
    nl: `Het bestand ${path} bestaat al; Overstap overschrijft het niet. Kies een andere naam of verwijder het eerst.`,
    en: `The file ${path} exists already; Overstap does not overwrite it. Choose another name or remove it first.`,
  }),
  cannotWrite: (path: string, why: string): Message => ({
    nl: `Het bestand ${path} kan niet worden geschreven: ${why}`,
    en: `The file ${path} cannot be written: ${why}`,
  }),
  written: (path: string, bytes: number): Message => ({
    nl: `Geschreven: ${path} (${bytes} bytes)`,
    en: `Written: ${path} (${bytes} bytes)`,
  }),
} satisfies Record<string, (...a: never[]) => Message>;

/** The bytes of a file named on the command line ('-': standard input), or the exit code after saying why. */
export async function readInputFile(ctx: CliContext, path: string): Promise<Buffer | number> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    }
    return await readFile(resolve(ctx.cwd, path));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    ctx.stderr.write(
      `${ctx.t(err.code === 'ENOENT' ? FILE_TEXTS.notFound(path) : FILE_TEXTS.cannotRead(path, err.message))}\n`,
    );
    return EXIT.UNREADABLE;
  }
}

/**
 * Writes what the server gave to `out` (a new file, readable by its owner only; said on stderr) or
 * else to standard output, as the bytes came: an exported dossier stays byte for byte what the
 * server holds.
 */
export async function writeOutput(ctx: CliContext, bytes: Buffer, out: unknown): Promise<number> {
  if (typeof out !== 'string' || out === '' || out === '-') {
    ctx.stdout.write(bytes);
    return EXIT.OK;
  }
  const path = resolve(ctx.cwd, out);
  try {
    // a new file only, readable by its owner only: an export holds a child's data
    await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EEXIST' ? FILE_TEXTS.exists(out) : FILE_TEXTS.cannotWrite(out, err.message);
    ctx.stderr.write(`${ctx.t(why)}\n`);
    return EXIT.UNREADABLE;
  }
  ctx.stderr.write(`${ctx.t(FILE_TEXTS.written(out, bytes.length))}\n`);
  return EXIT.OK;
}

/**
 * Prints an API answer: on a refusal nothing more (callApi said why) and its exit code; with --json
 * the API's answer; else the lines `text` makes of it (already in the CLI's language).
 */
export function report<T>(
  ctx: CliContext,
  answer: ApiAnswer<T>,
  json: unknown,
  text: (body: T) => string[],
): number {
  if (!answer.ok) return answer.exitCode;
  if (json) return printJson(ctx, answer.body);
  ctx.stdout.write(`${text(answer.body).join('\n')}\n`);
  return EXIT.OK;
}
