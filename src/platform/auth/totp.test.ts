import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.js';

// RFC 6238, Appendix B: the seeds are ASCII digits, 20/32/64 bytes for SHA-1/SHA-256/SHA-512.
const SEEDS = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const VECTORS: Array<[number, Record<keyof typeof SEEDS, string>]> = [
  [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the codes of the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512', () => {
    for (const [seconds, expected] of VECTORS) {
      for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
        const secret = base32Encode(Buffer.from(SEEDS[algorithm], 'ascii'));
        expect(
          totpCode(secret, new Date(seconds * 1000), { digits: 8, algorithm }),
          `${algorithm} at ${seconds}`,
        ).toBe(expected[algorithm]);
      }
    }
  });

  it('encodes and decodes base32 as RFC 4648 says, ignoring case, spaces and padding', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      if (plain !== '') expect(base32Decode(encoded)?.toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeNull();
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts a code one step early or late, but not two, and never a step at or before the last one used', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-04-01T09:00:10Z');
    const step = totpStep(now);
    const at = (offset: number) => new Date(now.getTime() + offset * 30_000);
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, at(-1)), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, at(1)), now, null)).toBe(step + 1);
    const twoOff = totpCode(secret, at(2));
    if (![-1, 0, 1].some((o) => totpCode(secret, at(o)) === twoOff)) {
      expect(matchTotp(secret, twoOff, now, null)).toBeNull();
    }
    // replay: the step was used already
    expect(matchTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(-1)), now, step - 1)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(1)), now, step)).toBe(step + 1);
    expect(matchTotp(secret, '12345', now, null)).toBeNull();
  });

  it('describes the secret for authenticator apps as an otpauth URI', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'anne@school.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Overstap:anne@school.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Overstap',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
