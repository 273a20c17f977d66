import { describe, expect, it } from 'vitest';
import { kindOfDossier, pilotDossier, pilotIdentity } from './pilot-pupil.js';

describe('the fictional pupils of a pilot pair', () => {
  it('gives a regular pupil no support information and a support pupil some, whatever the seed', () => {
    // 40 pairs: the seed of a pair is a random uuid, so the kind must hold for any seed
    for (let i = 0; i < 40; i++) {
      const seed = `pilot-seed-${i}`;
      const regular = pilotDossier({ seed, kind: 'regular', bsn: '999990019', schooljaar: '2026-2027' });
      const support = pilotDossier({ seed, kind: 'support', bsn: '999990032', schooljaar: '2026-2027' });
      expect([seed, regular.huidigeschool.leerling.onderwijsondersteuning]).toEqual([seed, undefined]);
      expect([seed, kindOfDossier(support)]).toEqual([seed, 'support']);
      // the vo school finds the same pupil from the same facts
      const l = regular.huidigeschool.leerling;
      expect(
        pilotIdentity({ seed, kind: 'regular', bsn: '999990019', schooljaar: '2026-2027' }),
      ).toMatchObject({
        achternaam: l.achternaam.trim(),
        geboortedatum: l.geboortedatum?.trim(),
      });
    }
  });
});
