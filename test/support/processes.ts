import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * Runs the built `overstap` command (bin/overstap.js → dist/) as real child processes, for
 * scenario tests across processes: one-shot commands (`pki`, `keys`, `apikey`) and long-running
 * servers (`serve`), with their output captured, bounded waits, and every child killed when the
 * test process ends, whatever happens.
 */

export const REPO = resolve(import.meta.dirname, '../..');
const BIN = resolve(REPO, 'bin/overstap.js');

/**
 * A port no one listens on right now, for a server a test starts next. Not the OS's pick (bind port
 * 0): that comes from the range the OS also gives outgoing connections, and with test files running
 * in parallel, a database or HTTP client could take the port between the check and the server's
 * listen (EADDRINUSE). A random port below that range, checked by binding it, cannot be taken that
 * way.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const below = ephemeralRangeStart();
  for (let attempt = 0; ; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * (below - FIRST_PORT));
    if (await canListen(host, port)) return port;
    if (attempt >= 50) throw new Error(`no free port below ${below}`);
  }
}

const FIRST_PORT = 20_000;

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > FIRST_PORT + 1000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer();
    server.unref();
    server.once('error', () => ok(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => ok(true)));
  });
}

/**
 * The environment of a child: this process's, without any Overstap setting, PORT or DATABASE_URL
 * that happens to be set here, plus `own`.
 */
export function childEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('OVERSTAP_') || k === 'PORT' || k === 'DATABASE_URL') continue;
    env[k] = v;
  }
  return { ...env, OVERSTAP_LANG: 'en', ...own };
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `overstap <args>` to its end (killed after `timeoutMs`), with `stdin` as its standard input
 * when given; throws unless it exits with 0.
 */
export async function runOverstap(
  args: string[],
  env: NodeJS.ProcessEnv,
  // A first command on a fresh PGlite folder runs every migration (seconds on a busy 2-core machine).
  timeoutMs = 120_000,
  stdin?: string,
): Promise<CommandResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdin?.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((ok) => {
    child.once('close', (c) => ok(c));
    child.once('error', () => ok(null));
  });
  clearTimeout(timer);
  running.delete(child);
  if (code !== 0) {
    throw new Error(`overstap ${args.join(' ')} exited with ${code}\n${stdout}\n${stderr}`);
  }
  return { code, stdout, stderr };
}

/** A running `overstap serve` (or any long-running overstap command). */
export interface OverstapProcess {
  name: string;
  pid: number | undefined;
  /** Everything it wrote to stdout and stderr so far (its log). */
  output(): string;
  /** Resolves with the exit code (or signal name) once it has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<number | string | null>;
}

export function startOverstapProcess(name: string, args: string[], env: NodeJS.ProcessEnv): OverstapProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const chunks: string[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const exited = new Promise<number | string | null>((ok) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      ok(code ?? signal);
    });
    child.once('error', () => {
      running.delete(child);
      ok(null);
    });
  });
  return {
    name,
    pid: child.pid,
    output: () => chunks.join(''),
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}

/** Waits until `url`/health answers 200; fails early, with the process's output, if it exits. */
export async function waitForHealth(
  node: OverstapProcess,
  url: string,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void node.exited.then(() => {
    ended = true;
  });
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${node.name} exited before it was healthy:\n${node.output()}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return (await response.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${node.name} was not healthy within ${timeoutMs} ms:\n${node.output()}`);
}
