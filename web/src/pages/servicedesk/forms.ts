import { ApiError } from '../../api';

/** Field errors in the order of the form, for the error summary and at the fields. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function summaryOf<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  ids: Record<F, string>,
): Array<{ fieldId?: string; message: string }> {
  return order.flatMap((f) => (errors[f] ? [{ fieldId: ids[f], message: errors[f] as string }] : []));
}

/**
 * Which of the form's fields a server refusal is about: `details.field`, or the first
 * `details.problems[].path` (`/brin`) that names one.
 */
export function fieldOf<F extends string>(error: unknown, fields: readonly F[]): F | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const named = error.details.field;
  if (typeof named === 'string' && (fields as readonly string[]).includes(named)) return named as F;
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return undefined;
  for (const p of problems as Array<{ path?: unknown }>) {
    const path = typeof p.path === 'string' ? p.path.replace(/^\//, '').split('/')[0] : '';
    if ((fields as readonly string[]).includes(path)) return path as F;
  }
  return undefined;
}

export const BRIN_PATTERN = /^[0-9]{2}[A-Z]{2}$/;
export const VESTIGING_PATTERN = /^[0-9]{2}$/;
export const ROUTING_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const URL_PATTERN = /^https?:\/\/\S+$/;
export const FINGERPRINT_PATTERN = /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/;
