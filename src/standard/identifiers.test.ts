import { describe, expect, it } from 'vitest';
import { checkBsn, checkOnderwijsnummer } from './identifiers.js';

describe('BSN', () => {
  it('accepts the BSNs of the official examples', () => {
    for (const bsn of ['003389261', '210191879', '274497451', '246263738', '269326728', '229854382']) {
      expect(checkBsn(bsn), bsn).toEqual({ valid: true });
    }
  });

  it('rejects wrong formats, a wrong check digit and all zeros', () => {
    expect(checkBsn('12AB').problem).toBe('format');
    expect(checkBsn('12345678').problem).toBe('format');
    expect(checkBsn('1234567890').problem).toBe('format');
    expect(checkBsn('003389262').problem).toBe('checksum');
    expect(checkBsn('000000000').problem).toBe('zeros');
  });
});

describe('onderwijsnummer', () => {
  it('accepts numbers whose weighted sum leaves remainder 5', () => {
    // 1·9 + 0·8 + 1·7 + 2·6 + 2·5 + 2·4 + 3·3 + 3·2 − 1 = 60 = 5 (mod 11)
    expect(checkOnderwijsnummer('101222331')).toEqual({ valid: true });
  });

  it('rejects a BSN-style check digit and wrong formats', () => {
    expect(checkOnderwijsnummer('100252333').problem).toBe('checksum');
    // The conformance case valid-ov-povo-onderwijsnummer uses 101234560: 86 ≡ 9 (mod 11).
    expect(checkOnderwijsnummer('101234560').problem).toBe('checksum');
    expect(checkOnderwijsnummer('1012.22.331').problem).toBe('format');
  });
});
