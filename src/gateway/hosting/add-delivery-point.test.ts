import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { type AddedPurpose, addDeliveryPoint } from './add-delivery-point.js';
import { deliveryPointPrivateKey } from './delivery-points.js';
import { listHostedSchools } from './hosted-schools.js';

const PO = '31PA';
const VO = '32VA';
const LONE = '33PB';

describeEachDatabase(
  'delivery points per purpose',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO, { purposes: ['RP', 'SWV'] });
      await w.school(VO, { sector: 'vo' });
      await w.school(LONE);
    });
    afterAll(async () => w?.close());
    const add = (brin: string, purpose: string, actor = w.ctx()) =>
      addDeliveryPoint(actor, { brin, purpose: purpose as AddedPurpose }, { publicChainUrl: w.gatewayUrl });

    it('adds an SWV and an RP point beside the OV point, each with its own key pair, the private key encrypted', async () => {
      const swv = await add(LONE, 'SWV');
      const rp = await add(LONE, 'RP');
      for (const [added, purpose] of [
        [swv, 'SWV'],
        [rp, 'RP'],
      ] as const) {
        expect(added.brin).toBe(LONE);
        expect(added.deliveryPoint).toMatchObject({
          purpose,
          publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        });
        expect(added.deliveryPoint.routingKey).toMatch(new RegExp(`^${LONE}01-${purpose}-[0-9a-f]{12}$`));
        expect(added.deliveryPoint.url).toBe(
          `${w.gatewayUrl}/chain/v1/delivery-points/${added.deliveryPoint.routingKey}`,
        );
      }
      const [school] = await listHostedSchools(w.ctx(schoolActor([LONE])));
      expect(school.deliveryPoints.map((p) => p.purpose)).toEqual(['OV', 'SWV', 'RP']);
      const keys = await Promise.all(
        school.deliveryPoints.map((p) => deliveryPointPrivateKey(db(), w.keyring, p.routingKey)),
      );
      expect(new Set(keys).size).toBe(3);
      const stored = JSON.stringify(
        (await db().query('SELECT * FROM gw.delivery_points WHERE brin = $1', [LONE])).rows,
      );
      for (const key of keys) expect(stored).not.toContain(key);
      const audit = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'gateway.delivery-point.added' AND school_brin = $1`,
        [LONE],
      );
      expect(audit.rows[0].n).toBe(2);
    });

    it('refuses a second active point for a purpose, another purpose, an unknown school and a school’s own key', async () => {
      await expect(add(PO, 'SWV')).rejects.toMatchObject({ code: 'GW_DELIVERY_POINT_EXISTS' });
      await expect(add(PO, 'OV')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(add('99ZZ', 'RP')).rejects.toMatchObject({ code: 'GW_SCHOOL_NOT_HOSTED' });
      await expect(add(VO, 'RP', w.ctx(schoolActor([VO])))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('a school with OV and RP points receives a document request on both; its SWV point none', async () => {
      const xml = dossierXml(PO, { seed: 'purposes' });
      const { dossierId } = await importDossier(w.ctx(schoolActor([PO])), { schoolBrin: PO, xml });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const { registrationId } = await registerPupil(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: leerling.bsn as string,
        achternaam: leerling.achternaam,
        geboortedatum: leerling.geboortedatum as string,
      });
      // Not ready yet: no point delivers, so the receiving gateway asks every point the session named.
      const waiting = await requestDossier(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        registrationId,
      });
      expect(waiting.result).toBe('NietKlaargezet');
      const asked = await db().query<{ purpose: string; result: string }>(
        `SELECT d.purpose, r.result FROM gw.incoming_requests r JOIN gw.delivery_points d ON d.routing_key = r.routing_key
          WHERE r.school_brin = $1 AND r.session_id = (
            SELECT session_id FROM gw.outgoing_requests WHERE registration_id = $2 ORDER BY requested_at DESC LIMIT 1)
          ORDER BY d.purpose`,
        [PO, registrationId],
      );
      expect(asked.rows).toEqual([
        { purpose: 'OV', result: 'NietKlaargezet' },
        { purpose: 'RP', result: 'NietKlaargezet' },
      ]);

      await putUpForInspection(w.ctx(schoolActor([PO])), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(schoolActor([PO])), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(schoolActor([PO])), { schoolBrin: PO, dossierId, destinationBrin: VO });
      const delivered = await requestDossier(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        registrationId,
      });
      expect(delivered.result).toBe('OverdrachtGeslaagd');
    });
  },
  { migrations: chainTestMigrations },
);
