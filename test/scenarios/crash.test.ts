import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/index.js';
import { type Db, openDatabase } from '../../src/platform/db/index.js';
import { validateDocument } from '../../src/standard/index.js';
import {
  api,
  type ChainNode,
  call,
  connectSchool,
  createApiKey,
  createChainPki,
  defineNode,
  inPool,
  inspectedDossier,
  jobCounts,
  killNode,
  newEncryptionKey,
  type Pupil,
  registerSupplier,
  school,
  showLogsOnFailure,
  startNode,
  stopNodes,
  until,
} from '../support/chain-nodes.js';
import { type DatabaseKind, openTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 3 §7 "Crash safety": a school gateway (`overstap serve --role gateway`, a child process) is
 * killed with SIGKILL in the middle of a batch of transfers and started again on the same data.
 *
 * The po school 01AA has 40 inspected dossiers; the vo school 21XX registered the 40 pupils and asked
 * too early (NietKlaargezet). The batch: 01AA sets the dossiers ready one after the other (each
 * klaarzetten enqueues a ready notice; on the notice the receiving gateway requests the dossier by
 * itself, a durable job) while the vo school 22YY registers 20 of the pupils too (each registration
 * enqueues a registration notice to 01AA). Once some dossiers have arrived while ready notices and
 * registration notices are still outstanding, the gateway is killed with -9 and restarted. The
 * school administrations send again what they did not see confirmed; the durable jobs resume by
 * themselves. In the end every registration has its dossier exactly once (byte for byte, valid), no
 * request is left half-done, every notice arrived, no job failed, and the audit chains are intact.
 *
 * Two set-ups: one gateway for all three schools on PGlite (both sides die together), and the po
 * school's gateway on PostgreSQL killed while the vo schools' gateway (PGlite) keeps running and
 * asking. The traffic center is a process of its own on PGlite.
 */

const PO = school('01AA', 'po', 'Basisschool De Regenboog');
const VO = school('21XX', 'vo', 'Het Amersfoorts Lyceum');
const VO2 = school('22YY', 'vo', 'Scholengemeenschap De Eem');
const SEED = 'crash';
const PUPILS = 40;
const ALSO_AT_22YY = 20;
/** Kill once this many dossiers arrived through the ready notices. */
const KILL_AFTER = 2;
const READY_NOTICE = 'gw.send-ready-notice';
const REQUEST = 'gw.request-dossier';
const REGISTRATION_NOTICE = 'gw.send-registration-notice';
const JOB_KINDS = [READY_NOTICE, REQUEST, REGISTRATION_NOTICE];

interface Variant {
  /** The database of the gateway that is killed. */
  kind: DatabaseKind;
  /** One gateway for all schools, or the po school's gateway apart from the vo schools'. */
  gateways: 1 | 2;
  title: string;
}

const VARIANTS: Variant[] = [
  { kind: 'pglite', gateways: 1, title: 'one gateway for all schools on PGlite' },
  {
    kind: 'postgres',
    gateways: 2,
    title: 'the po school’s gateway on PostgreSQL, the vo schools’ gateway running on',
  },
];

const outstanding = (counts: Record<string, number>, kinds: string[]) =>
  kinds.reduce((n, k) => n + (counts[`${k}:pending`] ?? 0) + (counts[`${k}:running`] ?? 0), 0);

for (const variant of VARIANTS) {
  const { kind } = variant;
  describe(`crash safety: kill -9 of a gateway in the middle of a batch of transfers [${variant.title}]`, () => {
    let work: string;
    let poDb: TestDatabase | undefined;
    let tc: ChainNode;
    /** The gateway of 01AA: the one that is killed. */
    let poGw: ChainNode;
    /** The gateway of 21XX and 22YY: the same one, or another that keeps running. */
    let voGw: ChainNode;
    const keys = { tc: '', po: '', vo: '' };
    const timings: Record<string, number> = {};
    const nodes = () => [tc, poGw, ...(voGw === poGw ? [] : [voGw])];
    const gateways = () => (voGw === poGw ? [poGw] : [poGw, voGw]);
    const dossiers: Array<{ dossierId: string; xml: string; pupil: Pupil }> = [];
    const registrations = new Map<string, string>(); // dossierId → registration at 21XX

    async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await fn();
      } finally {
        timings[label] = Math.round(performance.now() - started);
      }
    }

    /** Durable jobs of the gateways, added up per kind and state. */
    async function jobs(): Promise<Record<string, number>> {
      const total: Record<string, number> = {};
      for (const g of gateways()) {
        for (const [k, n] of Object.entries(await jobCounts(g))) total[k] = (total[k] ?? 0) + n;
      }
      return total;
    }

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), `overstap-crash-${kind}-`));
      const pki = join(work, 'pki');
      await createChainPki(pki, { trafficcenter: 'server', 'gateway-a': 'both', 'gateway-b': 'both' });
      const [tcKey, aKey, bKey] = await Promise.all([
        newEncryptionKey(),
        newEncryptionKey(),
        newEncryptionKey(),
      ]);
      if (kind === 'postgres') poDb = await openTestDatabase('postgres');
      tc = await defineNode({
        name: 'traffic center',
        role: 'trafficcenter',
        pki,
        cert: 'trafficcenter',
        dataDir: join(work, 'tc'),
        encryptionKeys: tcKey,
      });
      poGw = await defineNode({
        name: variant.gateways === 1 ? 'gateway' : 'gateway A (po)',
        role: 'gateway',
        pki,
        cert: 'gateway-a',
        dataDir: join(work, 'gateway-a'),
        encryptionKeys: aKey,
        trafficCenterUrl: tc.chainUrl,
        ...(poDb?.url ? { databaseUrl: poDb.url } : {}),
      });
      voGw =
        variant.gateways === 1
          ? poGw
          : await defineNode({
              name: 'gateway B (vo)',
              role: 'gateway',
              pki,
              cert: 'gateway-b',
              dataDir: join(work, 'gateway-b'),
              encryptionKeys: bKey,
              trafficCenterUrl: tc.chainUrl,
            });
      // API keys before `serve`: a PGlite data folder belongs to one process at a time.
      const operators = new Map<ChainNode, string>();
      keys.tc = await createApiKey(tc, ['--kind', 'operator']);
      for (const g of gateways()) operators.set(g, await createApiKey(g, ['--kind', 'operator']));
      keys.po = await createApiKey(poGw, ['--kind', 'school', '--school', PO.brin, '--sector', 'po']);
      const voSchools = ['--school', VO.brin, '--school', VO2.brin];
      keys.vo = await createApiKey(voGw, ['--kind', 'school', ...voSchools, '--sector', 'vo']);
      await timed('start', () => Promise.all(nodes().map((n) => startNode(n))));
      const operated = { node: tc, key: keys.tc };
      const suppliers = new Map<ChainNode, string>();
      for (const g of gateways())
        suppliers.set(g, await registerSupplier(operated, `Supplier of ${g.name}`, g.certPem));
      for (const [g, s] of [
        [poGw, PO],
        [voGw, VO],
        [voGw, VO2],
      ] as const) {
        await connectSchool(
          operated,
          { node: g, key: operators.get(g) as string },
          suppliers.get(g) as string,
          s,
        );
      }
    }, 120_000);

    afterAll(async () => {
      await stopNodes(nodes());
      await poDb?.dispose();
      if (work) await rm(work, { recursive: true, force: true });
      console.info(`crash [${variant.title}] timings (ms): ${JSON.stringify(timings)}`);
    }, 60_000);

    const registrationsOf = (brin: string) =>
      api<Array<{ registrationId: string; state: string; lastResult: string | null }>>(
        voGw,
        'GET',
        `/api/gw/schools/${brin}/registrations`,
        { key: keys.vo },
      );

    it(`prepares ${PUPILS} inspected dossiers at 01AA, registered at 21XX and requested too early`, async () => {
      showLogsOnFailure(nodes);
      await timed('prepare', async () => {
        dossiers.push(
          ...(await inPool(
            Array.from({ length: PUPILS }, (_, i) => i),
            4,
            (i) => inspectedDossier(poGw, keys.po, PO.brin, SEED, i),
          )),
        );
        await inPool(dossiers, 4, async (d) => {
          const created = await api<{ registrationId: string }>(
            voGw,
            'POST',
            `/api/gw/schools/${VO.brin}/registrations`,
            { key: keys.vo, body: { ...d.pupil, sourceBrin: PO.brin } },
          );
          registrations.set(d.dossierId, created.registrationId);
        });
        const bulk = await api<{ byResult: Record<string, number> }>(
          voGw,
          'POST',
          `/api/gw/schools/${VO.brin}/requests`,
          { key: keys.vo, expected: 200 },
        );
        expect(bulk.byResult).toEqual({ NietKlaargezet: PUPILS });
        await until('the registration notices of 21XX', async () => {
          const counts = await jobs();
          return outstanding(counts, JOB_KINDS) === 0 ? counts : undefined;
        });
      });
    });

    const batch = {
      klaarzetten: new Map<string, number | string>(),
      registered: new Map<string, number | string>(),
      atKill: {} as Record<string, number>,
    };

    it('kill -9 in the middle of the batch: some dossiers arrived, ready and registration notices outstanding', async () => {
      showLogsOnFailure(nodes);
      const attempt = async (record: Map<string, number | string>, id: string, fn: () => Promise<number>) => {
        try {
          record.set(id, await fn());
        } catch (e) {
          record.set(id, (e as Error).message);
        }
      };
      let killed = false;
      const confirmed = (m: Map<string, number | string>, status: number) =>
        [...m.values()].filter((s) => s === status).length;
      const setReady = (items: typeof dossiers) =>
        inPool(items, 1, (d) =>
          killed
            ? Promise.resolve()
            : attempt(batch.klaarzetten, d.dossierId, async () => {
                const answer = await call(
                  poGw,
                  'POST',
                  `/api/gw/schools/${PO.brin}/dossiers/${d.dossierId}/klaarzetten`,
                  { key: keys.po, body: { destinationBrin: VO.brin } },
                );
                return answer.status;
              }),
        );
      // 01AA sets its dossiers ready one after the other; each one's ready notice makes the vo side
      // request it. Once the first have arrived, the rest follow while 22YY registers 20 of the
      // pupils (each registration enqueues a registration notice to 01AA).
      await setReady(dossiers.slice(0, 10));
      await until(
        `${KILL_AFTER} dossiers to arrive`,
        async () => ((await jobs())[`${REQUEST}:done`] ?? 0) >= KILL_AFTER || undefined,
        30_000,
        20,
      );
      const ready = setReady(dossiers.slice(10));
      const registered = inPool(dossiers.slice(0, ALSO_AT_22YY), 2, (d) =>
        killed && voGw === poGw
          ? Promise.resolve()
          : attempt(batch.registered, d.dossierId, async () => {
              const answer = await call(voGw, 'POST', `/api/gw/schools/${VO2.brin}/registrations`, {
                key: keys.vo,
                body: { ...d.pupil, sourceBrin: PO.brin },
              });
              return answer.status;
            }),
      );
      await until(
        'more dossiers set ready and some registrations at 22YY',
        async () =>
          (confirmed(batch.registered, 201) >= 4 && confirmed(batch.klaarzetten, 200) >= 14) || undefined,
        30_000,
        5,
      );
      batch.atKill = await jobs();
      killed = true;
      expect(await killNode(poGw)).toBe('SIGKILL');
      await Promise.all([ready, registered]);
      console.info(
        `[${variant.title}] at the kill: ${JSON.stringify(batch.atKill)}; klaarzetten confirmed: ${confirmed(
          batch.klaarzetten,
          200,
        )}/${PUPILS}; 22YY registrations confirmed: ${confirmed(batch.registered, 201)}/${ALSO_AT_22YY}`,
      );
      // The kill interrupted the batch: not every dossier had arrived, and ready notices and
      // registration notices were still to be sent.
      expect(batch.atKill[`${REQUEST}:done`]).toBeLessThan(PUPILS);
      expect(outstanding(batch.atKill, [READY_NOTICE])).toBeGreaterThan(0);
      expect(outstanding(batch.atKill, [REGISTRATION_NOTICE])).toBeGreaterThan(0);
    }, 60_000);

    it('after the restart the jobs resume, and every registration gets its dossier exactly once', async () => {
      showLogsOnFailure(nodes);
      await timed('restart', () => startNode(poGw));
      // The school administrations send again what they did not see confirmed.
      await timed('resend unconfirmed', async () => {
        for (const d of dossiers) {
          if (batch.klaarzetten.get(d.dossierId) === 200) continue;
          const again = await api(
            poGw,
            'POST',
            `/api/gw/schools/${PO.brin}/dossiers/${d.dossierId}/klaarzetten`,
            {
              key: keys.po,
              body: { destinationBrin: VO.brin },
              expected: 200,
            },
          );
          expect(again).toMatchObject({ state: 'klaargezet', destinationBrin: VO.brin });
        }
        for (const d of dossiers.slice(0, ALSO_AT_22YY)) {
          if (batch.registered.get(d.dossierId) === 201) continue;
          const again = await call(voGw, 'POST', `/api/gw/schools/${VO2.brin}/registrations`, {
            key: keys.vo,
            body: { ...d.pupil, sourceBrin: PO.brin },
          });
          // Committed before the kill (only the answer was lost), or not: either way it exists once.
          if (again.status !== 201) expect(again.body).toMatchObject({ code: 'REGISTRATION_EXISTS' });
        }
      });

      // The durable jobs finish the batch by themselves: ready notices → requests → received.
      const drained = await timed('jobs drained', () =>
        until(
          'the notices and requests to finish',
          async () => {
            const counts = await jobs();
            return outstanding(counts, JOB_KINDS) === 0 ? counts : undefined;
          },
          100_000,
          250,
        ),
      );
      console.info(`[${variant.title}] jobs after draining: ${JSON.stringify(drained)}`);
      for (const k of JOB_KINDS) expect(drained[`${k}:failed`] ?? 0).toBe(0);
      const states = await registrationsOf(VO.brin);
      const byState: Record<string, number> = {};
      for (const r of states) byState[r.state] = (byState[r.state] ?? 0) + 1;
      expect(byState).toEqual({ ontvangen: PUPILS });

      // A bulk request afterwards finds nothing open any more.
      const bulk = await api<{ requested: number }>(voGw, 'POST', `/api/gw/schools/${VO.brin}/requests`, {
        key: keys.vo,
        expected: 200,
      });
      expect(bulk.requested).toBe(0);

      // Every dossier arrived byte for byte, valid; 01AA knows where every pupil registered.
      await inPool(dossiers, 4, async (d) => {
        const exported = await api<string>(
          voGw,
          'GET',
          `/api/gw/schools/${VO.brin}/registrations/${registrations.get(d.dossierId)}/dossier`,
          { key: keys.vo },
        );
        expect(exported === d.xml).toBe(true);
        const verdict = validateDocument(Buffer.from(exported, 'utf8'), { mode: 'strict' });
        expect(verdict.findings.filter((f) => f.severity === 'fout')).toEqual([]);
      });
      const atPo = await api<
        Array<{ dossierId: string; state: string; registeredAt: Array<{ brin: string }> }>
      >(poGw, 'GET', `/api/gw/schools/${PO.brin}/dossiers`, { key: keys.po });
      for (const [i, d] of dossiers.entries()) {
        const listed = atPo.find((x) => x.dossierId === d.dossierId);
        expect(listed?.state).toBe('klaargezet');
        const expected = i < ALSO_AT_22YY ? [VO.brin, VO2.brin] : [VO.brin];
        expect(listed?.registeredAt.map((r) => r.brin).sort()).toEqual(expected);
      }
      expect(await registrationsOf(VO2.brin)).toHaveLength(ALSO_AT_22YY);
    }, 150_000);

    it('the databases hold no duplicate, no half-written row, no failed job and intact audit chains', async () => {
      showLogsOnFailure(nodes);
      // PGlite folders are read after their server stopped; PostgreSQL while it runs.
      const open = async (g: ChainNode): Promise<{ db: Db; close(): Promise<void> }> => {
        if (g === poGw && poDb) return { db: poDb.db, close: async () => {} };
        await g.process?.stop(15_000);
        const db = await openDatabase({ dataDir: join(g.env.OVERSTAP_DATA_DIR as string, 'pglite') });
        return { db, close: () => db.close() };
      };
      const po = await open(poGw);
      const vo = voGw === poGw ? po : await open(voGw);
      try {
        const q = async <T>(db: Db, text: string, params: unknown[] = []) =>
          (await db.query<T>(text, params)).rows;
        // The receiving side: one received dossier per registration, brought by one successful request.
        const perRegistration = await q<{ id: string; state: string; received: number; delivered: number }>(
          vo.db,
          `SELECT r.id, r.state,
                  (SELECT count(*) FROM gw.received_dossiers x WHERE x.registration_id = r.id)::int AS received,
                  (SELECT count(*) FROM gw.outgoing_requests o
                    WHERE o.registration_id = r.id AND o.result = 'OverdrachtGeslaagd')::int AS delivered
             FROM gw.registrations r WHERE r.school_brin = $1`,
          [VO.brin],
        );
        expect(perRegistration).toHaveLength(PUPILS);
        for (const r of perRegistration)
          expect(r).toMatchObject({ state: 'ontvangen', received: 1, delivered: 1 });
        const orphans = await q<{ n: number }>(
          vo.db,
          `SELECT count(*)::int AS n FROM gw.received_dossiers x
             JOIN gw.outgoing_requests o ON o.id = x.request_id
            WHERE o.registration_id <> x.registration_id OR o.result <> 'OverdrachtGeslaagd'`,
        );
        expect(orphans[0].n).toBe(0);
        const hanging = await q<{ n: number }>(
          vo.db,
          `SELECT count(*)::int AS n FROM gw.registrations WHERE state = 'aangevraagd'`,
        );
        expect(hanging[0].n).toBe(0);
        const abandoned = await q<{ n: number }>(
          vo.db,
          `SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'registration.request-abandoned'`,
        );

        // The sending side: the dossier delivered at least once per pupil (more often only when a
        // delivery was in flight at the kill: never stored, asked again), every registration noticed.
        const deliveries = await q<{ n: number }>(
          po.db,
          `SELECT count(*)::int AS n FROM gw.incoming_requests WHERE result = 'OverdrachtGeslaagd' AND school_brin = $1`,
          [PO.brin],
        );
        expect(deliveries[0].n).toBeGreaterThanOrEqual(PUPILS);
        const notices = await q<{ destination_brin: string; n: number }>(
          po.db,
          `SELECT destination_brin, count(*)::int AS n FROM gw.registration_notices GROUP BY destination_brin ORDER BY 1`,
        );
        expect(notices).toEqual([
          { destination_brin: VO.brin, n: PUPILS },
          { destination_brin: VO2.brin, n: ALSO_AT_22YY },
        ]);
        const readyNoticesSent = await q<{ n: number }>(
          po.db,
          `SELECT count(DISTINCT subject)::int AS n FROM platform.audit_log WHERE action = 'dossier.ready-notice.sent'`,
        );
        expect(readyNoticesSent[0].n).toBe(PUPILS);

        for (const side of new Set([po, vo])) {
          const stateOfJobs = await q<{ state: string; attempts: number; n: number }>(
            side.db,
            `SELECT state, max(attempts)::int AS attempts, count(*)::int AS n FROM platform.jobs
              WHERE kind = ANY($1::text[]) GROUP BY state`,
            [JOB_KINDS],
          );
          expect(stateOfJobs.map((j) => j.state)).toEqual(['done']);
          const verdict = await verifyAuditChain(side.db);
          expect(verdict).toMatchObject({ ok: true });
        }
        console.info(
          `[${variant.title}] source deliveries: ${deliveries[0].n} for ${PUPILS} pupils; requests ended as abandoned at the restart: ${abandoned[0].n}`,
        );
      } finally {
        await po.close();
        if (vo !== po) await vo.close();
      }
    });
  });
}
