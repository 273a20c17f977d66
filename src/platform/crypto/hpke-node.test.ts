import { Aes128Gcm, Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { describe, expect, it } from 'vitest';
import { NodeAes256Gcm, NodeDhkemX25519HkdfSha256, NodeHkdfSha256 } from './hpke-node.js';

const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

const stock = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});
const node = new CipherSuite({
  kem: new NodeDhkemX25519HkdfSha256(),
  kdf: new NodeHkdfSha256(),
  aead: new NodeAes256Gcm(),
});

// RFC 9180 appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode.
const A1 = {
  info: '4f6465206f6e2061204772656369616e2055726e',
  ikmE: '7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234',
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  skEm: '52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736',
  ikmR: '6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037',
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
  skRm: '4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8',
  pt: '4265617574792069732074727574682c20747275746820626561757479',
  aad0: '436f756e742d30',
  ct0: 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a',
};

describe('HPKE on Node crypto (hpke-node)', () => {
  it.each([
    ['the stock suite', () => new DhkemX25519HkdfSha256(), () => new HkdfSha256()],
    ['the Node primitives', () => new NodeDhkemX25519HkdfSha256(), () => new NodeHkdfSha256()],
  ])('gives RFC 9180 test vector A.1.1 with %s', async (_, kem, kdf) => {
    const suite = new CipherSuite({ kem: kem(), kdf: kdf(), aead: new Aes128Gcm() });
    const recipient = await suite.kem.deriveKeyPair(hex(A1.ikmR).buffer);
    expect(toHex(await suite.kem.serializePrivateKey(recipient.privateKey))).toBe(A1.skRm);
    expect(toHex(await suite.kem.serializePublicKey(recipient.publicKey))).toBe(A1.pkRm);
    const ephemeral = await suite.kem.deriveKeyPair(hex(A1.ikmE).buffer);
    expect(toHex(await suite.kem.serializePrivateKey(ephemeral.privateKey))).toBe(A1.skEm);

    const sender = await suite.createSenderContext({
      recipientPublicKey: recipient.publicKey,
      info: hex(A1.info),
      ekm: ephemeral,
    });
    expect(toHex(sender.enc)).toBe(A1.pkEm);
    expect(toHex(await sender.seal(hex(A1.pt), hex(A1.aad0)))).toBe(A1.ct0);

    const opener = await suite.createRecipientContext({
      recipientKey: recipient,
      enc: hex(A1.pkEm),
      info: hex(A1.info),
    });
    expect(toHex(await opener.open(hex(A1.ct0), hex(A1.aad0)))).toBe(A1.pt);
  });

  it('opens boxes of the stock suite, and the stock suite opens its boxes', async () => {
    const info = new TextEncoder().encode('overstap/v1/dossier');
    const aad = new TextEncoder().encode('session-1');
    const plain = new Uint8Array(100_000).map((_, i) => i % 251);
    for (const [from, to] of [
      [stock, node],
      [node, stock],
    ] as const) {
      const pair = await to.kem.generateKeyPair();
      const publicKey = await from.kem.deserializePublicKey(await to.kem.serializePublicKey(pair.publicKey));
      const sealed = await from.seal({ recipientPublicKey: publicKey, info }, plain, aad);
      const opened = await to.open({ recipientKey: pair.privateKey, enc: sealed.enc, info }, sealed.ct, aad);
      expect(new Uint8Array(opened)).toEqual(plain);
      // one flipped bit, another aad, another info or another key does not open
      const flipped = new Uint8Array(sealed.ct.slice(0));
      flipped[5000] ^= 1;
      await expect(
        to.open({ recipientKey: pair.privateKey, enc: sealed.enc, info }, flipped, aad),
      ).rejects.toThrow();
      await expect(
        to.open({ recipientKey: pair.privateKey, enc: sealed.enc, info }, sealed.ct, info),
      ).rejects.toThrow();
      const other = await to.kem.generateKeyPair();
      await expect(
        to.open({ recipientKey: other.privateKey, enc: sealed.enc, info }, sealed.ct, aad),
      ).rejects.toThrow();
    }
  });

  it('refuses keys of the wrong length and a small-order public key', async () => {
    await expect(node.kem.deserializePublicKey(new Uint8Array(31))).rejects.toThrow();
    await expect(node.kem.deserializePrivateKey(new Uint8Array(33))).rejects.toThrow();
    const pair = await node.kem.generateKeyPair();
    // the all-zero point has order 1: X25519 with it is zero, which RFC 9180 §7.1.4 refuses
    const zero = await node.kem.deserializePublicKey(new Uint8Array(32));
    await expect(
      node.seal({ recipientPublicKey: zero, info: new Uint8Array() }, new Uint8Array(1)),
    ).rejects.toThrow();
    expect(pair.publicKey.type).toBe('public');
  });
});
