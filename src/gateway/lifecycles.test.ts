import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { REGISTRATION_TRANSITIONS } from './receiving/lifecycle.js';
import { importDossier } from './sending/import-dossier.js';
import { DOSSIER_TRANSITIONS } from './sending/lifecycle.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from './test-fixtures.js';

const pairs = (table: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(table)
    .flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`))
    .sort();

describeEachDatabase(
  'lifecycles are guarded twice',
  (db) => {
    let w: TestWorld;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, '12AB');
    });

    it('the database holds the same transition tables as the code', async () => {
      const dossier = await db().query<{ t: string }>(
        `SELECT from_state || '→' || to_state AS t FROM gw.dossier_transitions ORDER BY 1`,
      );
      expect(dossier.rows.map((r) => r.t).sort()).toEqual(pairs(DOSSIER_TRANSITIONS));
      const registration = await db().query<{ t: string }>(
        `SELECT from_state || '→' || to_state AS t FROM gw.registration_transitions ORDER BY 1`,
      );
      expect(registration.rows.map((r) => r.t).sort()).toEqual(pairs(REGISTRATION_TRANSITIONS));
    });

    it('the database refuses a transition the lifecycle does not have, whatever the code does', async () => {
      const { dossierId } = await importDossier(w.ctx(schoolActor(['12AB'])), {
        schoolBrin: '12AB',
        xml: dossierXml('12AB'),
      });
      await expect(
        db().query(`UPDATE gw.dossiers SET state = 'ingezien' WHERE id = $1`, [dossierId]),
      ).rejects.toMatchObject({
        code: '23514',
      });
      await expect(
        db().query(`UPDATE gw.dossiers SET state = 'klaar' WHERE id = $1`, [dossierId]),
      ).rejects.toMatchObject({
        code: '23514',
      });
    });
  },
  { migrations: testMigrations },
);
