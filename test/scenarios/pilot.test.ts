import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChainWorld, startChainWorld } from '../../src/gateway/chain-harness.js';
import {
  countMilestones,
  exportReceivedDossier,
  listDossiers,
  listRegistrations,
  registerGatewayApiRoutes,
} from '../../src/gateway/index.js';
import { TestClock } from '../../src/gateway/test-fixtures.js';
import { requireCaller } from '../../src/platform/auth/index.js';
import { type AuthWorld, type Browser, startAuthWorld } from '../../src/platform/auth/test-harness.js';
import { SYSTEM_ACTOR } from '../../src/platform/context.js';
import {
  addMemberSchool,
  createRegion,
  gatewayPilotExchanges,
  registerPilotRoutes,
  trafficCenterFacts,
} from '../../src/region/index.js';
import { regionTestMigrations } from '../../src/region/test-world.js';
import { readDossier } from '../../src/standard/index.js';
import { describeEachDatabase } from '../support/databases.js';

/**
 * The region's pilot end to end (ADR 0007), on PGlite and PostgreSQL: a real traffic center and a
 * real gateway over mutual TLS (chain-harness.ts), the region's pilot routes with signed-in people.
 *
 * - the coordinator makes a pilot with one pair of member schools (po → vo);
 * - the vo school asks first: the po school has no pilot dossier yet, so the chain answers
 *   LeerlingNietGevonden; the po school's administration generates both pilot dossiers (a regular
 *   one and one with support information), records their inspection and sets them ready; the vo
 *   school asks again and both dossiers arrive, marked pilot at the receiving side; it imports them;
 * - the pair's checklist, filled in from the chain, shows every step done and the pair complete;
 * - none of it is in the schools' worklists or the monitoring's counts.
 */
const PO = '61PA';
const VO = '62VA';
const REGION = 'pilotregio';

describeEachDatabase(
  'scenario: a pilot pair completes both exchanges through the chain',
  (db) => {
    let w: ChainWorld;
    let web: AuthWorld;
    let coordinator: Browser;
    let poAdmin: Browser;
    let voAdmin: Browser;
    let pilotId: string;
    let pairId: string;

    beforeAll(async () => {
      const clock = new TestClock('2027-03-01T09:00:00.000Z');
      w = await startChainWorld(db(), { clock });
      await w.school(PO, { region: 'Pilotregio' });
      await w.school(VO, { sector: 'vo', region: 'Pilotregio' });
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.keyring,
        register: (api, deps) => {
          const auth = requireCaller(deps.db, { now: deps.now });
          registerPilotRoutes(api, {
            db: db(),
            keyring: w.keyring,
            chain: trafficCenterFacts(db(), w.keyring),
            exchanges: gatewayPilotExchanges(db(), w.keyring, w.chain),
            mailer: deps.mailer,
            now: clock.now,
            auth,
          });
          registerGatewayApiRoutes(api, {
            db: db(),
            keyring: w.keyring,
            chain: w.chain,
            publicChainUrl: w.gatewayUrl,
            now: clock.now,
            auth,
          });
        },
      });
      const system = w.ctx(SYSTEM_ACTOR);
      await createRegion(system, { id: REGION, name: 'Pilotregio', holidayRegion: 'midden' });
      const chain = { chain: trafficCenterFacts(db(), w.keyring) };
      for (const brin of [PO, VO]) await addMemberSchool(system, chain, { regionId: REGION, brin });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: REGION, role: 'regiocoordinator' }),
      );
      poAdmin = await web.signedIn(await web.person({ scope: 'school', brin: PO, role: 'administratie' }));
      voAdmin = await web.signedIn(await web.person({ scope: 'school', brin: VO, role: 'administratie' }));
    }, 60_000);

    afterAll(async () => {
      await web?.close();
      await w?.close();
    });

    const pilot = async () => {
      const answer = await coordinator.request('GET', `/api/region/regions/${REGION}/pilots/${pilotId}`);
      expect(answer.statusCode).toBe(200);
      return answer.json();
    };
    const steps = (body: {
      pairs: Array<{ kinds: Array<{ kind: string; steps: Array<{ step: string; done: boolean }> }> }>;
    }) =>
      Object.fromEntries(
        body.pairs[0].kinds.map((k) => [k.kind, Object.fromEntries(k.steps.map((s) => [s.step, s.done]))]),
      );

    it('the coordinator makes the pilot; its pair has not started', async () => {
      const made = await coordinator.request('POST', `/api/region/regions/${REGION}/pilots`, {
        body: {
          name: 'Pilot voorjaar 2027',
          startsOn: '2027-03-01',
          endsOn: '2027-03-26',
          pairs: [{ poBrin: PO, voBrin: VO }],
        },
      });
      expect(made.statusCode).toBe(201);
      pilotId = made.json().pilotId;
      const body = await pilot();
      pairId = body.pairs[0].pairId;
      expect(body).toMatchObject({
        name: 'Pilot voorjaar 2027',
        status: 'running',
        schoolYear: '2026-2027',
        completePairs: 0,
        pairs: [{ po: { brin: PO, ready: true }, vo: { brin: VO, ready: true }, status: 'not_started' }],
      });
      expect(steps(body)).toEqual({
        regular: { setReady: false, requested: false, delivered: false, imported: false },
        support: { setReady: false, requested: false, delivered: false, imported: false },
      });
    });

    it('the vo school asks before the po school is ready: nothing is ready yet', async () => {
      const early = await voAdmin.request(
        'POST',
        `/api/region/schools/${VO}/pilots/${pilotId}/pairs/${pairId}/request`,
      );
      expect(early.statusCode).toBe(200);
      expect(early.json().outcomes).toEqual([
        { kind: 'regular', state: 'niet_gevonden', result: 'LeerlingNietGevonden' },
        { kind: 'support', state: 'niet_gevonden', result: 'LeerlingNietGevonden' },
      ]);
      const body = await pilot();
      expect(body.pairs[0].status).toBe('in_progress');
      expect(steps(body).regular).toEqual({
        setReady: false,
        requested: true,
        delivered: false,
        imported: false,
      });
    });

    it('the po school generates both pilot dossiers, records the inspection and sets them ready', async () => {
      const prepared = await poAdmin.request(
        'POST',
        `/api/region/schools/${PO}/pilots/${pilotId}/pairs/${pairId}/prepare`,
      );
      expect(prepared.statusCode).toBe(200);
      expect(prepared.json().outcomes).toEqual([
        { kind: 'regular', state: 'klaargezet' },
        { kind: 'support', state: 'klaargezet' },
      ]);
      // again: nothing new, the same two dossiers
      const again = await poAdmin.request(
        'POST',
        `/api/region/schools/${PO}/pilots/${pilotId}/pairs/${pairId}/prepare`,
      );
      expect(again.json().outcomes.map((o: { state: string }) => o.state)).toEqual([
        'klaargezet',
        'klaargezet',
      ]);
      const own = await poAdmin.request('GET', `/api/region/schools/${PO}/pilots`);
      expect(own.statusCode).toBe(200);
      const sending = own.json().sending as Array<{ kind: string; state: string; otherBrin: string }>;
      expect(sending.map((d) => [d.kind, d.state, d.otherBrin])).toEqual([
        ['regular', 'klaargezet', VO],
        ['support', 'klaargezet', VO],
      ]);
      expect(own.json().pilots[0].pairs[0]).toMatchObject({
        side: 'po',
        actions: { prepare: true, request: false, import: false },
      });
    });

    it('the vo school asks again: both dossiers arrive through the chain, marked pilot at its side', async () => {
      const requested = await voAdmin.request(
        'POST',
        `/api/region/schools/${VO}/pilots/${pilotId}/pairs/${pairId}/request`,
      );
      expect(requested.statusCode).toBe(200);
      expect(requested.json().outcomes).toEqual([
        { kind: 'regular', state: 'ontvangen', result: 'OverdrachtGeslaagd' },
        { kind: 'support', state: 'ontvangen', result: 'OverdrachtGeslaagd' },
      ]);
      // asking once more changes nothing: both have arrived
      const again = await voAdmin.request(
        'POST',
        `/api/region/schools/${VO}/pilots/${pilotId}/pairs/${pairId}/request`,
      );
      expect(again.json().outcomes).toEqual([
        { kind: 'regular', state: 'ontvangen' },
        { kind: 'support', state: 'ontvangen' },
      ]);
      const own = await voAdmin.request('GET', `/api/region/schools/${VO}/pilots`);
      const receiving = own.json().receiving as Array<{
        id: string;
        kind: string;
        state: string;
        receivedPilot: boolean;
        otherBrin: string;
      }>;
      expect(receiving.map((r) => [r.kind, r.state, r.receivedPilot, r.otherBrin])).toEqual([
        ['regular', 'ontvangen', true, PO],
        ['support', 'ontvangen', true, PO],
      ]);
      // the received pilot dossiers: fictional pupils with test BSNs, the support one with support information
      const ctx = w.ctx();
      const received = await Promise.all(
        receiving.map(async (r) => {
          const exported = await exportReceivedDossier(ctx, { schoolBrin: VO, registrationId: r.id });
          return readDossier(exported.xml).huidigeschool.leerling;
        }),
      );
      for (const l of received) expect(l.bsn).toMatch(/^99999\d{4}$/);
      expect(received[0].onderwijsondersteuning).toBeUndefined();
      expect(received[1].onderwijsondersteuning).toBeDefined();
      const { rows } = await db().query<{ pilot: boolean }>(
        `SELECT d.pilot FROM gw.received_dossiers d JOIN gw.registrations r ON r.id = d.registration_id
          WHERE r.school_brin = $1`,
        [VO],
      );
      expect(rows.map((r) => r.pilot)).toEqual([true, true]);
    });

    it('the vo school imports them; the checklist shows every step done and the pilot completed', async () => {
      const imported = await voAdmin.request(
        'POST',
        `/api/region/schools/${VO}/pilots/${pilotId}/pairs/${pairId}/import`,
      );
      expect(imported.statusCode).toBe(200);
      expect(imported.json().outcomes).toEqual([
        { kind: 'regular', state: 'ingelezen' },
        { kind: 'support', state: 'ingelezen' },
      ]);
      const body = await pilot();
      const done = { setReady: true, requested: true, delivered: true, imported: true };
      expect(steps(body)).toEqual({ regular: done, support: done });
      expect(body).toMatchObject({
        status: 'completed',
        completePairs: 1,
        pairs: [{ complete: true, status: 'complete' }],
      });
      const checks = Object.fromEntries(
        (body.checklist as Array<{ check: string; ok: boolean }>).map((c) => [c.check, c.ok]),
      );
      expect(checks).toEqual({ pairs: true, notified: false, schoolsReady: true, pairsComplete: true });
      expect((body.log as Array<{ event: string }>).map((e) => e.event)).toEqual([
        'created',
        'dossiers_requested',
        'dossiers_prepared',
        'dossiers_prepared',
        'dossiers_requested',
        'dossiers_requested',
        'dossiers_imported',
      ]);
    });

    it('keeps the pilot out of the worklists and the monitoring’s counts', async () => {
      const ctx = w.ctx();
      expect(await listDossiers(ctx, { schoolBrin: PO })).toEqual([]);
      expect(await listRegistrations(ctx, { schoolBrin: VO })).toEqual([]);
      const sending = await countMilestones(ctx, { schoolBrin: PO, schoolYear: '2026-2027' });
      const receiving = await countMilestones(ctx, { schoolBrin: VO, schoolYear: '2026-2027' });
      expect(Object.values(sending.sending).every((n) => n === 0)).toBe(true);
      expect(Object.values(receiving.receiving).every((n) => n === 0)).toBe(true);
      // and the gateway's own worklist route agrees
      const list = await poAdmin.request('GET', `/api/gw/schools/${PO}/dossiers`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([]);
    });
  },
  { migrations: regionTestMigrations },
);
