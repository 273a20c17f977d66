import { authorize, type Ctx } from '../platform/context.js';
import type { SupplierSystem } from './schemas.js';

/** The supplier systems the traffic center knows, by name (for the chain operator). */
export async function listSupplierSystems(ctx: Ctx): Promise<SupplierSystem[]> {
  authorize(ctx, 'tc:read');
  const { rows } = await ctx.db.query<{
    id: string;
    name: string;
    certificate_fingerprint: string;
    created_at: Date;
  }>('SELECT id, name, certificate_fingerprint, created_at FROM tc.supplier_systems ORDER BY name, id');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    certificateFingerprint: r.certificate_fingerprint,
    createdAt: r.created_at.toISOString(),
  }));
}
