import { parentPort } from 'node:worker_threads';
import { isStandardError, validateAndReadDossier } from '../../standard/index.js';
import type { ValidationReply, ValidationRequest } from './pool.js';

/**
 * A validation thread (pool.ts): strict validation of a dossier's bytes and its model, off the
 * node's main thread. A StandardError goes back as its parts (code, message, problems); any other
 * failure as its message, which the pool turns into an internal error.
 */
parentPort?.on('message', (request: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = { id: request.id, ok: true, ...validateAndReadDossier(request.xml, { mode: request.mode }) };
  } catch (e) {
    reply = isStandardError(e)
      ? {
          id: request.id,
          ok: false,
          standard: { code: e.code, messages: e.messages, problems: e.problems },
        }
      : { id: request.id, ok: false, failure: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
