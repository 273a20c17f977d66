import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { grantMandate } from './grant-mandate.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import { revokeMandate } from './revoke-mandate.js';
import { setAdmission } from './set-admission.js';
import { startSession } from './start-session.js';
import {
  pupilCommitment,
  randomFingerprint,
  randomPublicKey,
  startRequest,
  type TcWorld,
  tcWorld,
  testMigrations,
  uniqueBrin,
  uniqueRoutingKey,
} from './test-fixtures.js';

describeEachDatabase(
  'starting a session',
  (db) => {
    let world: TcWorld;
    let las: Awaited<ReturnType<TcWorld['supplier']>>;
    let po: Awaited<ReturnType<TcWorld['school']>>;
    let vo: Awaited<ReturnType<TcWorld['school']>>;

    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier('LAS A');
      po = await world.school({ supplier: las, sector: 'po', purposes: ['OV', 'SWV'] });
      vo = await world.school({ supplier: las, sector: 'vo' });
    });

    it('opens a session and returns the source school’s active delivery points with their keys', async () => {
      const request = startRequest(po.school, vo);
      const answer = await startSession(las.chain, request);
      expect(answer.result).toBe('ok');
      if (answer.result !== 'ok') return;
      expect(answer.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.sourceDeliveryPoints).toEqual([
        {
          routingKey: po.points.OV.routingKey,
          brin: po.school.brin,
          vestiging: '00',
          url: po.points.OV.url,
          purpose: 'OV',
          publicKey: po.points.OV.publicKey,
        },
      ]);
      const { rows } = await db().query<Record<string, unknown>>('SELECT * FROM tc.sessions WHERE id = $1', [
        answer.sessionId,
      ]);
      expect(rows[0]).toMatchObject({
        source_brin: po.school.brin,
        destination_brin: vo.school.brin,
        destination_delivery_point: vo.points.OV.routingKey,
        kind: 'overstapdossier',
        commitment: request.commitment,
        supplier_id: las.id,
        state: 'open',
        closed_at: null,
        best_result: null,
        check_count: 0,
      });
    });

    it('an swv session gets the source school’s SWV delivery points', async () => {
      const swv = await world.school({ supplier: las, sector: 'swv', purposes: ['SWV'] });
      const answer = await startSession(las.chain, startRequest(po.school, swv, 'swv'));
      expect(answer).toMatchObject({
        result: 'ok',
        sourceDeliveryPoints: [{ routingKey: po.points.SWV.routingKey }],
      });
    });

    it('a transfer session gets the source school’s OV and regional-platform (RP) points, never its SWV point', async () => {
      const withRp = await world.school({ supplier: las, sector: 'po', purposes: ['OV', 'RP', 'SWV'] });
      const answer = await startSession(las.chain, startRequest(withRp.school, vo));
      if (answer.result !== 'ok') throw new Error(answer.result);
      expect(answer.sourceDeliveryPoints.map((p) => [p.purpose, p.routingKey])).toEqual([
        ['OV', withRp.points.OV.routingKey],
        ['RP', withRp.points.RP.routingKey],
      ]);
      const swv = await world.school({ supplier: las, sector: 'swv', purposes: ['SWV'] });
      const asked = await startSession(las.chain, startRequest(withRp.school, swv, 'swv'));
      if (asked.result !== 'ok') throw new Error(asked.result);
      expect(asked.sourceDeliveryPoints.map((p) => [p.purpose, p.routingKey])).toEqual([
        ['SWV', withRp.points.SWV.routingKey],
      ]);
    });

    describe('refusals', () => {
      it('an swv session asked by a school that is not a samenwerkingsverband gets GeenRelatieMetDoel', async () => {
        const voWithSwvPoint = await world.school({ supplier: las, sector: 'vo', purposes: ['OV', 'SWV'] });
        expect(await startSession(las.chain, startRequest(po.school, voWithSwvPoint, 'swv'))).toEqual({
          result: 'GeenRelatieMetDoel',
        });
      });

      it('a certificate no supplier system has gets VerstrekkerNietBekend', async () => {
        expect(await startSession(world.chain(randomFingerprint()), startRequest(po.school, vo))).toEqual({
          result: 'VerstrekkerNietBekend',
        });
        expect(await startSession(world.chain(undefined), startRequest(po.school, vo))).toEqual({
          result: 'VerstrekkerNietBekend',
        });
      });

      it('a supplier without the requesting school’s mandate gets GeenMandaat', async () => {
        const other = await world.supplier('LAS B');
        expect(await startSession(other.chain, startRequest(po.school, vo))).toEqual({
          result: 'GeenMandaat',
        });
      });

      it('a revoked mandate counts as none', async () => {
        const las2 = await world.supplier('LAS C');
        const vo2 = await world.school({ supplier: las2, sector: 'vo' });
        await revokeMandate(world.ctx(), { supplierId: las2.id, brin: vo2.school.brin });
        expect(await startSession(las2.chain, startRequest(po.school, vo2))).toEqual({
          result: 'GeenMandaat',
        });
      });

      it('a destination delivery point that is not the school’s, not the supplier’s or not active gets OnbekendAanleverpunt', async () => {
        const base = startRequest(po.school, vo);
        // another school's point (same supplier)
        expect(
          await startSession(las.chain, { ...base, destinationDeliveryPoint: po.points.OV.routingKey }),
        ).toEqual({ result: 'OnbekendAanleverpunt' });
        // a routing key nobody registered
        expect(await startSession(las.chain, { ...base, destinationDeliveryPoint: 'no-such-point' })).toEqual(
          {
            result: 'OnbekendAanleverpunt',
          },
        );
        // the school's point of another supplier that also holds a mandate
        const other = await world.supplier('LAS D');
        await grantMandate(world.ctx(), { supplierId: other.id, brin: vo.school.brin });
        expect(await startSession(other.chain, base)).toEqual({ result: 'OnbekendAanleverpunt' });
        // a deactivated point
        const vo3 = await world.school({ supplier: las, sector: 'vo' });
        await deactivateDeliveryPoint(world.ctx(), vo3.points.OV.routingKey);
        expect(await startSession(las.chain, startRequest(po.school, vo3))).toEqual({
          result: 'OnbekendAanleverpunt',
        });
      });

      it('a destination delivery point for another purpose than the kind’s gets GeenRelatieMetDoel', async () => {
        const rp = await registerDeliveryPoint(world.ctx(), {
          routingKey: uniqueRoutingKey('rp'),
          brin: vo.school.brin,
          supplierId: las.id,
          url: 'https://platform.test/rp',
          purpose: 'RP',
          publicKey: randomPublicKey(),
        });
        expect(
          await startSession(las.chain, {
            ...startRequest(po.school, vo),
            destinationDeliveryPoint: rp.routingKey,
          }),
        ).toEqual({ result: 'GeenRelatieMetDoel' });
      });

      it('an unknown source school gets OnbekendeSchool', async () => {
        expect(
          await startSession(las.chain, { ...startRequest(po.school, vo), sourceBrin: uniqueBrin() }),
        ).toEqual({
          result: 'OnbekendeSchool',
        });
      });

      it('a source or destination school that is not admitted today gets SchoolNietToegelaten', async () => {
        const pending = await world.school({ supplier: las, sector: 'po', admitted: false });
        expect(await startSession(las.chain, startRequest(pending.school, vo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
        const pendingVo = await world.school({ supplier: las, sector: 'vo', admitted: false });
        expect(await startSession(las.chain, startRequest(po.school, pendingVo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
        // admitted from a later date, or only until yesterday
        const later = await world.school({ supplier: las, sector: 'po', from: '2026-04-02' });
        expect(await startSession(las.chain, startRequest(later.school, vo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
        const ended = await world.school({
          supplier: las,
          sector: 'po',
          from: '2025-08-01',
          until: '2026-03-31',
        });
        expect(await startSession(las.chain, startRequest(ended.school, vo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
        // and unqualified after having been admitted
        const dropped = await world.school({ supplier: las, sector: 'po' });
        expect((await startSession(las.chain, startRequest(dropped.school, vo))).result).toBe('ok');
        await setAdmission(world.ctx(), dropped.school.brin, {
          action: 'unqualify',
          note: 'certificaat verlopen',
        });
        expect(await startSession(las.chain, startRequest(dropped.school, vo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
      });

      it('a registered school without any admission step is refused too', async () => {
        const bare = await registerSchool(world.ctx(), {
          brin: uniqueBrin(),
          vestiging: '01',
          name: 'Kale school',
          sector: 'po',
          board: 'Bestuur',
        });
        expect(await startSession(las.chain, startRequest(bare, vo))).toEqual({
          result: 'SchoolNietToegelaten',
        });
      });

      it('a source school without an active delivery point for the purpose gets GeenRelatieMetDoel', async () => {
        const swv = await world.school({ supplier: las, sector: 'swv', purposes: ['SWV'] });
        const onlyOv = await world.school({ supplier: las, sector: 'po', purposes: ['OV'] });
        expect(await startSession(las.chain, startRequest(onlyOv.school, swv, 'swv'))).toEqual({
          result: 'GeenRelatieMetDoel',
        });
      });

      it('binnenbrin is within one BRIN, and the other kinds between two: else OngeldigVerzoek', async () => {
        expect(await startSession(las.chain, startRequest(po.school, vo, 'binnenbrin'))).toEqual({
          result: 'OngeldigVerzoek',
        });
        expect(await startSession(las.chain, startRequest(vo.school, vo, 'overstapdossier'))).toEqual({
          result: 'OngeldigVerzoek',
        });
        expect((await startSession(las.chain, startRequest(vo.school, vo, 'binnenbrin'))).result).toBe('ok');
      });

      it('a malformed commitment or BRIN gets OngeldigVerzoek and stores nothing', async () => {
        const before = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM tc.sessions');
        const request = startRequest(po.school, vo);
        for (const bad of [
          { ...request, commitment: 'Jansen 2014-05-17 123456782' },
          { ...request, commitment: `${pupilCommitment().commitment}=` },
          { ...request, sourceBrin: 'xx' },
          { ...request, kind: 'other' as 'swv' },
        ]) {
          expect(await startSession(las.chain, bad)).toEqual({ result: 'OngeldigVerzoek' });
        }
        const after = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM tc.sessions');
        expect(after.rows[0].n).toBe(before.rows[0].n);
      });
    });
  },
  { migrations: testMigrations },
);
