import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { listOutbox, outboxMailer } from '../../platform/auth/index.js';
import type { Actor } from '../../platform/context.js';
import { isValidBsn } from '../../standard/index.js';
import { addMemberSchool } from '../add-member-school.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { addPilotPair } from './add-pilot-pair.js';
import { gatewayPilotExchanges } from './all-in-one-ports.js';
import { createPilot } from './create-pilot.js';
import type { PilotDeps } from './deps.js';
import { getPilot } from './get-pilot.js';
import { listPilots } from './list-pilots.js';
import { listUpcomingPilots } from './list-upcoming-pilots.js';
import { notifyPilot } from './notify-pilot.js';
import { checkPairs, checkPilotFields, pairProgress, pilotStatus } from './pilot-rules.js';
import { removePilotPair } from './remove-pilot-pair.js';
import { updatePilot } from './update-pilot.js';

describe('the pilot’s rules', () => {
  it('wants a name and a period whose end is not before its start, at most a year', () => {
    expect(checkPilotFields({ name: 'Pilot', startsOn: '2027-03-01', endsOn: '2027-03-01' })).toEqual([]);
    const wrong = checkPilotFields({ name: ' ', startsOn: '2027-03-10', endsOn: '2027-03-01' });
    expect(wrong.map((p) => p.field)).toEqual(['name', 'endsOn']);
    expect(wrong[1].message.nl).toBe(
      'De einddatum (1 maart 2027) ligt vóór de begindatum (10 maart 2027). Kies een einddatum op of na de begindatum.',
    );
    expect(checkPilotFields({ name: 'P', startsOn: '2027-02-30', endsOn: '2028-06-01' })).toEqual([
      expect.objectContaining({ field: 'startsOn' }),
    ]);
    expect(
      checkPilotFields({ name: 'P', startsOn: '2027-01-01', endsOn: '2028-06-01' })[0].message.en,
    ).toMatch(/longer than a year/);
  });

  it('wants at least one pair, two different schools each, none twice', () => {
    expect(checkPairs([])[0].message.en).toMatch(/at least one pair/);
    const problems = checkPairs([
      { poBrin: '01AA', voBrin: '21XX' },
      { poBrin: '01AA', voBrin: '01AA' },
      { poBrin: '01AA', voBrin: '21XX' },
    ]);
    expect(problems.map((p) => [p.index, p.message.en])).toEqual([
      [1, 'A pair is two different schools; 01AA is on both sides.'],
      [2, 'The pair 01AA → 21XX is in the list twice.'],
    ]);
  });

  it('says a pilot is completed when every pair is, else planned, running or ended by date', () => {
    const period = { startsOn: '2027-03-01', endsOn: '2027-03-26' };
    expect(pilotStatus(period, '2027-02-28', false)).toBe('planned');
    expect(pilotStatus(period, '2027-03-26', false)).toBe('running');
    expect(pilotStatus(period, '2027-03-27', false)).toBe('ended');
    expect(pilotStatus(period, '2027-03-27', true)).toBe('completed');
    const one = {
      prepared: 1,
      inspected: 1,
      setReady: 1,
      requested: 1,
      delivered: 1,
      registered: 1,
      received: 1,
    };
    expect(
      pairProgress({ regular: { ...one, imported: 1 }, support: { ...one, imported: 0 } }),
    ).toMatchObject({
      complete: false,
      status: 'in_progress',
    });
    expect(
      pairProgress({ regular: { ...one, imported: 1 }, support: { ...one, imported: 1 } }).complete,
    ).toBe(true);
    expect(pairProgress(undefined)).toMatchObject({ status: 'not_started', started: false });
  });
});

describeEachDatabase(
  'the region’s pilot',
  (db) => {
    let w: RegionWorld;
    let deps: PilotDeps;
    let region: { id: string; name: string };
    let other: { id: string; name: string };
    let po: TestSchool;
    let po2: TestSchool;
    let vo: TestSchool;
    let outsider: TestSchool;
    let coordinator: Actor;

    beforeAll(async () => {
      w = await regionWorld(db());
      deps = { ...w.deps, exchanges: gatewayPilotExchanges(db(), w.deps.keyring, undefined) };
      region = await w.region({ name: 'Regio Pilot' });
      other = await w.region({ name: 'Andere regio' });
      po = await w.school({ name: 'Basisschool De Linde' });
      po2 = await w.school({ name: 'Basisschool Het Anker', testExchange: false });
      vo = await w.school({ sector: 'vo', name: 'Het Eemcollege' });
      outsider = await w.school({ name: 'Basisschool Elders' });
      coordinator = await w.coordinator(region.id);
      for (const s of [po, po2, vo])
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
    });

    const valid = () => ({
      regionId: region.id,
      name: 'Pilot voorjaar',
      startsOn: '2026-12-01',
      endsOn: '2026-12-18',
      pairs: [
        { poBrin: po.brin, voBrin: vo.brin },
        { poBrin: po2.brin, voBrin: vo.brin },
      ],
    });

    it('refuses a pilot as a whole, in words per field, when a date or a school is wrong', async () => {
      const refused = createPilot(w.ctx(coordinator), deps, {
        ...valid(),
        endsOn: '2026-11-30',
        pairs: [{ poBrin: outsider.brin, voBrin: vo.brin }],
      });
      await expect(refused).rejects.toMatchObject({ code: 'PILOT_INVALID', status: 422 });
      const fields = await refused.catch((e) => e.details.problems.map((p: { field: string }) => p.field));
      expect(fields).toEqual(['endsOn']);
      // the dates are right, a school is not a member, and a vo school cannot send
      const schools = await createPilot(w.ctx(coordinator), deps, {
        ...valid(),
        pairs: [
          { poBrin: outsider.brin, voBrin: vo.brin },
          { poBrin: vo.brin, voBrin: po.brin },
        ],
      }).catch((e) => e.details.problems);
      expect(schools.map((p: { index: number; message: { nl: string } }) => [p.index, p.message.nl])).toEqual(
        [
          [
            0,
            `${outsider.brin} hoort niet bij de regio. Alleen scholen van de regio doen mee aan haar pilot; voeg de school eerst toe.`,
          ],
          [
            1,
            `Het Eemcollege (${vo.brin}) is geen po-school; de verzendende school van een paar is een po-school.`,
          ],
          [
            1,
            `Basisschool De Linde (${po.brin}) is geen vo-school; de ontvangende school van een paar is een vo-school.`,
          ],
        ],
      );
      const { rows } = await db().query('SELECT 1 FROM region.pilots');
      expect(rows).toHaveLength(0);
    });

    it('only a coordinator of the region makes or changes its pilots', async () => {
      await expect(createPilot(w.ctx(await w.coordinator(other.id)), deps, valid())).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        createPilot(w.ctx(await w.schoolPerson(po.brin, 'directie')), deps, valid()),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    let pilotId: string;
    it('makes a pilot whose pairs each get two fictional pupils with test BSNs nobody else has', async () => {
      ({ pilotId } = await createPilot(w.ctx(coordinator), deps, valid()));
      const { rows } = await db().query<{ bsn: string; kind: string }>(
        'SELECT u.bsn, u.kind FROM region.pilot_pupils u JOIN region.pilot_pairs p ON p.id = u.pair_id WHERE p.pilot_id = $1',
        [pilotId],
      );
      expect(rows).toHaveLength(4);
      for (const r of rows) {
        expect(r.bsn).toMatch(/^99999\d{4}$/);
        expect(isValidBsn(r.bsn)).toBe(true);
      }
      expect(new Set(rows.map((r) => r.bsn)).size).toBe(4);
      // the database refuses a number outside the range, one failing the 11-check, or one given twice
      const taken = rows.find((r) => r.kind === 'support')?.bsn;
      for (const bsn of ['123456782', '999990018', taken]) {
        await expect(
          db().query(
            `UPDATE region.pilot_pupils SET bsn = $1
              WHERE kind = 'regular' AND bsn <> $1 AND pair_id IN (SELECT id FROM region.pilot_pairs WHERE pilot_id = $2)`,
            [bsn, pilotId],
          ),
        ).rejects.toThrow();
      }
      // a period the other way round, straight into the table, is refused as well
      await expect(
        db().query(`UPDATE region.pilots SET ends_on = starts_on - 1 WHERE id = $1`, [pilotId]),
      ).rejects.toThrow();
      await expect(createPilot(w.ctx(coordinator), deps, valid())).rejects.toMatchObject({
        code: 'PILOT_EXISTS',
      });
    });

    it('shows the pilot with each pair’s readiness and an open checklist', async () => {
      w.clock.set('2026-12-02T09:00:00.000Z');
      const pilot = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      expect(pilot).toMatchObject({ status: 'running', schoolYear: '2026-2027', completePairs: 0 });
      expect(pilot.pairs.map((p) => [p.po.name, p.vo.name, p.status])).toEqual([
        ['Basisschool De Linde', 'Het Eemcollege', 'not_started'],
        ['Basisschool Het Anker', 'Het Eemcollege', 'not_started'],
      ]);
      const anker = pilot.pairs[1].po;
      expect(anker.ready).toBe(false);
      expect(anker.checks.filter((c) => !c.ok).map((c) => c.item)).toEqual(['admitted', 'testExchange']);
      expect(pilot.checklist.map((c) => [c.check, c.ok])).toEqual([
        ['pairs', true],
        ['notified', false],
        ['schoolsReady', false],
        ['pairsComplete', false],
      ]);
      expect(pilot.suppliers).toEqual([
        {
          name: expect.stringMatching(/^Test-LAS/),
          schools: expect.arrayContaining([`Het Eemcollege (${vo.brin})`]),
        },
      ]);
      const list = await listPilots(w.ctx(coordinator), deps, region.id);
      expect(list.pilots).toEqual([
        expect.objectContaining({
          id: pilotId,
          status: 'running',
          pairs: 2,
          completePairs: 0,
          notifiedAt: null,
        }),
      ]);
      await expect(
        getPilot(w.ctx(await w.coordinator(other.id)), deps, { regionId: other.id, pilotId }),
      ).rejects.toMatchObject({ code: 'PILOT_NOT_FOUND' });
    });

    it('changes the period, adds a pair and takes out one that has not started', async () => {
      await expect(
        updatePilot(w.ctx(coordinator), {
          regionId: region.id,
          pilotId,
          name: 'Pilot voorjaar',
          startsOn: '2026-12-01',
          endsOn: '2026-11-01',
        }),
      ).rejects.toMatchObject({ code: 'PILOT_INVALID' });
      await updatePilot(w.ctx(coordinator), {
        regionId: region.id,
        pilotId,
        name: 'Pilot winter',
        startsOn: '2026-12-01',
        endsOn: '2027-01-22',
      });
      await expect(
        addPilotPair(w.ctx(coordinator), deps, {
          regionId: region.id,
          pilotId,
          poBrin: po.brin,
          voBrin: vo.brin,
        }),
      ).rejects.toMatchObject({ code: 'PILOT_INVALID' });
      await expect(
        addPilotPair(w.ctx(coordinator), deps, {
          regionId: region.id,
          pilotId,
          poBrin: outsider.brin,
          voBrin: vo.brin,
        }),
      ).rejects.toMatchObject({ code: 'PILOT_INVALID' });
      const pilot = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      await removePilotPair(w.ctx(coordinator), deps, {
        regionId: region.id,
        pilotId,
        pairId: pilot.pairs[1].pairId,
      });
      const after = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      expect(after).toMatchObject({ name: 'Pilot winter', endsOn: '2027-01-22' });
      expect(after.pairs).toHaveLength(1);
      expect(after.log.map((e) => e.event)).toEqual(['created', 'changed', 'pair_removed']);
    });

    it('mails the suppliers and the servicedesk the dates, and the checklist shows it', async () => {
      const mailer = outboxMailer();
      const desk = await w.person({ scope: 'servicedesk', role: 'servicedesk' });
      const pilot = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      const supplier = pilot.suppliers[0].name;
      await expect(
        notifyPilot(
          w.ctx(coordinator),
          { ...deps, mailer },
          {
            regionId: region.id,
            pilotId,
            suppliers: [{ name: supplier, email: 'geen-adres' }],
          },
        ),
      ).rejects.toMatchObject({ code: 'PILOT_INVALID' });
      const sent = await notifyPilot(
        w.ctx(coordinator),
        { ...deps, mailer },
        {
          regionId: region.id,
          pilotId,
          suppliers: [{ name: supplier, email: 'support@las.test' }],
        },
      );
      expect(sent.recipients).toEqual([
        { kind: 'supplier', to: supplier, email: 'support@las.test' },
        expect.objectContaining({ kind: 'servicedesk', email: desk.email }),
      ]);
      const mails = (await listOutbox(db())).filter((m) => m.subject.startsWith('Pilot Pilot winter'));
      expect(mails.map((m) => m.to).sort()).toEqual([desk.email, 'support@las.test'].sort());
      const toSupplier = mails.find((m) => m.to === 'support@las.test');
      expect(toSupplier?.subject).toBe(
        'Pilot Pilot winter (Regio Pilot): 1 december 2026 t/m 22 januari 2027',
      );
      expect(toSupplier?.text).toContain(`Basisschool De Linde (${po.brin}) → Het Eemcollege (${vo.brin})`);
      expect(toSupplier?.text).toContain('999990000 tot en met 999999999');
      const after = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      expect(after.checklist.find((c) => c.check === 'notified')?.ok).toBe(true);
      expect(after.log.at(-1)).toMatchObject({
        event: 'notified',
        details: {
          recipients: expect.arrayContaining([expect.objectContaining({ email: 'support@las.test' })]),
        },
      });
    });

    it('shows the servicedesk the pilots that have not ended, and nobody else', async () => {
      const desk = (await w.person({ scope: 'servicedesk', role: 'servicedesk' })).actor;
      const upcoming = await listUpcomingPilots(w.ctx(desk), deps);
      expect(upcoming).toEqual([
        expect.objectContaining({
          id: pilotId,
          regionName: 'Regio Pilot',
          name: 'Pilot winter',
          schools: [
            { brin: po.brin, name: 'Basisschool De Linde' },
            { brin: vo.brin, name: 'Het Eemcollege' },
          ],
        }),
      ]);
      w.clock.set('2027-01-23T09:00:00.000Z');
      expect(await listUpcomingPilots(w.ctx(desk), deps)).toEqual([]);
      await expect(listUpcomingPilots(w.ctx(coordinator), deps)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const ended = await getPilot(w.ctx(coordinator), deps, { regionId: region.id, pilotId });
      expect(ended.status).toBe('ended');
    });
  },
  { migrations: regionTestMigrations },
);
