import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { registerSchool } from '../../trafficcenter/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { schoolActor } from '../test-fixtures.js';
import { type RegisterPupilInput, registerPupil } from './register-pupil.js';

const PO = '81PA';
const NOT_ADMITTED = '82PB';
const VO = '83VA';
const vo = schoolActor([VO]);

describeEachDatabase(
  'registering a pupil',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(NOT_ADMITTED, { admitted: false });
      await w.school(VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    const valid: RegisterPupilInput = {
      schoolBrin: VO,
      sourceBrin: PO,
      achternaam: 'Jansen',
      bsn: '123456782',
      geboortedatum: '2014-05-17',
    };
    const problemsOf = async (input: RegisterPupilInput) => {
      try {
        await registerPupil(w.ctx(vo), w.chain, input);
      } catch (e) {
        return {
          code: (e as { code: string }).code,
          problems: (e as { details: { problems?: object } }).details.problems,
        };
      }
      return undefined;
    };

    it('records a valid registration and refuses the same pupil twice', async () => {
      const registration = await registerPupil(w.ctx(vo), w.chain, { ...valid, preferenceRank: 1 });
      expect(registration).toMatchObject({
        schoolBrin: VO,
        sourceBrin: PO,
        preferenceRank: 1,
        state: 'aanmelding',
      });
      await expect(registerPupil(w.ctx(vo), w.chain, valid)).rejects.toMatchObject({
        code: 'REGISTRATION_EXISTS',
      });
      const { rows } = await db().query('SELECT * FROM gw.registrations');
      const text = JSON.stringify(rows);
      expect(text).not.toContain('123456782');
      expect(text).not.toContain('Jansen');
      expect(text).not.toContain('2014-05-17');
    });

    it('refuses a BSN that fails the 11-check, and accepts a valid onderwijsnummer', async () => {
      expect(await problemsOf({ ...valid, bsn: '123456789' })).toEqual({
        code: 'REGISTRATION_INVALID',
        problems: { bsn: expect.stringMatching(/11-check/) },
      });
      expect((await problemsOf({ ...valid, bsn: undefined }))?.problems).toHaveProperty('bsn');
      expect(
        (await problemsOf({ ...valid, bsn: undefined, onderwijsnummer: '101222332' }))?.problems,
      ).toHaveProperty('onderwijsnummer');
      expect(await problemsOf({ ...valid, bsn: undefined, onderwijsnummer: '101222331' })).toBeUndefined();
    });

    it('refuses a malformed BRIN, a birth date that is no date, and a rank out of range', async () => {
      const result = await problemsOf({
        ...valid,
        bsn: '100000009',
        sourceBrin: '81pa',
        geboortedatum: '2014-02-30',
        preferenceRank: 0,
      });
      expect(result?.code).toBe('REGISTRATION_INVALID');
      expect(Object.keys(result?.problems ?? {}).sort()).toEqual([
        'geboortedatum',
        'preferenceRank',
        'sourceBrin',
      ]);
    });

    it('refuses a source school unknown to the traffic center, and one that is not admitted', async () => {
      expect(await problemsOf({ ...valid, bsn: '100000010', sourceBrin: '99ZZ' })).toMatchObject({
        code: 'REGISTRATION_INVALID',
        problems: { sourceBrin: expect.any(String) },
      });
      expect(await problemsOf({ ...valid, bsn: '100000010', sourceBrin: NOT_ADMITTED })).toMatchObject({
        code: 'REGISTRATION_INVALID',
        problems: { sourceBrin: expect.any(String) },
      });
      // Known at the traffic center but without a delivery point of the gateway: refused just the same.
      await registerSchool(w.tcCtx(), {
        brin: '84PC',
        vestiging: '00',
        name: 'Elders',
        sector: 'po',
        board: 'B',
      });
      expect((await problemsOf({ ...valid, bsn: '100000010', sourceBrin: '84PC' }))?.code).toBe(
        'REGISTRATION_INVALID',
      );
    });

    it('refuses a school the actor may not act for', async () => {
      await expect(registerPupil(w.ctx(schoolActor(['11AA'])), w.chain, valid)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: chainTestMigrations },
);
