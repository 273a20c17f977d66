import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHAIN_LOCK, verifyAuditChain } from '../../src/platform/audit/index.js';
import { validateDocument } from '../../src/standard/index.js';
import {
  type Answer,
  api,
  type ChainNode,
  call,
  connectSchool,
  createApiKey,
  createChainPki,
  defineNode,
  inPool,
  inspectedDossier,
  newEncryptionKey,
  type Operated,
  type Pupil,
  registerSupplier,
  school,
  showLogsOnFailure,
  startNode,
  stopNodes,
  until,
} from '../support/chain-nodes.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 3 §7 "Concurrency": one school gateway run as TWO `overstap serve --role gateway` processes
 * on the SAME PostgreSQL database (same encryption key, same chain certificate, different ports),
 * next to a traffic center process with a database of its own; everything over HTTP and mutual TLS.
 *
 * - Both instances start at the same moment on the empty database (migrations, key check, the
 *   summer switch job: each exactly once).
 * - Two klaarzetten of one dossier for different schools, one through each instance, both in flight
 *   at once (the test holds the audit chain's advisory lock, which every committing klaarzetten
 *   needs, until both are inside their transactions): exactly one wins, the other gets CONFLICT,
 *   the dossier is ready for exactly one school. Then races without that help: whatever the timing,
 *   every outcome is "one CONFLICT" or "the later one re-targeted", never two ready destinations.
 * - 200 dossier requests at once, spread over both instances, for 130 ready dossiers of four po
 *   schools (half of them hosted through each instance) registered at two vo schools, 70 of them
 *   requested twice (once through each instance): every request is answered, every dossier arrives
 *   exactly once (byte for byte, valid), the source side's audit log holds exactly one delivery per
 *   request id that got one, and the audit chain is intact.
 */

const PO = [
  school('11PA', 'po', 'Basisschool De Linde'),
  school('12PB', 'po', 'Basisschool Het Anker'),
  school('13PC', 'po', 'Basisschool De Wilg'),
  school('14PD', 'po', 'Basisschool Het Baken'),
];
const VO = [school('61VA', 'vo', 'College De Brug'), school('62VB', 'vo', 'Lyceum Het Plein')];
const SEED = 'concurrency';
/** Distinct ready dossiers in the burst, and how many of them are requested a second time. */
const DISTINCT = 130;
const TWICE = 70;
/** klaarzetten races: with both transactions held in flight, and free-running. */
const HELD_RACES = 4;
const FREE_RACES = 16;

let work: string;
let tcDb: TestDatabase | undefined;
let gwDb: TestDatabase | undefined;
let tc: ChainNode;
const instances: ChainNode[] = [];
const keys = { tc: '', operator: '', po: '', vo: '' };
const timings: Record<string, number> = {};

const nodes = () => [tc, ...instances];
const gw = (i: number) => instances[i % 2];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** A query on the gateway's database, from the test process (as a third client of it). */
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await (gwDb as TestDatabase).db.query<T>(text, params)).rows;
}

describe('concurrency: two instances of one gateway on one PostgreSQL database', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'overstap-concurrency-'));
    const pki = join(work, 'pki');
    await timed('pki and keys', () => createChainPki(pki, { trafficcenter: 'server', gateway: 'both' }));
    const [tcKey, gwKey] = await Promise.all([newEncryptionKey(), newEncryptionKey()]);
    [tcDb, gwDb] = await Promise.all([openTestDatabase('postgres'), openTestDatabase('postgres')]);

    tc = await defineNode({
      name: 'traffic center',
      role: 'trafficcenter',
      pki,
      cert: 'trafficcenter',
      dataDir: join(work, 'tc'),
      encryptionKeys: tcKey,
      databaseUrl: tcDb.url,
    });
    for (const n of [1, 2]) {
      instances.push(
        await defineNode({
          name: `gateway instance ${n}`,
          role: 'gateway',
          pki,
          cert: 'gateway',
          dataDir: join(work, `gateway-${n}`),
          encryptionKeys: gwKey,
          databaseUrl: gwDb.url,
          trafficCenterUrl: tc.chainUrl,
        }),
      );
    }
    keys.tc = await createApiKey(tc, ['--kind', 'operator']);
    // Both gateway instances start at the same moment on the empty database.
    const health = await timed('start', () => Promise.all(nodes().map((n) => startNode(n, 60_000))));
    expect(health).toEqual([
      { status: 'ok', role: 'trafficcenter', database: 'postgres' },
      { status: 'ok', role: 'gateway', database: 'postgres' },
      { status: 'ok', role: 'gateway', database: 'postgres' },
    ]);
    const g = instances[0];
    [keys.operator, keys.po, keys.vo] = await Promise.all([
      createApiKey(g, ['--kind', 'operator']),
      createApiKey(g, ['--kind', 'school', '--sector', 'po', ...PO.flatMap((s) => ['--school', s.brin])]),
      createApiKey(g, ['--kind', 'school', '--sector', 'vo', ...VO.flatMap((s) => ['--school', s.brin])]),
    ]);

    // One supplier system (both instances present the same certificate); the first po schools and
    // vo school hosted through instance 1, the others through instance 2: their delivery points are
    // at that instance's chain URL, so both instances answer document requests too.
    await timed('connect schools', async () => {
      const operated: Operated = { node: tc, key: keys.tc };
      const supplierId = await registerSupplier(operated, 'Gateway (two instances)', instances[0].certPem);
      const through = [
        [PO[0], PO[1], VO[0]],
        [PO[2], PO[3], VO[1]],
      ];
      for (const [i, schools] of through.entries()) {
        for (const s of schools) {
          await connectSchool(operated, { node: gw(i), key: keys.operator }, supplierId, s);
        }
      }
    });
  }, 120_000);

  afterAll(async () => {
    await stopNodes(nodes());
    await Promise.allSettled([tcDb?.dispose(), gwDb?.dispose()]);
    if (work) await rm(work, { recursive: true, force: true });
    console.info(`concurrency timings (ms): ${JSON.stringify(timings)}`);
  }, 60_000);

  it('both instances started together on the empty database: one key record, one summer switch job, one daily purge job', async () => {
    showLogsOnFailure(nodes);
    const summer = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM platform.jobs WHERE kind = 'gw.summer-switch' AND state = 'pending'`,
    );
    expect(summer[0].n).toBe(1);
    const purges = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM platform.jobs WHERE kind = 'gw.purge-ended-schools' AND state = 'pending'`,
    );
    expect(purges[0].n).toBe(1);
    const encryptionKeys = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM platform.encryption_keys',
    );
    expect(encryptionKeys[0].n).toBe(1);
  });

  /** Both klaarzetten of one dossier, one through each instance; the answers in that order. */
  function race(dossierId: string): Promise<Array<Answer<Record<string, unknown>>>> {
    return Promise.all(
      VO.map((destination, i) =>
        call(gw(i), 'POST', `/api/gw/schools/${PO[0].brin}/dossiers/${dossierId}/klaarzetten`, {
          key: keys.po,
          body: { destinationBrin: destination.brin },
        }),
      ),
    );
  }

  /** What the database says about a dossier's readiness after a race. */
  async function readiness(dossierId: string) {
    const rows = await sql<{ destination_brin: string; state: string }>(
      'SELECT destination_brin, state FROM gw.dossier_destinations WHERE dossier_id = $1 ORDER BY ready_at',
      [dossierId],
    );
    const audited = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'dossier.klaargezet' AND subject = $1`,
      [dossierId],
    );
    const dossier = await sql<{ state: string }>('SELECT state FROM gw.dossiers WHERE id = $1', [dossierId]);
    return {
      ready: rows.filter((r) => r.state === 'klaargezet').map((r) => r.destination_brin),
      rows: rows.length,
      audited: audited[0].n,
      state: dossier[0].state,
    };
  }

  it('two simultaneous klaarzetten of one dossier for different schools: exactly one wins, the other gets CONFLICT', async () => {
    showLogsOnFailure(nodes);
    const dossiers = await inPool(
      Array.from({ length: HELD_RACES }, (_, i) => i),
      4,
      (i) => inspectedDossier(gw(i), keys.po, PO[0].brin, SEED, 10_000 + i),
    );
    // A connection of our own holds the audit chain's lock: a klaarzetten can do all its work but
    // not commit, so the second one certainly starts while the first is still open.
    const holder = new pg.Client({ connectionString: gwDb?.url });
    await holder.connect();
    try {
      for (const { dossierId } of dossiers) {
        await holder.query('SELECT pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK]);
        let answers: Promise<Array<Answer<Record<string, unknown>>>>;
        try {
          answers = race(dossierId);
          // Both are inside their transaction: one waits for the audit lock, the other for the
          // first one's row lock on the dossier.
          await until(
            'both klaarzetten waiting inside their transactions',
            async () => {
              const { rows } = await holder.query<{ n: number }>(
                `SELECT count(DISTINCT l.pid)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND l.pid <> pg_backend_pid() AND a.datname = current_database()`,
              );
              return rows[0].n >= 2 ? true : undefined;
            },
            15_000,
            20,
          );
        } finally {
          await holder.query('SELECT pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK]);
        }
        const [first, second] = await answers;
        const statuses = [first.status, second.status].sort();
        expect(statuses, JSON.stringify([first.body, second.body])).toEqual([200, 409]);
        const winner = first.status === 200 ? first : second;
        const loser = first.status === 200 ? second : first;
        expect(loser.body).toMatchObject({
          code: 'CONFLICT',
          message: { nl: expect.any(String), en: expect.any(String) },
          details: { dossierId },
        });
        expect(winner.body).toMatchObject({ state: 'klaargezet', dossierId });
        expect(winner.body.withdrawnFrom).toBeUndefined();
        const after = await readiness(dossierId);
        expect(after).toEqual({
          ready: [winner.body.destinationBrin],
          rows: 1,
          audited: 1,
          state: 'klaargezet',
        });
      }
    } finally {
      await holder.end();
    }
  });

  it('free-running klaarzetten races never leave a dossier ready for two schools', async () => {
    showLogsOnFailure(nodes);
    const dossiers = await inPool(
      Array.from({ length: FREE_RACES }, (_, i) => i),
      4,
      (i) => inspectedDossier(gw(i), keys.po, PO[0].brin, SEED, 20_000 + i),
    );
    const outcomes = { conflict: 0, retargeted: 0 };
    for (const { dossierId } of dossiers) {
      const answers = await race(dossierId);
      for (const a of answers) expect([200, 409], JSON.stringify(a.body)).toContain(a.status);
      const won = answers.filter((a) => a.status === 200);
      const after = await readiness(dossierId);
      expect(after.ready).toHaveLength(1);
      expect(after.state).toBe('klaargezet');
      expect(after.audited).toBe(won.length);
      expect(after.rows).toBe(won.length);
      if (won.length === 1) {
        outcomes.conflict++;
        expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ code: 'CONFLICT' });
        expect(after.ready).toEqual([won[0].body.destinationBrin]);
      } else {
        // One after the other: the later one re-targeted, withdrawing the first.
        outcomes.retargeted++;
        const later = won.find((a) => a.body.withdrawnFrom !== undefined);
        const earlier = won.find((a) => a !== later);
        expect(later?.body.withdrawnFrom).toBe(earlier?.body.destinationBrin);
        expect(after.ready).toEqual([later?.body.destinationBrin]);
      }
    }
    console.info(`free-running klaarzetten races: ${JSON.stringify(outcomes)}`);
  });

  it('200 parallel requests over both instances: every dossier delivered exactly once per request, none lost', async () => {
    showLogsOnFailure(nodes);
    // 130 dossiers over the four po schools, each ready for one of the two vo schools, where the
    // pupil registers; preparation alternates between the instances.
    interface Transfer {
      index: number;
      po: string;
      vo: string;
      dossierId: string;
      xml: string;
      pupil: Pupil;
      registrationId: string;
    }
    const transfers: Transfer[] = await timed('prepare 130 ready dossiers and registrations', () =>
      inPool(
        Array.from({ length: DISTINCT }, (_, i) => i),
        6,
        async (i) => {
          const po = PO[i % PO.length].brin;
          const vo = VO[i % VO.length].brin;
          const d = await inspectedDossier(gw(i), keys.po, po, SEED, i);
          await api(gw(i + 1), 'POST', `/api/gw/schools/${po}/dossiers/${d.dossierId}/klaarzetten`, {
            key: keys.po,
            body: { destinationBrin: vo },
            expected: 200,
          });
          const registration = await api<{ registrationId: string }>(
            gw(i),
            'POST',
            `/api/gw/schools/${vo}/registrations`,
            { key: keys.vo, body: { ...d.pupil, sourceBrin: po } },
          );
          return { index: i, po, vo, ...d, registrationId: registration.registrationId };
        },
      ),
    );

    // 200 requests: each registration once, 70 of them a second time through the other instance.
    const requests = [
      ...transfers.map((t) => ({ t, instance: t.index % 2, id: `conc-${t.index}-a` })),
      ...transfers.slice(0, TWICE).map((t) => ({ t, instance: (t.index + 1) % 2, id: `conc-${t.index}-b` })),
    ];
    expect(requests).toHaveLength(200);
    shuffle(requests);
    const answers = await timed('200 parallel requests', () =>
      Promise.all(
        requests.map(async (r) => ({
          ...r,
          answer: await call<{ result?: string; state?: string; code?: string; requestId?: string }>(
            gw(r.instance),
            'POST',
            `/api/gw/schools/${r.t.vo}/registrations/${r.t.registrationId}/request`,
            { key: keys.vo, requestId: r.id, timeoutMs: 90_000 },
          ),
        })),
      ),
    );

    // Every request got an answer: the dossier, "not changed" (the other request of the pair had
    // it already), or CONFLICT (the other request of the pair was still running).
    const byOutcome: Record<string, number> = {};
    for (const { answer } of answers) {
      const outcome =
        answer.status === 200 ? String(answer.body.result) : `${answer.status} ${answer.body.code}`;
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
      expect(answer.requestId).toBeTruthy();
    }
    console.info(`200 parallel requests: ${JSON.stringify(byOutcome)}`);
    for (const { answer } of answers) {
      if (answer.status === 200)
        expect(['OverdrachtGeslaagd', 'NietGewijzigd']).toContain(answer.body.result);
      else expect(answer).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    }
    const delivered = answers.filter((a) => a.answer.body.result === 'OverdrachtGeslaagd');
    expect(delivered).toHaveLength(DISTINCT);
    expect(new Set(delivered.map((a) => a.t.registrationId)).size).toBe(DISTINCT);

    // Every registration received its dossier, byte for byte the source's current version, valid.
    await timed('verify 130 exports', () =>
      inPool(transfers, 8, async (t) => {
        const list = await api<Array<{ registrationId: string; state: string }>>(
          gw(t.index),
          'GET',
          `/api/gw/schools/${t.vo}/registrations`,
          { key: keys.vo },
        );
        expect(list.find((r) => r.registrationId === t.registrationId)?.state).toBe('ontvangen');
        const exported = await api<string>(
          gw(t.index + 1),
          'GET',
          `/api/gw/schools/${t.vo}/registrations/${t.registrationId}/dossier`,
          { key: keys.vo },
        );
        expect(exported === t.xml).toBe(true);
        if (t.index % 10 === 0) {
          const verdict = validateDocument(Buffer.from(exported, 'utf8'), { mode: 'strict' });
          expect(verdict.findings.filter((f) => f.severity === 'fout')).toEqual([]);
        }
      }),
    );

    // The database: one received dossier per registration, one request row per answered request.
    const registrationIds = transfers.map((t) => t.registrationId);
    const received = await sql<{ registration_id: string; n: number }>(
      `SELECT registration_id, count(*)::int AS n FROM gw.received_dossiers
        WHERE registration_id = ANY($1::uuid[]) GROUP BY registration_id`,
      [registrationIds],
    );
    expect(received).toHaveLength(DISTINCT);
    expect(received.every((r) => r.n === 1)).toBe(true);
    const states = await sql<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM gw.registrations WHERE id = ANY($1::uuid[]) GROUP BY state`,
      [registrationIds],
    );
    expect(states).toEqual([{ state: 'ontvangen', n: DISTINCT }]);
    const outgoing = await sql<{ result: string; n: number }>(
      `SELECT result, count(*)::int AS n FROM gw.outgoing_requests WHERE registration_id = ANY($1::uuid[])
        GROUP BY result ORDER BY result`,
      [registrationIds],
    );
    const answered = answers.filter((a) => a.answer.status === 200);
    expect(Object.fromEntries(outgoing.map((o) => [o.result, o.n]))).toEqual(
      countBy(answered.map((a) => String(a.answer.body.result))),
    );

    // The source side's audit log: exactly one delivery per request id that got the dossier, none
    // for the others; the receiving side stored exactly what was delivered.
    const ids = requests.map((r) => r.id);
    const audit = await sql<{ action: string; request_id: string; n: number }>(
      `SELECT action, request_id, count(*)::int AS n FROM platform.audit_log
        WHERE request_id = ANY($1::text[]) AND action IN ('dossier.delivered', 'received.stored', 'chain.document-request')
        GROUP BY action, request_id`,
      [ids],
    );
    const deliveredIds = new Set(delivered.map((a) => a.id));
    const deliveries = audit.filter((a) => a.action === 'dossier.delivered');
    expect(deliveries.every((a) => a.n === 1)).toBe(true);
    expect(new Set(deliveries.map((a) => a.request_id))).toEqual(deliveredIds);
    const stored = audit.filter((a) => a.action === 'received.stored');
    expect(stored.every((a) => a.n === 1)).toBe(true);
    expect(new Set(stored.map((a) => a.request_id))).toEqual(deliveredIds);
    const notChanged = answers.filter((a) => a.answer.body.result === 'NietGewijzigd').map((a) => a.id);
    expect(
      audit
        .filter((a) => a.action === 'chain.document-request')
        .map((a) => a.request_id)
        .sort(),
    ).toEqual(notChanged.sort());
    // … and its request records: one per session, each session one of an answered request.
    const sessions = await sql<{ session_id: string; n: number; delivered: number }>(
      `SELECT i.session_id, count(*)::int AS n, count(*) FILTER (WHERE i.result = 'OverdrachtGeslaagd')::int AS delivered
         FROM gw.incoming_requests i
         JOIN gw.outgoing_requests o ON o.session_id = i.session_id
        WHERE o.registration_id = ANY($1::uuid[])
        GROUP BY i.session_id`,
      [registrationIds],
    );
    expect(sessions).toHaveLength(answered.length);
    expect(sessions.every((s) => s.n === 1)).toBe(true);
    expect(sessions.reduce((sum, s) => sum + s.delivered, 0)).toBe(DISTINCT);

    // Asked again afterwards, 20 at once through both instances ("only if changed since"): nothing
    // has changed, nothing is delivered again.
    const later = await Promise.all(
      transfers
        .slice(0, 20)
        .map((t) =>
          api<{ result: string; state: string }>(
            gw(t.index + 1),
            'POST',
            `/api/gw/schools/${t.vo}/registrations/${t.registrationId}/request`,
            { key: keys.vo, expected: 200 },
          ),
        ),
    );
    expect(new Set(later.map((a) => `${a.result} ${a.state}`))).toEqual(new Set(['NietGewijzigd ontvangen']));
    const receivedAfter = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM gw.received_dossiers WHERE registration_id = ANY($1::uuid[])',
      [registrationIds],
    );
    expect(receivedAfter[0].n).toBe(DISTINCT);
  }, 240_000);

  it('keeps the audit chain intact and runs every durable job exactly once across both instances', async () => {
    showLogsOnFailure(nodes);
    const open = await until(
      'the registration notices to be sent',
      async () => {
        const rows = await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM platform.jobs WHERE state IN ('pending', 'running') AND kind NOT IN ('gw.summer-switch', 'gw.purge-ended-schools')`,
        );
        return rows[0].n === 0 ? rows[0].n : undefined;
      },
      30_000,
    );
    expect(open).toBe(0);
    const jobs = await sql<{ kind: string; state: string; attempts: number; n: number }>(
      `SELECT kind, state, attempts, count(*)::int AS n FROM platform.jobs
        WHERE kind NOT IN ('gw.summer-switch', 'gw.purge-ended-schools') GROUP BY kind, state, attempts`,
    );
    expect(jobs).toEqual([{ kind: 'gw.send-registration-notice', state: 'done', attempts: 1, n: DISTINCT }]);
    // Claimed by both instances' runners, each job ran once: one notice per registration.
    const runners = await sql<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM platform.jobs WHERE kind = 'gw.send-registration-notice'`,
    );
    const sent = await sql<{ n: number; subjects: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT subject)::int AS subjects FROM platform.audit_log
        WHERE action = 'registration.notice.sent'`,
    );
    expect(sent[0]).toEqual({ n: DISTINCT, subjects: DISTINCT });
    const noticed = await sql<{ n: number }>('SELECT count(*)::int AS n FROM gw.registration_notices');
    expect(noticed[0].n).toBe(DISTINCT);
    console.info(`registration notices run by ${runners.length} runner(s)`);

    const verdict = await verifyAuditChain((gwDb as TestDatabase).db);
    expect(verdict).toMatchObject({ ok: true });
    const total = await sql<{ n: number }>('SELECT count(*)::int AS n FROM platform.audit_log');
    expect(verdict.checked).toBe(total[0].n);
    expect(verdict.checked).toBeGreaterThan(4 * DISTINCT);
  });
});

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
