import type { AuthDeps } from './deps.js';
import type { WebSession } from './sessions.js';

/** A person's language (mails and the web app): nl or en. */
export async function setLanguage(
  deps: AuthDeps,
  session: WebSession,
  language: 'nl' | 'en',
): Promise<{ language: 'nl' | 'en' }> {
  await deps.db.query('UPDATE platform.accounts SET language = $2 WHERE id = $1', [
    session.accountId,
    language,
  ]);
  return { language };
}
