import { parseArgs } from 'node:util';
import { isAppError } from '../platform/errors.js';
import { isStandardError, type Message } from '../standard/errors.js';
import type { CliContext, Command, Lang } from './command.js';
import { EXIT } from './command.js';
import { COMMANDS } from './commands/index.js';
import { M } from './messages.js';

/** Picks the language: --lang, then OVERSTAP_LANG, then LANG; Dutch unless English is asked for. */
export function pickLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const v = (flag ?? env.OVERSTAP_LANG ?? env.LANG ?? 'nl').toLowerCase();
  return v.startsWith('en') ? 'en' : 'nl';
}

export async function main(
  argv: string[],
  io: Partial<Pick<CliContext, 'stdout' | 'stderr' | 'cwd'>> = {},
): Promise<number> {
  const lang = pickLang(argv, process.env);
  const ctx: CliContext = {
    lang,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    t: (m: Message) => m[lang],
  };
  const args = stripLang(argv);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    ctx.stdout.write(target ? commandHelp(target, ctx) : mainHelp(ctx));
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout.write(`overstap ${await version()}\n`);
    return EXIT.OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`${ctx.t(M.unknownCommand(name))}\n\n${mainHelp(ctx)}`);
    return EXIT.USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(commandHelp(command, ctx));
    return EXIT.OK;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinDashedValues(rest, command),
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(command.options).map(([k, o]) => {
          const spec: Record<string, unknown> = { type: o.type };
          if (o.short !== undefined) spec.short = o.short;
          if (o.multiple !== undefined) spec.multiple = o.multiple;
          if (o.default !== undefined) spec.default = o.default;
          return [k, spec as never];
        }),
      ),
    });
  } catch (e) {
    ctx.stderr.write(`${ctx.t(M.badArguments((e as Error).message))}\n\n${commandHelp(command, ctx)}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run({ values: parsed.values as never, positionals: parsed.positionals }, ctx);
  } catch (e) {
    if (isStandardError(e)) {
      ctx.stderr.write(`${ctx.t(e.messages)}\n`);
      return EXIT.UNREADABLE;
    }
    if (isAppError(e)) {
      const details = Object.keys(e.details).length > 0 ? ` (${JSON.stringify(e.details)})` : '';
      ctx.stderr.write(`${ctx.t(e.messages)}${details}\n`);
      return e.status >= 500 ? EXIT.INTERNAL : EXIT.FINDINGS;
    }
    ctx.stderr.write(`${ctx.t(M.internalError)}\n${(e as Error).stack ?? e}\n`);
    return EXIT.INTERNAL;
  }
}

/**
 * `--name VALUE` as `--name=VALUE` for a string option whose value starts with a dash but is no
 * option of the command: a public key in base64url starts with `-` one time in 64, and parseArgs
 * refuses `--public-key -Xy…` as ambiguous. A known option after `--name` (`--brin --json`, a
 * forgotten value) is left for parseArgs to refuse, as before.
 */
export function joinDashedValues(args: readonly string[], command: Pick<Command, 'options'>): string[] {
  const strings = new Set(
    Object.entries(command.options)
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => `--${k}`),
  );
  const known = new Set(['--help', '-h', '--lang']);
  for (const [k, o] of Object.entries(command.options)) {
    known.add(`--${k}`);
    if (o.short !== undefined) known.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (strings.has(args[i]) && next?.startsWith('-') && next !== '--' && !known.has(next.split('=')[0])) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else {
      out.push(args[i]);
    }
  }
  return out;
}

function stripLang(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i].startsWith('--lang=')) out.push(argv[i]);
  }
  return out;
}

function mainHelp(ctx: CliContext): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${ctx.t(c.summary)}`);
  return `${ctx.t(M.mainUsage)}\n\n${ctx.t(M.commands)}:\n${lines.join('\n')}\n\n${ctx.t(M.mainFooter)}\n`;
}

export function commandHelp(c: Command, ctx: CliContext): string {
  const opts = Object.entries(c.options).map(([k, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${k}${o.type === 'string' ? ` ${o.arg ?? 'WAARDE'}` : ''}`;
    const def = o.default !== undefined && o.default !== false ? ` (${ctx.t(M.defaultIs)} ${o.default})` : '';
    return `  ${flag.padEnd(30)} ${ctx.t(o.help)}${def}`;
  });
  opts.push(`  ${'    --lang nl|en'.padEnd(30)} ${ctx.t(M.langOption)}`);
  opts.push(`  ${'-h, --help'.padEnd(30)} ${ctx.t(M.helpOption)}`);
  const desc = c.description ? `\n${ctx.t(c.description)}\n` : '';
  return `${ctx.t(M.usage)}: overstap ${c.name} ${c.usage}\n\n${ctx.t(c.summary)}\n${desc}\n${ctx.t(M.options)}:\n${opts.join('\n')}\n\n${ctx.t(M.exitCodes)}\n`;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  return pkg.version as string;
}
