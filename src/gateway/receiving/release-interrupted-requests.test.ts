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
import { releaseAbandonedRequests, requestDossier } from './request-dossier.js';
import { requestSwvDossier } from './request-swv-dossier.js';

const PO = '91PA';
const VO = '92VA';
const SWV = '93SA';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);
const swv = schoolActor([SWV]);
const STALE = 30_000;

describeEachDatabase(
  'releasing the requests of gateway instances that stopped',
  (db, target) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO, { purposes: ['SWV'] });
      await w.school(VO, { sector: 'vo' });
      await w.school(SWV, { sector: 'swv', purposes: ['SWV'] });
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

    /** A POSWV dossier set ready for the samenwerkingsverband: the koppelsleutel the school hands over. */
    async function readySwvKey(): Promise<string> {
      const xml = dossierXml(PO, { profile: 'POSWV', seed: 'interrupted-swv', index: index++ });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      const ready = await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: SWV });
      return ready.koppelsleutel as string;
    }

    const swvRequest = async (id: string) =>
      (
        await db().query<{ state: string; requested_by: string | null; last_result: string | null }>(
          'SELECT state, requested_by, last_result FROM gw.swv_requests WHERE id = $1',
          [id],
        )
      ).rows[0];

    /** An SWV request whose answer waits until `release()`, as `inFlight` for a registration. */
    async function swvInFlight(koppelsleutel: string, holder: string | undefined) {
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const chain: GatewayChain = {
        trafficCenter: w.chain.trafficCenter,
        peers: {
          ...w.chain.peers,
          requestSwvDossier: async (point, body, requestId) => {
            await gate;
            return w.chain.peers.requestSwvDossier(point, body, requestId);
          },
        },
      };
      const before = new Set(
        (
          await db().query<{ id: string }>(
            `SELECT id FROM gw.swv_requests WHERE school_brin = $1 AND state = 'aangevraagd'`,
            [SWV],
          )
        ).rows.map((r) => r.id),
      );
      const running = requestSwvDossier(w.ctx(swv), chain, {
        schoolBrin: SWV,
        sourceBrin: PO,
        koppelsleutel,
        ...(holder ? { instanceId: holder } : {}),
      }).then(
        (r) => r,
        (e: unknown) => e,
      );
      let id: string | undefined;
      for (let i = 0; i < 200 && !id; i++) {
        const { rows } = await db().query<{ id: string }>(
          `SELECT id FROM gw.swv_requests WHERE school_brin = $1 AND state = 'aangevraagd'`,
          [SWV],
        );
        id = rows.find((r) => !before.has(r.id))?.id;
        if (!id) await new Promise((r) => setTimeout(r, 10));
      }
      if (!id) throw new Error('the SWV request never went out');
      return { id, running, release };
    }

    it('an SWV request records its instance too: released once that instance is gone, asked again by another', async () => {
      const koppelsleutel = await readySwvKey();
      await heartbeat(db(), 'gw-a');
      await heartbeat(db(), 'gw-b');
      const a = await swvInFlight(koppelsleutel, 'gw-a');
      expect(await swvRequest(a.id)).toMatchObject({ state: 'aangevraagd', requested_by: 'gw-a' });

      // Left alone while gw-a is alive, released by another instance once its heartbeat is stale.
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(0);
      await staleHeartbeat('gw-a');
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-a', staleAfterMs: STALE })).toBe(0);
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(1);
      expect(await swvRequest(a.id)).toEqual({
        state: 'fout',
        requested_by: null,
        last_result: 'TechnischeFout',
      });
      const audited = await db().query<{ school_brin: string; details: Record<string, unknown> }>(
        `SELECT school_brin, details FROM platform.audit_log WHERE action = 'swv.request-abandoned' AND subject = $1`,
        [a.id],
      );
      expect(audited.rows).toEqual([
        {
          school_brin: SWV,
          details: { result: 'TechnischeFout', reason: 'instance-stopped', instance: 'gw-a' },
        },
      ]);

      // gw-a was only slow: its late answer finds the request changed and stores nothing.
      a.release();
      const late = await a.running;
      expect(isAppError(late) && late.code).toBe('CONFLICT');
      const received = async () =>
        (
          await db().query<{ n: number }>(
            'SELECT count(*)::int AS n FROM gw.swv_received_dossiers WHERE swv_request_id = $1',
            [a.id],
          )
        ).rows[0].n;
      expect(await received()).toBe(0);

      // Asked again with the same key (another instance): the same request, held by gw-b meanwhile,
      // let go of when the dossier arrived — once.
      const b = await swvInFlight(koppelsleutel, 'gw-b');
      expect(b.id).toBe(a.id);
      expect(await swvRequest(a.id)).toMatchObject({ state: 'aangevraagd', requested_by: 'gw-b' });
      b.release();
      expect(await b.running).toMatchObject({ swvRequestId: a.id, result: 'OverdrachtGeslaagd' });
      expect(await swvRequest(a.id)).toMatchObject({ state: 'ontvangen', requested_by: null });
      expect(await received()).toBe(1);
      const refused = await db()
        .query(`UPDATE gw.swv_requests SET requested_by = 'gw-b' WHERE id = $1`, [a.id])
        .then(
          () => 'accepted',
          (e: { constraint?: string }) => e.constraint,
        );
      expect(refused).toBe('swv_requests_held_only_while_requested');
    });

    it('an SWV request of a stopped instance (no heartbeat row) is released at once; at a PGlite start every one', async () => {
      const gone = await swvInFlight(await readySwvKey(), 'gw-swv-gone');
      const unheld = await swvInFlight(await readySwvKey(), undefined);
      expect(await releaseInterruptedRequests(w.ctx(), { instanceId: 'gw-b', staleAfterMs: STALE })).toBe(1);
      expect(await swvRequest(gone.id)).toMatchObject({ state: 'fout', last_result: 'TechnischeFout' });
      expect(await swvRequest(unheld.id)).toMatchObject({ state: 'aangevraagd', requested_by: null });
      // The start of a process that holds its database alone ends whatever is still in flight.
      expect(await releaseAbandonedRequests(w.ctx())).toBe(1);
      expect(await swvRequest(unheld.id)).toMatchObject({ state: 'fout', last_result: 'TechnischeFout' });
      const audited = await db().query<{ details: Record<string, unknown> }>(
        `SELECT details FROM platform.audit_log WHERE action = 'swv.request-abandoned' AND subject = $1`,
        [unheld.id],
      );
      expect(audited.rows).toEqual([{ details: { result: 'TechnischeFout', reason: 'process-stopped' } }]);
      gone.release();
      unheld.release();
      for (const late of await Promise.all([gone.running, unheld.running])) {
        expect(isAppError(late) && late.code).toBe('CONFLICT');
      }
    });
  },
  { migrations: chainTestMigrations },
);
