import { type Ctx, SYSTEM_ACTOR } from '../platform/context.js';
import { AppError, isAppError } from '../platform/errors.js';
import type { JobHandler, JobInfo } from '../platform/jobs/index.js';
import type { GatewayDeps } from './deps.js';
import { destroyEarlierKeys } from './hosting/destroy-earlier-keys.js';
import {
  PURGE_ENDED_SCHOOLS,
  purgeEndedSchools,
  scheduleSchoolPurges,
} from './hosting/purge-ended-school.js';
import { DESTROY_EARLIER_KEYS } from './hosting/rotate-delivery-point-key.js';
import { deliverTerugkoppeling } from './receiving/deliver-terugkoppeling.js';
import { REQUEST_DOSSIER } from './receiving/receive-ready-notice.js';
import { SEND_REGISTRATION_NOTICE } from './receiving/register-pupil.js';
import { type RequestTrigger, requestDossier } from './receiving/request-dossier.js';
import { sendRegistrationNotice } from './receiving/send-registration-notice.js';
import { SEND_TERUGKOPPELING } from './receiving/send-terugkoppeling.js';
import {
  expireReadyDossiers,
  regionSummerSwitch,
  SUMMER_SWITCH,
  scheduleSummerSwitch,
} from './sending/expire-ready-dossiers.js';
import { SEND_READY_NOTICE } from './sending/klaarzetten.js';
import { sendReadyNotice } from './sending/send-ready-notice.js';

export {
  DESTROY_EARLIER_KEYS,
  PURGE_ENDED_SCHOOLS,
  REQUEST_DOSSIER,
  SEND_READY_NOTICE,
  SEND_REGISTRATION_NOTICE,
  SEND_TERUGKOPPELING,
  SUMMER_SWITCH,
};

/**
 * The gateway's durable jobs (src/platform/jobs), each idempotent:
 *
 * - gw.send-ready-notice          a dossier became ready for a school that asked before → notice
 * - gw.send-registration-notice   a registration was recorded → notice to the source school
 * - gw.request-dossier            a ready notice came in → request the dossier again
 * - gw.send-terugkoppeling        feedback about a received pupil → the source school's delivery point
 * - gw.summer-switch              the region's summer switch → ready dossiers expire; next year scheduled
 * - gw.destroy-earlier-keys       a key rotation's grace period ended → the earlier private key is destroyed
 * - gw.purge-ended-schools        daily: the data of every school past its retain_until is deleted; next day scheduled
 */
export function gatewayJobHandlers(
  deps: Pick<GatewayDeps, 'db' | 'keyring' | 'chain' | 'now' | 'instanceId'>,
): Record<string, JobHandler> {
  const now = deps.now ?? (() => new Date());
  const ctx = (job: JobInfo): Ctx => ({
    db: deps.db,
    keyring: deps.keyring,
    now,
    actor: SYSTEM_ACTOR,
    requestId: `job-${job.id}-${job.attempts}`,
  });
  return {
    [SEND_READY_NOTICE]: (payload: { destinationId: string }, job) =>
      sendReadyNotice(ctx(job), deps.chain, payload),
    [SEND_REGISTRATION_NOTICE]: (payload: { registrationId: string }, job) =>
      sendRegistrationNotice(ctx(job), deps.chain, payload),
    [SEND_TERUGKOPPELING]: (payload: { terugkoppelingId: string }, job) =>
      deliverTerugkoppeling(ctx(job), deps.chain, payload),
    [REQUEST_DOSSIER]: async (
      payload: { schoolBrin: string; registrationId: string; trigger?: RequestTrigger },
      job,
    ) => {
      let outcome: Awaited<ReturnType<typeof requestDossier>>;
      try {
        outcome = await requestDossier(ctx(job), deps.chain, {
          ...payload,
          trigger: payload.trigger ?? 'notice',
          ...(deps.instanceId ? { instanceId: deps.instanceId } : {}),
        });
      } catch (e) {
        // The registration moved on (imported, rejected) or is gone, or its school is no longer
        // hosted here: nothing left to request.
        if (
          isAppError(e) &&
          (e.code === 'TRANSITION_NOT_ALLOWED' ||
            e.code === 'REGISTRATION_NOT_FOUND' ||
            e.code === 'GW_SCHOOL_NOT_HOSTED')
        )
          return;
        throw e; // CONFLICT (a request is running) and chain failures: retried with backoff
      }
      // The source (or the traffic center) could not be reached: the dossier is ready there, so ask
      // again with backoff rather than leave the registration in 'fout' until someone asks by hand.
      if (outcome.result === 'TechnischeFout') {
        throw new AppError('CHAIN_UNREACHABLE', {
          registrationId: payload.registrationId,
          result: outcome.result,
        });
      }
    },
    [DESTROY_EARLIER_KEYS]: async (payload: { keyId?: string }, job) => {
      await destroyEarlierKeys(ctx(job));
      // Run early (the database's clock ahead of ours): try again later rather than keep the key.
      const { rows } = await deps.db.query(
        'SELECT 1 FROM gw.delivery_point_keys WHERE id = $1 AND private_key_enc IS NOT NULL',
        [payload.keyId ?? null],
      );
      if (rows.length > 0)
        throw new AppError('CONFLICT', { keyId: payload.keyId, reason: 'grace-period-not-over' });
    },
    [PURGE_ENDED_SCHOOLS]: async (payload: { daily?: string }, job) => {
      // The next day's first, so that a purge that keeps failing does not stop the ones after it.
      if (payload.daily) await scheduleSchoolPurges(deps.db, now());
      const run = await purgeEndedSchools(ctx(job));
      if (run.failed.length > 0) throw new AppError('INTERNAL', { failed: run.failed });
    },
    [SUMMER_SWITCH]: async (payload: { region: string | null; asOf: string; monthDay?: string }, job) => {
      const asOf = new Date(payload.asOf);
      // A region that has since moved its date has a job of its own for the new date.
      if (payload.region) {
        const own = await regionSummerSwitch(deps.db, payload.region);
        if (own !== undefined && own !== payload.monthDay) return;
      }
      await expireReadyDossiers(ctx(job), { asOf, ...(payload.region ? { region: payload.region } : {}) });
      await scheduleSummerSwitch(deps.db, {
        year: asOf.getUTCFullYear() + 1,
        ...(payload.region ? { region: payload.region } : {}),
        ...(payload.monthDay ? { monthDay: payload.monthDay } : {}),
      });
    },
  };
}
