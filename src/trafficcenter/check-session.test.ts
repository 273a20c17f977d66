import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import type { SessionCheckRequest } from '../platform/protocol.js';
import { checkSession } from './check-session.js';
import { closeSession } from './close-session.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { grantMandate } from './grant-mandate.js';
import { startSession } from './start-session.js';
import {
  pupilCommitment,
  randomFingerprint,
  startRequest,
  type TcWorld,
  tcWorld,
  testMigrations,
} from './test-fixtures.js';

type Supplier = Awaited<ReturnType<TcWorld['supplier']>>;
type ConnectedSchool = Awaited<ReturnType<TcWorld['school']>>;

describeEachDatabase(
  'checking a session',
  (db) => {
    let world: TcWorld;
    let receiving: Supplier;
    let sending: Supplier;
    let po: ConnectedSchool;
    let vo: ConnectedSchool;

    beforeAll(async () => {
      world = tcWorld(db());
      receiving = await world.supplier('LAS vo');
      sending = await world.supplier('LAS po');
      po = await world.school({ supplier: sending, sector: 'po', purposes: ['OV', 'SWV'] });
      vo = await world.school({ supplier: receiving, sector: 'vo' });
    });

    /** A fresh session from vo to po, and the check the po gateway would send for it. */
    async function session(): Promise<{ id: string; check: SessionCheckRequest }> {
      const request = startRequest(po.school, vo);
      const started = await startSession(receiving.chain, request);
      if (started.result !== 'ok') throw new Error(`session start refused: ${started.result}`);
      return {
        id: started.sessionId,
        check: {
          sourceDeliveryPoint: po.points.OV.routingKey,
          sourceBrin: po.school.brin,
          destinationBrin: vo.school.brin,
          kind: 'overstapdossier',
          commitment: request.commitment,
        },
      };
    }

    it('a matching check by the source’s supplier gets the destination delivery point with its public key', async () => {
      const { id, check } = await session();
      expect(await checkSession(sending.chain, id, check)).toEqual({
        result: 'ok',
        destinationDeliveryPoint: {
          routingKey: vo.points.OV.routingKey,
          brin: vo.school.brin,
          vestiging: '00',
          url: vo.points.OV.url,
          purpose: 'OV',
          publicKey: vo.points.OV.publicKey,
        },
      });
      await checkSession(sending.chain, id, check);
      const { rows } = await db().query<{ check_count: number }>(
        'SELECT check_count FROM tc.sessions WHERE id = $1',
        [id],
      );
      expect(rows[0].check_count).toBe(2);
    });

    it('a forged, altered or malformed session id gets SessieAfwijkend', async () => {
      const { id, check } = await session();
      const altered = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
      for (const forged of [
        crypto.randomUUID(),
        altered,
        id.toUpperCase(),
        'not-a-session',
        "1' OR '1'='1",
        '',
      ]) {
        expect(await checkSession(sending.chain, forged, check)).toEqual({ result: 'SessieAfwijkend' });
      }
    });

    it('a commitment, BRIN or kind that differs from the session gets SessieAfwijkend', async () => {
      const { id, check } = await session();
      const other = await world.school({ supplier: receiving, sector: 'vo' });
      for (const changed of [
        { ...check, commitment: pupilCommitment().commitment },
        { ...check, commitment: pupilCommitment({ bsn: '111222333' }).commitment },
        { ...check, destinationBrin: other.school.brin },
        { ...check, kind: 'swv' as const },
      ]) {
        expect(await checkSession(sending.chain, id, changed)).toEqual({ result: 'SessieAfwijkend' });
      }
      // the genuine check still passes: the refusals changed nothing
      expect((await checkSession(sending.chain, id, check)).result).toBe('ok');
    });

    it('a closed session gets SessieReedsAfgemeld', async () => {
      const { id, check } = await session();
      expect(await closeSession(receiving.chain, id, { bestResult: 'OverdrachtGeslaagd' })).toEqual({
        result: 'ok',
      });
      expect(await checkSession(sending.chain, id, check)).toEqual({ result: 'SessieReedsAfgemeld' });
    });

    it('a certificate no supplier system has gets VerstrekkerNietBekend', async () => {
      const { id, check } = await session();
      expect(await checkSession(world.chain(randomFingerprint()), id, check)).toEqual({
        result: 'VerstrekkerNietBekend',
      });
      expect(await checkSession(world.chain(undefined), id, check)).toEqual({
        result: 'VerstrekkerNietBekend',
      });
    });

    it('a caller without the source school’s mandate gets GeenMandaat', async () => {
      const { id, check } = await session();
      // the receiving supplier is known, but has no mandate for the po school
      expect(await checkSession(receiving.chain, id, check)).toEqual({ result: 'GeenMandaat' });
    });

    it('a source delivery point that is unknown, another school’s or another supplier’s gets OnbekendAanleverpunt', async () => {
      const { id, check } = await session();
      expect(
        await checkSession(sending.chain, id, { ...check, sourceDeliveryPoint: 'no-such-point' }),
      ).toEqual({
        result: 'OnbekendAanleverpunt',
      });
      const otherPo = await world.school({ supplier: sending, sector: 'po' });
      expect(
        await checkSession(sending.chain, id, {
          ...check,
          sourceDeliveryPoint: otherPo.points.OV.routingKey,
        }),
      ).toEqual({ result: 'OnbekendAanleverpunt' });
      // a third supplier with a mandate for the po school, pointing at the po supplier's point
      const third = await world.supplier('LAS third');
      await grantMandate(world.ctx(), { supplierId: third.id, brin: po.school.brin });
      expect(await checkSession(third.chain, id, check)).toEqual({ result: 'OnbekendAanleverpunt' });
    });

    it('a source delivery point for another purpose, or no longer active, gets GeenRelatieMetDoel', async () => {
      const { id, check } = await session();
      expect(
        await checkSession(sending.chain, id, { ...check, sourceDeliveryPoint: po.points.SWV.routingKey }),
      ).toEqual({ result: 'GeenRelatieMetDoel' });
      const own = await world.school({ supplier: sending, sector: 'po' });
      const started = await startSession(receiving.chain, startRequest(own.school, vo));
      if (started.result !== 'ok') throw new Error(started.result);
      const ownCheck = {
        ...check,
        sourceBrin: own.school.brin,
        sourceDeliveryPoint: own.points.OV.routingKey,
      };
      const { rows } = await db().query<{ commitment: string }>(
        'SELECT commitment FROM tc.sessions WHERE id = $1',
        [started.sessionId],
      );
      ownCheck.commitment = rows[0].commitment;
      expect((await checkSession(sending.chain, started.sessionId, ownCheck)).result).toBe('ok');
      await deactivateDeliveryPoint(world.ctx(), own.points.OV.routingKey);
      expect(await checkSession(sending.chain, started.sessionId, ownCheck)).toEqual({
        result: 'GeenRelatieMetDoel',
      });
    });

    it('a regional-platform (RP) point answers a transfer session, an SWV point only an swv session', async () => {
      const withRp = await world.school({ supplier: sending, sector: 'po', purposes: ['OV', 'RP', 'SWV'] });
      const transfer = startRequest(withRp.school, vo);
      const started = await startSession(receiving.chain, transfer);
      if (started.result !== 'ok') throw new Error(started.result);
      const check: SessionCheckRequest = {
        sourceDeliveryPoint: withRp.points.RP.routingKey,
        sourceBrin: withRp.school.brin,
        destinationBrin: vo.school.brin,
        kind: 'overstapdossier',
        commitment: transfer.commitment,
      };
      expect((await checkSession(sending.chain, started.sessionId, check)).result).toBe('ok');
      expect(
        await checkSession(sending.chain, started.sessionId, {
          ...check,
          sourceDeliveryPoint: withRp.points.SWV.routingKey,
        }),
      ).toEqual({ result: 'GeenRelatieMetDoel' });

      const swv = await world.school({ supplier: receiving, sector: 'swv', purposes: ['SWV'] });
      const request = startRequest(withRp.school, swv, 'swv');
      const asked = await startSession(receiving.chain, request);
      if (asked.result !== 'ok') throw new Error(asked.result);
      const swvCheck: SessionCheckRequest = {
        sourceDeliveryPoint: withRp.points.OV.routingKey,
        sourceBrin: withRp.school.brin,
        destinationBrin: swv.school.brin,
        kind: 'swv',
        commitment: request.commitment,
      };
      for (const point of [withRp.points.OV, withRp.points.RP]) {
        expect(
          await checkSession(sending.chain, asked.sessionId, {
            ...swvCheck,
            sourceDeliveryPoint: point.routingKey,
          }),
        ).toEqual({ result: 'GeenRelatieMetDoel' });
      }
      const answered = await checkSession(sending.chain, asked.sessionId, {
        ...swvCheck,
        sourceDeliveryPoint: withRp.points.SWV.routingKey,
      });
      expect(answered).toMatchObject({
        result: 'ok',
        destinationDeliveryPoint: { routingKey: swv.points.SWV.routingKey, purpose: 'SWV' },
      });
    });

    it('a destination delivery point deactivated after the start (a leaked key) gets SessieAfwijkend', async () => {
      const vo2 = await world.school({ supplier: receiving, sector: 'vo' });
      const request = startRequest(po.school, vo2);
      const started = await startSession(receiving.chain, request);
      if (started.result !== 'ok') throw new Error(started.result);
      await deactivateDeliveryPoint(world.ctx(), vo2.points.OV.routingKey);
      expect(
        await checkSession(sending.chain, started.sessionId, {
          sourceDeliveryPoint: po.points.OV.routingKey,
          sourceBrin: po.school.brin,
          destinationBrin: vo2.school.brin,
          kind: 'overstapdossier',
          commitment: request.commitment,
        }),
      ).toEqual({ result: 'SessieAfwijkend' });
    });
  },
  { migrations: testMigrations },
);
