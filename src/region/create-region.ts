import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { REGION_ID, type Region, requireRegion } from './region-store.js';
import { HOLIDAY_REGIONS, type HolidayRegion } from './school-calendar.js';

export interface NewRegion {
  /** A short code for addresses and memberships: lower-case letters, digits and hyphens ('eemland'). */
  id: string;
  /** The name schools carry as their region at the traffic center and the gateway. */
  name: string;
  holidayRegion: HolidayRegion;
}

/**
 * Makes a region (a samenwerkingsverband or povo-overleg) with the default settings: one
 * registration per pupil, no regional platform, the final test via OSO, warnings for gaps under 5
 * school days. The chain operator does this; the region's coordinators then run it.
 */
export async function createRegion(ctx: Ctx, input: NewRegion): Promise<Region> {
  authorize(ctx, 'tc:admin');
  const id = input.id.trim();
  const name = input.name.trim();
  if (!REGION_ID.test(id)) throw new AppError('VALIDATION_FAILED', { field: 'id', reason: 'a-z, 0-9, -' });
  if (name === '' || name.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'name' });
  if (!HOLIDAY_REGIONS.includes(input.holidayRegion)) {
    throw new AppError('VALIDATION_FAILED', { field: 'holidayRegion' });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    try {
      await tx.query(
        `INSERT INTO region.regions (id, name, holiday_region, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
        [id, name, input.holidayRegion, now],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('REGION_EXISTS', { id, name });
      throw e;
    }
    await audit.record(tx, ctx, 'region.created', {
      subject: id,
      details: { holidayRegion: input.holidayRegion },
    });
    return requireRegion(tx, id);
  });
}
