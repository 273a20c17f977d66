import type { Keyring } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import type { PupilIdentifiers, ResultCode } from '../../platform/protocol.js';
import { decodeIdentity, surnameMatches } from '../pupils/identity.js';
import { identityAad, versionAad } from './dossier-store.js';

export type LookupOutcome =
  | { result: Extract<ResultCode, 'TeVeelVerzoeken' | 'LeerlingNietGevonden'> }
  | { result: Extract<ResultCode, 'GegevensKomenNietOvereen' | 'NietKlaargezet'>; dossierId?: string }
  | { result: Extract<ResultCode, 'DossierVerlopen'>; dossierId: string }
  | {
      result: 'ready';
      dossierId: string;
      version: number;
      versionId: string;
      readyAt: Date;
      /** When the content of the ready version last changed. */
      changedAt: Date;
      /** The version's content, unless it did not change since `onlyIfChangedSince`. */
      xml?: Buffer;
    };

/**
 * What a source school can say about a requested pupil (DESIGN.md §4 step 5), deciding on facts
 * only this school holds:
 *
 * - no pupil with this BSN/onderwijsnummer at the school → LeerlingNietGevonden;
 * - surname or birth date differ → GegevensKomenNietOvereen;
 * - a dossier ready for the requesting school → ready (delivered, or NietGewijzigd);
 * - the last readiness for the requesting school expired at the summer switch → DossierVerlopen;
 * - anything else — not ready, withdrawn, or ready for ANOTHER school → NietKlaargezet, so that a
 *   school never learns where else a pupil registered.
 */
export async function findReadyDossier(
  db: Queryable,
  keyring: Keyring,
  input: {
    schoolBrin: string;
    pupilKey: string;
    ids: PupilIdentifiers;
    destinationBrin: string;
    /** The requester has the version ready at this time: the content comes only when it changed since. */
    onlyIfChangedSince?: Date;
    /**
     * Now, to refuse a requesting school over its limit of failed look-ups (lookup-limit.ts) with
     * TeVeelVerzoeken in the same statement, before any pupil is looked at.
     */
    blockedAt?: Date;
  },
): Promise<LookupOutcome> {
  // Whether the requesting school is blocked, and if not the pupil and its destination for it, most
  // relevant first (a ready one, then the latest), with the ready version's content when it is to be
  // sent: one statement.
  const { rows } = await db.query<{
    blocked: boolean;
    pupil_id: string | null;
    identity_enc: Uint8Array;
    dossier_id: string | null;
    state: 'klaargezet' | 'ingetrokken' | 'verlopen' | null;
    ready_at: Date;
    version: number;
    version_id: string;
    changed_at: Date;
    xml_enc: Uint8Array | null;
  }>(
    `SELECT b.blocked, x.*
       FROM (SELECT coalesce((SELECT f.blocked_until > $5 FROM gw.lookup_failures f
                               WHERE f.destination_brin = $3), false) AS blocked) b
       LEFT JOIN LATERAL (
         SELECT p.id AS pupil_id, p.identity_enc, t.dossier_id, t.state, t.ready_at, t.version, t.version_id,
                t.changed_at, t.xml_enc
           FROM gw.pupils p
           LEFT JOIN LATERAL (
             SELECT t.dossier_id, t.state, t.ready_at, v.version, v.id AS version_id,
                    greatest(v.created_at, coalesce(v.inspected_at, v.created_at)) AS changed_at,
                    CASE WHEN t.state = 'klaargezet'
                              AND ($4::timestamptz IS NULL
                                   OR greatest(v.created_at, coalesce(v.inspected_at, v.created_at)) > $4)
                         THEN v.xml_enc END AS xml_enc
               FROM gw.dossier_destinations t
               JOIN gw.dossiers d ON d.id = t.dossier_id
               JOIN gw.dossier_versions v ON v.id = t.version_id
              WHERE d.pupil_id = p.id AND t.destination_brin = $3
              ORDER BY t.state = 'klaargezet' DESC, t.ready_at DESC
              LIMIT 1
           ) t ON true
          WHERE p.school_brin = $1 AND p.pupil_key = $2
       ) x ON NOT b.blocked`,
    [
      input.schoolBrin,
      input.pupilKey,
      input.destinationBrin,
      input.onlyIfChangedSince ?? null,
      input.blockedAt ?? null,
    ],
  );
  const pupil = rows[0];
  if (pupil?.blocked) return { result: 'TeVeelVerzoeken' };
  if (!pupil?.pupil_id) return { result: 'LeerlingNietGevonden' };
  const pupilId = pupil.pupil_id;
  const who = decodeIdentity(keyring.decrypt(pupil.identity_enc, identityAad(pupilId)));
  if (!surnameMatches(input.ids.achternaam, who) || input.ids.geboortedatum?.trim() !== who.geboortedatum) {
    return { result: 'GegevensKomenNietOvereen' };
  }

  const latest = pupil.dossier_id === null ? undefined : pupil;
  if (latest?.state === 'klaargezet') {
    return {
      result: 'ready',
      dossierId: latest.dossier_id as string,
      version: latest.version,
      versionId: latest.version_id,
      readyAt: latest.ready_at,
      changedAt: latest.changed_at,
      ...(latest.xml_enc
        ? { xml: Buffer.from(keyring.decrypt(latest.xml_enc, versionAad(latest.version_id))) }
        : {}),
    };
  }
  if (latest?.state === 'verlopen') {
    // Expired, unless the dossier has been set ready for another school since.
    const dossier = await db.query<{ state: string }>('SELECT state FROM gw.dossiers WHERE id = $1', [
      latest.dossier_id,
    ]);
    if (dossier.rows[0]?.state === 'verlopen')
      return { result: 'DossierVerlopen', dossierId: latest.dossier_id as string };
  }
  const any = await db.query<{ id: string }>(
    'SELECT id FROM gw.dossiers WHERE pupil_id = $1 ORDER BY schooljaar DESC LIMIT 1',
    [pupilId],
  );
  return { result: 'NietKlaargezet', ...(any.rows[0] ? { dossierId: any.rows[0].id } : {}) };
}
