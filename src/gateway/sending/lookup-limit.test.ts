import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { newKoppelsleutel } from '../pupils/koppelsleutel.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { requestSwvDossier } from '../receiving/request-swv-dossier.js';
import { schoolActor } from '../test-fixtures.js';
import { countFailedLookup } from './lookup-limit.js';

const PO = '41PA';
const GUESSER = '42VA';
const SWV = '43SA';
const LIMIT = { maxFailuresPerHour: 3, blockMinutes: 60 };

describeEachDatabase(
  'the limit of failed look-ups',
  (db) => {
    let w: ChainWorld;
    beforeAll(async () => {
      w = await startChainWorld(db(), { lookupLimit: LIMIT });
      // A source school with three delivery points: OV and RP answer document requests, SWV answers
      // SWV requests — all on this gateway, so all count in the same gw.lookup_failures.
      await w.school(PO, { purposes: ['RP', 'SWV'] });
      await w.school(GUESSER, { sector: 'vo' });
      await w.school(SWV, { sector: 'swv', purposes: ['SWV'] });
    });
    afterAll(async () => w?.close());

    const failures = async (destinationBrin: string) =>
      (
        await db().query<{ failures: number }>(
          'SELECT failures FROM gw.lookup_failures WHERE destination_brin = $1',
          [destinationBrin],
        )
      ).rows[0]?.failures ?? 0;
    const answersBySession = (sessionId: string) =>
      db().query<{ purpose: string; result: string }>(
        `SELECT d.purpose, r.result FROM gw.incoming_requests r
           JOIN gw.delivery_points d ON d.routing_key = r.routing_key
          WHERE r.session_id = $1 ORDER BY d.purpose`,
        [sessionId],
      );

    it('one failed request answered by both the OV and the RP point of the source counts once', async () => {
      const actor = schoolActor([GUESSER]);
      const guesses = ['111222333', '123456782', '100000009', '100000010', '100000022'];
      const results: string[] = [];
      for (const [i, bsn] of guesses.entries()) {
        const { registrationId } = await registerPupil(w.ctx(actor), w.chain, {
          schoolBrin: GUESSER,
          sourceBrin: PO,
          bsn,
          achternaam: 'Gok',
          geboortedatum: '2014-01-01',
        });
        const answer = await requestDossier(w.ctx(actor), w.chain, { schoolBrin: GUESSER, registrationId });
        results.push(answer.result);
        if (i === 0) {
          // The request reached both points, and both answered it as a failed look-up …
          const { rows } = await db().query<{ session_id: string }>(
            'SELECT session_id FROM gw.outgoing_requests WHERE registration_id = $1',
            [registrationId],
          );
          expect((await answersBySession(rows[0].session_id)).rows).toEqual([
            { purpose: 'OV', result: 'LeerlingNietGevonden' },
            { purpose: 'RP', result: 'LeerlingNietGevonden' },
          ]);
          // … yet it is one failed request of the school: counted once.
          expect(await failures(GUESSER)).toBe(1);
        }
      }
      // The limit (3 an hour) is passed at the fourth failed request, not at the second.
      expect(results).toEqual([...Array(4).fill('LeerlingNietGevonden'), 'TeVeelVerzoeken']);
      expect(await failures(GUESSER)).toBe(4);
    });

    it('an unknown koppelsleutel of a samenwerkingsverband counts once per request', async () => {
      const actor = schoolActor([SWV]);
      for (let i = 1; i <= 2; i++) {
        const answer = await requestSwvDossier(w.ctx(actor), w.chain, {
          schoolBrin: SWV,
          sourceBrin: PO,
          koppelsleutel: newKoppelsleutel(),
        });
        expect(answer.result).toBe('LeerlingNietGevonden');
        expect(await failures(SWV)).toBe(i);
      }
    });

    it('counting the same session again (any point, any instance) changes nothing; another session counts', async () => {
      const at = w.clock.now();
      await countFailedLookup(db(), '44VB', at, LIMIT, 'session-a');
      await countFailedLookup(db(), '44VB', at, LIMIT, 'session-a');
      expect(await failures('44VB')).toBe(1);
      await Promise.all([
        countFailedLookup(db(), '44VB', at, LIMIT, 'session-b'),
        countFailedLookup(db(), '44VB', at, LIMIT, 'session-b'),
      ]);
      expect(await failures('44VB')).toBe(2);
      // A day later the counted sessions are forgotten as the next one is counted.
      await countFailedLookup(db(), '44VB', new Date(at.getTime() + 25 * 3600_000), LIMIT, 'session-c');
      const { rows } = await db().query<{ session_id: string }>(
        `SELECT session_id FROM gw.lookup_failure_sessions WHERE destination_brin = '44VB'`,
      );
      expect(rows).toEqual([{ session_id: 'session-c' }]);
      expect(await failures('44VB')).toBe(1); // a new hour: the counter starts again
    });
  },
  { migrations: chainTestMigrations },
);
