import type { Message } from './errors.js';

export type Severity = 'fout' | 'waarschuwing';

export type ValidationMode = 'strict' | 'official';

/**
 * One finding of validation. `rule` is the standard's rule id (`OVa.LL02`, `OS.cat08`, `CL.02`,
 * …) or one of ours for checks the standard leaves to implementers: `XML.*` (document level),
 * `XSD.*` (schema), `OSO.*` (strict-mode checks such as BSN, profile matrix, attachments).
 * `path` is in the official form (`/dossier[1]/huidigeschool[1]/leerling[1]`), `/[1]` for the
 * document itself.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  message: Message;
}

/** Rule-id families that the official validation reports as business rules. */
export function isBusinessRule(rule: string): boolean {
  return !(rule.startsWith('XML.') || rule.startsWith('XSD.'));
}

/** Sorts findings as the conformance files do: by path, then rule, in code-point order. */
export function compareFindings(
  a: Pick<Finding, 'path' | 'rule'>,
  b: Pick<Finding, 'path' | 'rule'>,
): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return 0;
}
