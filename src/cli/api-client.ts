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

/** What a call sends: nothing, a JSON body, or raw bytes of a type (a dossier's XML, a CSV file). */
export type ApiBody = { json: object } | { raw: Buffer; type: string };

export type ApiAnswer<T> = { ok: true; body: T } | { ok: false; exitCode: number; refusal?: ApiRefusal };

/**
 * Calls the API and gives the answer's body — parsed JSON, or with `as: 'bytes'` the bytes as they
 * came (an exported dossier) — or the exit code after telling why on stderr: 1 when the server
 * refused (a 4xx: the API's message in the CLI's language and its code), 2 when the server could
 * not be reached, 3 when it failed (5xx) or answered something else than expected. `quiet` leaves a
 * refusal unsaid, for a caller that handles it itself.
 */
export async function callApi<T>(
  ctx: CliContext,
  target: ApiTarget,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: ApiBody; as?: 'json' | 'bytes'; quiet?: boolean } = {},
): Promise<ApiAnswer<T>> {
  const { body } = options;
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'json' in body ? 'application/json' : body.type }),
      },
      ...(body === undefined
        ? {}
        : { body: 'json' in body ? JSON.stringify(body.json) : new Uint8Array(body.raw) }),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e) {
    const why = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    ctx.stderr.write(`${ctx.t(M.apiUnreachable(target.url, why))}\n`);
    return { ok: false, exitCode: EXIT.UNREADABLE };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.ok && options.as === 'bytes') return { ok: true, body: bytes as T };
  let answer: unknown;
  try {
    answer = JSON.parse(bytes.toString('utf8'));
  } catch {
    ctx.stderr.write(`${ctx.t(M.apiNotJson(response.status))}\n`);
    return { ok: false, exitCode: EXIT.INTERNAL };
  }
  if (response.ok) return { ok: true, body: answer as T };
  const refusal = toRefusal(response.status, answer);
  if (!options.quiet)
    ctx.stderr.write(
      `${ctx.t(M.apiRefused(refusal.message, refusal.code))}${detailsText(ctx, refusal.details)}\n`,
    );
  return { ok: false, exitCode: response.status >= 500 ? EXIT.INTERNAL : EXIT.FINDINGS, refusal };
}

/** POSTs a JSON body to the API (see `callApi`). */
export function postToApi<T>(
  ctx: CliContext,
  target: ApiTarget,
  path: string,
  body: object = {},
): Promise<ApiAnswer<T>> {
  return callApi<T>(ctx, target, 'POST', path, { body: { json: body } });
}

/**
 * The details of a refusal: per field the API's message in the CLI's language where it gives one
 * (`details.messages`: {field: {nl, en}}), otherwise the details as JSON.
 */
function detailsText(ctx: CliContext, details: Record<string, unknown>): string {
  const messages = details.messages as Record<string, Partial<Message>> | undefined;
  const lines =
    messages && typeof messages === 'object'
      ? Object.entries(messages).filter(([, m]) => typeof m?.nl === 'string' && typeof m?.en === 'string')
      : [];
  if (lines.length === 0) return Object.keys(details).length > 0 ? ` ${JSON.stringify(details)}` : '';
  return lines.map(([field, m]) => `\n  ${field}: ${ctx.t(m as Message)}`).join('');
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
