import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import { hostSchool, schoolActor, type TestWorld, testMigrations, testWorld } from '../test-fixtures.js';
import { activateDeliveryPoint } from './activate-delivery-point.js';
import { addDeliveryPoint } from './add-delivery-point.js';
import { listHostedSchools } from './hosted-schools.js';
import type { HostedSchool } from './register-hosted-school.js';
import { resumeHostingSchool } from './resume-hosting-school.js';
import { stopHostingSchool } from './stop-hosting-school.js';

const A = '87PA';
const B = '88PB';
const CHAIN = 'https://gateway.test:8443';

describeEachDatabase(
  'activating a delivery point again',
  (db) => {
    let w: TestWorld;
    let a: HostedSchool;
    let b: HostedSchool;
    let oldRp: string;
    beforeAll(async () => {
      w = testWorld(db());
      a = await hostSchool(w, A, { publicChainUrl: CHAIN });
      b = await hostSchool(w, B, { publicChainUrl: CHAIN });
      oldRp = (await addDeliveryPoint(w.ctx(), { brin: A, purpose: 'RP' }, { publicChainUrl: CHAIN }))
        .deliveryPoint.routingKey;
    });

    const activate = (routingKey: string, brin = A, ctx = w.ctx()) =>
      activateDeliveryPoint(ctx, { brin, routingKey }, { publicChainUrl: CHAIN });
    const activeOf = async (brin: string) =>
      Object.fromEntries(
        (await listHostedSchools(w.ctx(schoolActor([brin]))))[0].deliveryPoints.map((p) => [
          p.routingKey,
          p.active,
        ]),
      );

    it('is for the gateway’s administrator, a point of the school named, and changes nothing when it is active', async () => {
      expect(await refusal(activate(a.deliveryPoint.routingKey, A, w.ctx(schoolActor([A]))))).toBe(
        'FORBIDDEN',
      );
      expect(await refusal(activate('', A))).toBe('VALIDATION_FAILED');
      expect(await refusal(activate(a.deliveryPoint.routingKey, 'A'))).toBe('VALIDATION_FAILED');
      expect(await refusal(activate('no-such-point'))).toBe('GW_DELIVERY_POINT_NOT_FOUND');
      // Another school's point is not found under this school.
      expect(await refusal(activate(b.deliveryPoint.routingKey))).toBe('GW_DELIVERY_POINT_NOT_FOUND');
      expect(await refusal(activate(a.deliveryPoint.routingKey, '99ZZ'))).toBe('GW_SCHOOL_NOT_HOSTED');

      expect(await activate(a.deliveryPoint.routingKey)).toEqual({
        brin: A,
        activated: false,
        deliveryPoint: a.deliveryPoint,
      });
      const { rows } = await db().query(
        `SELECT 1 FROM platform.audit_log WHERE action = 'gateway.delivery-point.activated'`,
      );
      expect(rows).toHaveLength(0);
    });

    it('is refused while the hosting has ended; after a resume it activates, one point per purpose', async () => {
      await stopHostingSchool(w.ctx(), { brin: A });
      expect(await refusal(activate(a.deliveryPoint.routingKey))).toBe('GW_SCHOOL_NOT_HOSTED');
      await resumeHostingSchool(w.ctx(), { brin: A });
      expect(await activeOf(A)).toEqual({ [a.deliveryPoint.routingKey]: false, [oldRp]: false });

      // A new RP point is added; the old one may then not come back beside it.
      const newRp = (await addDeliveryPoint(w.ctx(), { brin: A, purpose: 'RP' }, { publicChainUrl: CHAIN }))
        .deliveryPoint.routingKey;
      expect(await refusal(activate(oldRp))).toBe('GW_DELIVERY_POINT_EXISTS');

      const activated = await activate(a.deliveryPoint.routingKey);
      expect(activated).toEqual({ brin: A, activated: true, deliveryPoint: a.deliveryPoint });
      expect(await activeOf(A)).toEqual({
        [a.deliveryPoint.routingKey]: true,
        [oldRp]: false,
        [newRp]: true,
      });
      const { rows } = await db().query<{ school_brin: string; subject: string; details: unknown }>(
        `SELECT school_brin, subject, details FROM platform.audit_log
          WHERE action = 'gateway.delivery-point.activated' ORDER BY seq`,
      );
      expect(rows).toEqual([
        { school_brin: A, subject: a.deliveryPoint.routingKey, details: { purpose: 'OV' } },
      ]);
      // The other school's points were never touched.
      expect(await activeOf(B)).toEqual({ [b.deliveryPoint.routingKey]: true });
    });
  },
  { migrations: testMigrations },
);
