import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { suggestElements } from './matcher.js';
import { listFieldRows, type OkrFieldView, toFieldView, touchOkr } from './okr-store.js';
import { checkFieldInput, fieldKey, OKR_LIMITS } from './okr-table.js';

export interface NewOkrField {
  regionId: string;
  name: string;
  section?: string | null;
  description?: string | null;
}

/**
 * Adds one field to the region's OKR, as a coordinator types it in, at the end of the list, with
 * the matcher's suggestions. A field with the same section and name is refused (OKR_FIELD_EXISTS);
 * a name that is missing or too long answers OKR_FIELD_INVALID with the problem per column.
 */
export async function addOkrField(ctx: Ctx, input: NewOkrField): Promise<OkrFieldView> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const { field, problems } = checkFieldInput(input);
  if (problems.length > 0) {
    throw new AppError('OKR_FIELD_INVALID', {
      problems: problems.map((p) => ({ column: p.column, message: p.message })),
    });
  }
  const suggestions = suggestElements(field);
  return ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId, { lock: true });
    const count = (await listFieldRows(tx, input.regionId)).length;
    if (count >= OKR_LIMITS.maxFields) {
      throw new AppError('OKR_TOO_MANY_FIELDS', { regionId: input.regionId, max: OKR_LIMITS.maxFields });
    }
    await touchOkr(tx, ctx, input.regionId);
    const id = randomUUID();
    try {
      await tx.query(
        `INSERT INTO region.okr_fields (id, region_id, position, name, section, description, match_key,
                suggestions, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
        [
          id,
          input.regionId,
          count + 1,
          field.name,
          field.section,
          field.description,
          fieldKey(field),
          JSON.stringify(suggestions),
          ctx.now(),
        ],
      );
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('OKR_FIELD_EXISTS', { name: field.name, section: field.section });
      throw e;
    }
    await audit.record(tx, ctx, 'region.okr.field.added', {
      subject: input.regionId,
      details: { fieldId: id },
    });
    const row = (await listFieldRows(tx, input.regionId)).find((r) => r.id === id);
    if (!row) throw new AppError('INTERNAL', { reason: 'field vanished' });
    return toFieldView(row, region.settings.eindtoetsRoute);
  });
}
