import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import type { Ctx } from '../../platform/context.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { activateDeliveryPoint } from './activate-delivery-point.js';
import { addDeliveryPoint } from './add-delivery-point.js';
import { purgeEndedSchool } from './purge-ended-school.js';
import type { HostedSchool } from './register-hosted-school.js';
import { resumeHostingSchool } from './resume-hosting-school.js';
import { stopHostingSchool } from './stop-hosting-school.js';

const PO = '84PA';
const VO = '85VA';
const RACE = '86PB';
const LATE = '89PC';
const GONE = '90PD';
const po = schoolActor([PO]);
const vo = schoolActor([VO]);
const HOUR = 3_600_000;

describeEachDatabase(
  'resuming the hosting of a school',
  (db, target) => {
    let w: ChainWorld;
    let source: HostedSchool;
    let dossierId: string;
    let registrationId: string;
    beforeAll(async () => {
      w = await startChainWorld(db());
      source = await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(RACE);
      const xml = dossierXml(PO, { index: 0, seed: 'resume-hosting' });
      ({ dossierId } = await importDossier(w.ctx(po), { schoolBrin: PO, xml }));
      await putUpForInspection(w.ctx(po), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(po), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      const l = readDossier(xml).huidigeschool.leerling;
      ({ registrationId } = await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: l.bsn as string,
        achternaam: l.achternaam,
        geboortedatum: l.geboortedatum as string,
      }));
    });
    afterAll(async () => w?.close());

    const stateOf = async () => (await listDossiers(w.ctx(po), { schoolBrin: PO })).map((d) => d.state);
    const schoolRow = async (brin: string) =>
      (
        await db().query<{
          hosting_ended_at: Date | null;
          retain_until: string | null;
          hosting_resumed_at: Date | null;
        }>(
          `SELECT hosting_ended_at, to_char(retain_until, 'YYYY-MM-DD') AS retain_until, hosting_resumed_at
             FROM gw.schools WHERE brin = $1`,
          [brin],
        )
      ).rows[0];

    it('stop → resume → activate the delivery point → the school sets the dossier ready again and it is delivered', async () => {
      await stopHostingSchool(w.ctx(), { brin: PO, retainUntil: '2027-08-01' });
      const endedAt = w.clock.now();
      expect(await stateOf()).toEqual(['ingetrokken']);
      // While ended, nothing new: no readiness, no point.
      expect(await refusal(klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO }))).toBe(
        'GW_SCHOOL_NOT_HOSTED',
      );
      expect(
        await refusal(
          activateDeliveryPoint(
            w.ctx(),
            { brin: PO, routingKey: source.deliveryPoint.routingKey },
            { publicChainUrl: w.gatewayUrl },
          ),
        ),
      ).toBe('GW_SCHOOL_NOT_HOSTED');

      w.clock.advance(2 * HOUR);
      expect(await refusal(resumeHostingSchool(w.ctx(po), { brin: PO }))).toBe('FORBIDDEN');
      const resumed = await resumeHostingSchool(w.ctx(), { brin: PO });
      expect(resumed).toEqual({
        brin: PO,
        resumedAt: w.clock.now().toISOString(),
        ended: { hostingEndedAt: endedAt.toISOString(), retainUntil: '2027-08-01' },
        deliveryPoints: [{ routingKey: source.deliveryPoint.routingKey, purpose: 'OV', active: false }],
      });
      expect(await schoolRow(PO)).toEqual({
        hosting_ended_at: null,
        retain_until: null,
        hosting_resumed_at: w.clock.now(),
      });

      // What the stop did stays done: the dossier stays withdrawn, the point inactive (the gateway
      // itself refuses the request; the traffic center was never told here, so it still names it).
      expect(await stateOf()).toEqual(['ingetrokken']);
      const refused = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(refused).toMatchObject({ result: 'OnbekendAanleverpunt', state: 'fout' });

      // The operator activates the point again; the school may add another one as well.
      const activated = await activateDeliveryPoint(
        w.ctx(),
        { brin: PO, routingKey: source.deliveryPoint.routingKey },
        { publicChainUrl: w.gatewayUrl },
      );
      expect(activated).toEqual({ brin: PO, activated: true, deliveryPoint: source.deliveryPoint });
      const added = await addDeliveryPoint(
        w.ctx(),
        { brin: PO, purpose: 'SWV' },
        { publicChainUrl: w.gatewayUrl },
      );
      expect(added.deliveryPoint.purpose).toBe('SWV');

      // The school sets the dossier ready again, and the vo school receives it.
      const ready = await klaarzetten(w.ctx(po), { schoolBrin: PO, dossierId, destinationBrin: VO });
      expect(ready).toMatchObject({ state: 'klaargezet' });
      const delivered = await requestDossier(w.ctx(vo), w.chain, { schoolBrin: VO, registrationId });
      expect(delivered).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });

      const audited = await db().query<{ action: string; subject: string | null; details: unknown }>(
        `SELECT action, subject, details FROM platform.audit_log
          WHERE school_brin = $1 AND action LIKE 'gateway.%' ORDER BY seq`,
        [PO],
      );
      expect(audited.rows.map((r) => r.action)).toEqual([
        'gateway.school.hosted',
        'gateway.school.hosting-ended',
        'gateway.school.hosting-resumed',
        'gateway.delivery-point.activated',
        'gateway.delivery-point.added',
      ]);
      expect(audited.rows[2].details).toEqual({
        hostingEndedAt: endedAt.toISOString(),
        retainUntil: '2027-08-01',
      });
      expect(audited.rows[3]).toMatchObject({
        subject: source.deliveryPoint.routingKey,
        details: { purpose: 'OV' },
      });
    });

    it('resuming a school that is hosted, unknown or misnamed is refused, and changes nothing', async () => {
      const before = await schoolRow(PO);
      expect(await refusal(resumeHostingSchool(w.ctx(), { brin: PO }))).toBe('GW_HOSTING_NOT_ENDED');
      expect(await refusal(resumeHostingSchool(w.ctx(), { brin: '99ZZ' }))).toBe('GW_SCHOOL_NOT_HOSTED');
      expect(await refusal(resumeHostingSchool(w.ctx(), { brin: 'nope' }))).toBe('VALIDATION_FAILED');
      expect(await schoolRow(PO)).toEqual(before);
    });

    it('the database clears an end only as a resume, stamped not before the end', async () => {
      w.clock.advance(HOUR);
      // Points deactivated again by the stop; the dossier (ready) withdrawn again.
      const stopped = await stopHostingSchool(w.ctx(), { brin: PO });
      expect(stopped.withdrawnDossiers).toBe(1);
      expect(stopped.deliveryPoints.map((p) => p.purpose).sort()).toEqual(['OV', 'SWV']);
      const ended = await schoolRow(PO);

      const sql = (text: string, params: unknown[] = []) => refusal(db().query(text, params));
      // Cleared keeping the earlier resume's stamp (before this end), or with a stamp before the end.
      expect(
        await sql('UPDATE gw.schools SET hosting_ended_at = NULL, retain_until = NULL WHERE brin = $1', [PO]),
      ).toBe('school_hosting_ended_is_final');
      expect(
        await sql(
          `UPDATE gw.schools SET hosting_ended_at = NULL, retain_until = NULL,
                  hosting_resumed_at = hosting_ended_at - interval '1 second' WHERE brin = $1`,
          [PO],
        ),
      ).toBe('school_hosting_ended_is_final');
      // The end never moves; the resume stamp changes only with a resume; both go together with retain_until.
      expect(
        await sql(
          `UPDATE gw.schools SET hosting_ended_at = hosting_ended_at + interval '1 day' WHERE brin = $1`,
          [PO],
        ),
      ).toBe('school_hosting_ended_is_final');
      expect(await sql('UPDATE gw.schools SET hosting_resumed_at = now() WHERE brin = $1', [PO])).toBe(
        'school_hosting_resumed_from_end',
      );
      expect(await sql('UPDATE gw.schools SET hosting_resumed_at = now() WHERE brin = $1', [VO])).toBe(
        'school_hosting_resumed_from_end',
      );
      expect(
        await sql(
          `UPDATE gw.schools SET hosting_ended_at = NULL, hosting_resumed_at = hosting_ended_at WHERE brin = $1`,
          [PO],
        ),
      ).toBe('schools_hosting_ended_retained');
      expect(await schoolRow(PO)).toEqual(ended);

      // A second resume after a second stop: stamped anew, the points again inactive.
      w.clock.advance(HOUR);
      const again = await resumeHostingSchool(w.ctx(), { brin: PO });
      expect(again.resumedAt).toBe(w.clock.now().toISOString());
      expect(again.deliveryPoints.every((p) => !p.active)).toBe(true);
      expect(await stateOf()).toEqual(['ingetrokken']);
    });

    it('a resume is never stamped before the end, even from an instance whose clock is behind', async () => {
      await stopHostingSchool(w.ctx(), { brin: PO });
      const endedAt = w.clock.now();
      const behind: Ctx = { ...w.ctx(), now: () => new Date(endedAt.getTime() - 5_000) };
      const resumed = await resumeHostingSchool(behind, { brin: PO });
      expect(resumed.resumedAt).toBe(endedAt.toISOString());
      expect((await schoolRow(PO)).hosting_resumed_at).toEqual(endedAt);
    });

    it('of two instances resuming at once, exactly one resumes; the other is told it is hosted', async () => {
      await stopHostingSchool(w.ctx(), { brin: RACE });
      w.clock.advance(HOUR);
      const other = await target.openInstance();
      const outcomes = await Promise.all([
        refusal(resumeHostingSchool(w.ctx(), { brin: RACE })),
        refusal(resumeHostingSchool({ ...w.ctx(), db: other }, { brin: RACE })),
      ]);
      expect(outcomes.sort()).toEqual(['GW_HOSTING_NOT_ENDED', 'accepted']);
      const { rows } = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.audit_log
          WHERE school_brin = $1 AND action = 'gateway.school.hosting-resumed'`,
        [RACE],
      );
      expect(rows[0].n).toBe(1);
    });

    it('past retain_until a school resumes while its data is here; once purged it does not, in the use case nor in the database', async () => {
      await w.school(LATE);
      await w.school(GONE);
      const today = w.clock.now().toISOString().slice(0, 10);
      await stopHostingSchool(w.ctx(), { brin: LATE, retainUntil: today });
      await stopHostingSchool(w.ctx(), { brin: GONE, retainUntil: today });
      w.clock.advance(48 * HOUR);
      expect((await purgeEndedSchool(w.ctx(), { brin: GONE })).purgedNow).toBe(true);

      expect((await resumeHostingSchool(w.ctx(), { brin: LATE })).ended.retainUntil).toBe(today);
      expect(await refusal(purgeEndedSchool(w.ctx(), { brin: LATE }))).toBe('GW_PURGE_NOT_DUE');

      const before = await schoolRow(GONE);
      expect(await refusal(resumeHostingSchool(w.ctx(), { brin: GONE }))).toBe('GW_SCHOOL_PURGED');
      expect(
        await refusal(
          db().query(
            `UPDATE gw.schools SET hosting_ended_at = NULL, retain_until = NULL, hosting_resumed_at = now()
              WHERE brin = $1`,
            [GONE],
          ),
        ),
      ).toBe('school_purged_is_final');
      expect(await schoolRow(GONE)).toEqual(before);
    });
  },
  { migrations: chainTestMigrations },
);
