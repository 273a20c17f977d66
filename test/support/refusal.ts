import { isAppError } from '../../src/platform/errors.js';

/**
 * What a use case's promise came to: 'accepted', the code of the AppError that refused it, or —
 * when the database refused it — the name of the constraint (a guard in the database itself).
 */
export const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e) => (isAppError(e) ? e.code : ((e as { constraint?: string }).constraint ?? String(e))),
  );
