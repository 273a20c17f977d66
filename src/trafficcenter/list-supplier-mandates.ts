import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { isUuid } from '../platform/uuid.js';
import type { SupplierMandates } from './servicedesk-schemas.js';

/**
 * One supplier system with the schools it holds (or held) a mandate for: current mandates first,
 * then revoked ones, each with the number of the supplier's active delivery points at that school.
 */
export async function listSupplierMandates(ctx: Ctx, supplierId: string): Promise<SupplierMandates> {
  authorize(ctx, 'tc:read');
  if (ctx.actor.schools !== 'all') {
    throw new AppError('FORBIDDEN', {
      permission: 'tc:read',
      reason: 'a supplier’s mandates over all schools',
    });
  }
  if (!isUuid(supplierId)) throw new AppError('SUPPLIER_SYSTEM_NOT_FOUND', { supplierId });
  return ctx.db.transaction(async (tx) => {
    const supplier = await tx.query<{
      id: string;
      name: string;
      certificate_fingerprint: string;
      created_at: Date;
    }>('SELECT id, name, certificate_fingerprint, created_at FROM tc.supplier_systems WHERE id = $1', [
      supplierId,
    ]);
    const system = supplier.rows[0];
    if (!system) throw new AppError('SUPPLIER_SYSTEM_NOT_FOUND', { supplierId });
    const { rows } = await tx.query<{
      brin: string;
      vestiging: string;
      name: string;
      sector: SupplierMandates['mandates'][number]['sector'];
      granted_at: Date;
      revoked_at: Date | null;
      active_points: number;
    }>(
      `SELECT s.brin, s.vestiging, s.name, s.sector, m.granted_at, m.revoked_at,
              (SELECT count(*)::int FROM tc.delivery_points d
                WHERE d.brin = m.brin AND d.supplier_id = m.supplier_id AND d.active) AS active_points
         FROM tc.mandates m JOIN tc.schools s ON s.brin = m.brin
        WHERE m.supplier_id = $1
        ORDER BY (m.revoked_at IS NOT NULL), s.name, s.brin`,
      [supplierId],
    );
    return {
      supplier: {
        id: system.id,
        name: system.name,
        certificateFingerprint: system.certificate_fingerprint,
        createdAt: new Date(system.created_at).toISOString(),
      },
      mandates: rows.map((r) => ({
        brin: r.brin,
        vestiging: r.vestiging,
        schoolName: r.name,
        sector: r.sector,
        grantedAt: new Date(r.granted_at).toISOString(),
        revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
        activeDeliveryPoints: Number(r.active_points),
      })),
    };
  });
}
