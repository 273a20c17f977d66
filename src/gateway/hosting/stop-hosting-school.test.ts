import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import { readDossier } from '../../standard/index.js';
import { deactivateDeliveryPoint } from '../../trafficcenter/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { readDossierDocument } from '../sending/read-dossier.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import type { HostedSchool } from './register-hosted-school.js';
import { stopHostingSchool } from './stop-hosting-school.js';

const PO = '81PA';
const VO = '82VA';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);

describeEachDatabase(
  'no longer hosting a school',
  (db) => {
    let w: ChainWorld;
    let source: HostedSchool;
    const dossiers: Array<{ dossierId: string; xml: Buffer }> = [];
    beforeAll(async () => {
      w = await startChainWorld(db());
      source = await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      for (const i of [0, 1]) {
        const xml = dossierXml(PO, { index: i, seed: 'stop-hosting' });
        const { dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml });
        await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
        await recordInspection(w.ctx(po), {
          schoolBrin: PO,
          dossierId,
          inzagedatum: '2026-03-20',
          akkoord: 'Ja',
        });
        dossiers.push({ dossierId, xml });
      }
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: dossiers[0].dossierId, destinationBrin: VO });
    });
    afterAll(async () => w?.close());

    const registrationOf = async (xml: Buffer) => {
      const l = readDossier(xml).huidigeschool.leerling;
      return (
        await registerPupil(w.ctx(vo), w.chain, {
          schoolBrin: VO,
          sourceBrin: PO,
          bsn: l.bsn as string,
          achternaam: l.achternaam,
          geboortedatum: l.geboortedatum as string,
        })
      ).registrationId;
    };

    it('deactivates its delivery points, withdraws its ready dossiers and keeps its data; requests get OnbekendAanleverpunt', async () => {
      const registrationId = await registrationOf(dossiers[0].xml);
      const before = await readDossierDocument(w.ctx(po), {
        schoolBrin: PO,
        dossierId: dossiers[0].dossierId,
      });
      expect(await refusal(stopHostingSchool(w.ctx(po), { brin: PO }))).toBe('FORBIDDEN');
      expect(await refusal(stopHostingSchool(w.ctx(), { brin: PO, retainUntil: '2026-03-31' }))).toBe(
        'VALIDATION_FAILED',
      );

      const stopped = await stopHostingSchool(w.ctx(), { brin: PO, retainUntil: '2027-08-01' });
      expect(stopped).toEqual({
        brin: PO,
        hostingEndedAt: w.clock.now().toISOString(),
        retainUntil: '2027-08-01',
        deliveryPoints: [{ routingKey: source.deliveryPoint.routingKey, purpose: 'OV' }],
        withdrawnDossiers: 1,
      });

      // The traffic center still hands the point out: the gateway itself refuses the request.
      const asked = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(asked).toMatchObject({ result: 'OnbekendAanleverpunt', state: 'fout' });
      // Once the operator deactivated it there, no session names it any more.
      await deactivateDeliveryPoint(w.tcCtx(), source.deliveryPoint.routingKey);
      const again = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(again.result).toBe('GeenRelatieMetDoel');

      // Withdrawn, audited with the reason, and still readable for the school.
      const listed = await listDossiers(w.ctx(po), { schoolBrin: PO });
      expect(listed.map((d) => [d.dossierId, d.state]).sort()).toEqual(
        [
          [dossiers[0].dossierId, 'ingetrokken'],
          [dossiers[1].dossierId, 'ingezien'],
        ].sort(),
      );
      const read = await readDossierDocument(w.ctx(po), { schoolBrin: PO, dossierId: dossiers[0].dossierId });
      expect(Buffer.compare(read.xml, before.xml)).toBe(0);
      const audited = await db().query<{ action: string; details: Record<string, unknown> }>(
        `SELECT action, details FROM platform.audit_log
          WHERE school_brin = $1 AND action IN ('dossier.ingetrokken', 'gateway.school.hosting-ended') ORDER BY seq`,
        [PO],
      );
      expect(audited.rows).toEqual([
        { action: 'dossier.ingetrokken', details: { withdrawnFrom: VO, reason: 'hosting-ended' } },
        {
          action: 'gateway.school.hosting-ended',
          details: {
            retainUntil: '2027-08-01',
            deliveryPoints: [source.deliveryPoint.routingKey],
            withdrawnDossiers: 1,
          },
        },
      ]);

      // Stopping again only reports what was done.
      expect(await stopHostingSchool(w.ctx(), { brin: PO })).toEqual({ ...stopped, withdrawnDossiers: 0 });
    });

    it('nothing new is set ready, imported or registered for it, and the database refuses it too', async () => {
      expect(
        await refusal(
          klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId: dossiers[1].dossierId, destinationBrin: VO }),
        ),
      ).toBe('GW_SCHOOL_NOT_HOSTED');
      expect(
        await refusal(
          importDossier(w.ctx(po), {
            schoolBrin: PO,
            xml: dossierXml(PO, { index: 7, seed: 'stop-hosting' }),
          }),
        ),
      ).toBe('GW_SCHOOL_NOT_HOSTED');
      expect(
        await refusal(
          registerPupil(w.ctx(po), w.chain, {
            schoolBrin: PO,
            sourceBrin: VO,
            bsn: '123456782',
            achternaam: 'Jansen',
            geboortedatum: '2014-05-17',
          }),
        ),
      ).toBe('GW_SCHOOL_NOT_HOSTED');

      const sql = (text: string, params: unknown[]) => refusal(db().query(text, params));
      expect(
        await sql('UPDATE gw.delivery_points SET active = true WHERE routing_key = $1', [
          source.deliveryPoint.routingKey,
        ]),
      ).toBe('school_hosting_ended');
      expect(
        await sql(
          `INSERT INTO gw.dossier_destinations (id, dossier_id, version_id, destination_brin, state, ready_at, ready_by)
           SELECT gen_random_uuid(), d.id, v.id, $2, 'klaargezet', now(), 'test'
             FROM gw.dossiers d JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version
            WHERE d.id = $1`,
          [dossiers[1].dossierId, VO],
        ),
      ).toBe('school_hosting_ended');
      expect(
        await sql('UPDATE gw.schools SET hosting_ended_at = NULL, retain_until = NULL WHERE brin = $1', [PO]),
      ).toBe('school_hosting_ended_is_final');
    });

    it('a receiving school no longer hosted sends no request, and leaves no registration hanging', async () => {
      const other = '83VB';
      await w.school(other, { sector: 'vo' });
      const actor = schoolActor([other]);
      const { registrationId } = await registerPupil(w.ctx(actor), w.chain, {
        schoolBrin: other,
        sourceBrin: VO,
        bsn: '123456782',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-17',
      });
      await stopHostingSchool(w.ctx(), { brin: other });
      expect(
        await refusal(requestDossier(w.ctx(actor), w.chain, { schoolBrin: other, registrationId })),
      ).toBe('GW_SCHOOL_NOT_HOSTED');
      const { rows } = await db().query<{ state: string }>(
        'SELECT state FROM gw.registrations WHERE id = $1',
        [registrationId],
      );
      expect(rows[0].state).toBe('aanmelding');
    });
  },
  { migrations: chainTestMigrations },
);
