import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { AppError } from '../../platform/errors.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { schoolActor } from '../test-fixtures.js';
import { importRegistrationsCsv } from './import-registrations-csv.js';
import { listRegistrations } from './list-registrations.js';
import { registerPupil } from './register-pupil.js';

const PO = '61PA';
const OTHER_PO = '62PB';
const NOT_ADMITTED = '63PC';
const VO = '64VA';
const vo = schoolActor([VO]);
const csv = (text: string) => new TextEncoder().encode(text);
const HEADER = 'achternaam;voorvoegsel;voornaam;bsn;geboortedatum;brin po-school;voorkeur\n';

describeEachDatabase(
  'registering pupils from a CSV file',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(OTHER_PO);
      await w.school(NOT_ADMITTED, { admitted: false });
      await w.school(VO, { sector: 'vo' });
    });
    afterAll(async () => w?.close());

    const count = async () =>
      (
        await db().query<{ n: number }>(
          'SELECT count(*)::int AS n FROM gw.registrations WHERE school_brin = $1',
          [VO],
        )
      ).rows[0].n;
    const failure = async (text: string) => {
      try {
        await importRegistrationsCsv(w.ctx(vo), w.chain, { schoolBrin: VO, csv: csv(text) });
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected the upload to be refused');
    };
    const problems = (e: AppError) =>
      (
        e.details.problems as Array<{ line: number; column: string; message: { nl: string; en: string } }>
      ).map((p) => [p.line, p.column]);

    it('stores every line of a good file in one go, each with its registration notice', async () => {
      const result = await importRegistrationsCsv(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        csv: csv(
          `\uFEFF${HEADER}Vries;de;Sanne;123456782;17-05-2014;${PO};1\nBakker;;Ali;100000009;2014-02-03;${OTHER_PO};\n`,
        ),
      });
      expect(result.created).toBe(2);
      expect(await count()).toBe(2);
      const list = await listRegistrations(w.ctx(vo), { schoolBrin: VO });
      const rows = list.map((r) => [
        r.pupil.achternaam,
        r.sourceBrin,
        r.sourceSchoolName,
        r.preferenceRank,
        r.state,
      ]);
      expect(rows.sort()).toEqual([
        ['Bakker', OTHER_PO, `School ${OTHER_PO}`, null, 'aanmelding'],
        ['Vries', PO, `School ${PO}`, 1, 'aanmelding'],
      ]);
      const jobs = await db().query<{ payload: { registrationId: string } }>(
        `SELECT payload FROM platform.jobs WHERE kind = 'gw.send-registration-notice'`,
      );
      expect(jobs.rows.map((j) => j.payload.registrationId).sort()).toEqual(
        [...result.registrationIds].sort(),
      );
      const audit = await db().query<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM platform.audit_log
          WHERE action IN ('registration.created', 'registration.csv-imported') GROUP BY action ORDER BY action`,
      );
      expect(audit.rows).toEqual([
        { action: 'registration.created', n: 2 },
        { action: 'registration.csv-imported', n: 1 },
      ]);
      // The file's personal data went nowhere in the clear.
      const dump = JSON.stringify((await db().query('SELECT * FROM gw.registrations')).rows);
      expect(dump).not.toContain('123456782');
      expect(dump).not.toContain('Vries');
    });

    it('refuses a file with one bad line as a whole, naming each problem by line and column in nl and en', async () => {
      const before = await count();
      const error = await failure(
        `${HEADER}Smit;;;123456789;01-03-2014;${PO};\nDekker;;;100000010;31-02-2014;${PO};25\nMulder;;;100000022;2014-04-04;${PO};\n`,
      );
      expect(error.code).toBe('REGISTRATIONS_CSV_INVALID');
      expect(error.status).toBe(400);
      expect(problems(error)).toEqual([
        [2, 'bsn'],
        [3, 'geboortedatum'],
        [3, 'voorkeur'],
      ]);
      const first = (error.details.problems as Array<{ message: { nl: string; en: string } }>)[0].message;
      expect(first.nl).toMatch(/elfproef/);
      expect(first.en).toMatch(/11-check/);
      expect(error.details.lines).toBe(3);
      expect(await count()).toBe(before);
    });

    it('refuses a pupil twice in the file, a pupil registered already, and an unknown or not admitted school', async () => {
      await registerPupil(w.ctx(vo), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        achternaam: 'Visser',
        bsn: '100000034',
        geboortedatum: '2014-06-06',
      });
      const before = await count();
      const error = await failure(
        `${HEADER}Jong;de;;100000046;2014-01-01;${PO};\nJong;de;;100000046;2014-01-01;${PO};\nVisser;;;100000034;2014-06-06;${PO};\nBos;;;100000058;2014-01-01;${NOT_ADMITTED};\nBerg;;;100000071;2014-01-01;99ZZ;\nHol;;;100000083;2014-01-01;9ZZ;\n`,
      );
      expect(problems(error)).toEqual([
        [3, 'bsn'],
        [4, 'bsn'],
        [5, 'brin po-school'],
        [6, 'brin po-school'],
        [7, 'brin po-school'],
      ]);
      const messages = (error.details.problems as Array<{ message: { en: string } }>).map(
        (p) => p.message.en,
      );
      expect(messages[0]).toMatch(/also on line 2/);
      expect(messages[1]).toMatch(/already registered/);
      expect(messages[2]).toMatch(/not \(yet\) connected/);
      expect(messages[4]).toMatch(/four characters/);
      expect(await count()).toBe(before);
    });

    it('refuses a file without registrations or with a wrong header, and someone who may not register', async () => {
      expect(problems(await failure(HEADER))).toEqual([[null, null]]);
      expect(problems(await failure('naam;bsn\nA;123456782\n'))).toEqual([
        [1, 'naam'],
        [1, 'achternaam'],
        [1, 'geboortedatum'],
        [1, 'brin po-school'],
      ]);
      await expect(
        importRegistrationsCsv(w.ctx(schoolActor([VO], ['received:read'])), w.chain, {
          schoolBrin: VO,
          csv: csv(`${HEADER}A;;;100000095;2014-01-01;${PO};\n`),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: chainTestMigrations },
);
