import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';

export interface HostedSchoolRow {
  brin: string;
  vestiging: string;
  name: string;
  sector: 'po' | 'vo' | 'so' | 'swv';
  region: string | null;
}

export interface HostedSchoolSummary extends HostedSchoolRow {
  /** When this gateway stopped hosting the school, and until when its data is kept (YYYY-MM-DD); null while hosted. */
  hostingEndedAt: string | null;
  retainUntil: string | null;
  /** When its data was deleted after `retainUntil` (purge-ended-school.ts); null before. */
  purgedAt: string | null;
  deliveryPoints: Array<{
    routingKey: string;
    purpose: DeliveryPointPurpose;
    publicKey: string;
    active: boolean;
  }>;
}

/** The school if this gateway hosts it (and did not stop hosting it); GW_SCHOOL_NOT_HOSTED otherwise. */
export async function requireHostedSchool(tx: Queryable, brin: string): Promise<HostedSchoolRow> {
  const { rows } = await tx.query<HostedSchoolRow>(
    'SELECT brin, vestiging, name, sector, region FROM gw.schools WHERE brin = $1 AND hosting_ended_at IS NULL',
    [brin],
  );
  if (!rows[0]) throw new AppError('GW_SCHOOL_NOT_HOSTED', { brin });
  return rows[0];
}

/** The hosted schools the actor may see, with their delivery points: one query. */
export async function listHostedSchools(ctx: Ctx): Promise<HostedSchoolSummary[]> {
  const schools = ctx.actor.schools === 'all' ? null : [...ctx.actor.schools];
  const { rows } = await ctx.db.query<
    HostedSchoolRow & {
      hosting_ended_at: Date | null;
      retain_until: string | null;
      purged_at: Date | null;
      delivery_points: HostedSchoolSummary['deliveryPoints'];
    }
  >(
    `SELECT s.brin, s.vestiging, s.name, s.sector, s.region, s.hosting_ended_at,
            to_char(s.retain_until, 'YYYY-MM-DD') AS retain_until, s.purged_at,
            coalesce(json_agg(json_build_object('routingKey', d.routing_key, 'purpose', d.purpose,
                                                'publicKey', d.public_key, 'active', d.active)
                              ORDER BY d.created_at) FILTER (WHERE d.routing_key IS NOT NULL), '[]') AS delivery_points
       FROM gw.schools s LEFT JOIN gw.delivery_points d ON d.brin = s.brin
      WHERE $1::text[] IS NULL OR s.brin = ANY($1::text[])
      GROUP BY s.brin ORDER BY s.brin`,
    [schools],
  );
  return rows.map(({ delivery_points, hosting_ended_at, retain_until, purged_at, ...school }) => ({
    ...school,
    hostingEndedAt: hosting_ended_at?.toISOString() ?? null,
    retainUntil: retain_until,
    purgedAt: purged_at?.toISOString() ?? null,
    deliveryPoints: delivery_points,
  }));
}
