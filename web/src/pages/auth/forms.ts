/** Small checks the sign-in forms share (the server checks again and has the last word). */

/** Something@something, without spaces: the same shape the server accepts. */
export const looksLikeEmail = (value: string) => /^[^@\s]+@[^@\s]+$/.test(value.trim());

/**
 * The `?terug=` return path after sign-in, only when it stays on this site: a path that starts with
 * one slash (not `//host` or `/\host`), and never the sign-in page itself.
 */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/inloggen' || value.startsWith('/inloggen?') || value.startsWith('/inloggen/')) return '/';
  return value;
}

/** Field errors in the order of the form, for the error summary and at the fields. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function summaryOf<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  ids: Record<F, string>,
): Array<{ fieldId: string; message: string }> {
  return order.flatMap((f) => (errors[f] ? [{ fieldId: ids[f], message: errors[f] as string }] : []));
}
