import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import { commitment, newSalt, open, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import type { DocumentResponse, PupilIdentifiers } from '../../platform/protocol.js';
import { readDossier } from '../../standard/index.js';
import { getSchool, updateDeliveryPoint } from '../../trafficcenter/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { destroyEarlierKeys } from './destroy-earlier-keys.js';
import type { HostedSchool } from './register-hosted-school.js';
import { rotateDeliveryPointKey } from './rotate-delivery-point-key.js';

const PO = '71PA';
const VO = '72VA';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);
const MINUTE = 60_000;

describeEachDatabase(
  'rotating a delivery point’s key pair',
  (db) => {
    let w: ChainWorld;
    let source: HostedSchool;
    let destination: HostedSchool;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      source = await w.school(PO);
      destination = await w.school(VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    /** A pupil of the po school whose inspected dossier is ready for the vo school. */
    async function readyPupil(): Promise<PupilIdentifiers> {
      const xml = dossierXml(PO, { index: index++, seed: 'key-rotation' });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      const l = readDossier(xml).huidigeschool.leerling;
      return { bsn: l.bsn, geboortedatum: l.geboortedatum as string, achternaam: l.achternaam, salt: '' };
    }

    /** The public key a new session hands out for the po school's point. */
    let handedOut = '';

    /** A document request from the vo school to the po school, its identifiers sealed to `publicKey`. */
    async function askSealedTo(pupil: PupilIdentifiers, publicKey: string): Promise<DocumentResponse> {
      const ids = { ...pupil, salt: newSalt() };
      const started = await w.chain.trafficCenter.startSession(
        {
          destinationBrin: VO,
          destinationDeliveryPoint: destination.deliveryPoint.routingKey,
          sourceBrin: PO,
          kind: 'overstapdossier',
          commitment: commitment(ids),
        },
        'test',
      );
      if (started.result !== 'ok') throw new Error(`session refused: ${started.result}`);
      handedOut = started.sourceDeliveryPoints[0].publicKey;
      const identifiers = await sealJson(publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: started.sessionId,
      });
      return w.chain.peers.requestDocument(
        started.sourceDeliveryPoints[0],
        { sessionId: started.sessionId, destinationBrin: VO, identifiers, commitment: commitment(ids) },
        'test',
      );
    }

    const publicKeyAtTc = async (brin: string) =>
      (await getSchool(w.tcCtx(), brin)).deliveryPoints.find((p) => p.active)?.publicKey;

    it('requests sealed to the previous key are answered in the grace period, OngeldigVerzoek after it; new ones use the new key', async () => {
      const pupil = await readyPupil();
      const previous = source.deliveryPoint.publicKey;
      const rotated = await rotateDeliveryPointKey(w.ctx(), { brin: PO }, { publicChainUrl: w.gatewayUrl });
      expect(rotated).toMatchObject({
        brin: PO,
        routingKey: source.deliveryPoint.routingKey,
        purpose: 'OV',
        url: source.deliveryPoint.url,
        previousPublicKey: previous,
        previousKeyUsableUntil: new Date(w.clock.now().getTime() + 60 * MINUTE).toISOString(),
      });
      expect(rotated.publicKey).not.toBe(previous);

      // The traffic center still hands out the previous key: peers seal to it, and are answered.
      expect(await publicKeyAtTc(PO)).toBe(previous);
      expect((await askSealedTo(pupil, previous)).result).toBe('OverdrachtGeslaagd');
      expect(handedOut).toBe(previous);

      // The operator registers the new key: new sessions hand it out, and it opens.
      await updateDeliveryPoint(w.tcCtx(), rotated.routingKey, { publicKey: rotated.publicKey });
      expect(await publicKeyAtTc(PO)).toBe(rotated.publicKey);
      expect((await askSealedTo(pupil, rotated.publicKey)).result).toBe('OverdrachtGeslaagd');
      expect(handedOut).toBe(rotated.publicKey);
      // A request still sealed to the previous key (a peer that read the overview earlier).
      w.clock.advance(59 * MINUTE);
      expect((await askSealedTo(pupil, previous)).result).toBe('OverdrachtGeslaagd');

      // After the grace period the previous key opens nothing, even before it is destroyed.
      w.clock.advance(MINUTE);
      expect((await askSealedTo(pupil, previous)).result).toBe('OngeldigVerzoek');
      expect((await askSealedTo(pupil, rotated.publicKey)).result).toBe('OverdrachtGeslaagd');

      // The durable job destroys it: gone from the database for good.
      expect(await w.runJobs()).toBeGreaterThanOrEqual(1);
      const { rows } = await db().query<{ private_key_enc: Uint8Array | null; destroyed_at: Date | null }>(
        'SELECT private_key_enc, destroyed_at FROM gw.delivery_point_keys WHERE routing_key = $1',
        [rotated.routingKey],
      );
      expect(rows).toEqual([{ private_key_enc: null, destroyed_at: w.clock.now() }]);
      expect(await destroyEarlierKeys(w.ctx())).toBe(0);
      const audited = await db().query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE subject = $1 AND action LIKE 'gateway.delivery-point.key-%' ORDER BY seq`,
        [rotated.routingKey],
      );
      expect(audited.rows.map((r) => r.action)).toEqual([
        'gateway.delivery-point.key-rotated',
        'gateway.delivery-point.key-destroyed',
      ]);
      // A destroyed key does not come back, and an earlier key's grace cannot be stretched.
      const refused = (sql: string) =>
        db()
          .query(sql, [rotated.routingKey])
          .then(
            () => 'accepted',
            (e: { constraint?: string }) => e.constraint,
          );
      expect(
        await refused(
          `UPDATE gw.delivery_point_keys SET private_key_enc = '\\x00', destroyed_at = NULL WHERE routing_key = $1`,
        ),
      ).toBe('delivery_point_key_destroyed_is_final');
      expect(
        await refused(
          `UPDATE gw.delivery_point_keys SET usable_until = usable_until + interval '1 hour' WHERE routing_key = $1`,
        ),
      ).toBe('delivery_point_key_immutable');
    });

    it('a dossier sealed to the requesting school’s previous key (the traffic center not told yet) still arrives', async () => {
      const pupil = await readyPupil();
      const registration = await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: pupil.bsn as string,
        achternaam: pupil.achternaam,
        geboortedatum: pupil.geboortedatum,
      });
      const before = await publicKeyAtTc(VO);
      const rotated = await rotateDeliveryPointKey(
        w.ctx(),
        { brin: VO, graceMinutes: 5 },
        { publicChainUrl: w.gatewayUrl },
      );
      expect(rotated.previousPublicKey).toBe(before);
      // The source seals the dossier to the key the session check hands out: still the previous one.
      const result = await requestDossier(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        registrationId: registration.registrationId,
      });
      expect(result).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });
      await updateDeliveryPoint(w.tcCtx(), rotated.routingKey, { publicKey: rotated.publicKey });
    });

    it('the previous private key is stored encrypted and bound to its row', async () => {
      const rotated = await rotateDeliveryPointKey(
        w.ctx(),
        { brin: PO, graceMinutes: 1 },
        { publicChainUrl: w.gatewayUrl },
      );
      const { rows } = await db().query<{ id: string; private_key_enc: Uint8Array; public_key: string }>(
        'SELECT id, private_key_enc, public_key FROM gw.delivery_point_keys WHERE routing_key = $1 AND private_key_enc IS NOT NULL',
        [rotated.routingKey],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].public_key).toBe(rotated.previousPublicKey);
      const key = Buffer.from(
        w.keyring.decrypt(rows[0].private_key_enc, `gw.delivery_point_keys:${rows[0].id}`),
      );
      const box = await sealJson(
        rotated.previousPublicKey,
        { ok: true },
        { info: SEAL_INFO.notice, aad: 'notice' },
      );
      expect(
        Buffer.from(
          await open(key.toString('utf8'), box, { info: SEAL_INFO.notice, aad: 'notice' }),
        ).toString(),
      ).toBe('{"ok":true}');
      expect(() => w.keyring.decrypt(rows[0].private_key_enc, 'gw.delivery_points:other')).toThrow();
      await updateDeliveryPoint(w.tcCtx(), rotated.routingKey, { publicKey: rotated.publicKey });
    });

    it('only the gateway’s administrator rotates, a point that exists, with a sensible grace period', async () => {
      const options = { publicChainUrl: w.gatewayUrl };
      expect(await refusal(rotateDeliveryPointKey(w.ctx(po), { brin: PO }, options))).toBe('FORBIDDEN');
      expect(await refusal(rotateDeliveryPointKey(w.ctx(), { brin: PO, graceMinutes: -1 }, options))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await refusal(rotateDeliveryPointKey(w.ctx(), { brin: PO, purpose: 'SWV' }, options))).toBe(
        'GW_DELIVERY_POINT_MISSING',
      );
      expect(await refusal(rotateDeliveryPointKey(w.ctx(), { brin: '99ZZ' }, options))).toBe(
        'GW_DELIVERY_POINT_MISSING',
      );
    });
  },
  { migrations: chainTestMigrations },
);
