import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { editDossier } from './edit-dossier.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { listDossiers } from './list-dossiers.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { recordInspection } from './record-inspection.js';
import { withdrawDossier } from './withdraw-dossier.js';

const PO = '11AA';
const SWV = '14SW';
const VO = '15VO';
const actor = schoolActor([PO]);

describeEachDatabase(
  'klaarzetten',
  (db, target) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
      await hostSchool(w, SWV, { sector: 'swv' });
      await hostSchool(w, VO, { sector: 'vo' });
    });

    /** A POVO dossier of a new pupil, imported; optionally through inspection. */
    async function dossier(options: { inspected?: boolean; profile?: 'POVO' | 'BB' } = {}) {
      const xml = dossierXml(PO, { index: index++, profile: options.profile ?? 'POVO' });
      const saved = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      if (options.inspected) {
        await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
        await recordInspection(w.ctx(actor), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          inzagedatum: '2026-03-30',
          akkoord: 'Ja',
        });
      }
      return saved.dossierId;
    }

    it('refuses a POVO dossier whose inspection was not recorded', async () => {
      const dossierId = await dossier();
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({
        code: 'INSPECTION_REQUIRED',
      });
      // Still with the parents: the same answer, it says what is missing.
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({
        code: 'INSPECTION_REQUIRED',
        details: { state: 'ter_inzage' },
      });
    });

    it('sets an inspected dossier ready for one school', async () => {
      const dossierId = await dossier({ inspected: true });
      const ready = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      expect(ready).toMatchObject({ state: 'klaargezet', destinationBrin: '22BB', version: 1 });
      expect(ready.withdrawnFrom).toBeUndefined();
      const again = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      expect(again.readyAt).toBe(ready.readyAt);
    });

    it('a binnen-BRIN dossier needs no inspection', async () => {
      const dossierId = await dossier({ profile: 'BB' });
      const ready = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: PO });
      expect(ready.state).toBe('klaargezet');
    });

    it('refuses a version with fout findings', async () => {
      const xml = dossierXml(PO, {
        index: index++,
        change: (d) => {
          delete d.huidigeschool.adreslijst;
        },
      });
      const saved = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(saved.errorCount).toBeGreaterThan(0);
      expect(saved.findings.some((f) => f.severity === 'fout' && f.rule === 'OVa.SL01')).toBe(true);
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
      await recordInspection(w.ctx(actor), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
      });
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({ code: 'DOSSIER_HAS_ERRORS' });
    });

    it('setting a dossier ready for a second school withdraws the first', async () => {
      const dossierId = await dossier({ inspected: true });
      await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      const second = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '33CC' });
      expect(second).toMatchObject({ destinationBrin: '33CC', withdrawnFrom: '22BB' });
      const { rows } = await db().query<{ destination_brin: string; state: string }>(
        'SELECT destination_brin, state FROM gw.dossier_destinations WHERE dossier_id = $1 ORDER BY ready_at, state',
        [dossierId],
      );
      expect(rows).toEqual([
        { destination_brin: '22BB', state: 'ingetrokken' },
        { destination_brin: '33CC', state: 'klaargezet' },
      ]);
    });

    it('withdraws, and can be set ready again', async () => {
      const dossierId = await dossier({ inspected: true });
      await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      expect(await withdrawDossier(w.ctx(actor), { schoolBrin: PO, dossierId })).toEqual({
        dossierId,
        state: 'ingetrokken',
        withdrawnFrom: '22BB',
      });
      await expect(withdrawDossier(w.ctx(actor), { schoolBrin: PO, dossierId })).rejects.toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
      const again = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      expect(again.state).toBe('klaargezet');
    });

    it('an edit after inspection makes a new concept version that needs inspection again', async () => {
      const dossierId = await dossier({ inspected: true });
      await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' });
      const xml = dossierXml(PO, {
        index: index - 1,
        change: (d) => {
          d.huidigeschool.leerling.roepnaam = 'Anders';
        },
      });
      const edited = await editDossier(w.ctx(actor), { schoolBrin: PO, dossierId, xml });
      expect(edited).toMatchObject({ dossierId, version: 2, state: 'concept', withdrawnFrom: '22BB' });
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({
        code: 'INSPECTION_REQUIRED',
      });
    });

    it('refuses another school and an actor without the permission', async () => {
      const dossierId = await dossier({ inspected: true });
      const other = schoolActor(['99ZZ']);
      await expect(
        klaarzetten(w.ctx(other), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const reader = schoolActor([PO], ['dossier:read']);
      await expect(
        klaarzetten(w.ctx(reader), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: 'not-a-brin' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('an SWV dossier is set ready for a samenwerkingsverband only, a transfer dossier never for one', async () => {
      const { dossierId: swvDossier } = await importDossier(w.ctx(actor), {
        schoolBrin: PO,
        xml: dossierXml(PO, { index: index++, profile: 'POSWV' }),
      });
      const transferDossier = await dossier({ inspected: true });
      const traces = async (dossierId: string) =>
        (
          await db().query<{ state: string; destinations: number; keys: number; audited: number }>(
            `SELECT d.state,
                    (SELECT count(*)::int FROM gw.dossier_destinations WHERE dossier_id = d.id) AS destinations,
                    (SELECT count(*)::int FROM gw.koppelsleutels WHERE dossier_id = d.id) AS keys,
                    (SELECT count(*)::int FROM platform.audit_log
                      WHERE subject = d.id::text AND action IN ('dossier.klaargezet', 'dossier.koppelsleutel.issued')) AS audited
               FROM gw.dossiers d WHERE d.id = $1`,
            [dossierId],
          )
        ).rows[0];

      // An SWV dossier for a vo school: refused, saying what is wrong, and nothing changed.
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: swvDossier, destinationBrin: VO }),
      ).rejects.toMatchObject({
        code: 'DESTINATION_SECTOR_MISMATCH',
        status: 422,
        details: {
          destinationBrin: VO,
          destinationSector: 'vo',
          profile: 'POSWV',
          reason: 'destination-not-swv',
        },
        messages: {
          nl: expect.stringContaining('geen samenwerkingsverband'),
          en: expect.stringContaining('can only be set ready for a samenwerkingsverband'),
        },
      });
      expect(await traces(swvDossier)).toEqual({ state: 'concept', destinations: 0, keys: 0, audited: 0 });

      // A transfer dossier for a samenwerkingsverband: refused the other way round.
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: transferDossier, destinationBrin: SWV }),
      ).rejects.toMatchObject({
        code: 'DESTINATION_SECTOR_MISMATCH',
        details: {
          destinationBrin: SWV,
          destinationSector: 'swv',
          profile: 'POVO',
          reason: 'destination-is-swv',
        },
        messages: {
          nl: expect.stringContaining('is een samenwerkingsverband'),
          en: expect.stringContaining('is a samenwerkingsverband'),
        },
      });
      expect(await traces(transferDossier)).toEqual({
        state: 'ingezien',
        destinations: 0,
        keys: 0,
        audited: 0,
      });

      // The fitting destinations are accepted.
      const ready = await klaarzetten(w.ctx(actor), {
        schoolBrin: PO,
        dossierId: swvDossier,
        destinationBrin: SWV,
      });
      expect(ready).toMatchObject({
        state: 'klaargezet',
        destinationBrin: SWV,
        koppelsleutel: expect.any(String),
      });
      expect(
        await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: transferDossier, destinationBrin: VO }),
      ).toMatchObject({ state: 'klaargezet', destinationBrin: VO });

      // Re-targeting a ready SWV dossier to a vo school is refused before anything changes: still
      // ready for the samenwerkingsverband, no new key issued, no withdrawal.
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: swvDossier, destinationBrin: VO }),
      ).rejects.toMatchObject({ code: 'DESTINATION_SECTOR_MISMATCH' });
      expect(await traces(swvDossier)).toEqual({ state: 'klaargezet', destinations: 1, keys: 1, audited: 2 });

      // A school this gateway does not host: its sector is not known here, so it is not refused.
      const { dossierId: elsewhere } = await importDossier(w.ctx(actor), {
        schoolBrin: PO,
        xml: dossierXml(PO, { index: index++, profile: 'POSWV' }),
      });
      expect(
        await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId: elsewhere, destinationBrin: '16SX' }),
      ).toMatchObject({ state: 'klaargezet', destinationBrin: '16SX' });
    });

    it('two simultaneous klaarzetten for different schools: exactly one wins', async () => {
      const dossierId = await dossier({ inspected: true });
      // A second instance of the gateway on the same database (its own connection pool on PostgreSQL).
      const other = testWorld(await target.openInstance(), w.keyring, w.clock);
      await Promise.all([other.db.query('SELECT 1'), other.db.query('SELECT 1'), db().query('SELECT 1')]);
      const both = () =>
        Promise.allSettled([
          klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '22BB' }),
          klaarzetten(other.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: '33CC' }),
        ]);
      let results: Awaited<ReturnType<typeof both>>;
      if (target.kind === 'postgres') {
        // Make them overlap for certain, also on a loaded machine: a third connection holds a SHARE
        // lock on gw.dossiers until both have read the dossier and wait to change it.
        const holder = await target.openInstance();
        const { racing } = await holder.transaction(async (tx) => {
          await tx.query('LOCK TABLE gw.dossiers IN SHARE MODE');
          const racing = both();
          for (let waiting = 0; waiting < 2; ) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            const { rows } = await db().query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'gw.dossiers'::regclass AND NOT granted`,
            );
            waiting = rows[0].n;
          }
          return { racing }; // not awaited here: they go on once this commits
        });
        results = await racing;
      } else {
        results = await both();
      }
      const ready = await db().query<{ destination_brin: string }>(
        `SELECT destination_brin FROM gw.dossier_destinations WHERE dossier_id = $1 AND state = 'klaargezet'`,
        [dossierId],
      );
      expect(ready.rows).toHaveLength(1);
      if (target.kind === 'postgres') {
        // Truly concurrent: one commits, the other finds the dossier changed and is refused.
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
        expect(ready.rows[0].destination_brin).toBe(
          (won[0] as PromiseFulfilledResult<{ destinationBrin: string }>).value.destinationBrin,
        );
      }
    });

    it('lists the school’s dossiers with their state in one query', async () => {
      const list = await listDossiers(w.ctx(actor), { schoolBrin: PO });
      expect(list.length).toBeGreaterThanOrEqual(8);
      const ready = list.filter((d) => d.state === 'klaargezet');
      expect(ready.every((d) => d.destination?.state === 'klaargezet')).toBe(true);
      expect(list.every((d) => d.pupil.achternaam.length > 0)).toBe(true);
    });
  },
  { migrations: testMigrations },
);
