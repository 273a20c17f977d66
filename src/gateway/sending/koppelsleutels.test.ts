import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type Dossier, readDossier } from '../../standard/index.js';
import { koppelsleutelHasher, koppelsleutelProblem } from '../pupils/koppelsleutel.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { findKoppelsleutel } from './koppelsleutels.js';
import { listDossiers } from './list-dossiers.js';

const PO = '81PA';
const SWV = '82SA';
const actor = schoolActor([PO]);

describeEachDatabase(
  'SWV dossiers and their koppelsleutel',
  (db) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    const swvDossier = (change?: (d: Dossier) => void) =>
      dossierXml(PO, {
        profile: 'POSWV',
        seed: 'koppelsleutels',
        index: index++,
        ...(change ? { change } : {}),
      });

    it('imports an SWV dossier without BSN or onderwijsnummer, keyed by the school’s leerlingid', async () => {
      const xml = swvDossier();
      const leerling = readDossier(xml).huidigeschool.leerling;
      expect(leerling.bsn ?? leerling.onderwijsnummer).toBeUndefined();
      const saved = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(saved).toMatchObject({ profile: 'POSWV', state: 'concept', errorCount: 0 });
      // The same document again is a new version of the same dossier (same pupil key).
      const again = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(again).toMatchObject({ dossierId: saved.dossierId, version: 2 });
      const listed = await listDossiers(w.ctx(actor), { schoolBrin: PO });
      expect(listed.find((d) => d.dossierId === saved.dossierId)?.pupil.achternaam).toBe(leerling.achternaam);
    });

    it('refuses an SWV dossier without leerlingid (DOSSIER_NO_LEERLINGID)', async () => {
      const xml = swvDossier((d) => {
        d.huidigeschool.leerling.leerlingid = undefined;
      });
      await expect(importDossier(w.ctx(actor), { schoolBrin: PO, xml })).rejects.toMatchObject({
        code: 'DOSSIER_NO_LEERLINGID',
      });
    });

    it('issues a koppelsleutel when an SWV dossier is set ready, shown once, kept as a keyed hash', async () => {
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml: swvDossier() });
      const ready = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: SWV });
      expect(ready).toMatchObject({ state: 'klaargezet', destinationBrin: SWV });
      const key = ready.koppelsleutel as string;
      expect(key).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      expect(koppelsleutelProblem(key)).toBeUndefined();

      const stored = await db().query<Record<string, unknown>>(
        'SELECT * FROM gw.koppelsleutels WHERE dossier_id = $1',
        [dossierId],
      );
      expect(stored.rows).toHaveLength(1);
      const text = JSON.stringify(stored.rows);
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.replaceAll('-', ''));
      const hash = await koppelsleutelHasher(w);
      expect(await findKoppelsleutel(db(), PO, hash(key.toLowerCase()))).toEqual({
        dossierId,
        destinationBrin: SWV,
      });

      // Asking again gives a new key (the school lost the first); the first keeps working.
      const again = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: SWV });
      expect(again.koppelsleutel).toBeDefined();
      expect(again.koppelsleutel).not.toBe(key);
      expect(await findKoppelsleutel(db(), PO, hash(again.koppelsleutel as string))).toEqual({
        dossierId,
        destinationBrin: SWV,
      });
      expect(await findKoppelsleutel(db(), PO, hash(key))).toEqual({ dossierId, destinationBrin: SWV });
      const audit = await db().query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE subject = $1 AND action = 'dossier.koppelsleutel.issued'`,
        [dossierId],
      );
      expect(audit.rows).toHaveLength(2);
    });

    it('gives no koppelsleutel for a transfer dossier, and the database refuses one for it', async () => {
      const { dossierId } = await importDossier(w.ctx(actor), {
        schoolBrin: PO,
        xml: dossierXml(PO, { profile: 'BB', seed: 'koppelsleutels', index: index++ }),
      });
      const ready = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: PO });
      expect(ready.koppelsleutel).toBeUndefined();
      const destination = await db().query<{ id: string }>(
        `SELECT id FROM gw.dossier_destinations WHERE dossier_id = $1 AND state = 'klaargezet'`,
        [dossierId],
      );
      await expect(
        db().query(
          `INSERT INTO gw.koppelsleutels (id, school_brin, dossier_id, destination_id, destination_brin, key_hash, issued_by, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'test', now())`,
          [randomUUID(), PO, dossierId, destination.rows[0].id, PO, 'A'.repeat(43)],
        ),
      ).rejects.toThrow(/koppelsleutel/);
    });
  },
  { migrations: testMigrations },
);
