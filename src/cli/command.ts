import type { Message } from '../standard/errors.js';

export type Lang = 'nl' | 'en';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Placeholder shown in help, e.g. FILE. */
  arg?: string;
  help: Message;
}

/** What a command gets from the CLI: parsed arguments and where to write. */
export interface CliContext {
  lang: Lang;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  /** Text in the chosen language. */
  t(message: Message): string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * One `overstap` command. `run` returns the exit code (see README: 0 ok, 1 findings or refused,
 * 2 cannot read input or wrong usage, 3 internal error).
 */
export interface Command {
  name: string;
  summary: Message;
  /** Usage line after `overstap NAME`, e.g. `[--json] FILE|DIR...`. */
  usage: string;
  /** Longer explanation shown by --help. */
  description?: Message;
  options: Record<string, OptionSpec>;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, UNREADABLE: 2, INTERNAL: 3 } as const;
