import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { koppelsleutelCommitment, newSalt, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { KOPPELSLEUTEL_ALPHABET, newKoppelsleutel, normalizeKoppelsleutel } from '../pupils/koppelsleutel.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { withdrawDossier } from '../sending/withdraw-dossier.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { exportSwvDossier } from './export-swv-dossier.js';
import { listSwvRequests } from './list-swv-requests.js';
import { requestSwvDossier } from './request-swv-dossier.js';

const PO = '71PA';
const SWV = '72SA';
const OTHER_SWV = '73SB';
const VO = '74VA';
const GUESSER = '75SC';
const po = schoolActor([PO]);

describeEachDatabase(
  'an SWV requesting a dossier by koppelsleutel',
  (db) => {
    let w: ChainWorld;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db(), { lookupLimit: { maxFailuresPerHour: 3, blockMinutes: 60 } });
      await w.school(PO, { purposes: ['SWV'] });
      await w.school(SWV, { sector: 'swv', purposes: ['SWV'] });
      await w.school(OTHER_SWV, { sector: 'swv', purposes: ['SWV'] });
      await w.school(GUESSER, { sector: 'swv', purposes: ['SWV'] });
      await w.school(VO, { sector: 'vo', purposes: ['SWV'] });
    });
    afterAll(async () => w?.close());

    /** A POSWV dossier of a new pupil, set ready for `destination`: its id, XML and koppelsleutel. */
    async function readySwvDossier(destination = SWV) {
      const xml = dossierXml(PO, { profile: 'POSWV', seed: 'swv-requests', index: index++ });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      const ready = await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: destination });
      return { dossierId, xml, koppelsleutel: ready.koppelsleutel as string };
    }
    const ask = (schoolBrin: string, koppelsleutel: string, sourceBrin = PO) =>
      requestSwvDossier(w.ctx(schoolActor([schoolBrin])), w.chain, { schoolBrin, sourceBrin, koppelsleutel });
    const count = async (table: string) =>
      (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

    it('gets the SWV dossier with the koppelsleutel the school handed over, validated and stored encrypted', async () => {
      const { xml, koppelsleutel, dossierId } = await readySwvDossier();
      const leerling = readDossier(xml).huidigeschool.leerling;
      const typed = koppelsleutel.toLowerCase().replaceAll('-', ' ');
      const answer = await ask(SWV, typed);
      expect(answer).toMatchObject({ sourceBrin: PO, result: 'OverdrachtGeslaagd', state: 'ontvangen' });
      expect(answer.receivedDossierId).toBeDefined();

      const stored = JSON.stringify(
        (await db().query('SELECT * FROM gw.swv_received_dossiers WHERE id = $1', [answer.receivedDossierId]))
          .rows,
      );
      expect(stored).not.toContain(leerling.achternaam);
      const requests = JSON.stringify((await db().query('SELECT * FROM gw.swv_requests')).rows);
      expect(requests).not.toContain(normalizeKoppelsleutel(koppelsleutel));

      const exported = await exportSwvDossier(w.ctx(schoolActor([SWV])), {
        schoolBrin: SWV,
        swvRequestId: answer.swvRequestId,
      });
      expect(exported).toMatchObject({ sourceBrin: PO, profile: 'POSWV' });
      expect(readDossier(exported.xml)).toEqual(readDossier(xml));
      const listed = await listSwvRequests(w.ctx(schoolActor([SWV])), { schoolBrin: SWV });
      expect(listed.find((r) => r.swvRequestId === answer.swvRequestId)).toMatchObject({
        state: 'ontvangen',
        lastResult: 'OverdrachtGeslaagd',
        received: { receivedDossierId: answer.receivedDossierId, profile: 'POSWV', errorCount: 0 },
      });

      // The same key again: the same request, and nothing new to fetch.
      const again = await ask(SWV, koppelsleutel);
      expect(again).toMatchObject({
        swvRequestId: answer.swvRequestId,
        result: 'NietGewijzigd',
        state: 'ontvangen',
      });

      const audit = await db().query<{
        action: string;
        school_brin: string;
        details: Record<string, unknown>;
      }>(
        `SELECT action, school_brin, details FROM platform.audit_log
          WHERE (subject = $1 OR subject = $2) ORDER BY seq`,
        [dossierId, answer.swvRequestId],
      );
      const actions = audit.rows.map((r) => `${r.school_brin} ${r.action}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          `${PO} dossier.koppelsleutel.issued`,
          `${PO} dossier.delivered`,
          `${SWV} swv.request.created`,
          `${SWV} swv.received.stored`,
        ]),
      );
      expect(JSON.stringify(audit.rows)).not.toContain(normalizeKoppelsleutel(koppelsleutel));
    });

    it('refuses a key with a wrong check character before anything is stored or asked', async () => {
      const key = normalizeKoppelsleutel(newKoppelsleutel());
      const wrong =
        key.slice(0, 15) + KOPPELSLEUTEL_ALPHABET[(KOPPELSLEUTEL_ALPHABET.indexOf(key[15]) + 7) % 32];
      const [sessions, requests] = [await count('tc.sessions'), await count('gw.swv_requests')];
      await expect(ask(SWV, wrong)).rejects.toMatchObject({
        code: 'KOPPELSLEUTEL_INVALID',
        details: { reason: 'check' },
        messages: {
          nl: expect.stringContaining('controleteken'),
          en: expect.stringContaining('check character'),
        },
      });
      await expect(ask(SWV, 'ABCD-EFGH')).rejects.toMatchObject({ code: 'KOPPELSLEUTEL_INVALID' });
      expect([await count('tc.sessions'), await count('gw.swv_requests')]).toEqual([sessions, requests]);
    });

    it('an unknown key gets LeerlingNietGevonden, counted against the limit of failed look-ups', async () => {
      for (let i = 0; i < 4; i++) {
        expect(await ask(GUESSER, newKoppelsleutel())).toMatchObject({
          result: 'LeerlingNietGevonden',
          state: 'niet_gevonden',
          explanation: { nl: expect.stringContaining('koppelsleutel') },
        });
      }
      expect((await ask(GUESSER, newKoppelsleutel())).result).toBe('TeVeelVerzoeken');
      // Other samenwerkingsverbanden are not blocked.
      const { koppelsleutel } = await readySwvDossier();
      expect((await ask(SWV, koppelsleutel)).result).toBe('OverdrachtGeslaagd');
    });

    it('a key issued for another samenwerkingsverband gets NietKlaargezet', async () => {
      const { koppelsleutel } = await readySwvDossier(SWV);
      expect(await ask(OTHER_SWV, koppelsleutel)).toMatchObject({
        result: 'NietKlaargezet',
        state: 'wacht_op_klaarzetten',
      });
    });

    it('a withdrawn dossier gets NietKlaargezet, and the same key works once it is ready again', async () => {
      const { dossierId, koppelsleutel } = await readySwvDossier();
      await withdrawDossier(w.ctx(po), { schoolBrin: PO, dossierId });
      const waiting = await ask(SWV, koppelsleutel);
      expect(waiting).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: SWV });
      expect(await ask(SWV, koppelsleutel)).toMatchObject({
        swvRequestId: waiting.swvRequestId,
        result: 'OverdrachtGeslaagd',
        state: 'ontvangen',
      });
    });

    it('an swv session goes to SWV points only and is asked by a samenwerkingsverband only', async () => {
      const { koppelsleutel } = await readySwvDossier();
      // A vo school with an SWV delivery point is no samenwerkingsverband: the traffic center refuses.
      expect((await ask(VO, koppelsleutel)).result).toBe('GeenRelatieMetDoel');

      // The session hands out the source's SWV point only, never its OV point …
      const key = { koppelsleutel: normalizeKoppelsleutel(koppelsleutel), salt: newSalt() };
      const swv = await w.school('76SD', { sector: 'swv', purposes: ['SWV'] });
      const started = await w.chain.trafficCenter.startSession(
        {
          destinationBrin: '76SD',
          destinationDeliveryPoint: swv.added.SWV?.routingKey as string,
          sourceBrin: PO,
          kind: 'swv',
          commitment: koppelsleutelCommitment(key),
        },
        'test',
      );
      if (started.result !== 'ok') throw new Error(started.result);
      expect(started.sourceDeliveryPoints.map((p) => p.purpose)).toEqual(['SWV']);
      // … and an SWV request sent to the OV point anyway is refused there.
      const [swvPoint] = started.sourceDeliveryPoints;
      const ovUrl = swvPoint.url.replace(/[^/]+$/, encodeURIComponent(await ovRoutingKey(PO)));
      const answer = await w.chain.peers.requestSwvDossier(
        { ...swvPoint, url: ovUrl },
        {
          sessionId: started.sessionId,
          destinationBrin: '76SD',
          commitment: koppelsleutelCommitment(key),
          koppelsleutel: await sealJson(swvPoint.publicKey, key, {
            info: SEAL_INFO.koppelsleutel,
            aad: started.sessionId,
          }),
        },
        'test',
      );
      expect(answer).toEqual({ result: 'GeenRelatieMetDoel' });
      // The right point, with the same session, delivers.
      const delivered = await w.chain.peers.requestSwvDossier(
        swvPoint,
        {
          sessionId: started.sessionId,
          destinationBrin: '76SD',
          commitment: koppelsleutelCommitment(key),
          koppelsleutel: await sealJson(swvPoint.publicKey, key, {
            info: SEAL_INFO.koppelsleutel,
            aad: started.sessionId,
          }),
        },
        'test',
      );
      // Ready for SWV, not for 76SD.
      expect(delivered).toEqual({ result: 'NietKlaargezet' });
    });

    it('refuses a request of a school without an SWV delivery point, before the chain', async () => {
      await w.school('77VB', { sector: 'vo' });
      await expect(ask('77VB', newKoppelsleutel())).rejects.toMatchObject({
        code: 'GW_DELIVERY_POINT_MISSING',
      });
      await expect(
        requestSwvDossier(w.ctx(schoolActor([SWV])), w.chain, {
          schoolBrin: OTHER_SWV,
          sourceBrin: PO,
          koppelsleutel: newKoppelsleutel(),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    async function ovRoutingKey(brin: string): Promise<string> {
      const { rows } = await db().query<{ routing_key: string }>(
        `SELECT routing_key FROM gw.delivery_points WHERE brin = $1 AND purpose = 'OV' AND active`,
        [brin],
      );
      return rows[0].routing_key;
    }
  },
  { migrations: chainTestMigrations },
);
