import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Db } from '../../platform/db/index.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { listDossiers } from './list-dossiers.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { recordInspection } from './record-inspection.js';

const PO = '61PA';
const OTHER_PO = '64PD';
const VO = '62VA';
const SECOND = '63VB';
const po = schoolActor([PO]);

/** The same database, counting the statements sent to it directly. */
function counting(db: Db): { db: Db; count(): number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, key) {
      if (key === 'query') {
        return (...args: Parameters<Db['query']>) => {
          n++;
          return target.query(...args);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, count: () => n };
}

describeEachDatabase(
  'the worklist of a po school',
  (db) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(OTHER_PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(SECOND, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    async function pupil(brin = PO) {
      const xml = dossierXml(brin, { index: index++, seed: 'worklist' });
      const saved = await importDossier(w.ctx(schoolActor([brin])), { schoolBrin: brin, xml });
      const model = readDossier(xml);
      const l = model.huidigeschool.leerling;
      return {
        dossierId: saved.dossierId,
        groep: l.schoolloopbaanlijst?.schoolloopbaan.at(-1)?.groepscode,
        identity: {
          bsn: l.bsn as string,
          achternaam: l.achternaam,
          geboortedatum: l.geboortedatum as string,
        },
      };
    }

    it('shows the group, where the pupil registered (school names, preference order) and deliveries', async () => {
      const p = await pupil();
      const registrations: Record<string, string> = {};
      for (const [school, rank] of [
        [SECOND, 2],
        [VO, 1],
      ] as const) {
        const r = await registerPupil(w.ctx(schoolActor([school])), w.chain, {
          schoolBrin: school,
          sourceBrin: PO,
          ...p.identity,
          preferenceRank: rank,
        });
        registrations[school] = r.registrationId;
      }
      await w.runJobs();
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId: p.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: p.dossierId, destinationBrin: VO });
      const got = await requestDossier(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        registrationId: registrations[VO],
      });
      expect(got.result).toBe('OverdrachtGeslaagd');

      const item = (await listDossiers(w.ctx(po), { schoolBrin: PO })).find(
        (d) => d.dossierId === p.dossierId,
      );
      expect(p.groep).toBeTruthy();
      expect(item).toMatchObject({
        state: 'klaargezet',
        groep: p.groep,
        registeredAt: [
          { brin: VO, schoolName: `School ${VO}`, preferenceRank: 1 },
          { brin: SECOND, schoolName: `School ${SECOND}`, preferenceRank: 2 },
        ],
        destination: { brin: VO, schoolName: `School ${VO}`, state: 'klaargezet', endedAt: null },
        inspection: { inzagedatum: '2026-03-20', akkoord: 'Ja' },
        requests: 1,
      });
      expect(item?.deliveries.count).toBe(1);
      expect(item?.deliveries.lastAt).toEqual(expect.any(String));
    });

    it('loads in the same number of statements for one dossier as for thirty (no query per dossier)', async () => {
      await pupil(OTHER_PO);
      const small = counting(db());
      const one = await listDossiers(
        { ...w.ctx(schoolActor([OTHER_PO])), db: small.db },
        { schoolBrin: OTHER_PO },
      );
      expect(one).toHaveLength(1);
      for (let i = 0; i < 29; i++) await pupil(OTHER_PO);
      const large = counting(db());
      const thirty = await listDossiers(
        { ...w.ctx(schoolActor([OTHER_PO])), db: large.db },
        { schoolBrin: OTHER_PO },
      );
      expect(thirty).toHaveLength(30);
      expect(large.count()).toBe(small.count());
      expect(thirty.every((d) => d.groep && d.registeredAt.length === 0 && d.deliveries.count === 0)).toBe(
        true,
      );
    });

    it('another school’s dossiers are not in the list, and reading it needs dossier:read there', async () => {
      const list = await listDossiers(w.ctx(po), { schoolBrin: PO });
      expect(list.length).toBeGreaterThan(0);
      expect(list.some((d) => d.pupil.achternaam === '')).toBe(false);
      await expect(listDossiers(w.ctx(schoolActor([OTHER_PO])), { schoolBrin: PO })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: chainTestMigrations },
);
