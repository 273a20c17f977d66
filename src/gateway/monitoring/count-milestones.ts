import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dutchDay } from '../../standard/index.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import {
  ARRIVED,
  DELIVERED,
  isSchoolYear,
  LEAVING_DOSSIERS,
  READY_NOT_REQUESTED,
  REGISTRATION_KNOWN,
  REGISTRATIONS_OF_YEAR,
  REQUESTED,
  SET_READY,
  schoolYearWindow,
} from './milestone-sql.js';

/** The sending side of a school, in pupils (one dossier each). */
export interface SendingCounts {
  /** Leaving pupils: transfer dossiers of the school year. */
  leaving: number;
  /** Their current version was inspected by the parents. */
  inspected: number;
  /** The school knows where the pupil registered (registration notices; several count once). */
  registrationsKnown: number;
  /** Set ready (or ready until the summer switch expired it). */
  setReady: number;
  /** A school asked for the dossier. */
  requested: number;
  /** The dossier went to a school. */
  delivered: number;
  /** Ready for a school that has not asked for it since. */
  readyNotRequested: number;
}

/** The receiving side of a school, in registrations (one per pupil at this school). */
export interface ReceivingCounts {
  /** Registrations recorded in the school year. */
  registrations: number;
  /** Of those, this school is the pupil's first (or only) preference: a pupil counts once in a region. */
  firstPreference: number;
  /** The dossier was requested at least once. */
  requested: number;
  /** A dossier arrived. */
  received: number;
  /** It was imported into the school's administration. */
  imported: number;
  /** No dossier arrived yet. */
  notArrived: number;
}

/** A school's counts on one day: numbers only, never an id, a name or a date of a pupil. */
export interface MilestoneCounts {
  schoolBrin: string;
  schoolYear: string;
  /** The day counted (YYYY-MM-DD, UTC). */
  day: string;
  sending: SendingCounts;
  receiving: ReceivingCounts;
}

/**
 * The counts per milestone of one hosted school in a school year, from its own tables, for the
 * region's monitoring (DESIGN.md §6): two queries, whatever the number of pupils.
 */
export async function countMilestones(
  ctx: Ctx,
  input: { schoolBrin: string; schoolYear: string },
): Promise<MilestoneCounts> {
  authorize(ctx, 'gateway:admin', input.schoolBrin);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const [from, until] = schoolYearWindow(input.schoolYear);
  const params = [input.schoolBrin, input.schoolYear, from, until];
  return ctx.db.transaction(async (tx) => {
    await requireHostedSchool(tx, input.schoolBrin);
    const sending = await tx.query<Record<keyof SendingCounts, number>>(
      `SELECT count(*)::integer AS leaving,
              count(*) FILTER (WHERE l.inspected_at IS NOT NULL)::integer AS inspected,
              count(*) FILTER (WHERE ${REGISTRATION_KNOWN})::integer AS "registrationsKnown",
              count(*) FILTER (WHERE ${SET_READY})::integer AS "setReady",
              count(*) FILTER (WHERE ${REQUESTED})::integer AS requested,
              count(*) FILTER (WHERE ${DELIVERED})::integer AS delivered,
              count(*) FILTER (WHERE ${READY_NOT_REQUESTED})::integer AS "readyNotRequested"
         FROM (${LEAVING_DOSSIERS}) l`,
      params,
    );
    const receiving = await tx.query<Record<keyof ReceivingCounts, number>>(
      `SELECT count(*)::integer AS registrations,
              count(*) FILTER (WHERE r.preference_rank IS NULL OR r.preference_rank = 1)::integer AS "firstPreference",
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM gw.outgoing_requests o WHERE o.registration_id = r.id))::integer AS requested,
              count(*) FILTER (WHERE ${ARRIVED})::integer AS received,
              count(*) FILTER (WHERE r.state = 'ingelezen')::integer AS imported,
              count(*) FILTER (WHERE NOT ${ARRIVED})::integer AS "notArrived"
         FROM gw.registrations r
        -- registrations carry no school year: the window ($3, $4) stands for it ($2 only typed)
        WHERE ${REGISTRATIONS_OF_YEAR} AND $2::text IS NOT NULL`,
      params,
    );
    return {
      schoolBrin: input.schoolBrin,
      schoolYear: input.schoolYear,
      day: dutchDay(ctx.now()),
      sending: numbers(sending.rows[0]),
      receiving: numbers(receiving.rows[0]),
    };
  });
}

function numbers<K extends string>(row: Record<K, number> | undefined): Record<K, number> {
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as Record<K, number>;
}
