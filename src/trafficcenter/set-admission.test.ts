import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { grantMandate } from './grant-mandate.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import { setAdmission } from './set-admission.js';
import {
  actorFor,
  randomPublicKey,
  type TcWorld,
  tcWorld,
  testMigrations,
  uniqueBrin,
  uniqueRoutingKey,
} from './test-fixtures.js';

describeEachDatabase(
  'admitting schools',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('a school is qualified only after the connection path: mandate, delivery point, test exchange', async () => {
      const brin = uniqueBrin();
      await registerSchool(world.ctx(), { brin, vestiging: '00', name: 'S', sector: 'po', board: 'B' });
      await expect(
        setAdmission(world.ctx(), brin, { action: 'qualify', from: '2026-01-01' }),
      ).rejects.toMatchObject({
        code: 'ADMISSION_INCOMPLETE',
        details: { missing: ['mandate', 'deliveryPoint', 'testExchange'] },
      });
      const las = await world.supplier();
      await grantMandate(world.ctx(), { supplierId: las.id, brin });
      await expect(
        setAdmission(world.ctx(), brin, { action: 'qualify', from: '2026-01-01' }),
      ).rejects.toMatchObject({
        details: { missing: ['deliveryPoint', 'testExchange'] },
      });
      const point = await registerDeliveryPoint(world.ctx(), {
        routingKey: uniqueRoutingKey(),
        brin,
        supplierId: las.id,
        url: 'https://gw.test',
        purpose: 'OV',
        publicKey: randomPublicKey(),
      });
      const tested = await setAdmission(world.ctx(), brin, {
        action: 'recordTestExchange',
        note: 'POPO-test geslaagd',
      });
      expect(tested).toMatchObject({
        qualified: false,
        testExchangeAt: '2026-04-01T09:00:00.000Z',
        note: 'POPO-test geslaagd',
        admittedToday: false,
      });
      expect(
        await setAdmission(world.ctx(), brin, { action: 'qualify', from: '2026-03-01', until: '2026-07-31' }),
      ).toEqual({
        brin,
        qualified: true,
        qualifiedFrom: '2026-03-01',
        qualifiedUntil: '2026-07-31',
        testExchangeAt: '2026-04-01T09:00:00.000Z',
        note: 'POPO-test geslaagd',
        admittedToday: true,
      });
      // a deactivated delivery point breaks the path again for a new qualification
      await deactivateDeliveryPoint(world.ctx(), point.routingKey);
      await expect(
        setAdmission(world.ctx(), brin, { action: 'qualify', from: '2026-01-01' }),
      ).rejects.toMatchObject({
        details: { missing: ['deliveryPoint'] },
      });
    });

    it('admitted today means qualified with today inside from…until, in the Dutch calendar', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las, from: '2026-04-02' });
      const at = (iso: string) => {
        world.clock.set(iso);
        return setAdmission(world.ctx(), school.brin, { action: 'recordTestExchange' });
      };
      expect((await at('2026-04-01T21:59:59.000Z')).admittedToday).toBe(false); // 23:59:59 in Amsterdam
      expect((await at('2026-04-01T22:00:00.000Z')).admittedToday).toBe(true); // 00:00 on 2 April
      await setAdmission(world.ctx(), school.brin, {
        action: 'qualify',
        from: '2026-04-02',
        until: '2026-04-02',
      });
      expect((await at('2026-04-02T21:59:00.000Z')).admittedToday).toBe(true);
      expect((await at('2026-04-02T22:00:00.000Z')).admittedToday).toBe(false);
      world.clock.set('2026-04-01T09:00:00.000Z');
    });

    it('unqualifying takes effect at once and keeps the dates for the record', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las });
      const admission = await setAdmission(world.ctx(), school.brin, {
        action: 'unqualify',
        note: 'leverancier gewisseld',
      });
      expect(admission).toMatchObject({
        qualified: false,
        qualifiedFrom: '2026-01-01',
        admittedToday: false,
        note: 'leverancier gewisseld',
      });
      const { rows } = await db().query<{ action: string }>(
        'SELECT action FROM platform.audit_log WHERE school_brin = $1 ORDER BY seq',
        [school.brin],
      );
      expect(rows.map((r) => r.action)).toEqual([
        'tc.school.registered',
        'tc.mandate.granted',
        'tc.delivery-point.registered',
        'tc.admission.recordTestExchange',
        'tc.admission.qualify',
        'tc.admission.unqualify',
      ]);
    });

    it('until before from, an unknown school and a non-operator are refused', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las });
      await expect(
        setAdmission(world.ctx(), school.brin, {
          action: 'qualify',
          from: '2026-05-01',
          until: '2026-04-30',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(setAdmission(world.ctx(), uniqueBrin(), { action: 'unqualify' })).rejects.toMatchObject({
        code: 'SCHOOL_NOT_FOUND',
      });
      await expect(
        setAdmission(world.ctx(actorFor([school.brin], ['tc:read'])), school.brin, { action: 'unqualify' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('the database refuses qualified without a start date, and an end before the start', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las });
      await expect(
        db().query('UPDATE tc.admission SET qualified_from = NULL WHERE brin = $1', [school.brin]),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        db().query(`UPDATE tc.admission SET qualified_until = '2025-12-31' WHERE brin = $1`, [school.brin]),
      ).rejects.toMatchObject({ code: '23514' });
    });
  },
  { migrations: testMigrations },
);
