import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import type { EvaluationDeps } from './deps.js';
import { answerPath, hashLinkToken, newLinkToken, requireEvaluation } from './evaluation-store.js';
import { type EvaluationRole, isEvaluationRole } from './questions.js';
import { recipientsOf } from './recipients.js';
import { linkMail } from './texts.js';

export interface MadeEvaluationLink {
  role: EvaluationRole;
  /** The link, shown this once: Overstap keeps only its SHA-256. */
  url: string;
  madeAt: string;
  /** A link made before for this role stopped working. */
  replaced: boolean;
  /** Mailed to this many people; `failed` could not be sent. */
  mailed: number;
  failed: number;
}

/**
 * Makes a role's link to the questionnaire (one per role: a new one replaces the old, which stops
 * working) and, when asked, mails it to everyone in that role at the member schools — or, for the
 * region's own role, to its coordinators and contacts. The same link goes to all of them, so an
 * answer says nothing about who gave it. Parents' links are only shown to copy: the schools pass
 * them on. Mailing needs an open evaluation; a closed one makes no links.
 */
export async function makeEvaluationLink(
  ctx: Ctx,
  deps: Pick<EvaluationDeps, 'mailer' | 'publicUrl'>,
  input: { regionId: string; evaluationId: string; role: string; mail?: boolean },
): Promise<MadeEvaluationLink> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const role = input.role;
  if (!isEvaluationRole(role)) throw new AppError('VALIDATION_FAILED', { field: 'role' });
  const mail = input.mail === true;
  if (mail && role === 'ouders') {
    throw new AppError('VALIDATION_FAILED', {
      field: 'mail',
      reason: 'parents are reached through their schools: copy the link',
    });
  }
  if (mail && !deps.mailer)
    throw new AppError('VALIDATION_FAILED', { field: 'mail', reason: 'no mail configured' });
  const token = newLinkToken();
  const now = ctx.now();
  const made = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    const evaluation = await requireEvaluation(tx, input.regionId, input.evaluationId, { lock: true });
    if (evaluation.state === 'gesloten' || (mail && evaluation.state !== 'open')) {
      throw new AppError('EVALUATION_STATE_INVALID', {
        state: evaluation.state,
        reason: mail
          ? 'links are mailed while the evaluation is open'
          : 'a closed evaluation takes no answers',
      });
    }
    if (!evaluation.roles.includes(role)) throw new AppError('EVALUATION_ROLE_NOT_ASKED', { role });
    const recipients = mail ? await recipientsOf(tx, input.regionId, role) : [];
    const before = await tx.query(
      'SELECT 1 FROM region.evaluation_links WHERE evaluation_id = $1 AND role = $2',
      [evaluation.id, role],
    );
    const replaced = before.rows.length > 0;
    await tx.query(
      `INSERT INTO region.evaluation_links (evaluation_id, role, token_hash, made_at, made_by, mailed)
       VALUES ($1, $2, $3, $4, $5, 0)
       ON CONFLICT (evaluation_id, role) DO UPDATE SET
         token_hash = EXCLUDED.token_hash, made_at = EXCLUDED.made_at, made_by = EXCLUDED.made_by, mailed = 0`,
      [evaluation.id, role, hashLinkToken(token), now, ctx.actor.id],
    );
    await audit.record(tx, ctx, 'region.evaluation.link.made', {
      subject: evaluation.id,
      details: { regionId: input.regionId, role, replaced, recipients: recipients.length },
    });
    return { region, evaluation, recipients, replaced };
  });
  const url = `${deps.publicUrl().replace(/\/$/, '')}${answerPath(token)}`;
  let mailed = 0;
  let failed = 0;
  if (mail && deps.mailer) {
    const content = linkMail({
      regionName: made.region.name,
      schoolYear: made.evaluation.schoolYear,
      role,
      link: url,
    });
    // after the commit: a mail never goes out for a link that was rolled back
    for (const to of made.recipients) {
      try {
        await deps.mailer.send(ctx.db, { to, ...content }, now);
        mailed++;
      } catch {
        failed++;
      }
    }
    await ctx.db.query(
      'UPDATE region.evaluation_links SET mailed = $3 WHERE evaluation_id = $1 AND role = $2 AND token_hash = $4',
      [made.evaluation.id, role, mailed, hashLinkToken(token)],
    );
  }
  return { role, url, madeAt: now.toISOString(), replaced: made.replaced, mailed, failed };
}
