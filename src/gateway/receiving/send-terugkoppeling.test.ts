import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import type { DeliveryPointRef, FeedbackContent } from '../../platform/protocol.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import type { HostedSchool } from '../hosting/register-hosted-school.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listTerugkoppelingen } from '../sending/list-terugkoppelingen.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { registerPupil } from './register-pupil.js';
import { requestDossier } from './request-dossier.js';
import { outgoingTerugkoppelingAad, sendTerugkoppeling } from './send-terugkoppeling.js';

const PO = '91PA';
const VO = '92VA';
const OTHER_VO = '93VB';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);

const SCHOOLJAAR = {
  schooljaar: '2026-2027',
  begindatum: '2026-08-24',
  einddatum: '2027-07-16',
  groepsnaam: 'B1c',
  jaargroep: '11',
  iltcode: '1234',
  iltomschrijving: 'havo/vwo brugjaar',
};

describeEachDatabase(
  'feedback (terugkoppeling) from the receiving school',
  (db) => {
    let w: ChainWorld;
    let source: HostedSchool;
    let index = 0;
    beforeAll(async () => {
      w = await startChainWorld(db());
      source = await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(OTHER_VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    /** A pupil of the po school whose dossier the vo school received; with or without delivery. */
    async function receivedPupil(options: { deliver?: boolean } = {}) {
      const xml = dossierXml(PO, { index: index++, seed: 'terugkoppeling-tests' });
      const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const { registrationId } = await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: leerling.bsn as string,
        achternaam: leerling.achternaam,
        geboortedatum: leerling.geboortedatum as string,
      });
      if (options.deliver !== false) {
        const requested = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
        expect(requested.result).toBe('OverdrachtGeslaagd');
      }
      return { dossierId, registrationId, leerling };
    }

    it('reaches the source school, matched to the dossier it delivered, and is listed there', async () => {
      const { dossierId, registrationId, leerling } = await receivedPupil();
      const queued = await sendTerugkoppeling(w.ctx(vo), {
        schoolBrin: VO,
        registrationId,
        schooljaren: [SCHOOLJAAR],
      });
      expect(queued).toMatchObject({ registrationId, sourceBrin: PO, state: 'wachtrij' });
      expect(queued.findings.filter((f) => f.severity === 'fout')).toEqual([]);
      await w.runJobs();

      const sent = await db().query<{ state: string; result: string; xml_enc: Uint8Array }>(
        'SELECT state, result, xml_enc FROM gw.outgoing_terugkoppelingen WHERE id = $1',
        [queued.terugkoppelingId],
      );
      expect(sent.rows[0]).toMatchObject({ state: 'afgeleverd', result: 'ok' });
      const xml = Buffer.from(
        w.keyring.decrypt(sent.rows[0].xml_enc, outgoingTerugkoppelingAad(queued.terugkoppelingId)),
      ).toString('utf8');
      expect(xml).toMatch(
        /^<\?xml[^>]*>\s*<dossiers xmlns="http:\/\/www\.edustandaard\.nl\/oso_gegevensset\/2019\/dossier">\s*<terugkoppeling>/,
      );

      const listed = await listTerugkoppelingen(w.ctx(po), { schoolBrin: PO });
      const item = listed.find((t) => t.dossierId === dossierId);
      expect(item).toMatchObject({
        fromBrin: VO,
        leerling: {
          leerlingid: leerling.leerlingid,
          voornaam: leerling.voornaam,
          achternaam: leerling.achternaam,
          geboortedatum: leerling.geboortedatum,
        },
        schooljaren: [SCHOOLJAAR],
        vertrek: null,
      });
      const stored = JSON.stringify((await db().query('SELECT * FROM gw.incoming_terugkoppelingen')).rows);
      expect(stored).not.toContain(leerling.achternaam);
      const audit = await db().query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE subject = $1 AND action = 'terugkoppeling.received'`,
        [dossierId],
      );
      expect(audit.rows).toHaveLength(1);
      // Another school may not read them.
      await expect(listTerugkoppelingen(w.ctx(vo), { schoolBrin: PO })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('tells that the pupil left (vertrek only)', async () => {
      const { dossierId, registrationId } = await receivedPupil();
      await sendTerugkoppeling(w.ctx(vo), {
        schoolBrin: VO,
        registrationId,
        vertrek: { vertrekdatum: '2027-01-31', vertrekreden: 'verhuisd' },
      });
      await w.runJobs();
      const listed = await listTerugkoppelingen(w.ctx(po), { schoolBrin: PO });
      expect(listed.find((t) => t.dossierId === dossierId)).toMatchObject({
        schooljaren: [],
        vertrek: { vertrekdatum: '2027-01-31', vertrekreden: 'verhuisd' },
      });
    });

    it('refuses feedback that is empty, not valid, or about a pupil whose dossier did not arrive', async () => {
      const { registrationId } = await receivedPupil();
      await expect(sendTerugkoppeling(w.ctx(vo), { schoolBrin: VO, registrationId })).rejects.toMatchObject({
        code: 'TERUGKOPPELING_INVALID',
      });
      await expect(
        sendTerugkoppeling(w.ctx(vo), {
          schoolBrin: VO,
          registrationId,
          schooljaren: [{ ...SCHOOLJAAR, jaargroep: '9' }],
        }),
      ).rejects.toMatchObject({
        code: 'TERUGKOPPELING_INVALID',
        details: { findings: [expect.objectContaining({ rule: 'CL.13' })] },
      });
      await expect(
        sendTerugkoppeling(w.ctx(vo), {
          schoolBrin: VO,
          registrationId,
          schooljaren: [{ ...SCHOOLJAAR, begindatum: '2026-02-30' }],
        }),
      ).rejects.toMatchObject({ code: 'TERUGKOPPELING_INVALID' });
      const waiting = await receivedPupil({ deliver: false });
      await expect(
        sendTerugkoppeling(w.ctx(vo), {
          schoolBrin: VO,
          registrationId: waiting.registrationId,
          schooljaren: [SCHOOLJAAR],
        }),
      ).rejects.toMatchObject({ code: 'RECEIVED_DOSSIER_NOT_FOUND' });
      await expect(
        sendTerugkoppeling(w.ctx(po), { schoolBrin: VO, registrationId, schooljaren: [SCHOOLJAAR] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(
        (
          await db().query('SELECT 1 FROM gw.outgoing_terugkoppelingen WHERE registration_id = $1', [
            registrationId,
          ])
        ).rows,
      ).toHaveLength(0);
    });

    it('at the source: a message sent twice is stored once; one from a school it delivered nothing to is refused', async () => {
      const { registrationId, leerling } = await receivedPupil();
      const queued = await sendTerugkoppeling(w.ctx(vo), {
        schoolBrin: VO,
        registrationId,
        schooljaren: [SCHOOLJAAR],
      });
      const { rows } = await db().query<{ xml_enc: Uint8Array }>(
        'SELECT xml_enc FROM gw.outgoing_terugkoppelingen WHERE id = $1',
        [queued.terugkoppelingId],
      );
      const xml = Buffer.from(
        w.keyring.decrypt(rows[0].xml_enc, outgoingTerugkoppelingAad(queued.terugkoppelingId)),
      ).toString('utf8');
      const point: DeliveryPointRef = {
        routingKey: source.deliveryPoint.routingKey,
        brin: PO,
        vestiging: source.vestiging,
        url: source.deliveryPoint.url,
        purpose: 'OV',
        publicKey: source.deliveryPoint.publicKey,
      };
      const send = async (id: string, from: string, content: FeedbackContent) =>
        w.chain.peers.sendFeedback(
          point,
          {
            id,
            sourceBrin: PO,
            destinationBrin: from,
            feedback: await sealJson(point.publicKey, content, { info: SEAL_INFO.feedback, aad: 'feedback' }),
          },
          'test',
        );
      const content = { bsn: leerling.bsn as string, xml };
      expect(await send(queued.terugkoppelingId, VO, content)).toEqual({ result: 'ok' });
      expect(await send(queued.terugkoppelingId, VO, content)).toEqual({ result: 'ok' });
      const count = await db().query<{ n: number }>(
        'SELECT count(*)::int AS n FROM gw.incoming_terugkoppelingen WHERE message_id = $1',
        [queued.terugkoppelingId],
      );
      expect(count.rows[0].n).toBe(1);

      // The other vo school received no dossier of this pupil from PO.
      const forged = xml.replace(`<brincode>${VO}</brincode>`, `<brincode>${OTHER_VO}</brincode>`);
      expect(await send(randomUUID(), OTHER_VO, { ...content, xml: forged })).toEqual({
        result: 'LeerlingNietGevonden',
      });
      // Feedback that names another sender than the message, or is no valid terugkoppeling, is refused.
      expect(await send(randomUUID(), OTHER_VO, content)).toEqual({ result: 'OngeldigVerzoek' });
      expect(await send(randomUUID(), VO, { ...content, xml: '<dossiers/>' })).toEqual({
        result: 'OngeldigVerzoek',
      });
      // The job finds it delivered (the source answers ok again) and stores nothing twice.
      await w.runJobs();
      expect(
        (
          await db().query<{ n: number }>(
            'SELECT count(*)::int AS n FROM gw.incoming_terugkoppelingen WHERE message_id = $1',
            [queued.terugkoppelingId],
          )
        ).rows[0].n,
      ).toBe(1);
    });
  },
  { migrations: chainTestMigrations },
);
