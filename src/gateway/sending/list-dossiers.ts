import * as audit from '../../platform/audit/index.js';
import type { Keyring } from '../../platform/context.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { ProfileCode } from '../../standard/index.js';
import { decodeIdentity } from '../pupils/identity.js';
import { identityAad } from './dossier-store.js';
import { findingCounts } from './inspection-findings.js';
import { DOSSIER_STATES, type DossierState } from './lifecycle.js';

export interface ListDossiersInput {
  schoolBrin: string;
  schooljaar?: string;
  state?: DossierState;
}

/** A school by BRIN, with its name where this gateway knows it (a school it hosts). */
export interface SchoolRef {
  brin: string;
  /** Null when the school is not hosted on this gateway. */
  schoolName: string | null;
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
  /** The pupil's current group (e.g. `8b`), or null when the version does not say. */
  groep: string | null;
  /** Errors the school must fix (not those of the still open inspection: awaitingInspection). */
  errorCount: number;
  warningCount: number;
  /**
   * Errors of the inspection rules (OVa.IZ*) while the current version has not been inspected:
   * what the parents' inspection answers, not the school's mistakes. 0 once it is recorded.
   */
  awaitingInspection: number;
  frozenAt: string | null;
  inspection: { inzagedatum: string; akkoord: string; toestemming: string | null } | null;
  /** The one school it is ready for (state klaargezet), or the last one it was ready for. */
  destination:
    | (SchoolRef & {
        state: 'klaargezet' | 'ingetrokken' | 'verlopen';
        readyAt: string;
        endedAt: string | null;
      })
    | null;
  /** Schools that told us the pupil registered there, best preference first. */
  registeredAt: Array<SchoolRef & { preferenceRank: number | null }>;
  /** Requests answered for this pupil. */
  requests: number;
  /** Deliveries of this dossier (OverdrachtGeslaagd) and the last one. */
  deliveries: { count: number; lastAt: string | null };
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
  groep: string | null;
  error_count: number;
  warning_count: number;
  inspection_error_count: number;
  inspected_at: Date | null;
  frozen_at: Date | null;
  inzagedatum: string | null;
  akkoord: string | null;
  toestemming: string | null;
  destination_brin: string | null;
  destination_name: string | null;
  destination_state: 'klaargezet' | 'ingetrokken' | 'verlopen' | null;
  ready_at: Date | null;
  ended_at: Date | null;
  registered_at: Array<{ brin: string; preferenceRank: number | null; schoolName: string | null }>;
  requests: number;
  deliveries: number;
  last_delivery_at: Date | null;
}

/**
 * The summaries of a school's dossiers in ONE query, however many there are (no query per dossier):
 * the current version's group, findings and inspection, the (last) destination, where the pupil
 * registered (with the school's name where this gateway hosts it), requests and deliveries.
 * Names are decrypted here for the school's own staff. `dossierId` narrows it to one dossier.
 */
export async function dossierSummaries(
  db: Queryable,
  keyring: Keyring,
  filter: { schoolBrin: string; schooljaar?: string; state?: DossierState; dossierId?: string },
): Promise<DossierListItem[]> {
  const { rows } = await db.query<Row>(
    `SELECT d.id, d.schooljaar, d.profile, d.state, d.current_version, d.revision, d.state_changed_at,
            p.id AS pupil_id, p.identity_enc, v.groep, v.error_count, v.warning_count, v.frozen_at,
            v.inspection_error_count, v.inspected_at,
            to_char(v.inzagedatum, 'YYYY-MM-DD') AS inzagedatum, v.akkoord, v.toestemming,
            t.destination_brin, ts.name AS destination_name, t.state AS destination_state, t.ready_at, t.ended_at,
            coalesce((SELECT json_agg(json_build_object('brin', n.destination_brin, 'preferenceRank', n.preference_rank,
                                                        'schoolName', ns.name)
                                      ORDER BY n.preference_rank NULLS LAST, n.destination_brin)
                        FROM gw.registration_notices n
                        LEFT JOIN gw.schools ns ON ns.brin = n.destination_brin
                       WHERE n.school_brin = d.school_brin AND n.pupil_key = p.pupil_key), '[]') AS registered_at,
            (SELECT count(*) FROM gw.incoming_requests r
              WHERE r.school_brin = d.school_brin AND r.pupil_key = p.pupil_key)::integer AS requests,
            coalesce(dl.deliveries, 0)::integer AS deliveries, dl.last_delivery_at
       FROM gw.dossiers d
       JOIN gw.pupils p ON p.id = d.pupil_id
       JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version
       LEFT JOIN LATERAL (
         SELECT destination_brin, state, ready_at, ended_at FROM gw.dossier_destinations
          WHERE dossier_id = d.id ORDER BY state = 'klaargezet' DESC, ready_at DESC LIMIT 1
       ) t ON true
       LEFT JOIN gw.schools ts ON ts.brin = t.destination_brin
       LEFT JOIN LATERAL (
         SELECT count(*) AS deliveries, max(r.received_at) AS last_delivery_at FROM gw.incoming_requests r
          WHERE r.dossier_id = d.id AND r.result = 'OverdrachtGeslaagd'
       ) dl ON true
      WHERE d.school_brin = $1 AND ($2::text IS NULL OR d.schooljaar = $2) AND ($3::text IS NULL OR d.state = $3)
        AND ($4::uuid IS NULL OR d.id = $4)
        -- the region's pilot dossiers have their own list (ADR 0007); asked for by id, they are shown
        AND ($4::uuid IS NOT NULL OR d.pilot_ref IS NULL)
      ORDER BY d.schooljaar DESC, d.created_at, d.id`,
    [filter.schoolBrin, filter.schooljaar ?? null, filter.state ?? null, filter.dossierId ?? null],
  );
  return rows.map((r): DossierListItem => {
    const who = decodeIdentity(keyring.decrypt(r.identity_enc, identityAad(r.pupil_id)));
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
      groep: r.groep,
      ...findingCounts({
        errorCount: r.error_count,
        warningCount: r.warning_count,
        inspectionErrorCount: r.inspection_error_count,
        inspected: r.inspected_at !== null,
      }),
      frozenAt: r.frozen_at?.toISOString() ?? null,
      inspection:
        r.inzagedatum && r.akkoord
          ? { inzagedatum: r.inzagedatum, akkoord: r.akkoord, toestemming: r.toestemming }
          : null,
      destination:
        r.destination_brin && r.destination_state && r.ready_at
          ? {
              brin: r.destination_brin,
              schoolName: r.destination_name,
              state: r.destination_state,
              readyAt: r.ready_at.toISOString(),
              endedAt: r.ended_at?.toISOString() ?? null,
            }
          : null,
      registeredAt: r.registered_at.map((n) => ({
        brin: n.brin,
        schoolName: n.schoolName ?? null,
        preferenceRank: n.preferenceRank ?? null,
      })),
      requests: r.requests,
      deliveries: { count: r.deliveries, lastAt: r.last_delivery_at?.toISOString() ?? null },
    };
  });
}

/**
 * A school's dossiers with everything its worklist shows, in one query (see dossierSummaries);
 * one audit entry for the read.
 */
export async function listDossiers(ctx: Ctx, input: ListDossiersInput): Promise<DossierListItem[]> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  if (input.state !== undefined && !DOSSIER_STATES.includes(input.state)) {
    throw new AppError('VALIDATION_FAILED', { field: 'state' });
  }
  const items = await dossierSummaries(ctx.db, ctx.keyring, input);
  await audit.record(ctx.db, ctx, 'dossier.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, ...(input.schooljaar ? { schooljaar: input.schooljaar } : {}) },
  });
  return items;
}
