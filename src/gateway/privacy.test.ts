import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { readDossier } from '../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from './chain-harness.js';
import { registerPupil } from './receiving/register-pupil.js';
import { requestDossier } from './receiving/request-dossier.js';
import { importDossier } from './sending/import-dossier.js';
import { klaarzetten } from './sending/klaarzetten.js';
import { putUpForInspection } from './sending/put-up-for-inspection.js';
import { recordInspection } from './sending/record-inspection.js';
import { dossierXml, schoolActor } from './test-fixtures.js';

const PO = '18PA';
const VO = '19VA';

describeEachDatabase(
  'personal data stays sealed',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    it('after whole transfers, no table, job or audit entry holds a BSN, a name or a birth date in the clear', async () => {
      const po = schoolActor([PO]);
      const vo = schoolActor([VO]);
      const people: string[] = [];
      for (let index = 0; index < 3; index++) {
        const xml = dossierXml(PO, { index, seed: 'privacy' });
        const l = readDossier(xml).huidigeschool.leerling;
        people.push(l.bsn as string, l.achternaam, l.geboortedatum as string, ...(l.voornaam ?? []));
        const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
        const { registrationId } = await registerPupil(w.ctx(vo), w.chain, {
          schoolBrin: VO,
          sourceBrin: PO,
          bsn: l.bsn,
          achternaam: l.achternaam,
          geboortedatum: l.geboortedatum as string,
        });
        await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
        await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
        await recordInspection(w.ctx(po), {
          schoolBrin: PO,
          dossierId,
          inzagedatum: '2026-03-20',
          akkoord: 'Ja',
        });
        await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      }
      await w.runJobs();
      const received = await db().query('SELECT 1 FROM gw.received_dossiers');
      expect(received.rows).toHaveLength(3);

      const { rows: tables } = await db().query<{ name: string }>(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema IN ('gw', 'tc', 'platform') AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['gw.dossier_versions', 'tc.sessions']),
      );
      for (const { name } of tables) {
        const { rows } = await db().query(`SELECT * FROM ${name}`);
        const bytes: string[] = [];
        const text = JSON.stringify(rows, (_k, v) => {
          if (!(v instanceof Uint8Array)) return v;
          bytes.push(Buffer.from(v).toString('latin1'));
          return '';
        });
        for (const value of people) expect(text, `${name} holds personal data`).not.toContain(value);
        // Encrypted columns as raw bytes: a plaintext BSN, birth date or longer name inside would show
        // (short names are left out: three letters turn up in random bytes by chance).
        const raw = bytes.join('');
        for (const value of people.filter((v) => v.length >= 6)) {
          expect(raw.includes(value), `${name} holds personal data in a bytea column`).toBe(false);
        }
      }
    });
  },
  { migrations: chainTestMigrations },
);
