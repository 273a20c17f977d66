import { type Ctx, may, type Permission } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { BRIN } from '../region-store.js';

/** Anyone who works at the school, in any role (the same rule as the school's monitoring view). */
const SCHOOL_STAFF: Permission[] = ['dossier:read', 'received:read', 'school:people', 'gateway:admin'];

/** The first line of the notices' use cases: refuses with FORBIDDEN unless the actor works at the school. */
export function authorizeSchoolStaff(ctx: Pick<Ctx, 'actor'>, brin: string): void {
  if (!BRIN.test(brin)) throw new AppError('VALIDATION_FAILED', { field: 'brin' });
  if (!SCHOOL_STAFF.some((p) => may(ctx.actor, p, brin))) {
    throw new AppError('FORBIDDEN', { permission: SCHOOL_STAFF.join('|'), brin });
  }
}
