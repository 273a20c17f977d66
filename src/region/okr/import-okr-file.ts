import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { type OkrView, readOkrView } from './get-okr.js';
import { suggestElements } from './matcher.js';
import { readOkrFile } from './okr-file.js';
import { listFieldRows, touchOkr } from './okr-store.js';
import { fieldKey, OKR_LIMITS } from './okr-table.js';

export interface ImportOkrFileInput {
  regionId: string;
  /** e.g. `okr-2027.xlsx` or `okr.csv`: the extension says how to read it. */
  fileName: string;
  content: Uint8Array;
}

export interface OkrImported {
  okr: OkrView;
  /** Fields that were in the OKR before with the same section and name: their decision was kept. */
  kept: number;
  /** Columns of the header row that are not name, section or description (not read). */
  ignoredColumns: string[];
}

/**
 * Replaces the region's OKR fields by those of a CSV or XLSX file, all or nothing: a file with any
 * problem stores nothing and answers OKR_FILE_INVALID with every problem per row and column (in
 * Dutch and English). Each field gets the matcher's suggestions; a field that was already in the
 * OKR with the same section and name keeps the coordinator's decision.
 */
export async function importOkrFile(ctx: Ctx, input: ImportOkrFileInput): Promise<OkrImported> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const fileName = input.fileName.trim();
  if (fileName === '' || fileName.length > 255) {
    throw new AppError('VALIDATION_FAILED', { field: 'fileName', reason: '1 to 255 characters' });
  }
  const reading = readOkrFile(fileName, input.content);
  if (!reading.ok) throw new AppError('OKR_FILE_INVALID', { problems: reading.problems });
  const fields = reading.fields.map((f) => ({ ...f, key: fieldKey(f), suggestions: suggestElements(f) }));
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    const before = new Map((await listFieldRows(tx, input.regionId)).map((row) => [row.match_key, row]));
    const { rows: decidedBy } = await tx.query<{ id: string; decided_by: string | null }>(
      'SELECT id, decided_by FROM region.okr_fields WHERE region_id = $1',
      [input.regionId],
    );
    const deciders = new Map(decidedBy.map((r) => [r.id, r.decided_by]));
    await tx.query('DELETE FROM region.okr_fields WHERE region_id = $1', [input.regionId]);
    await touchOkr(tx, ctx, input.regionId, fileName.slice(0, 255));
    let kept = 0;
    const now = ctx.now();
    for (const [index, f] of fields.entries()) {
      if (index >= OKR_LIMITS.maxFields) break;
      const old = before.get(f.key);
      const keep = old !== undefined && old.mapping !== 'open';
      if (keep) kept++;
      await tx.query(
        `INSERT INTO region.okr_fields (id, region_id, position, name, section, description, match_key,
                suggestions, mapping, elements, decided_at, decided_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)`,
        [
          old?.id ?? randomUUID(),
          input.regionId,
          index + 1,
          f.name,
          f.section,
          f.description,
          f.key,
          JSON.stringify(f.suggestions),
          keep ? old.mapping : 'open',
          keep ? old.elements : [],
          keep ? old.decided_at : null,
          keep ? (deciders.get(old.id) ?? ctx.actor.id) : null,
          now,
        ],
      );
    }
    await audit.record(tx, ctx, 'region.okr.imported', {
      subject: input.regionId,
      details: { fields: fields.length, kept, format: /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv' },
    });
    return { okr: await readOkrView(tx, input.regionId), kept, ignoredColumns: reading.ignoredColumns };
  });
}
