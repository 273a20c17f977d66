import { describe, expect, it } from 'vitest';
import type { PupilIdentifiers } from '../protocol.js';
import {
  commitment,
  commitmentMatches,
  koppelsleutelCommitment,
  koppelsleutelCommitmentMatches,
  newSalt,
} from './commitment.js';

const base: PupilIdentifiers = {
  bsn: '123456782',
  geboortedatum: '2013-05-01',
  achternaam: 'de Vries',
  salt: 'AAAAAAAAAAAAAAAAAAAAAA',
};

describe('commitment', () => {
  it('is a stable base64url SHA-256 of the identifiers', () => {
    const c = commitment(base);
    expect(c).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(commitment({ ...base })).toBe(c);
    // A fixed vector, computed independently (Python hashlib over the documented encoding): the
    // encoding is part of the protocol, so two versions of Overstap must agree on it.
    expect(c).toBe('AHyLSqTLAWqUU4vzGyC9awSGsAgi-wsAAo2WIw30lfQ');
  });

  it('changes with every field', () => {
    const c = commitment(base);
    const variants: PupilIdentifiers[] = [
      { ...base, salt: 'AAAAAAAAAAAAAAAAAAAAAB' },
      { ...base, bsn: '123456783' },
      { ...base, geboortedatum: '2013-05-02' },
      { ...base, achternaam: 'de Vriens' },
      { ...base, bsn: undefined, onderwijsnummer: '123456782' }, // same digits, other kind of number
    ];
    const all = new Set([c, ...variants.map(commitment)]);
    expect(all.size).toBe(variants.length + 1);
    const onr = { ...base, bsn: undefined, onderwijsnummer: '100000009' };
    expect(commitment({ ...onr, onderwijsnummer: '100000010' })).not.toBe(commitment(onr));
  });

  it('cannot be fooled by moving characters between fields', () => {
    const a = commitment({ ...base, geboortedatum: '2013-05-0', achternaam: '1de Vries' });
    expect(a).not.toBe(commitment({ ...base, geboortedatum: '2013-05-01', achternaam: 'de Vries' }));
  });

  it('ignores case, surrounding spaces and Unicode composition of the surname', () => {
    const c = commitment({ ...base, achternaam: 'Öztürk' });
    expect(commitment({ ...base, achternaam: '  öztürk ' })).toBe(c);
    expect(commitment({ ...base, achternaam: 'O\u0308ztu\u0308rk' })).toBe(c); // decomposed
  });

  it('matches the same identifiers and nothing else', () => {
    const salt = newSalt();
    const ids = { ...base, salt };
    const c = commitment(ids);
    expect(commitmentMatches({ ...ids, achternaam: 'De Vries ' }, c)).toBe(true);
    expect(commitmentMatches({ ...ids, geboortedatum: '2013-05-02' }, c)).toBe(false);
    expect(commitmentMatches(ids, c.slice(0, -2))).toBe(false);
    expect(commitmentMatches(ids, '')).toBe(false);
    expect(commitmentMatches({ ...ids, bsn: undefined }, c)).toBe(false); // no number at all
  });

  it('needs a real salt', () => {
    expect(newSalt()).not.toBe(newSalt());
    expect(Buffer.from(newSalt(), 'base64url')).toHaveLength(16);
    expect(() => commitment({ ...base, salt: '' })).toThrow();
    expect(() => commitment({ ...base, salt: 'short' })).toThrow();
  });
});

describe('the commitment of an swv session', () => {
  const key = { koppelsleutel: 'ABCDEFGH23456789', salt: 'AAAAAAAAAAAAAAAAAAAAAA' };

  it('is a stable base64url SHA-256 of the koppelsleutel and salt, apart from pupil commitments', () => {
    // Fixed vector, computed independently (Python hashlib over the documented encoding).
    expect(koppelsleutelCommitment(key)).toBe('hIC88oYlZJss_nyijCo85GINxwSCbbzoiCTeTqrG8JY');
    expect(koppelsleutelCommitment({ ...key, koppelsleutel: 'abcd-efgh 2345-6789' })).toBe(
      koppelsleutelCommitment(key),
    );
    expect(koppelsleutelCommitment({ ...key, koppelsleutel: 'ABCDEFGH23456788' })).not.toBe(
      koppelsleutelCommitment(key),
    );
    expect(koppelsleutelCommitment({ ...key, salt: newSalt() })).not.toBe(koppelsleutelCommitment(key));
  });

  it('matches only its own koppelsleutel, and never throws on what a peer sent', () => {
    const c = koppelsleutelCommitment(key);
    expect(koppelsleutelCommitmentMatches(key, c)).toBe(true);
    expect(koppelsleutelCommitmentMatches({ ...key, koppelsleutel: 'ABCDEFGH23456788' }, c)).toBe(false);
    expect(koppelsleutelCommitmentMatches({ ...key, koppelsleutel: '' }, c)).toBe(false);
    expect(koppelsleutelCommitmentMatches({ ...key, salt: 'short' }, c)).toBe(false);
    expect(
      koppelsleutelCommitmentMatches({ koppelsleutel: 42 as unknown as string, salt: key.salt }, c),
    ).toBe(false);
  });
});
