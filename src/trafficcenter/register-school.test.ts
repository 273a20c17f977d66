import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { getSchool } from './get-school.js';
import { registerSchool } from './register-school.js';
import { actorFor, type TcWorld, tcWorld, testMigrations, uniqueBrin } from './test-fixtures.js';
import { updateSchool } from './update-school.js';

describeEachDatabase(
  'registering and changing schools',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    const school = (brin = uniqueBrin()) => ({
      brin,
      vestiging: '01',
      name: 'OBS De Regenboog',
      sector: 'po' as const,
      board: 'Stichting Primair Onderwijs Utrecht',
      region: 'PO-VO Utrecht',
      place: 'Utrecht',
    });

    it('a registered school is known, not yet admitted, and the registration is in the audit log', async () => {
      const input = school();
      expect(await registerSchool(world.ctx(), input)).toEqual(input);
      const overview = await getSchool(world.ctx(), input.brin);
      expect(overview.school).toEqual(input);
      expect(overview.admission).toMatchObject({
        qualified: false,
        admittedToday: false,
        testExchangeAt: null,
      });
      expect(overview.mandates).toEqual([]);
      expect(overview.deliveryPoints).toEqual([]);
      const { rows } = await db().query<{ action: string; actor_id: string; school_brin: string }>(
        'SELECT action, actor_id, school_brin FROM platform.audit_log WHERE school_brin = $1',
        [input.brin],
      );
      expect(rows).toEqual([
        { action: 'tc.school.registered', actor_id: 'operator:test', school_brin: input.brin },
      ]);
    });

    it('a BRIN can be registered once', async () => {
      const input = school();
      await registerSchool(world.ctx(), input);
      await expect(registerSchool(world.ctx(), { ...input, name: 'Andere naam' })).rejects.toMatchObject({
        code: 'SCHOOL_ALREADY_REGISTERED',
      });
    });

    it('only an actor with tc:admin registers schools', async () => {
      const brin = uniqueBrin();
      await expect(
        registerSchool(world.ctx(actorFor([brin], ['tc:read'])), school(brin)),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(getSchool(world.ctx(), brin)).rejects.toMatchObject({ code: 'SCHOOL_NOT_FOUND' });
    });

    it('the database refuses a malformed BRIN, vestiging or sector even from plain SQL', async () => {
      for (const [brin, vestiging, sector] of [
        ['0ABC', '00', 'po'],
        ['12ab', '00', 'po'],
        ['12AB', '0', 'po'],
        ['12AB', '00', 'mbo'],
      ]) {
        await expect(
          db().query(
            `INSERT INTO tc.schools (brin, vestiging, name, sector, board) VALUES ($1, $2, 'X', $3, 'Y')`,
            [brin, vestiging, sector],
          ),
        ).rejects.toMatchObject({ code: '23514' });
      }
    });

    it('a school’s details change; its BRIN stays', async () => {
      const input = school();
      await registerSchool(world.ctx(), input);
      const changed = await updateSchool(world.ctx(), input.brin, {
        name: 'IKC De Regenboog',
        place: 'Zeist',
        region: null,
      });
      expect(changed).toEqual({ ...input, name: 'IKC De Regenboog', place: 'Zeist', region: null });
      await expect(updateSchool(world.ctx(), uniqueBrin(), { name: 'X' })).rejects.toMatchObject({
        code: 'SCHOOL_NOT_FOUND',
      });
      await expect(updateSchool(world.ctx(), input.brin, {})).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(
        updateSchool(world.ctx(actorFor([input.brin], ['tc:read'])), input.brin, { name: 'X' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
