import { Worker } from 'node:worker_threads';
import { defaultValidationThreads } from '../../platform/config.js';
import {
  type Dossier,
  type Message,
  StandardError,
  type StandardErrorCode,
  type StandardProblem,
  type ValidationMode,
  type ValidationResult,
  validateAndReadDossier,
} from '../../standard/index.js';

/** What a validation thread is asked (worker.ts). */
export interface ValidationRequest {
  id: number;
  xml: Uint8Array;
  mode: ValidationMode;
}

/** What it answers: the verdict and model, or why it could not judge. */
export type ValidationReply =
  | { id: number; ok: true; result: ValidationResult; dossier?: Dossier }
  | {
      id: number;
      ok: false;
      standard?: { code: StandardErrorCode; messages: Message; problems: StandardProblem[] };
      failure?: string;
    };

/**
 * Documents smaller than this are validated on the calling thread: a handoff costs more than it
 * saves. A dossier with attachments is larger (the chain benchmark's average is about 99 KB).
 */
export const INLINE_BELOW_BYTES = 32 * 1024;

/**
 * Threads that validate dossiers (ADR 0011). A dossier of a few hundred kilobytes takes milliseconds
 * to validate, one of 50 MB a few hundred; on the main thread every other request of every school
 * on the node waits meanwhile. A fixed number of threads (OVERSTAP_VALIDATION_THREADS, Config) take
 * the larger documents, one at a time each, in the order they came. A thread that dies fails its
 * document with an internal error and is replaced. Idle threads do not keep the process alive.
 */
class ValidationPool {
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];
  #started = 0;
  #nextId = 0;

  constructor(size: number) {
    this.#size = size;
  }

  validate(xml: Uint8Array, mode: ValidationMode): Promise<ValidationOutcome> {
    return new Promise((resolve, reject) => {
      // a copy of its own, moved to the thread: the caller's bytes stay where they are
      const own = new Uint8Array(xml);
      this.#queue.push({ request: { id: ++this.#nextId, xml: own, mode }, resolve, reject });
      this.#pump();
    });
  }

  /** Ends every thread; a document being validated fails as if its thread had died. */
  async stop(): Promise<void> {
    await Promise.all([...this.#idle, ...this.#busy.keys()].map((worker) => worker.terminate()));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#started < this.#size ? this.#start() : undefined);
      if (!worker) return;
      const job = this.#queue.shift() as Pending;
      this.#busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.request, [job.request.xml.buffer as ArrayBuffer]);
    }
  }

  #start(): Worker {
    this.#started++;
    const worker = FROM_SOURCES
      ? new Worker(TSX_BOOT, { eval: true, workerData: { url: WORKER_URL.href } })
      : new Worker(WORKER_URL);
    worker.on('message', (reply: ValidationReply) => {
      const job = this.#busy.get(worker);
      if (!job || job.request.id !== reply.id) return;
      this.#busy.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      settle(job, reply);
      this.#pump();
    });
    const lost = (error: Error) => {
      if (!this.#retire(worker)) return;
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      job?.reject(new Error(`dossier validation thread stopped: ${error.message}`));
      this.#pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    return worker;
  }

  /** Takes a stopped thread out of the pool (once); false when it was already taken out. */
  #retire(worker: Worker): boolean {
    if ((worker as WorkerWithState).retired) return false;
    (worker as WorkerWithState).retired = true;
    this.#started--;
    const at = this.#idle.indexOf(worker);
    if (at >= 0) this.#idle.splice(at, 1);
    return true;
  }
}

type WorkerWithState = Worker & { retired?: boolean };

interface Pending {
  request: ValidationRequest;
  resolve(outcome: ValidationOutcome): void;
  reject(error: Error): void;
}

export interface ValidationOutcome {
  result: ValidationResult;
  dossier?: Dossier;
}

function settle(job: Pending, reply: ValidationReply): void {
  if (reply.ok) {
    job.resolve(reply.dossier ? { result: reply.result, dossier: reply.dossier } : { result: reply.result });
  } else if (reply.standard) {
    const { code, messages, problems } = reply.standard;
    job.reject(new StandardError(code, messages, problems));
  } else {
    job.reject(new Error(`dossier validation failed: ${reply.failure}`));
  }
}

// Built, the thread runs the JavaScript beside this file. From the sources (tests, the benchmark) it
// registers tsx in the thread first, as the main thread has it, and then loads the TypeScript file.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCES ? './worker.ts' : './worker.js', import.meta.url);
const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((tsx) => { tsx.register(); return import(workerData.url); });
`;

let size = defaultValidationThreads();
let pool: ValidationPool | undefined;

/**
 * The number of validation threads of this process, from the configuration (at start-up, before
 * the first validation; later calls keep the threads already running). 0: on the calling thread.
 */
export function setValidationThreads(threads: number): void {
  size = threads;
}

/** Ends the validation threads (a document in progress fails); the next document starts new ones. */
export async function stopValidationThreads(): Promise<void> {
  await pool?.stop();
}

/**
 * `validateAndReadDossier`, on a validation thread for a document of INLINE_BELOW_BYTES or more
 * (and when there are threads), else here. The same verdict, model and StandardError either way.
 */
export async function validateDossierOffThread(
  xml: Uint8Array,
  mode: ValidationMode = 'strict',
): Promise<ValidationOutcome> {
  if (xml.byteLength < INLINE_BELOW_BYTES || size === 0) return validateAndReadDossier(xml, { mode });
  pool ??= new ValidationPool(size);
  return pool.validate(xml, mode);
}
