import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion } from '../region-store.js';
import { pilotInvalid } from './create-pilot.js';
import { checkPilotFields, type PilotFields } from './pilot-rules.js';
import { logEvent, requirePilot } from './pilot-store.js';

/**
 * The coordinator renames a pilot or moves its period (the end not before the start, at most a
 * year); logged with the old and new dates, so that a notification sent before can be seen to be
 * out of date.
 */
export async function updatePilot(
  ctx: Ctx,
  input: PilotFields & { regionId: string; pilotId: string },
): Promise<{ pilotId: string }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const problems = checkPilotFields(input);
  if (problems.length > 0) throw pilotInvalid(problems);
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await requirePilot(tx, input.regionId, input.pilotId, { lock: true });
      const name = input.name.trim();
      if (name === before.name && input.startsOn === before.startsOn && input.endsOn === before.endsOn) {
        return { pilotId: before.id };
      }
      await tx.query(
        'UPDATE region.pilots SET name = $2, starts_on = $3, ends_on = $4, updated_at = $5 WHERE id = $1',
        [before.id, name, input.startsOn, input.endsOn, ctx.now()],
      );
      const period = {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        before: { startsOn: before.startsOn, endsOn: before.endsOn },
      };
      await logEvent(tx, ctx, before.id, 'changed', { ...period, renamed: name !== before.name });
      await audit.record(tx, ctx, 'region.pilot.changed', { subject: before.id, details: period });
      return { pilotId: before.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('PILOT_EXISTS', { regionId: input.regionId });
    throw e;
  }
}
