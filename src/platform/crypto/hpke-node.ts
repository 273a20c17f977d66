import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import {
  type AeadEncryptionContext,
  AeadId,
  type AeadInterface,
  DeriveKeyPairError,
  DeserializeError,
  Dhkem,
  type DhkemPrimitives,
  EMPTY,
  KEM_USAGES,
  KemId,
  LABEL_DKP_PRK,
  LABEL_SK,
  SerializeError,
  XCryptoKey,
} from '@hpke/common';
import { HkdfSha256 } from '@hpke/core';

/**
 * The primitives under `@hpke/core`'s HPKE, on Node's synchronous crypto (ADR 0008).
 *
 * `@hpke/core` runs HPKE (RFC 9180: the KEM, the key schedule, the labeled KDF, the AEAD's nonces)
 * on WebCrypto, where every HMAC and every X25519 step is a key import plus a job. A transfer sets
 * up four HPKE contexts, about forty such calls, and on this platform they were a fifth of the
 * server's CPU. The library takes its primitives as objects: this file gives it the same ones —
 * HKDF-SHA256 (RFC 5869), X25519 (RFC 7748) with its DHKEM, and AES-256-GCM — on `node:crypto`
 * (OpenSSL). The HPKE
 * protocol itself stays the library's; the tests open boxes of the stock suite with this one and
 * the other way round, and check RFC 9180's test vector.
 */

const HASH_BYTES = 32;
const KEY_BYTES = 32;
const ALG = 'X25519';
// The DER prefix of an X25519 private key (RFC 8410): PKCS #8 around the raw 32 bytes.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

type Bytes = ArrayBufferLike | ArrayBufferView;

const bytesOf = (input: Bytes): Buffer =>
  ArrayBuffer.isView(input)
    ? Buffer.from(input.buffer, input.byteOffset, input.byteLength)
    : Buffer.from(input as ArrayBuffer);

/**
 * An ArrayBuffer holding exactly these bytes (the library's interfaces return ArrayBuffers): the
 * bytes' own when they fill it (a large Buffer has one of its own), else a copy.
 */
const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer => {
  if (
    bytes.byteOffset === 0 &&
    bytes.buffer.byteLength === bytes.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer;
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
};

/** HKDF-SHA256 for HPKE's labeled KDF and key schedule, with HMAC from `node:crypto`. */
export class NodeHkdfSha256 extends HkdfSha256 {
  override async extract(salt: Bytes, ikm: Bytes): Promise<ArrayBuffer> {
    const key = salt.byteLength === 0 ? Buffer.alloc(HASH_BYTES) : bytesOf(salt);
    if (key.length !== HASH_BYTES) throw new Error('The salt length must be the same as the hashSize');
    return arrayBufferOf(createHmac('sha256', key).update(bytesOf(ikm)).digest());
  }

  override async expand(prk: Bytes, info: Bytes, len: number): Promise<ArrayBuffer> {
    if (len > 255 * HASH_BYTES) throw new Error('Entropy limit reached');
    const key = bytesOf(prk);
    const okm = Buffer.alloc(len);
    let previous: Buffer = Buffer.alloc(0);
    for (let i = 1, filled = 0; filled < len; i++) {
      previous = createHmac('sha256', key)
        .update(previous)
        .update(bytesOf(info))
        .update(Buffer.of(i))
        .digest();
      filled += previous.copy(okm, filled);
    }
    return arrayBufferOf(okm);
  }

  // HKDF in full (RFC 5869), as the KEM and the key schedule call it three times per context: two
  // HMACs for the usual 32 bytes or less. `hkdfSync` gave the same bytes, but it makes a key object
  // and runs a job per call, and was a fifth of the time of a seal or an open.
  override async extractAndExpand(salt: Bytes, ikm: Bytes, info: Bytes, len: number): Promise<ArrayBuffer> {
    // an empty salt is HashLen zeros; HMAC pads a shorter key with zeros, so it may stay as it is
    const prk = createHmac('sha256', bytesOf(salt)).update(bytesOf(ikm)).digest();
    return this.expand(prk, info, len);
  }
}

// The OpenSSL key object behind each key handed to the library, made once per key. Public keys
// come in as JWK: OpenSSL 3 takes a raw key that way about ten times faster than as DER.
const keyObjects = new WeakMap<object, KeyObject>();
const derivedPublicKeys = new WeakMap<object, XCryptoKey>();

function keyObjectOf(key: CryptoKey, type: 'public' | 'private'): KeyObject {
  if (!(key instanceof XCryptoKey) || key.type !== type || key.algorithm.name !== ALG)
    throw new Error(`not an ${ALG} ${type} key`);
  let object = keyObjects.get(key);
  if (!object) {
    const raw = Buffer.from(key.key);
    object =
      type === 'public'
        ? createPublicKey({ key: { kty: 'OKP', crv: ALG, x: raw.toString('base64url') }, format: 'jwk' })
        : createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
    keyObjects.set(key, object);
  }
  return object;
}

function rawOf(object: KeyObject): Uint8Array {
  const jwk = object.export({ format: 'jwk' });
  const field = object.type === 'public' ? jwk.x : jwk.d;
  return new Uint8Array(Buffer.from(field ?? '', 'base64url'));
}

function keyOf(object: KeyObject): XCryptoKey {
  const type = object.type === 'public' ? 'public' : 'private';
  const key = new XCryptoKey(ALG, rawOf(object), type, type === 'private' ? KEM_USAGES : []);
  keyObjects.set(key, object);
  return key;
}

function rawKey(key: Bytes): Uint8Array {
  const raw = new Uint8Array(bytesOf(key));
  if (raw.length !== KEY_BYTES) throw new Error(`an ${ALG} key is ${KEY_BYTES} bytes`);
  return raw;
}

/** X25519 (RFC 7748) on OpenSSL; keys are the library's own XCryptoKey holding the raw 32 bytes. */
class NodeX25519 implements DhkemPrimitives {
  constructor(private readonly hkdf: NodeHkdfSha256) {}

  async serializePublicKey(key: CryptoKey): Promise<ArrayBuffer> {
    try {
      keyObjectOf(key, 'public');
      return arrayBufferOf(new Uint8Array((key as XCryptoKey).key));
    } catch (e) {
      throw new SerializeError(e);
    }
  }

  async deserializePublicKey(key: Bytes): Promise<CryptoKey> {
    try {
      const public_ = new XCryptoKey(ALG, rawKey(key), 'public');
      keyObjectOf(public_, 'public');
      return public_;
    } catch (e) {
      throw new DeserializeError(e);
    }
  }

  async serializePrivateKey(key: CryptoKey): Promise<ArrayBuffer> {
    try {
      keyObjectOf(key, 'private');
      return arrayBufferOf(new Uint8Array((key as XCryptoKey).key));
    } catch (e) {
      throw new SerializeError(e);
    }
  }

  async deserializePrivateKey(key: Bytes): Promise<CryptoKey> {
    try {
      const private_ = new XCryptoKey(ALG, rawKey(key), 'private', KEM_USAGES);
      keyObjectOf(private_, 'private');
      return private_;
    } catch (e) {
      throw new DeserializeError(e);
    }
  }

  async importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic: boolean) {
    if (format === 'raw') {
      const raw = key as ArrayBuffer;
      return isPublic ? this.deserializePublicKey(raw) : this.deserializePrivateKey(raw);
    }
    const jwk = key as JsonWebKey;
    const field = isPublic ? jwk.x : jwk.d;
    if (jwk.kty !== 'OKP' || jwk.crv !== ALG || typeof field !== 'string')
      throw new DeserializeError(new Error(`not an ${ALG} JWK`));
    const raw = Buffer.from(field, 'base64url');
    return isPublic ? this.deserializePublicKey(raw) : this.deserializePrivateKey(raw);
  }

  async generateKeyPair(): Promise<CryptoKeyPair> {
    const pair = generateKeyPairSync('x25519');
    return { publicKey: keyOf(pair.publicKey), privateKey: keyOf(pair.privateKey) };
  }

  async deriveKeyPair(ikm: Bytes): Promise<CryptoKeyPair> {
    try {
      const prk = await this.hkdf.labeledExtract(EMPTY, LABEL_DKP_PRK, bytesOf(ikm));
      const sk = await this.hkdf.labeledExpand(prk, LABEL_SK, EMPTY, KEY_BYTES);
      const privateKey = await this.deserializePrivateKey(sk);
      return { privateKey, publicKey: await this.derivePublicKey(privateKey) };
    } catch (e) {
      throw new DeriveKeyPairError(e);
    }
  }

  async derivePublicKey(key: CryptoKey): Promise<CryptoKey> {
    try {
      // every open derives the recipient's public key (for the KEM context): once per private key
      let publicKey = derivedPublicKeys.get(key);
      if (!publicKey) {
        publicKey = keyOf(createPublicKey(keyObjectOf(key, 'private')));
        derivedPublicKeys.set(key, publicKey);
      }
      return publicKey;
    } catch (e) {
      throw new DeserializeError(e);
    }
  }

  async dh(sk: CryptoKey, pk: CryptoKey): Promise<ArrayBuffer> {
    const shared = diffieHellman({
      privateKey: keyObjectOf(sk, 'private'),
      publicKey: keyObjectOf(pk, 'public'),
    });
    // RFC 9180 §7.1.4: an all-zero result (a small-order public key) must be refused.
    if (shared.every((b) => b === 0)) throw new Error('X25519: the shared secret is zero');
    return arrayBufferOf(shared);
  }
}

/** DHKEM(X25519, HKDF-SHA256) of RFC 9180 §4.1, the library's Dhkem on the primitives above. */
export class NodeDhkemX25519HkdfSha256 extends Dhkem {
  override readonly id = KemId.DhkemX25519HkdfSha256;
  override readonly secretSize = 32;
  override readonly encSize = 32;
  override readonly publicKeySize = 32;
  override readonly privateKeySize = 32;

  constructor() {
    const kdf = new NodeHkdfSha256();
    super(KemId.DhkemX25519HkdfSha256, new NodeX25519(kdf), kdf);
  }
}

const GCM_TAG_BYTES = 16;

/** AES-256-GCM for HPKE's AEAD (the sealed payloads: identifiers, dossiers, notices). */
export class NodeAes256Gcm implements AeadInterface {
  readonly id = AeadId.Aes256Gcm;
  readonly keySize = 32;
  readonly nonceSize = 12;
  readonly tagSize = GCM_TAG_BYTES;

  createEncryptionContext(key: Bytes): AeadEncryptionContext {
    const secret = Buffer.from(bytesOf(key));
    return {
      async seal(iv, data, aad) {
        const cipher = createCipheriv('aes-256-gcm', secret, bytesOf(iv), { authTagLength: GCM_TAG_BYTES });
        cipher.setAAD(bytesOf(aad));
        const body = cipher.update(bytesOf(data));
        const last = cipher.final();
        return arrayBufferOf(Buffer.concat([body, last, cipher.getAuthTag()]));
      },
      async open(iv, data, aad) {
        const sealed = bytesOf(data);
        if (sealed.length < GCM_TAG_BYTES) throw new Error('AES-GCM: the ciphertext is shorter than its tag');
        const decipher = createDecipheriv('aes-256-gcm', secret, bytesOf(iv), {
          authTagLength: GCM_TAG_BYTES,
        });
        decipher.setAAD(bytesOf(aad));
        decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
        const body = decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES));
        return arrayBufferOf(Buffer.concat([body, decipher.final()]));
      },
    };
  }
}
