import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { commitment, newSalt, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import type { DocumentResponse, PupilIdentifiers, SealedBox } from '../../platform/protocol.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import type { HostedSchool } from '../hosting/register-hosted-school.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { importDossier } from './import-dossier.js';

const PO = '61PA';
const VO = '62VA';
const GUESSER = '63VB';
const po = schoolActor([PO]);

describeEachDatabase(
  'answering document requests',
  (db) => {
    let w: ChainWorld;
    let source: HostedSchool;
    let destination: HostedSchool;
    let pupil: PupilIdentifiers;
    beforeAll(async () => {
      w = await startChainWorld(db(), { lookupLimit: { maxFailuresPerHour: 3, blockMinutes: 60 } });
      source = await w.school(PO);
      destination = await w.school(VO, { sector: 'vo' });
      await w.school(GUESSER, { sector: 'vo' });
      const xml = dossierXml(PO, { seed: 'answer-tests' });
      await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      const l = readDossier(xml).huidigeschool.leerling;
      pupil = {
        bsn: l.bsn,
        geboortedatum: l.geboortedatum as string,
        achternaam: l.achternaam,
        salt: newSalt(),
      };
    });
    afterAll(async () => w?.close());

    /** A real session at the traffic center for `ids`, from VO to PO. */
    async function session(ids: PupilIdentifiers) {
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
      return started;
    }

    async function ask(body: {
      sessionId: string;
      identifiers: SealedBox;
      commitment?: string;
      routingKey?: string;
    }): Promise<DocumentResponse> {
      const point = {
        ...(await session(pupil)).sourceDeliveryPoints[0],
        ...(body.routingKey ? { url: `${w.gatewayUrl}/chain/v1/delivery-points/${body.routingKey}` } : {}),
      };
      return w.chain.peers.requestDocument(
        point,
        {
          sessionId: body.sessionId,
          destinationBrin: VO,
          identifiers: body.identifiers,
          ...(body.commitment ? { commitment: body.commitment } : {}),
        },
        'test',
      );
    }

    it('answers a well-formed request (NietKlaargezet: not ready yet)', async () => {
      const ids = { ...pupil, salt: newSalt() };
      const { sessionId } = await session(ids);
      const identifiers = await sealJson(source.deliveryPoint.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      expect(await ask({ sessionId, identifiers, commitment: commitment(ids) })).toEqual({
        result: 'NietKlaargezet',
      });
      // Without the commitment in the request, the source checks the session with the one it unsealed.
      const second = await session(ids);
      const again = await sealJson(source.deliveryPoint.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: second.sessionId,
      });
      expect(await ask({ sessionId: second.sessionId, identifiers: again })).toEqual({
        result: 'NietKlaargezet',
      });
    });

    it('refuses tampered sealed identifiers', async () => {
      const ids = { ...pupil, salt: newSalt() };
      const { sessionId } = await session(ids);
      const sealed = await sealJson(source.deliveryPoint.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      const bytes = Buffer.from(sealed.ct, 'base64url');
      bytes[5] ^= 0x01;
      const tampered = { enc: sealed.enc, ct: bytes.toString('base64url') };
      expect(await ask({ sessionId, identifiers: tampered, commitment: commitment(ids) })).toEqual({
        result: 'OngeldigVerzoek',
      });
      // Sealed for another session (other aad): refused as well.
      const other = await session(ids);
      expect(
        await ask({ sessionId: other.sessionId, identifiers: sealed, commitment: commitment(ids) }),
      ).toEqual({
        result: 'OngeldigVerzoek',
      });
    });

    it('refuses identifiers that do not match the session’s commitment', async () => {
      const committed = { ...pupil, salt: newSalt() };
      const { sessionId } = await session(committed);
      // The session is about one pupil; the sealed identifiers name another.
      const smuggled = { ...committed, bsn: '111222333' };
      const identifiers = await sealJson(source.deliveryPoint.publicKey, smuggled, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      expect(await ask({ sessionId, identifiers, commitment: commitment(committed) })).toEqual({
        result: 'SessieAfwijkend',
      });
      expect(await ask({ sessionId, identifiers })).toEqual({ result: 'SessieAfwijkend' });
      // A forged session id never gets past the traffic center.
      expect(
        await ask({
          sessionId: '00000000-0000-4000-8000-000000000000',
          identifiers,
          commitment: commitment(smuggled),
        }),
      ).toEqual({ result: 'SessieAfwijkend' });
    });

    it('answers OnbekendAanleverpunt for a routing key it does not host', async () => {
      const ids = { ...pupil, salt: newSalt() };
      const { sessionId } = await session(ids);
      const identifiers = await sealJson(source.deliveryPoint.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      expect(
        await ask({ sessionId, identifiers, commitment: commitment(ids), routingKey: 'no-such-point' }),
      ).toEqual({
        result: 'OnbekendAanleverpunt',
      });
    });

    it('stores each answered request by keyed hash only', async () => {
      const { rows } = await db().query<Record<string, unknown>>('SELECT * FROM gw.incoming_requests');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(pupil.bsn as string);
      expect(text).not.toContain(pupil.achternaam);
      expect(text).not.toContain(pupil.geboortedatum);
    });

    it('a school that keeps asking for unknown pupils gets TeVeelVerzoeken', async () => {
      const actor = schoolActor([GUESSER]);
      // More than 3 failed look-ups in an hour (the limit in this world): the next request is refused.
      const guesses = ['111222333', '123456782', '100000009', '100000010', '100000022', '100000034']
        .filter((bsn) => bsn !== pupil.bsn)
        .slice(0, 5);
      const results: string[] = [];
      for (const bsn of guesses) {
        const { registrationId } = await registerPupil(w.ctx(actor), w.chain, {
          schoolBrin: GUESSER,
          sourceBrin: PO,
          bsn,
          achternaam: 'Gok',
          geboortedatum: '2014-01-01',
        });
        results.push(
          (await requestDossier(w.ctx(actor), w.chain, { schoolBrin: GUESSER, registrationId })).result,
        );
      }
      expect(results).toEqual([...Array(4).fill('LeerlingNietGevonden'), 'TeVeelVerzoeken']);
      // Another school is not affected.
      const ids = { ...pupil, salt: newSalt() };
      const { sessionId } = await session(ids);
      const identifiers = await sealJson(source.deliveryPoint.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      expect((await ask({ sessionId, identifiers, commitment: commitment(ids) })).result).toBe(
        'NietKlaargezet',
      );
      // An hour later the block is lifted.
      w.clock.advance(61 * 60_000);
      const { rows } = await db().query<{ id: string }>(
        `SELECT id FROM gw.registrations WHERE school_brin = $1 AND state = 'fout'`,
        [GUESSER],
      );
      const later = await requestDossier(w.ctx(actor), w.chain, {
        schoolBrin: GUESSER,
        registrationId: rows[0].id,
      });
      expect(later.result).toBe('LeerlingNietGevonden');
    });

    it('writes every answer to the audit log, without personal data', async () => {
      const { rows } = await db().query<Record<string, unknown>>(
        `SELECT * FROM platform.audit_log WHERE action LIKE 'chain.%' OR action LIKE 'dossier.%' OR action LIKE 'registration.%'`,
      );
      expect(rows.some((r) => r.action === 'chain.document-request')).toBe(true);
      expect(rows.some((r) => r.action === 'chain.document-request.refused')).toBe(true);
      const text = JSON.stringify(rows);
      for (const personal of [
        pupil.bsn as string,
        pupil.achternaam,
        pupil.geboortedatum,
        '111222333',
        'Gok',
      ]) {
        expect(text).not.toContain(personal);
      }
    });
  },
  { migrations: chainTestMigrations },
);
