import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { decodeIdentity } from '../pupils/identity.js';
import { identityAad } from '../sending/dossier-store.js';
import type { DossierState } from '../sending/lifecycle.js';
import type { PilotKind } from './test-bsn.js';

/** A pilot dossier of the school, as its own pilot list shows it. */
export interface PilotDossierListItem {
  dossierId: string;
  pilotRef: string;
  kind: PilotKind;
  state: DossierState;
  /** The fictional pupil. */
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string };
  /** Where it is (or was last) set ready for. */
  destinationBrin: string | null;
  deliveries: number;
}

/**
 * The school's pilot dossiers (ADR 0007), apart from its worklist: the fictional pupils, where each
 * dossier is ready for and how often it was delivered. `dossier:read`; audited like the worklist.
 */
export async function listPilotDossiers(
  ctx: Ctx,
  input: { schoolBrin: string },
): Promise<PilotDossierListItem[]> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  const { rows } = await ctx.db.query<{
    id: string;
    pilot_ref: string;
    pilot_kind: PilotKind;
    state: DossierState;
    pupil_id: string;
    identity_enc: Uint8Array;
    destination_brin: string | null;
    deliveries: number;
  }>(
    `SELECT d.id, d.pilot_ref::text AS pilot_ref, d.pilot_kind, d.state, d.pupil_id, p.identity_enc,
            (SELECT t.destination_brin FROM gw.dossier_destinations t WHERE t.dossier_id = d.id
              ORDER BY t.state = 'klaargezet' DESC, t.ready_at DESC LIMIT 1) AS destination_brin,
            (SELECT count(*) FROM gw.incoming_requests r
              WHERE r.dossier_id = d.id AND r.result = 'OverdrachtGeslaagd')::integer AS deliveries
       FROM gw.dossiers d JOIN gw.pupils p ON p.id = d.pupil_id
      WHERE d.school_brin = $1 AND d.pilot_ref IS NOT NULL
      ORDER BY d.created_at, d.pilot_kind, d.id`,
    [input.schoolBrin],
  );
  const items = rows.map((r): PilotDossierListItem => {
    const who = decodeIdentity(ctx.keyring.decrypt(r.identity_enc, identityAad(r.pupil_id)));
    return {
      dossierId: r.id,
      pilotRef: r.pilot_ref,
      kind: r.pilot_kind,
      state: r.state,
      pupil: {
        achternaam: who.achternaam,
        ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
        ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
      },
      destinationBrin: r.destination_brin,
      deliveries: Number(r.deliveries),
    };
  });
  await audit.record(ctx.db, ctx, 'dossier.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, list: 'pilot' },
  });
  return items;
}
