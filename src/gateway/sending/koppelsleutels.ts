import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { newKoppelsleutel } from '../pupils/koppelsleutel.js';

/**
 * The koppelsleutels a school issued for its SWV dossiers (gw.koppelsleutels), by keyed hash only.
 * A key names one dossier for one destination (the samenwerkingsverband it was set ready for);
 * every klaarzetten of an SWV dossier issues a new one, and earlier keys for the same destination
 * keep working. The database refuses a key for any other dossier than an SWV one (trigger).
 */
export async function issueKoppelsleutel(
  tx: Queryable,
  ctx: Ctx,
  hash: (koppelsleutel: string) => string,
  input: { schoolBrin: string; dossierId: string; destinationId: string; destinationBrin: string; at: Date },
): Promise<string> {
  const koppelsleutel = newKoppelsleutel();
  await tx.query(
    `INSERT INTO gw.koppelsleutels
       (id, school_brin, dossier_id, destination_id, destination_brin, key_hash, issued_by, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      input.schoolBrin,
      input.dossierId,
      input.destinationId,
      input.destinationBrin,
      hash(koppelsleutel),
      ctx.actor.id,
      input.at,
    ],
  );
  await audit.record(tx, ctx, 'dossier.koppelsleutel.issued', {
    schoolBrin: input.schoolBrin,
    subject: input.dossierId,
    details: { destinationBrin: input.destinationBrin },
  });
  return koppelsleutel;
}

/** The dossier a koppelsleutel names at a school, and the destination it was issued for. */
export async function findKoppelsleutel(
  db: Queryable,
  schoolBrin: string,
  keyHash: string,
): Promise<{ dossierId: string; destinationBrin: string } | undefined> {
  const { rows } = await db.query<{ dossier_id: string; destination_brin: string }>(
    'SELECT dossier_id, destination_brin FROM gw.koppelsleutels WHERE school_brin = $1 AND key_hash = $2',
    [schoolBrin, keyHash],
  );
  return rows[0] ? { dossierId: rows[0].dossier_id, destinationBrin: rows[0].destination_brin } : undefined;
}
