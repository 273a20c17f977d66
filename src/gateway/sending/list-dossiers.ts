import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ProfileCode } from '../../standard/index.js';
import { decodeIdentity } from '../pupils/identity.js';
import { identityAad } from './dossier-store.js';
import { DOSSIER_STATES, type DossierState } from './lifecycle.js';

export interface ListDossiersInput {
  schoolBrin: string;
  schooljaar?: string;
  state?: DossierState;
}

export interface DossierListItem {
  dossierId: string;
  schooljaar: string;
  profile: ProfileCode;
  state: DossierState;
  version: number;
  revision: number;
  stateChangedAt: string;
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string; geboortedatum: string };
  errorCount: number;
  warningCount: number;
  frozenAt: string | null;
  inspection: { inzagedatum: string; akkoord: string; toestemming: string | null } | null;
  /** The one school it is ready for (state klaargezet), or the last one it was ready for. */
  destination: { brin: string; state: 'klaargezet' | 'ingetrokken' | 'verlopen'; readyAt: string } | null;
  /** Schools that told us the pupil registered there, best preference first. */
  registeredAt: Array<{ brin: string; preferenceRank: number | null }>;
  /** Requests answered for this pupil. */
  requests: number;
}

interface Row {
  id: string;
  schooljaar: string;
  profile: ProfileCode;
  state: DossierState;
  current_version: number;
  revision: number;
  state_changed_at: Date;
  pupil_id: string;
  identity_enc: Uint8Array;
  error_count: number;
  warning_count: number;
  frozen_at: Date | null;
  inzagedatum: string | null;
  akkoord: string | null;
  toestemming: string | null;
  destination_brin: string | null;
  destination_state: 'klaargezet' | 'ingetrokken' | 'verlopen' | null;
  ready_at: Date | null;
  registered_at: Array<{ brin: string; preferenceRank: number | null }>;
  requests: number;
}

/**
 * A school's dossiers with their state, in one query (no query per dossier): the current version's
 * findings and inspection, the (last) destination, where the pupil registered, and how many requests
 * came in. Names are decrypted for the school's own administration; one audit entry for the read.
 */
export async function listDossiers(ctx: Ctx, input: ListDossiersInput): Promise<DossierListItem[]> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  if (input.state !== undefined && !DOSSIER_STATES.includes(input.state)) {
    throw new AppError('VALIDATION_FAILED', { field: 'state' });
  }
  const { rows } = await ctx.db.query<Row>(
    `SELECT d.id, d.schooljaar, d.profile, d.state, d.current_version, d.revision, d.state_changed_at,
            p.id AS pupil_id, p.identity_enc, v.error_count, v.warning_count, v.frozen_at,
            to_char(v.inzagedatum, 'YYYY-MM-DD') AS inzagedatum, v.akkoord, v.toestemming,
            t.destination_brin, t.state AS destination_state, t.ready_at,
            coalesce((SELECT json_agg(json_build_object('brin', n.destination_brin, 'preferenceRank', n.preference_rank)
                                      ORDER BY n.preference_rank NULLS LAST, n.destination_brin)
                        FROM gw.registration_notices n
                       WHERE n.school_brin = d.school_brin AND n.pupil_key = p.pupil_key), '[]') AS registered_at,
            (SELECT count(*) FROM gw.incoming_requests r
              WHERE r.school_brin = d.school_brin AND r.pupil_key = p.pupil_key)::integer AS requests
       FROM gw.dossiers d
       JOIN gw.pupils p ON p.id = d.pupil_id
       JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version
       LEFT JOIN LATERAL (
         SELECT destination_brin, state, ready_at FROM gw.dossier_destinations
          WHERE dossier_id = d.id ORDER BY state = 'klaargezet' DESC, ready_at DESC LIMIT 1
       ) t ON true
      WHERE d.school_brin = $1 AND ($2::text IS NULL OR d.schooljaar = $2) AND ($3::text IS NULL OR d.state = $3)
      ORDER BY d.schooljaar DESC, d.created_at, d.id`,
    [input.schoolBrin, input.schooljaar ?? null, input.state ?? null],
  );
  const items = rows.map((r): DossierListItem => {
    const who = decodeIdentity(ctx.keyring.decrypt(r.identity_enc, identityAad(r.pupil_id)));
    return {
      dossierId: r.id,
      schooljaar: r.schooljaar,
      profile: r.profile,
      state: r.state,
      version: r.current_version,
      revision: r.revision,
      stateChangedAt: r.state_changed_at.toISOString(),
      pupil: {
        achternaam: who.achternaam,
        ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
        ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
        geboortedatum: who.geboortedatum,
      },
      errorCount: r.error_count,
      warningCount: r.warning_count,
      frozenAt: r.frozen_at?.toISOString() ?? null,
      inspection:
        r.inzagedatum && r.akkoord
          ? { inzagedatum: r.inzagedatum, akkoord: r.akkoord, toestemming: r.toestemming }
          : null,
      destination:
        r.destination_brin && r.destination_state && r.ready_at
          ? { brin: r.destination_brin, state: r.destination_state, readyAt: r.ready_at.toISOString() }
          : null,
      registeredAt: r.registered_at,
      requests: r.requests,
    };
  });
  await audit.record(ctx.db, ctx, 'dossier.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, ...(input.schooljaar ? { schooljaar: input.schooljaar } : {}) },
  });
  return items;
}
