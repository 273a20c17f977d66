/** A text for people, in Dutch first and English as a choice. */
export interface Message {
  nl: string;
  en: string;
}

/** Where in a document something was found (1-based line and column). */
export interface SourcePosition {
  line: number;
  column: number;
}

export type StandardErrorCode =
  | 'XML_NOT_WELL_FORMED'
  | 'XML_DOCTYPE_REFUSED'
  | 'XML_TOO_LARGE'
  | 'XML_TOO_DEEP'
  | 'XML_TOO_MANY_ELEMENTS'
  | 'XML_ENCODING_UNSUPPORTED'
  | 'XML_ENCODING_INVALID'
  | 'DOSSIER_ROOT_INVALID'
  | 'DOSSIER_SCHEMA_INVALID'
  | 'ATTACHMENT_INVALID'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_LIMIT';

/** One problem inside a document, with its place. */
export interface StandardProblem extends Partial<SourcePosition> {
  path?: string;
  message: Message;
}

/**
 * The one error type that leaves `src/standard`. It has a stable code, a bilingual message and,
 * where the input was a document, the problems with their line and column.
 */
export class StandardError extends Error {
  readonly code: StandardErrorCode;
  readonly messages: Message;
  readonly problems: StandardProblem[];

  constructor(code: StandardErrorCode, message: Message, problems: StandardProblem[] = []) {
    super(message.en);
    this.name = 'StandardError';
    this.code = code;
    this.messages = message;
    this.problems = problems;
  }
}

export function isStandardError(e: unknown): e is StandardError {
  return e instanceof StandardError;
}
