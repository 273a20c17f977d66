import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { isAppError } from '../../platform/errors.js';
import { readDossier } from '../../standard/index.js';
import type { GatewayChain } from '../chain/clients.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { heartbeat } from '../instances/gateway-instance.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { registerPupil } from './register-pupil.js';
import { releaseInterruptedRequests } from './release-interrupted-requests.js';
import { requestAllOpen } from './request-all-open.js';
import { requestDossier } from './request-dossier.js';

const PO = '91PA';
const VO = '92VA';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);
const STALE = 30_000;

describeEachDatabase(
  'releasing the requests of gateway instances that stopped',
  (db, target) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    /** A registration at the vo school whose dossier is ready at the po school. */
    async function readyRegistration(): Promise<string> {
      const xml = dossierXml(PO, { index: index++, seed: 'interrupted' });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      const l = readDossier(xml).huidigeschool.leerling;
      const registered = await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: l.bsn as string,
        achternaam: l.achternaam,
        geboortedatum: l.geboortedatum as string,
      });
      return registered.registrationId;
    }

    /**
     * The real chain, except that document requests wait until `release()`: a request held in flight
     * as long as the test likes — what an instance that is slow, or about to die, looks like.
     */
    function heldChain() {
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const chain: GatewayChain = {
        trafficCenter: w.chain.trafficCenter,
        peers: {
          ...w.chain.peers,
          requestDocument: async (point, body, requestId) => {
            await gate;
            return w.chain.peers.requestDocument(point, body, requestId);
          },
        },
      };
      return { chain, release };
    }

    const registration = async (id: string) =>
      (
        await db().query<{ state: string; requested_by: string | null; last_result: string | null }>(
          'SELECT state, requested_by, last_result FROM gw.registrations WHERE id = $1',
          [id],
        )
      ).rows[0];

    async function inFlight(id: string, holder: string | undefined) {
      const held = heldChain();
      const running = requestDossier(w.ctx(vo), held.chain, {
        schoolBrin: VO,
        registrationId: id,
        ...(holder ? { instanceId: holder } : {}),
      }).then(
        (r) => r,
        (e: unknown) => e,
      );
      for (let i = 0; i < 200 && (await registration(id)).state !== 'aangevraagd'; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      return { running, release: held.release };
    }

    const staleHeartbeat = (id: string) =>
      db().query(
        `UPDATE gw.instances SET last_seen = clock_timestamp() - interval '1 minute' WHERE id = $1`,
        [id],
      );

    it('a request held by a live instance is left alone; once its heartbeat is stale another instance releases it', async () => {
      const id = await readyRegistration();
      await heartbeat(db(), 'gw-a');
      await heartbeat(db(), 'gw-b');
      const a = await inFlight(id, 'gw-a');
      expect(await registration(id)).toMatchObject({ state: 'aangevraagd', requested_by: 'gw-a' });

      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(0);
      expect(await registration(id)).toMatchObject({ state: 'aangevraagd', requested_by: 'gw-a' });

      await staleHeartbeat('gw-a');
      // An instance never releases its own requests: it is alive, whatever its heartbeat row says.
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-a', staleAfterMs: STALE })).toBe(0);
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(1);
      expect(await registration(id)).toEqual({
        state: 'fout',
        requested_by: null,
        last_result: 'TechnischeFout',
      });
      const audited = await db().query<{ details: Record<string, unknown> }>(
        `SELECT details FROM platform.audit_log WHERE action = 'registration.request-abandoned' AND subject = $1`,
        [id],
      );
      expect(audited.rows).toEqual([
        { details: { result: 'TechnischeFout', reason: 'instance-stopped', instance: 'gw-a' } },
      ]);

      // The instance was only slow: its answer comes after all, finds the registration changed, and
      // stores nothing — no request row, no received dossier.
      a.release();
      const late = await a.running;
      expect(isAppError(late) && late.code).toBe('CONFLICT');
      const stored = await db().query<{ requests: number; received: number }>(
        `SELECT (SELECT count(*)::int FROM gw.outgoing_requests WHERE registration_id = $1) AS requests,
                (SELECT count(*)::int FROM gw.received_dossiers WHERE registration_id = $1) AS received`,
        [id],
      );
      expect(stored.rows[0]).toEqual({ requests: 0, received: 0 });

      // The next bulk request asks again: the dossier arrives once.
      const bulk = await requestAllOpen(w.ctx(vo), w.chain, { schoolBrin: VO, instanceId: 'gw-b' });
      expect(bulk.results.filter((r) => r.registrationId === id)).toMatchObject([
        { result: 'OverdrachtGeslaagd', state: 'ontvangen' },
      ]);
      const after = await db().query<{ received: number }>(
        'SELECT count(*)::int AS received FROM gw.received_dossiers WHERE registration_id = $1',
        [id],
      );
      expect(after.rows[0].received).toBe(1);
      expect(await registration(id)).toMatchObject({ state: 'ontvangen', requested_by: null });
    });

    it('an instance without a heartbeat row (stopped) is released at once; a request without a holder after five minutes', async () => {
      const gone = await readyRegistration();
      const unheld = await readyRegistration();
      const first = await inFlight(gone, 'gw-gone');
      const second = await inFlight(unheld, undefined);
      const other = { ...w.ctx(), db: await target.openInstance() };
      expect(await releaseInterruptedRequests(other, { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(1);
      expect((await registration(gone)).state).toBe('fout');
      expect((await registration(unheld)).state).toBe('aangevraagd');
      w.clock.advance(5 * 60_000 + 1);
      try {
        expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(
          1,
        );
      } finally {
        w.clock.advance(-(5 * 60_000 + 1));
      }
      expect(await registration(unheld)).toMatchObject({ state: 'fout', last_result: 'TechnischeFout' });
      first.release();
      second.release();
      await Promise.all([first.running, second.running]);
    });

    it('the database lets go of the holder when a request ends, and allows a holder only while requested', async () => {
      const id = await readyRegistration();
      await heartbeat(db(), 'gw-c');
      const result = await requestDossier(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        registrationId: id,
        instanceId: 'gw-c',
      });
      expect(result.result).toBe('OverdrachtGeslaagd');
      expect(await registration(id)).toMatchObject({ state: 'ontvangen', requested_by: null });
      const refused = await db()
        .query(`UPDATE gw.registrations SET requested_by = 'gw-c' WHERE id = $1`, [id])
        .then(
          () => 'accepted',
          (e: { constraint?: string }) => e.constraint,
        );
      expect(refused).toBe('registrations_held_only_while_requested');
    });
  },
  { migrations: chainTestMigrations },
);
