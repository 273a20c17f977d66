import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import { type Message, type ProfileCode, requirementOf } from '../../standard/index.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { isBrin } from '../pupils/identity.js';
import { isSwvProfile, koppelsleutelHasher } from '../pupils/koppelsleutel.js';
import { endReadiness, loadDossier, moveDossier } from './dossier-store.js';
import { issueKoppelsleutel } from './koppelsleutels.js';
import { assertTransition } from './lifecycle.js';

export interface KlaarzettenInput {
  schoolBrin: string;
  dossierId: string;
  /** The one school the pupil goes to. */
  destinationBrin: string;
}

export interface Klaargezet {
  dossierId: string;
  version: number;
  state: 'klaargezet';
  destinationBrin: string;
  readyAt: string;
  /** The school it was ready for before, now withdrawn. */
  withdrawnFrom?: string;
  /**
   * An SWV dossier (POSWV, VOSWV) only: the koppelsleutel the school hands to the samenwerkingsverband
   * outside the chain. Shown this once (only a keyed hash is kept); klaarzetten again gives a new one.
   */
  koppelsleutel?: string;
}

/** Job kind: tell a school that asked before that the dossier is now ready for it. */
export const SEND_READY_NOTICE = 'gw.send-ready-notice';

/**
 * Sets the current version ready for exactly one destination BRIN (DESIGN.md §5). Refused without a
 * recorded inspection where the profile requires it (cat_ouderinzage VERPLICHT: POPO, POVO, VOVO)
 * and when the version has `fout` findings. Setting it ready for another school withdraws the first
 * in the same transaction. Two racing calls: the compare-and-set on the dossier's revision and the
 * unique index "one ready destination per dossier" let exactly one win; the other gets CONFLICT.
 * When the destination asked for this pupil before, a ready notice is enqueued in the transaction.
 * An SWV dossier gets a new koppelsleutel on every call, also when it was ready already. An SWV
 * dossier goes to a samenwerkingsverband only and any other dossier never to one
 * (DESTINATION_SECTOR_MISMATCH, before anything changes).
 */
export async function klaarzetten(ctx: Ctx, input: KlaarzettenInput): Promise<Klaargezet> {
  authorize(ctx, 'dossier:klaarzetten', input.schoolBrin);
  if (!isBrin(input.destinationBrin)) {
    throw new AppError('VALIDATION_FAILED', {
      problems: { destinationBrin: 'two digits and two capitals (00YY)' },
    });
  }
  const at = ctx.now();
  const hashKoppelsleutel = await koppelsleutelHasher(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, input.schoolBrin); // not after its hosting ended
      const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
      await requireFittingDestination(tx, dossier.profile, input.destinationBrin);
      const ready = await tx.query<{
        id: string;
        destination_brin: string;
        ready_at: Date;
        version_id: string;
      }>(
        `SELECT id, destination_brin, ready_at, version_id FROM gw.dossier_destinations
          WHERE dossier_id = $1 AND state = 'klaargezet'`,
        [dossier.id],
      );
      const current = ready.rows[0];
      const koppelsleutel = async (destinationId: string) =>
        isSwvProfile(dossier.profile)
          ? {
              koppelsleutel: await issueKoppelsleutel(tx, ctx, hashKoppelsleutel, {
                schoolBrin: input.schoolBrin,
                dossierId: dossier.id,
                destinationId,
                destinationBrin: input.destinationBrin,
                at,
              }),
            }
          : {};
      if (
        current &&
        current.destination_brin === input.destinationBrin &&
        current.version_id === dossier.version_id
      ) {
        // Already ready for this school: nothing changes.
        return {
          dossierId: dossier.id,
          version: dossier.current_version,
          state: 'klaargezet' as const,
          destinationBrin: input.destinationBrin,
          readyAt: current.ready_at.toISOString(),
          ...(await koppelsleutel(current.id)),
        };
      }
      // Not inspected (concept, or still with the parents: ter_inzage) says what is missing first.
      if (
        requirementOf(dossier.profile, 'cat_ouderinzage') === 'VERPLICHT' &&
        dossier.inspected_at === null
      ) {
        throw new AppError('INSPECTION_REQUIRED', {
          dossierId: dossier.id,
          version: dossier.current_version,
          state: dossier.state,
        });
      }
      assertTransition(dossier.state, 'klaargezet');
      if (dossier.error_count > 0) {
        throw new AppError('DOSSIER_HAS_ERRORS', { dossierId: dossier.id, errors: dossier.error_count });
      }
      await moveDossier(tx, dossier, 'klaargezet', at);
      const withdrawnFrom = await endReadiness(tx, dossier.id, 'ingetrokken', at);
      const destinationId = randomUUID();
      await tx.query(
        `INSERT INTO gw.dossier_destinations (id, dossier_id, version_id, destination_brin, state, ready_at, ready_by)
         VALUES ($1, $2, $3, $4, 'klaargezet', $5, $6)`,
        [destinationId, dossier.id, dossier.version_id, input.destinationBrin, at, ctx.actor.id],
      );
      const asked = await tx.query(
        'SELECT 1 FROM gw.incoming_requests WHERE school_brin = $1 AND pupil_key = $2 AND destination_brin = $3 LIMIT 1',
        [input.schoolBrin, dossier.pupil_key, input.destinationBrin],
      );
      if (asked.rows.length > 0) {
        await enqueue(tx, SEND_READY_NOTICE, { destinationId }, { key: destinationId });
      }
      await audit.record(tx, ctx, 'dossier.klaargezet', {
        schoolBrin: input.schoolBrin,
        subject: dossier.id,
        details: {
          version: dossier.current_version,
          destinationBrin: input.destinationBrin,
          ...(withdrawnFrom ? { withdrawnFrom } : {}),
        },
      });
      return {
        dossierId: dossier.id,
        version: dossier.current_version,
        state: 'klaargezet' as const,
        destinationBrin: input.destinationBrin,
        readyAt: at.toISOString(),
        ...(withdrawnFrom ? { withdrawnFrom } : {}),
        ...(await koppelsleutel(destinationId)),
      };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', { dossierId: input.dossierId, reason: 'ready-meanwhile' });
    throw e;
  }
}

/** What is wrong, when the destination does not fit the dossier (DESTINATION_SECTOR_MISMATCH). */
const SECTOR_MISMATCH: Readonly<Record<'destination-not-swv' | 'destination-is-swv', Message>> = {
  'destination-not-swv': {
    nl: 'Dit is een SWV-dossier (POSWV of VOSWV): dat kan alleen klaargezet worden voor een samenwerkingsverband, en de gekozen school is geen samenwerkingsverband. Kies de BRIN-code van het samenwerkingsverband.',
    en: 'This is an SWV dossier (POSWV or VOSWV): it can only be set ready for a samenwerkingsverband, and the school chosen is not one. Choose the samenwerkingsverband’s BRIN code.',
  },
  'destination-is-swv': {
    nl: 'De gekozen school is een samenwerkingsverband: daarvoor kan alleen een SWV-dossier (POSWV of VOSWV) klaargezet worden, geen overstapdossier. Kies de school waar de leerling naartoe gaat.',
    en: 'The school chosen is a samenwerkingsverband: only an SWV dossier (POSWV or VOSWV) can be set ready for it, not a transfer dossier. Choose the school the pupil goes to.',
  },
};

/**
 * Refuses a destination whose sector does not fit the dossier: an SWV dossier (POSWV, VOSWV) for a
 * school that is no samenwerkingsverband (sector 'swv'), or any other dossier for one. The sector
 * comes from this gateway's own list of schools (gw.schools: every school it hosts or hosted); a
 * destination hosted by another gateway is not known here and is not refused — the traffic center
 * only lets a samenwerkingsverband ask for an SWV dossier (an 'swv' session), so a mismatch there
 * cannot be fetched, but it is not refused at klaarzetten either.
 */
async function requireFittingDestination(
  db: Queryable,
  profile: ProfileCode,
  destinationBrin: string,
): Promise<void> {
  const { rows } = await db.query<{ sector: string }>('SELECT sector FROM gw.schools WHERE brin = $1', [
    destinationBrin,
  ]);
  const sector = rows[0]?.sector;
  if (sector === undefined) return;
  const swvDossier = isSwvProfile(profile);
  if (swvDossier === (sector === 'swv')) return;
  const reason = swvDossier ? 'destination-not-swv' : 'destination-is-swv';
  throw new AppError(
    'DESTINATION_SECTOR_MISMATCH',
    { destinationBrin, destinationSector: sector, profile, reason },
    SECTOR_MISMATCH[reason],
  );
}
