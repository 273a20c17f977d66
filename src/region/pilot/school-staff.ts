import { type Ctx, may, type Permission } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** Anyone who works at the school, in any role, may see its pilots. */
const SCHOOL_STAFF: Permission[] = ['dossier:read', 'received:read', 'school:people', 'gateway:admin'];

/** What the po school's step needs at the gateway: generate, record the inspection, set ready. */
export const PREPARE_PERMISSIONS: Permission[] = ['dossier:write', 'dossier:inzage', 'dossier:klaarzetten'];
/** What the vo school's step needs: register and request. */
export const REQUEST_PERMISSIONS: Permission[] = ['registration:write', 'request:send'];
/** What importing the received pilot dossiers needs. */
export const IMPORT_PERMISSIONS: Permission[] = ['received:write'];

export function authorizeSchoolStaff(ctx: Pick<Ctx, 'actor'>, brin: string): void {
  if (!SCHOOL_STAFF.some((p) => may(ctx.actor, p, brin))) {
    throw new AppError('FORBIDDEN', { permission: SCHOOL_STAFF.join('|'), brin });
  }
}

/** The first line of a school's pilot step: every permission the step needs at the school. */
export function authorizeAll(ctx: Pick<Ctx, 'actor'>, permissions: Permission[], brin: string): void {
  const missing = permissions.filter((p) => !may(ctx.actor, p, brin));
  if (missing.length > 0) throw new AppError('FORBIDDEN', { permission: missing.join('+'), brin });
}

export const mayAll = (ctx: Pick<Ctx, 'actor'>, permissions: Permission[], brin: string) =>
  permissions.every((p) => may(ctx.actor, p, brin));
