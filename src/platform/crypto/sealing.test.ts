import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  fromBase64url,
  generateSealingKeyPair,
  open,
  openJson,
  SEAL_INFO,
  seal,
  sealJson,
} from './sealing.js';

const ctx = { info: SEAL_INFO.identifiers, aad: 'session-1' } as const;
const text = new TextEncoder();

async function expectInvalid(p: Promise<unknown>, code = 'SEAL_INVALID'): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
}

/** Flips one bit in the middle of a base64url string's bytes. */
function flip(b64url: string, at = 0.5): string {
  const bytes = Buffer.from(b64url, 'base64url');
  bytes[Math.floor(bytes.length * at)] ^= 0x01;
  return bytes.toString('base64url');
}

describe('HPKE sealing', () => {
  it('gives raw 32-byte X25519 keys in base64url', async () => {
    const pair = await generateSealingKeyPair();
    expect(Buffer.from(pair.publicKey, 'base64url')).toHaveLength(32);
    expect(Buffer.from(pair.privateKey, 'base64url')).toHaveLength(32);
    expect(pair.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens what it sealed, and every seal of the same text differs', async () => {
    const { publicKey, privateKey } = await generateSealingKeyPair();
    const plain = text.encode('een dossier van ruim één regel');
    const a = await seal(publicKey, plain, ctx);
    const b = await seal(publicKey, plain, ctx);
    expect(a.enc).not.toBe(b.enc);
    expect(a.ct).not.toBe(b.ct);
    expect(Buffer.from(a.ct, 'base64url').includes(Buffer.from('dossier'))).toBe(false);
    expect(new TextDecoder().decode(await open(privateKey, a, ctx))).toBe('een dossier van ruim één regel');
  });

  it('round-trips JSON and a large binary payload', async () => {
    const { publicKey, privateKey } = await generateSealingKeyPair();
    const ids = { bsn: '123456782', geboortedatum: '2013-05-01', achternaam: 'Jansen', salt: 'x'.repeat(22) };
    expect(await openJson(privateKey, await sealJson(publicKey, ids, ctx), ctx)).toEqual(ids);
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const box = await seal(publicKey, big, { info: SEAL_INFO.dossier, aad: 's' });
    expect(
      Buffer.from(await open(privateKey, box, { info: SEAL_INFO.dossier, aad: 's' })).equals(
        Buffer.from(big),
      ),
    ).toBe(true);
  });

  it('refuses a tampered ciphertext, a tampered enc, another aad or info, and another key', async () => {
    const { publicKey, privateKey } = await generateSealingKeyPair();
    const other = await generateSealingKeyPair();
    const box = await seal(publicKey, text.encode('geheim'), ctx);
    await expectInvalid(open(privateKey, { ...box, ct: flip(box.ct) }, ctx));
    await expectInvalid(open(privateKey, { ...box, ct: flip(box.ct, 0.99) }, ctx)); // the tag
    await expectInvalid(open(privateKey, { ...box, ct: box.ct.slice(0, -4) }, ctx));
    await expectInvalid(open(privateKey, { ...box, enc: flip(box.enc) }, ctx));
    await expectInvalid(open(privateKey, box, { ...ctx, aad: 'session-2' }));
    await expectInvalid(open(privateKey, box, { info: SEAL_INFO.notice, aad: ctx.aad }));
    await expectInvalid(open(other.privateKey, box, ctx));
  });

  it('refuses malformed boxes without crashing', async () => {
    const { privateKey } = await generateSealingKeyPair();
    await expectInvalid(open(privateKey, { enc: '', ct: '' }, ctx));
    await expectInvalid(open(privateKey, { enc: 'not base64!', ct: 'AAAA' }, ctx));
    await expectInvalid(open(privateKey, { enc: 'AAAA', ct: 'AAAA' }, ctx));
    await expectInvalid(open(privateKey, null as never, ctx));
    await expectInvalid(open(privateKey, { enc: 42, ct: [] } as never, ctx));
  });

  it('refuses a payload that is not JSON when JSON is expected', async () => {
    const { publicKey, privateKey } = await generateSealingKeyPair();
    await expectInvalid(openJson(privateKey, await seal(publicKey, text.encode('{half'), ctx), ctx));
  });

  it('refuses to seal to a public key that is not 32 bytes of base64url', async () => {
    await expectInvalid(seal('abc', text.encode('x'), ctx), 'SEALING_KEY_INVALID');
    await expectInvalid(seal('#'.repeat(43), text.encode('x'), ctx), 'SEALING_KEY_INVALID');
  });
});

describe('fromBase64url', () => {
  // what it must agree with: the alphabet, no padding, and no length that no encoding has
  const strict = (t: string) => /^[A-Za-z0-9_-]*$/.test(t) && t.length % 4 !== 1;

  it('takes exactly the strict base64url texts, and decodes them as Buffer does', () => {
    const bad = [' ', '\n', '+', '/', '=', '.', '!', '\u0000', '\u00e9', '\u20ac', '\ud83d'];
    let checked = 0;
    for (let bytes = 0; bytes <= 40; bytes++) {
      const good = Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 37 + bytes) & 0xff)).toString(
        'base64url',
      );
      const texts = [good, good.slice(0, -1), `${good}A`];
      for (let at = 0; at <= good.length; at++)
        for (const c of bad)
          texts.push(good.slice(0, at) + c + good.slice(at), good.slice(0, at) + c + good.slice(at + 1));
      for (const t of texts) {
        const decoded = fromBase64url(t);
        expect(decoded !== undefined, JSON.stringify(t)).toBe(strict(t));
        if (decoded) expect(Buffer.from(decoded).equals(Buffer.from(t, 'base64url'))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('decodes a text as long as a sealed dossier whole', () => {
    const bytes = Buffer.alloc(100_003, 7);
    expect(Buffer.from(fromBase64url(bytes.toString('base64url')) ?? []).equals(bytes)).toBe(true);
  });
});
