import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { readDossier } from '../../standard/index.js';
import { countMilestones } from '../monitoring/count-milestones.js';
import { checkRegistration } from '../receiving/registration-input.js';
import { importDossier } from '../sending/import-dossier.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { readDossierDocument } from '../sending/read-dossier.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { countPilotExchanges } from './count-pilot-exchanges.js';
import { createPilotDossier } from './create-pilot-dossier.js';
import { listPilotDossiers } from './list-pilot-dossiers.js';
import { inTestBsnRange, isTestBsn } from './test-bsn.js';

describe('test BSNs (the range RvIG keeps for tests)', () => {
  it('knows the range 999990000–999999999 and, for a pilot pupil, the 11-check', () => {
    expect(inTestBsnRange('999990000')).toBe(true);
    expect(inTestBsnRange('999999999')).toBe(true);
    expect(inTestBsnRange('999989999')).toBe(false);
    expect(inTestBsnRange('123456782')).toBe(false);
    expect(inTestBsnRange(undefined)).toBe(false);
    expect(isTestBsn('999990019')).toBe(true); // 9·9+8·9+7·9+6·9+5·9+4·0+3·0+2·1−9 = 308 = 28·11
    expect(isTestBsn('999990018')).toBe(false); // in the range, but the 11-check fails
    expect(isTestBsn('123456782')).toBe(false); // valid, but a real-looking number
  });

  it('refuses a registration with a number of the test range, in words', () => {
    const checked = checkRegistration(
      { achternaam: 'Jansen', bsn: '999990019', geboortedatum: '2014-05-17', sourceBrin: '01AA' },
      new Date('2026-04-01T09:00:00Z'),
    );
    expect(checked).toMatchObject({
      ok: false,
      problems: { bsn: { message: { nl: expect.stringContaining('testreeks van RvIG') } } },
    });
  });
});

describeEachDatabase(
  'pilot dossiers at the gateway',
  (db) => {
    const PO = '71PA';
    const VO = '72VA';
    let w: TestWorld;
    const pilotRef = randomUUID();
    const pupil = (kind: 'regular' | 'support', bsn: string) => ({
      schoolBrin: PO,
      pilotRef,
      kind,
      seed: `pilot:${pilotRef}`,
      bsn,
      schooljaar: '2025-2026',
    });

    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
      await hostSchool(w, VO, { sector: 'vo' });
    });

    it('refuses a production dossier about a number of the test range, and stores nothing', async () => {
      const xml = dossierXml(PO, {
        change: (d) => {
          d.huidigeschool.leerling.bsn = '999990019';
        },
      });
      await expect(importDossier(w.ctx(), { schoolBrin: PO, xml })).rejects.toMatchObject({
        code: 'PILOT_TEST_BSN_NOT_ALLOWED',
        status: 422,
      });
      const { rows } = await db().query('SELECT 1 FROM gw.pupils WHERE school_brin = $1', [PO]);
      expect(rows).toHaveLength(0);
    });

    it('refuses a pilot dossier about a number outside the test range', async () => {
      await expect(createPilotDossier(w.ctx(), pupil('regular', '123456782'))).rejects.toMatchObject({
        code: 'PILOT_TEST_BSN_REQUIRED',
      });
      await expect(createPilotDossier(w.ctx(), pupil('regular', '999990018'))).rejects.toMatchObject({
        code: 'PILOT_TEST_BSN_REQUIRED',
      });
    });

    it('generates a regular and a support dossier about fictional pupils, once per kind', async () => {
      const regular = await createPilotDossier(w.ctx(), pupil('regular', '999990019'));
      const support = await createPilotDossier(w.ctx(), pupil('support', '999990032'));
      expect(regular).toMatchObject({ kind: 'regular', state: 'concept', created: true });
      expect(support).toMatchObject({ kind: 'support', state: 'concept', created: true });
      const again = await createPilotDossier(w.ctx(), pupil('support', '999990032'));
      expect(again).toEqual({ ...support, created: false });

      const read = async (dossierId: string) =>
        readDossier((await readDossierDocument(w.ctx(), { schoolBrin: PO, dossierId })).xml).huidigeschool
          .leerling;
      const [r, s] = [await read(regular.dossierId), await read(support.dossierId)];
      expect([r.bsn, s.bsn]).toEqual(['999990019', '999990032']);
      expect(r.onderwijsondersteuning).toBeUndefined();
      expect(Object.keys(s.onderwijsondersteuning ?? {}).length).toBeGreaterThan(0);

      // in the school's pilot list, not in its worklist, not in the monitoring's counts
      const list = await listPilotDossiers(w.ctx(schoolActor([PO])), { schoolBrin: PO });
      expect(list.map((d) => [d.kind, d.state, d.pilotRef])).toEqual([
        ['regular', 'concept', pilotRef],
        ['support', 'concept', pilotRef],
      ]);
      expect(list[0].pupil.achternaam).toBe(r.achternaam);
      expect(await listDossiers(w.ctx(), { schoolBrin: PO })).toEqual([]);
      const counts = await countMilestones(w.ctx(), { schoolBrin: PO, schoolYear: '2025-2026' });
      expect(counts.sending.leaving).toBe(0);
      const pilot = await countPilotExchanges(w.ctx(), {
        pairs: [{ pilotRef, sourceBrin: PO, destinationBrin: VO }],
      });
      expect(pilot[0].kinds.regular).toMatchObject({ prepared: 1, setReady: 0, delivered: 0 });
      expect(pilot[0].kinds.support).toMatchObject({ prepared: 1, setReady: 0, delivered: 0 });
    });

    it('keeps a production dossier production and a pilot dossier pilot in the database too', async () => {
      await importDossier(w.ctx(), { schoolBrin: PO, xml: dossierXml(PO, { index: 3 }) });
      const fail = (sql: string) => expect(db().query(sql)).rejects.toThrow();
      // a production dossier cannot become a pilot dossier (its pupil is real), nor a pilot one production
      await fail(
        `UPDATE gw.dossiers SET pilot_ref = '${pilotRef}', pilot_kind = 'regular'
          WHERE school_brin = '${PO}' AND pilot_ref IS NULL`,
      );
      await fail(
        `UPDATE gw.dossiers SET pilot_ref = NULL, pilot_kind = NULL WHERE pilot_ref = '${pilotRef}'`,
      );
      await fail(`UPDATE gw.pupils SET pilot = NOT pilot WHERE school_brin = '${PO}'`);
      await fail(`UPDATE gw.dossiers SET pilot_kind = NULL WHERE pilot_ref = '${pilotRef}'`);
      const { rows } = await db().query<{ pilot: number; production: number }>(
        `SELECT count(*) FILTER (WHERE pilot_ref IS NOT NULL)::int AS pilot,
                count(*) FILTER (WHERE pilot_ref IS NULL)::int AS production
           FROM gw.dossiers WHERE school_brin = $1`,
        [PO],
      );
      expect(rows[0]).toEqual({ pilot: 2, production: 1 });
      expect((await listDossiers(w.ctx(), { schoolBrin: PO })).length).toBe(1);
    });

    it('refuses a pilot dossier to someone who may not write the school’s dossiers', async () => {
      await expect(
        createPilotDossier(w.ctx(schoolActor([PO], ['dossier:read'])), pupil('regular', '999990044')),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        createPilotDossier(w.ctx(schoolActor([VO])), pupil('regular', '999990044')),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
