import { loadConfig } from '../platform/config.js';
import type { Message } from '../standard/errors.js';
import { type CliContext, EXIT } from './command.js';
import { M } from './messages.js';

/**
 * How a command reaches a running Overstap server: its JSON API at `--url` (default the server's
 * OVERSTAP_PUBLIC_URL, i.e. http://localhost:PORT) with the API key in OVERSTAP_API_KEY — never an
 * option, so that it stays out of the shell history and the process list.
 */
export interface ApiTarget {
  url: string;
  apiKey: string;
}

/** The option every API command has. */
export const URL_OPTION = { type: 'string', arg: 'URL', help: M.apiUrlOption } as const;

/** Where to call, or (after saying why on stderr) the exit code for a command used wrongly. */
export function apiTarget(
  ctx: CliContext,
  url: unknown,
  env: NodeJS.ProcessEnv = process.env,
): ApiTarget | number {
  const apiKey = env.OVERSTAP_API_KEY?.trim() ?? '';
  if (apiKey === '') {
    ctx.stderr.write(`${ctx.t(M.apiKeyMissing)}\n`);
    return EXIT.USAGE;
  }
  const base = typeof url === 'string' && url !== '' ? url : loadConfig(env).publicUrl;
  if (!/^https?:\/\/[^\s/]+/.test(base)) {
    ctx.stderr.write(`${ctx.t(M.apiUrlInvalid(base))}\n`);
    return EXIT.USAGE;
  }
  return { url: base.replace(/\/+$/, ''), apiKey };
}

/** An error answer of the API: `{code, message: {nl, en}, details}` with its HTTP status. */
export interface ApiRefusal {
  status: number;
  code: string;
  message: Message;
  details: Record<string, unknown>;
}

/**
 * POSTs a JSON body to the API and gives the answer's body, or the exit code after telling why on
 * stderr: 1 when the server refused (a 4xx: the API's message in the CLI's language and its code),
 * 2 when the server could not be reached, 3 when it failed (5xx) or answered something not JSON.
 */
export async function postToApi<T>(
  ctx: CliContext,
  target: ApiTarget,
  path: string,
  body: object = {},
): Promise<{ ok: true; body: T } | { ok: false; exitCode: number; refusal?: ApiRefusal }> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e) {
    const why = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    ctx.stderr.write(`${ctx.t(M.apiUnreachable(target.url, why))}\n`);
    return { ok: false, exitCode: EXIT.UNREADABLE };
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    ctx.stderr.write(`${ctx.t(M.apiNotJson(response.status))}\n`);
    return { ok: false, exitCode: EXIT.INTERNAL };
  }
  if (response.ok) return { ok: true, body: answer as T };
  const refusal = toRefusal(response.status, answer);
  const details = Object.keys(refusal.details).length > 0 ? ` ${JSON.stringify(refusal.details)}` : '';
  ctx.stderr.write(`${ctx.t(M.apiRefused(refusal.message, refusal.code))}${details}\n`);
  return { ok: false, exitCode: response.status >= 500 ? EXIT.INTERNAL : EXIT.FINDINGS, refusal };
}

function toRefusal(status: number, answer: unknown): ApiRefusal {
  const a = (answer ?? {}) as Partial<ApiRefusal>;
  const message =
    a.message && typeof a.message.nl === 'string' && typeof a.message.en === 'string'
      ? a.message
      : { nl: `HTTP ${status}`, en: `HTTP ${status}` };
  return {
    status,
    code: typeof a.code === 'string' ? a.code : `HTTP_${status}`,
    message,
    details: a.details && typeof a.details === 'object' ? a.details : {},
  };
}
