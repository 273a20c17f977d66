import type { Mailer, RateLimit } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';

/**
 * What the evaluation needs beyond the database: the platform's mailer and the web app's address
 * for the links it mails, Chromium for the PDF report, and the rate limits of the public answer
 * route (defaults below; tests make them small).
 */
export interface EvaluationLimits {
  /** Opening the questionnaire from one IP address. */
  readPerIp: RateLimit;
  /** Submissions from one IP address (a staff room or a school shares one: generous). */
  answerPerIp: RateLimit;
  /** Submissions through one link, from anywhere. */
  answerPerLink: RateLimit;
}

export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = {
  readPerIp: { limit: 300, windowMs: 10 * 60_000 },
  answerPerIp: { limit: 60, windowMs: 60 * 60_000 },
  answerPerLink: { limit: 2000, windowMs: 60 * 60_000 },
};

export interface EvaluationDeps {
  /** Mails a role's link to its people; without it links can only be copied. */
  mailer?: Mailer;
  /** Where people reach the web app (config.publicUrl). */
  publicUrl: () => string;
  /** Chromium for the PDF report (default: the standard library's). */
  chromium?: string;
  limits?: Partial<EvaluationLimits>;
}

/** A public request's context: no actor (the link is the grant), and where it comes from. */
export interface AnswerCtx extends Omit<Ctx, 'actor'> {
  /** The caller's IP address: counted (hashed) for the rate limit, never stored with an answer. */
  ip: string;
}
