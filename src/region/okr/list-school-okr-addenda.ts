import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { BRIN, regionsOfSchool } from '../region-store.js';
import { type AddendumForm, readAddendum } from './okr-addendum.js';

/**
 * The addenda a school fills in for its leaving pupils: one per region the school is a member of
 * (a region without "not in OSO" fields has an empty form: nothing to add).
 */
export async function listSchoolOkrAddenda(
  ctx: Ctx,
  brin: string,
): Promise<{ brin: string; addenda: AddendumForm[] }> {
  authorize(ctx, 'dossier:read', brin);
  if (!BRIN.test(brin)) throw new AppError('VALIDATION_FAILED', { field: 'brin' });
  return ctx.db.transaction(async (tx) => {
    const addenda: AddendumForm[] = [];
    for (const region of await regionsOfSchool(tx, brin)) addenda.push(await readAddendum(tx, region.id));
    return { brin, addenda };
  });
}
