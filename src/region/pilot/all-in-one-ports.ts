import {
  countPilotExchanges,
  createPilotDossier,
  type DossierState,
  type GatewayChain,
  klaarzetten,
  listPilotDossiers,
  listPilotRegistrations,
  markImported,
  putUpForInspection,
  recordInspection,
  registerPilotPupil,
  requestDossier,
} from '../../gateway/index.js';
import { type Actor, type Ctx, type Keyring, may } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { dutchDay } from '../../standard/index.js';
import type { PilotExchanges, PilotListItem, PilotPairCounts, PilotStepOutcome } from './deps.js';

/**
 * The pilot's port in the all-in-one process (ADR 0007), over the gateway's public face. The counts
 * are read for the region module with `gateway:admin` for the pairs' schools only; the schools' own
 * steps run with the caller's own context, so the gateway checks the caller's permissions and its
 * audit log names the person — the same use cases as for a real dossier (createPilotDossier and
 * registerPilotPupil only add the pilot marking). Without `chain` (no gateway in this process) the
 * vo school's step is refused.
 */
export function gatewayPilotExchanges(
  db: Db,
  keyring: Keyring,
  chain: GatewayChain | undefined,
): PilotExchanges {
  const noChain = () => new AppError('NOT_FOUND', { reason: 'no gateway in this process' });
  return {
    async counts(pairs) {
      const brins = new Set(pairs.flatMap((p) => [p.sourceBrin, p.destinationBrin]));
      const actor: Actor = {
        kind: 'system',
        id: 'region-module',
        permissions: new Set(['gateway:admin']),
        schools: brins,
      };
      const ctx: Ctx = { db, keyring, actor, requestId: 'region-pilot', now: () => new Date() };
      const counted = await countPilotExchanges(ctx, { pairs: [...pairs] });
      return new Map<string, PilotPairCounts>(counted.map((c) => [c.pilotRef, c.kinds]));
    },

    async prepare(ctx, { pair, pupils }) {
      const outcomes: PilotStepOutcome[] = [];
      for (const pupil of pupils) {
        const schoolBrin = pair.sourceBrin;
        const dossier = await createPilotDossier(ctx, { schoolBrin, pilotRef: pair.pilotRef, ...pupil });
        let state: DossierState = dossier.state;
        const dossierId = dossier.dossierId;
        if (state === 'concept') state = (await putUpForInspection(ctx, { schoolBrin, dossierId })).state;
        if (state === 'ter_inzage') {
          // A fictional pupil has no parents: the school records the inspection as done, agreed.
          state = (
            await recordInspection(ctx, {
              schoolBrin,
              dossierId,
              inzagedatum: dutchDay(ctx.now()),
              akkoord: 'Ja',
            })
          ).state;
        }
        if (state !== 'klaargezet') {
          state = (await klaarzetten(ctx, { schoolBrin, dossierId, destinationBrin: pair.destinationBrin }))
            .state;
        }
        outcomes.push({ kind: pupil.kind, state });
      }
      return outcomes;
    },

    async request(ctx, { pair, pupils }) {
      if (!chain) throw noChain();
      const outcomes: PilotStepOutcome[] = [];
      for (const pupil of pupils) {
        const schoolBrin = pair.destinationBrin;
        const registration = await registerPilotPupil(ctx, chain, {
          schoolBrin,
          sourceBrin: pair.sourceBrin,
          pilotRef: pair.pilotRef,
          ...pupil,
        });
        if (registration.state === 'ontvangen' || registration.state === 'ingelezen') {
          outcomes.push({ kind: pupil.kind, state: registration.state });
          continue;
        }
        const answer = await requestDossier(ctx, chain, {
          schoolBrin,
          registrationId: registration.registrationId,
          trigger: 'manual',
        });
        outcomes.push({ kind: pupil.kind, state: answer.state, result: answer.result });
      }
      return outcomes;
    },

    async markImported(ctx, { pair }) {
      const schoolBrin = pair.destinationBrin;
      const own = (await listPilotRegistrations(ctx, { schoolBrin })).filter(
        (r) => r.pilotRef === pair.pilotRef,
      );
      const outcomes: PilotStepOutcome[] = [];
      for (const r of own) {
        const state =
          r.state === 'ontvangen'
            ? (await markImported(ctx, { schoolBrin, registrationId: r.registrationId })).state
            : r.state;
        outcomes.push({ kind: r.kind, state });
      }
      return outcomes;
    },

    async schoolLists(ctx, brin) {
      const name = (p: { achternaam: string; voorvoegsel?: string; roepnaam?: string }) =>
        [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');
      const sending = may(ctx.actor, 'dossier:read', brin)
        ? (await listPilotDossiers(ctx, { schoolBrin: brin })).map(
            (d): PilotListItem => ({
              id: d.dossierId,
              pilotRef: d.pilotRef,
              kind: d.kind,
              state: d.state,
              name: name(d.pupil),
              otherBrin: d.destinationBrin,
              deliveries: d.deliveries,
              lastResult: null,
              receivedPilot: null,
            }),
          )
        : null;
      const receiving = may(ctx.actor, 'received:read', brin)
        ? (await listPilotRegistrations(ctx, { schoolBrin: brin })).map(
            (r): PilotListItem => ({
              id: r.registrationId,
              pilotRef: r.pilotRef,
              kind: r.kind,
              state: r.state,
              name: name(r.pupil),
              otherBrin: r.sourceBrin,
              deliveries: r.receivedAt ? 1 : 0,
              lastResult: r.lastResult,
              receivedPilot: r.receivedPilot,
            }),
          )
        : null;
      return { sending, receiving };
    },
  };
}
