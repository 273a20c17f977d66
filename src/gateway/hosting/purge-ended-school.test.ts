import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import { verifyAuditChain } from '../../platform/audit/index.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import type { Db } from '../../platform/db/index.js';
import { createHttpServer } from '../../platform/http/server.js';
import { JobRunner } from '../../platform/jobs/index.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerGatewayApiRoutes } from '../http/api-routes.js';
import { gatewayJobHandlers } from '../jobs.js';
import { exportReceivedDossier } from '../receiving/export-received-dossier.js';
import { exportSwvDossier } from '../receiving/export-swv-dossier.js';
import { listRegistrations } from '../receiving/list-registrations.js';
import { listSwvRequests } from '../receiving/list-swv-requests.js';
import { readRegistration } from '../receiving/read-registration.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { requestSwvDossier } from '../receiving/request-swv-dossier.js';
import { sendTerugkoppeling } from '../receiving/send-terugkoppeling.js';
import { checkInspectionBirthDate } from '../sending/check-inspection-birth-date.js';
import { createInspectionLink } from '../sending/create-inspection-link.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { listTerugkoppelingen } from '../sending/list-terugkoppelingen.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { readDossierDocument } from '../sending/read-dossier.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, hostSchool, schoolActor } from '../test-fixtures.js';
import { listHostedSchools } from './hosted-schools.js';
import {
  PURGE_ENDED_SCHOOLS,
  type PurgeCounts,
  purgeEndedSchool,
  purgeEndedSchools,
  scheduleSchoolPurges,
} from './purge-ended-school.js';
import { stopHostingSchool } from './stop-hosting-school.js';

const PO = '61PA'; // stays: sends the vo school a dossier, gets its feedback
const VO = '62VA'; // purged: receives from PO, sends to VO2 (VOVO) and to SWV (VOSWV)
const VO2 = '63VB'; // stays: receives from VO, sends it feedback
const SWV = '64SA'; // purged later, by the daily job: asked VO for an SWV dossier
const po = schoolActor([PO]);
const vo = schoolActor([VO]);
const vo2 = schoolActor([VO2]);
const swv = schoolActor([SWV]);
const VERTREK = { vertrekdatum: '2026-09-30', vertrekreden: 'verhuisd' };

/** Each table the purge empties for a school, and how the test itself finds that school's rows. */
const OF_DOSSIERS = 'SELECT id FROM gw.dossiers WHERE school_brin = $1';
const OF_REGISTRATIONS = 'SELECT id FROM gw.registrations WHERE school_brin = $1';
const TABLES: Record<keyof PurgeCounts, [table: string, where: string]> = {
  pupils: ['gw.pupils', 'school_brin = $1'],
  dossiers: ['gw.dossiers', 'school_brin = $1'],
  dossierVersions: ['gw.dossier_versions', `dossier_id IN (${OF_DOSSIERS})`],
  dossierDestinations: ['gw.dossier_destinations', `dossier_id IN (${OF_DOSSIERS})`],
  koppelsleutels: ['gw.koppelsleutels', 'school_brin = $1'],
  inspectionLinks: ['gw.inspection_links', 'school_brin = $1'],
  inspectionSessions: [
    'gw.inspection_sessions',
    'link_id IN (SELECT id FROM gw.inspection_links WHERE school_brin = $1)',
  ],
  incomingRequests: ['gw.incoming_requests', 'school_brin = $1'],
  registrationNotices: ['gw.registration_notices', 'school_brin = $1'],
  incomingTerugkoppelingen: ['gw.incoming_terugkoppelingen', 'school_brin = $1'],
  registrations: ['gw.registrations', 'school_brin = $1'],
  outgoingRequests: ['gw.outgoing_requests', `registration_id IN (${OF_REGISTRATIONS})`],
  receivedDossiers: ['gw.received_dossiers', `registration_id IN (${OF_REGISTRATIONS})`],
  outgoingTerugkoppelingen: ['gw.outgoing_terugkoppelingen', 'school_brin = $1'],
  swvRequests: ['gw.swv_requests', 'school_brin = $1'],
  swvReceivedDossiers: [
    'gw.swv_received_dossiers',
    'swv_request_id IN (SELECT id FROM gw.swv_requests WHERE school_brin = $1)',
  ],
};
type Kind = keyof PurgeCounts;
const KINDS = Object.keys(TABLES) as Kind[];

/** The ids of a school's rows, per kind. */
async function rowsOf(db: Db, brin: string): Promise<Record<Kind, string[]>> {
  const out = {} as Record<Kind, string[]>;
  for (const kind of KINDS) {
    const [table, where] = TABLES[kind];
    const { rows } = await db.query<{ id: string }>(
      `SELECT id::text AS id FROM ${table} WHERE ${where} ORDER BY id`,
      [brin],
    );
    out[kind] = rows.map((r) => r.id);
  }
  return out;
}

/** Every other row of each table, as text: what must come through a purge unchanged. */
async function othersThan(db: Db, ids: Record<Kind, string[]>): Promise<Record<Kind, string>> {
  const out = {} as Record<Kind, string>;
  for (const kind of KINDS) {
    const [table] = TABLES[kind];
    const { rows } = await db.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS digest
         FROM ${table} t WHERE NOT (t.id = ANY($1::uuid[]))`,
      [ids[kind]],
    );
    out[kind] = `${rows[0].n}:${rows[0].digest}`;
  }
  return out;
}

const counted = (ids: Record<Kind, string[]>): PurgeCounts =>
  Object.fromEntries(KINDS.map((k) => [k, ids[k].length])) as unknown as PurgeCounts;

describeEachDatabase(
  'deleting the data of a school after its retention period',
  (db, target) => {
    let w: ChainWorld;
    let voIds: Record<Kind, string[]>;
    let swvIds: Record<Kind, string[]>;
    let voDossierId: string;
    let voRegistrationId: string;
    let inspectionToken: string;
    let swvRequestId: string;

    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo', purposes: ['SWV'] });
      await w.school(VO2, { sector: 'vo' });
      await w.school(SWV, { sector: 'swv', purposes: ['SWV'] });

      // PO → VO: a POVO dossier, requested and received by VO, which sends feedback back.
      const povo = dossierXml(PO, { seed: 'purge', index: 0 });
      const { dossierId: poDossier } = await importDossier(w.ctx(po), { schoolBrin: PO, xml: povo });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId: poDossier });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId: poDossier,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: poDossier, destinationBrin: VO });
      const p = readDossier(povo).huidigeschool.leerling;
      voRegistrationId = (
        await registerPupil(w.ctx(vo), w.chain, {
          schoolBrin: VO,
          sourceBrin: PO,
          bsn: p.bsn as string,
          achternaam: p.achternaam,
          geboortedatum: p.geboortedatum as string,
        })
      ).registrationId;
      expect(
        (await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId: voRegistrationId }))
          .result,
      ).toBe('OverdrachtGeslaagd');
      await sendTerugkoppeling(w.ctx(vo), {
        schoolBrin: VO,
        registrationId: voRegistrationId,
        vertrek: VERTREK,
      });

      // VO → VO2: a VOVO dossier inspected through the parents' link, received by VO2 with feedback.
      const vovo = dossierXml(VO, { seed: 'purge', index: 1, profile: 'VOVO' });
      const q = readDossier(vovo).huidigeschool.leerling;
      voDossierId = (await importDossier(w.ctx(vo), { schoolBrin: VO, xml: vovo })).dossierId;
      await putUpForInspection(w.ctx(vo), { schoolBrin: VO, dossierId: voDossierId });
      const link = await createInspectionLink(
        w.ctx(vo),
        { schoolBrin: VO, dossierId: voDossierId },
        { publicUrl: 'https://overstap.test' },
      );
      inspectionToken = link.url.slice('https://overstap.test/inzage/'.length);
      const { actor: _actor, ...parent } = w.ctx();
      await checkInspectionBirthDate(parent, {
        token: inspectionToken,
        geboortedatum: q.geboortedatum as string,
      });
      await recordInspection(w.ctx(vo), {
        schoolBrin: VO,
        dossierId: voDossierId,
        inzagedatum: '2026-03-25',
        akkoord: 'Ja',
        toestemming: 'Ja',
      });
      await klaarzetten(w.ctx(vo), { schoolBrin: VO, dossierId: voDossierId, destinationBrin: VO2 });
      const { registrationId: vo2Registration } = await registerPupil(w.ctx(vo2), w.chain, {
        schoolBrin: VO2,
        sourceBrin: VO,
        bsn: q.bsn as string,
        achternaam: q.achternaam,
        geboortedatum: q.geboortedatum as string,
      });
      expect(
        (await requestDossier(w.ctx(vo2), w.chain, { schoolBrin: VO2, registrationId: vo2Registration }))
          .result,
      ).toBe('OverdrachtGeslaagd');
      await sendTerugkoppeling(w.ctx(vo2), {
        schoolBrin: VO2,
        registrationId: vo2Registration,
        vertrek: VERTREK,
      });

      // VO → SWV: a VOSWV dossier, asked for by koppelsleutel.
      const voswv = dossierXml(VO, { seed: 'purge', index: 2, profile: 'VOSWV' });
      const { dossierId: swvDossier } = await importDossier(w.ctx(vo), { schoolBrin: VO, xml: voswv });
      const ready = await klaarzetten(w.ctx(vo), {
        schoolBrin: VO,
        dossierId: swvDossier,
        destinationBrin: SWV,
      });
      const asked = await requestSwvDossier(w.ctx(swv), w.chain, {
        schoolBrin: SWV,
        sourceBrin: VO,
        koppelsleutel: ready.koppelsleutel as string,
      });
      expect(asked.result).toBe('OverdrachtGeslaagd');
      swvRequestId = asked.swvRequestId;

      await w.runJobs(); // registration notices, feedback
      voIds = await rowsOf(db(), VO);
      swvIds = await rowsOf(db(), SWV);
    }, 120_000);
    afterAll(async () => w?.close());

    it('holds every kind of a school’s data before (the world the other tests purge)', () => {
      const swvKinds: Kind[] = ['swvRequests', 'swvReceivedDossiers'];
      for (const kind of KINDS.filter((k) => !swvKinds.includes(k))) {
        expect(voIds[kind].length, `${VO} ${kind}`).toBeGreaterThan(0);
      }
      for (const kind of swvKinds) expect(swvIds[kind].length, `${SWV} ${kind}`).toBeGreaterThan(0);
    });

    it('deletes nothing while the school is hosted or its retention period lasts, and only for the gateway’s administrator', async () => {
      expect(await refusal(purgeEndedSchool(w.ctx(), { brin: VO }))).toBe('GW_PURGE_NOT_DUE');
      expect(await refusal(purgeEndedSchool(w.ctx(), { brin: '99ZZ' }))).toBe('GW_SCHOOL_NOT_HOSTED');
      expect(await refusal(purgeEndedSchool(w.ctx(), { brin: 'nope' }))).toBe('VALIDATION_FAILED');
      // The database, too: no purge record for a school still hosted.
      expect(await refusal(db().query('UPDATE gw.schools SET purged_at = now() WHERE brin = $1', [VO]))).toBe(
        'schools_purged_after_retention',
      );

      await stopHostingSchool(w.ctx(), { brin: VO, retainUntil: '2026-06-30' });
      expect(await refusal(purgeEndedSchool(w.ctx(vo), { brin: VO }))).toBe('FORBIDDEN');
      w.clock.set('2026-06-30T23:59:59.000Z'); // the last day it is kept
      await expect(purgeEndedSchool(w.ctx(), { brin: VO })).rejects.toMatchObject({
        code: 'GW_PURGE_NOT_DUE',
        details: { brin: VO, reason: 'retained', retainUntil: '2026-06-30' },
      });
      expect(await purgeEndedSchools(w.ctx())).toEqual({ purged: [], failed: [] });
      expect(
        await refusal(
          db().query(`UPDATE gw.schools SET purged_at = '2026-06-30T12:00:00Z' WHERE brin = $1`, [VO]),
        ),
      ).toBe('schools_purged_after_retention');

      expect(await rowsOf(db(), VO)).toEqual(voIds);
      const read = await readDossierDocument(w.ctx(vo), { schoolBrin: VO, dossierId: voDossierId });
      expect(read.dossierId).toBe(voDossierId);
    });

    it('after retain_until deletes all of the school’s personal data in one go, leaves other schools’ data as it was and audits counts only', async () => {
      const others = await othersThan(db(), voIds);
      const auditBefore = await db().query<{ seq: string }>(
        'SELECT seq FROM platform.audit_log WHERE school_brin = $1 ORDER BY seq',
        [VO],
      );
      w.clock.set('2026-07-01T00:00:01.000Z');

      const purged = await purgeEndedSchool(w.ctx(), { brin: VO });
      expect(purged).toEqual({
        brin: VO,
        hostingEndedAt: '2026-04-01T09:00:00.000Z',
        retainUntil: '2026-06-30',
        purgedAt: '2026-07-01T00:00:01.000Z',
        purgedNow: true,
        deleted: counted(voIds),
      });
      const left = await rowsOf(db(), VO);
      for (const kind of KINDS) expect(left[kind], kind).toEqual([]);
      for (const kind of KINDS) {
        const [table] = TABLES[kind];
        const { rows } = await db().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
          [voIds[kind]],
        );
        expect(rows[0].n, kind).toBe(0);
      }
      // Whatever table holds a school's rows by its BRIN holds none of this school's any more.
      const { rows: tables } = await db().query<{ name: string }>(
        `SELECT c.table_schema || '.' || c.table_name AS name FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'gw' AND c.column_name = 'school_brin' AND t.table_type = 'BASE TABLE'`,
      );
      expect(tables.length).toBeGreaterThanOrEqual(10);
      for (const { name } of tables) {
        const { rows } = await db().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${name} WHERE school_brin = $1`,
          [VO],
        );
        expect(rows[0].n, name).toBe(0);
      }
      expect(await othersThan(db(), voIds)).toEqual(others);
      expect((await listDossiers(w.ctx(po), { schoolBrin: PO })).length).toBe(1);
      expect((await listTerugkoppelingen(w.ctx(po), { schoolBrin: PO })).map((t) => t.fromBrin)).toEqual([
        VO,
      ]);
      expect(await listRegistrations(w.ctx(vo2), { schoolBrin: VO2 })).toHaveLength(1);

      // The audit log keeps every earlier entry (and its chain) and gets one more: counts, no ids.
      const audited = await db().query<{
        seq: string;
        action: string;
        subject: string | null;
        details: Record<string, unknown>;
      }>('SELECT seq, action, subject, details FROM platform.audit_log WHERE school_brin = $1 ORDER BY seq', [
        VO,
      ]);
      expect(audited.rows.slice(0, -1).map((r) => r.seq)).toEqual(auditBefore.rows.map((r) => r.seq));
      expect(audited.rows.at(-1)).toMatchObject({
        action: 'gateway.school.purged',
        subject: null,
        details: {
          hostingEndedAt: '2026-04-01T09:00:00.000Z',
          retainUntil: '2026-06-30',
          deleted: counted(voIds),
        },
      });
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    });

    it('purging again changes nothing and answers with the earlier purge', async () => {
      w.clock.set('2026-07-02T10:00:00.000Z');
      const audits = async () =>
        (
          await db().query<{ n: number }>(
            `SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'gateway.school.purged'`,
          )
        ).rows[0].n;
      const before = await audits();
      const again = await purgeEndedSchool(w.ctx(), { brin: VO });
      expect(again).toMatchObject({
        brin: VO,
        purgedAt: '2026-07-01T00:00:01.000Z',
        purgedNow: false,
        deleted: counted(await rowsOf(db(), VO)),
      });
      expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);
      expect(await purgeEndedSchools(w.ctx())).toEqual({ purged: [], failed: [] });
      expect(await audits()).toBe(before);
      // Stopping it again only reports what was done.
      expect((await stopHostingSchool(w.ctx(), { brin: VO })).retainUntil).toBe('2026-06-30');
    });

    it('a purged school cannot be read or exported, and is not hosted or resumed again under its record', async () => {
      expect(await listDossiers(w.ctx(vo), { schoolBrin: VO })).toEqual([]);
      expect(await listRegistrations(w.ctx(vo), { schoolBrin: VO })).toEqual([]);
      expect(await listTerugkoppelingen(w.ctx(vo), { schoolBrin: VO })).toEqual([]);
      expect(await refusal(readDossierDocument(w.ctx(vo), { schoolBrin: VO, dossierId: voDossierId }))).toBe(
        'DOSSIER_NOT_FOUND',
      );
      expect(
        await refusal(readRegistration(w.ctx(vo), { schoolBrin: VO, registrationId: voRegistrationId })),
      ).toBe('REGISTRATION_NOT_FOUND');
      expect(
        await refusal(exportReceivedDossier(w.ctx(vo), { schoolBrin: VO, registrationId: voRegistrationId })),
      ).toBe('REGISTRATION_NOT_FOUND');
      const { actor: _actor, ...parent } = w.ctx();
      expect(
        await refusal(
          checkInspectionBirthDate(parent, { token: inspectionToken, geboortedatum: '2012-01-01' }),
        ),
      ).not.toBe('accepted');

      expect(await refusal(hostSchool(w, VO, { sector: 'vo' }))).toBe('GW_SCHOOL_PURGED');
      const sql = (text: string, params: unknown[]) => refusal(db().query(text, params));
      // A resume clears the end of hosting: refused for a purged school, as is undoing the purge.
      expect(
        await sql('UPDATE gw.schools SET hosting_ended_at = NULL, retain_until = NULL WHERE brin = $1', [VO]),
      ).toBe('school_purged_is_final');
      expect(await sql(`UPDATE gw.schools SET retain_until = '2030-01-01' WHERE brin = $1`, [VO])).toBe(
        'school_purged_is_final',
      );
      expect(await sql('UPDATE gw.schools SET purged_at = NULL WHERE brin = $1', [VO])).toBe(
        'school_purged_is_final',
      );
      expect(await sql('DELETE FROM gw.schools WHERE brin = $1', [VO])).toBe('school_purged_is_final');
      // Nothing of a pupil is stored for it any more.
      expect(
        await sql(
          `INSERT INTO gw.pupils (id, school_brin, pupil_key, identity_enc) VALUES (gen_random_uuid(), $1, 'k', '\\x00')`,
          [VO],
        ),
      ).toBe('school_purged');
      expect(
        await sql(
          `INSERT INTO gw.registration_notices (id, school_brin, pupil_key, destination_brin)
           VALUES (gen_random_uuid(), $1, 'k', $2)`,
          [VO, VO2],
        ),
      ).toBe('school_purged');

      // The operator sees it in the list of schools, over the API as well.
      const [listed] = (await listHostedSchools(w.ctx())).filter((s) => s.brin === VO);
      expect(listed).toMatchObject({
        hostingEndedAt: '2026-04-01T09:00:00.000Z',
        retainUntil: '2026-06-30',
        purgedAt: '2026-07-01T00:00:01.000Z',
      });
      const api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      try {
        registerGatewayApiRoutes(api, {
          db: db(),
          keyring: w.keyring,
          chain: w.chain,
          publicChainUrl: w.gatewayUrl,
          now: w.clock.now,
        });
        await api.ready();
        const { key } = await createApiKey(db(), {
          label: 'op',
          kind: 'operator',
          schools: [],
          permissions: ['gateway:admin'],
        });
        const got = await api.inject({
          method: 'GET',
          url: '/api/gw/schools',
          headers: { authorization: `Bearer ${key}` },
        });
        expect(got.statusCode).toBe(200);
        const schools = got.json() as Array<{ brin: string; purgedAt: string | null }>;
        expect(schools.find((s) => s.brin === VO)).toMatchObject({
          hostingEndedAt: '2026-04-01T09:00:00.000Z',
          retainUntil: '2026-06-30',
          purgedAt: '2026-07-01T00:00:01.000Z',
        });
        expect(schools.find((s) => s.brin === PO)).toMatchObject({
          hostingEndedAt: null,
          retainUntil: null,
          purgedAt: null,
        });
      } finally {
        await api.close();
      }
    });

    it('the daily job purges every school past its retain_until once, with two instances on the database', async () => {
      w.clock.set('2026-07-05T10:00:00.000Z');
      await stopHostingSchool(w.ctx(), { brin: SWV, retainUntil: '2026-07-10' });
      expect(
        await refusal(
          db().query(`UPDATE gw.schools SET purged_at = '2026-07-10T23:00:00Z' WHERE brin = $1`, [SWV]),
        ),
      ).toBe('schools_purged_after_retention');
      const others = await othersThan(db(), swvIds);

      // Both instances make sure of the next run at start-up: one job.
      const other = await target.openInstance();
      w.clock.set('2026-07-10T12:00:00.000Z');
      for (const instance of [db(), other]) {
        expect((await scheduleSchoolPurges(instance, w.clock.now())).toISOString()).toBe(
          '2026-07-11T02:00:00.000Z',
        );
      }
      const daily = await db().query<{ key: string }>(
        'SELECT key FROM platform.jobs WHERE kind = $1 ORDER BY key',
        [PURGE_ENDED_SCHOOLS],
      );
      expect(daily.rows.map((r) => r.key)).toEqual(['daily:2026-07-11']);
      const handlers = (on: Db) =>
        gatewayJobHandlers({ db: on, keyring: w.keyring, chain: w.chain, now: w.clock.now });
      const first = new JobRunner(db(), handlers(db()), { backoff: { baseMs: 1, maxMs: 1 } });
      const second = new JobRunner(other, handlers(other), { backoff: { baseMs: 1, maxMs: 1 } });

      // The run of the 11th, claimed by both instances' runners while an operator purges by hand.
      w.clock.set('2026-07-11T02:00:01.000Z');
      const [, , byHand] = await Promise.all([
        first.runDue(1),
        second.runDue(1),
        purgeEndedSchool({ ...w.ctx(), db: other }, { brin: SWV }),
      ]);
      expect(byHand).toMatchObject({ brin: SWV, purgedAt: expect.any(String) });
      const left = await rowsOf(db(), SWV);
      for (const kind of KINDS) expect(left[kind], kind).toEqual([]);
      expect(await othersThan(db(), swvIds)).toEqual(others);
      expect(await listSwvRequests(w.ctx(swv), { schoolBrin: SWV })).toEqual([]);
      expect(await refusal(exportSwvDossier(w.ctx(swv), { schoolBrin: SWV, swvRequestId }))).toBe(
        'SWV_REQUEST_NOT_FOUND',
      );

      const purges = await db().query<{ details: { deleted: PurgeCounts } }>(
        `SELECT details FROM platform.audit_log WHERE action = 'gateway.school.purged' AND school_brin = $1`,
        [SWV],
      );
      expect(purges.rows.map((r) => r.details.deleted)).toEqual([counted(swvIds)]);
      const jobs = await db().query<{ key: string; state: string; attempts: number }>(
        'SELECT key, state, attempts FROM platform.jobs WHERE kind = $1 ORDER BY key',
        [PURGE_ENDED_SCHOOLS],
      );
      expect(jobs.rows[0]).toEqual({ key: 'daily:2026-07-11', state: 'done', attempts: 1 });
      // Each run schedules the next day's.
      expect(jobs.rows.map((r) => r.key)).toContain('daily:2026-07-12');
      expect(jobs.rows.filter((r) => r.state === 'failed')).toEqual([]);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    });
  },
  { migrations: chainTestMigrations },
);
