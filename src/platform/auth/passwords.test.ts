import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import {
  assertPasswordAcceptable,
  hashPassword,
  needsRehash,
  PASSWORD_PARAMS,
  verifyPassword,
} from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt and a salt of its own, keeps the parameters, and verifies', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', b)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('reads weaker parameters from an older hash, and says it needs a new one', async () => {
    const old = await hashPassword('een lang genoeg wachtwoord', { ln: 11, r: 8, p: 1 });
    expect(old.startsWith('$scrypt$ln=11,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('een lang genoeg wachtwoord', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, { ...PASSWORD_PARAMS, ln: 11 })).toBe(false);
  });

  it('refuses damaged hashes and absurd parameters instead of trying them', async () => {
    const good = await hashPassword('een lang genoeg wachtwoord', { ln: 11, r: 8, p: 1 });
    expect(await verifyPassword('een lang genoeg wachtwoord', good.replace('ln=11', 'ln=40'))).toBe(false);
    expect(await verifyPassword('een lang genoeg wachtwoord', 'plain text')).toBe(false);
    // A character in the middle of the hash (the last one may carry only padding bits of base64).
    const at = good.length - 20;
    const other = good[at] === 'A' ? 'B' : 'A';
    expect(
      await verifyPassword('een lang genoeg wachtwoord', `${good.slice(0, at)}${other}${good.slice(at + 1)}`),
    ).toBe(false);
    expect(await verifyPassword('een lang genoeg wachtwoord', good.replace(/\$[^$]+$/, '$c2hvcnQ'))).toBe(
      false,
    );
  });

  it('wants at least 12 characters and not the e-mail address', () => {
    const refusal = (password: string) => {
      try {
        assertPasswordAcceptable(password, 'Anne@School.test');
        return null;
      } catch (e) {
        return isAppError(e) ? { code: e.code, status: e.status, reason: e.details.reason } : e;
      }
    };
    expect(refusal('kort')).toEqual({ code: 'PASSWORD_TOO_WEAK', status: 400, reason: 'too-short' });
    expect(refusal('anne@school.test')).toEqual({
      code: 'PASSWORD_TOO_WEAK',
      status: 400,
      reason: 'is-email',
    });
    expect(refusal('x'.repeat(1025))).toMatchObject({ reason: 'too-long' });
    expect(refusal('twaalf tekens')).toBeNull();
  });
});
