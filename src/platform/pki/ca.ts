// @peculiar/x509 needs a Reflect metadata polyfill (through tsyringe).
import 'reflect-metadata';
import { createHash, createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { Message } from '../../standard/index.js';
import { AppError } from '../errors.js';

/**
 * A local chain CA for development and tests (`overstap pki init|issue`): ECDSA P-256 keys,
 * SHA-256 signatures, written as PEM files (private keys with mode 0600). In production, the
 * certificates come from the chain's real CA and are configured as PEM files:
 *
 *   OVERSTAP_TLS_CERT  this node's certificate (PEM)
 *   OVERSTAP_TLS_KEY   its private key (PEM, PKCS#8 or SEC1)
 *   OVERSTAP_TLS_CA    the chain CA certificate(s) that peers' certificates must chain to (PEM)
 *
 * The traffic center identifies a supplier system by `certificateFingerprint` of its client
 * certificate (SHA-256 of the DER, lower-case hex), the same value `peerFingerprint` gives for a
 * live connection.
 */
const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Backdating of notBefore, for clocks that differ a little between machines. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type CertificateKind = 'server' | 'client' | 'both';

export interface IssuedFiles {
  certPath: string;
  keyPath: string;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  fingerprint: string;
  notAfter: Date;
}

export interface TlsMaterial {
  cert: string;
  key: string;
  ca: string;
}

export interface TlsMaterialPaths {
  cert: string;
  key: string;
  ca: string;
}

/** Creates `ca.crt` and `ca.key` in `dir`. Refuses to replace an existing CA unless `overwrite`. */
export async function createCa(options: {
  dir: string;
  commonName: string;
  days?: number;
  overwrite?: boolean;
}): Promise<IssuedFiles> {
  const certPath = join(options.dir, 'ca.crt');
  const keyPath = join(options.dir, 'ca.key');
  if (!options.overwrite) await refuseExisting(certPath, keyPath);
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: distinguishedName(options.commonName),
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + (options.days ?? 3650) * 86_400_000),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  await mkdir(options.dir, { recursive: true });
  await writePem(certPath, keyPath, cert, keys.privateKey);
  return {
    certPath,
    keyPath,
    fingerprint: certificateFingerprint(cert.toString('pem')),
    notAfter: cert.notAfter,
  };
}

/**
 * Issues `<name>.crt` and `<name>.key` in `outDir`, signed by the CA in `caDir`: a server
 * certificate (with the DNS names and IP addresses clients connect to), a client certificate (for
 * a supplier system), or both (a gateway is both).
 */
export async function issueCertificate(options: {
  caDir: string;
  outDir: string;
  name: string;
  commonName: string;
  kind: CertificateKind;
  dnsNames?: string[];
  ipAddresses?: string[];
  days?: number;
  overwrite?: boolean;
}): Promise<IssuedFiles> {
  if (!NAME.test(options.name)) {
    throw new AppError('VALIDATION_FAILED', { name: options.name }, R.badName(options.name));
  }
  if (!['server', 'client', 'both'].includes(options.kind)) {
    throw new AppError('VALIDATION_FAILED', { kind: options.kind }, R.badKind(String(options.kind)));
  }
  for (const ip of options.ipAddresses ?? []) {
    if (isIP(ip) === 0) throw new AppError('VALIDATION_FAILED', { ip }, R.badIp(ip));
  }
  const certPath = join(options.outDir, `${options.name}.crt`);
  const keyPath = join(options.outDir, `${options.name}.key`);
  if (!options.overwrite) await refuseExisting(certPath, keyPath);
  const ca = await loadCa(options.caDir);
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const usages: string[] = [];
  if (options.kind !== 'client') usages.push(x509.ExtendedKeyUsage.serverAuth);
  if (options.kind !== 'server') usages.push(x509.ExtendedKeyUsage.clientAuth);
  const altNames: x509.JsonGeneralNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(usages, false),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    new x509.AuthorityKeyIdentifierExtension(ca.keyId),
  ];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames, false));
  const now = Date.now();
  const caNotAfter = ca.cert.notAfter.getTime();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(options.commonName),
    issuer: ca.cert.subject,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(Math.min(caNotAfter, now + (options.days ?? 397) * 86_400_000)),
    publicKey: keys.publicKey,
    signingKey: ca.key,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions,
  });
  await mkdir(options.outDir, { recursive: true });
  await writePem(certPath, keyPath, cert, keys.privateKey);
  return {
    certPath,
    keyPath,
    fingerprint: certificateFingerprint(cert.toString('pem')),
    notAfter: cert.notAfter,
  };
}

/**
 * For the embedded default: a CA in `dir` and one certificate `name` (server and client, for
 * localhost and 127.0.0.1), created when absent. Returns the paths for `loadTlsMaterial`.
 */
export async function ensureDevPki(dir: string, name = 'node'): Promise<TlsMaterialPaths> {
  const paths = { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`), ca: join(dir, 'ca.crt') };
  if (!(await exists(paths.ca))) await createCa({ dir, commonName: 'Overstap development chain CA' });
  if (!(await exists(paths.cert))) {
    await issueCertificate({
      caDir: dir,
      outDir: dir,
      name,
      commonName: name,
      kind: 'both',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1', '::1'],
    });
  }
  return paths;
}

/**
 * Reads a certificate, its key and the chain CA as PEM strings, checking that each is what it
 * should be and that the key belongs to the certificate; a problem is a clear CONFIG_INVALID
 * naming the file.
 */
export async function loadTlsMaterial(paths: TlsMaterialPaths): Promise<TlsMaterial> {
  const read = async (file: string): Promise<string> => {
    try {
      return await readFile(file, 'utf8');
    } catch {
      throw configError(file, R.unreadable);
    }
  };
  const [cert, key, ca] = await Promise.all([read(paths.cert), read(paths.key), read(paths.ca)]);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw configError(paths.cert, R.notCertificate);
  }
  try {
    new X509Certificate(ca);
  } catch {
    throw configError(paths.ca, R.notCertificate);
  }
  let matches: boolean;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw configError(paths.key, R.notKey);
  }
  if (!matches) throw configError(paths.key, R.keyMismatch);
  return { cert, key, ca };
}

/**
 * The production configuration: OVERSTAP_TLS_CERT, OVERSTAP_TLS_KEY and OVERSTAP_TLS_CA (paths to
 * PEM files), all three or none (then undefined).
 */
export async function tlsMaterialFromEnv(env: NodeJS.ProcessEnv): Promise<TlsMaterial | undefined> {
  const cert = env.OVERSTAP_TLS_CERT;
  const key = env.OVERSTAP_TLS_KEY;
  const ca = env.OVERSTAP_TLS_CA;
  if (!cert && !key && !ca) return undefined;
  if (!cert || !key || !ca) {
    throw new AppError('CONFIG_INVALID', {
      variables: ['OVERSTAP_TLS_CERT', 'OVERSTAP_TLS_KEY', 'OVERSTAP_TLS_CA'],
      reason: 'set all three or none',
    });
  }
  return loadTlsMaterial({ cert, key, ca });
}

/** SHA-256 of the certificate's DER encoding, lower-case hex: how the chain knows a system. */
export function certificateFingerprint(pem: string): string {
  let der: Buffer;
  try {
    der = new X509Certificate(pem).raw;
  } catch {
    throw new AppError('VALIDATION_FAILED', { reason: 'not a PEM certificate' });
  }
  return createHash('sha256').update(der).digest('hex');
}

// ---- internals ---------------------------------------------------------------------------------

async function loadCa(dir: string): Promise<{ cert: x509.X509Certificate; key: CryptoKey; keyId: string }> {
  const certPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  let certPem: string;
  let keyPem: string;
  try {
    [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  } catch {
    throw configError(certPath, R.noCa);
  }
  const cert = new x509.X509Certificate(certPem);
  const key = await crypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(keyPem),
    KEY_ALGORITHM,
    false,
    ['sign'],
  );
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw configError(certPath, R.noSki);
  return { cert, key, keyId: ski.keyId };
}

async function writePem(certPath: string, keyPath: string, cert: x509.X509Certificate, key: CryptoKey) {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', key);
  await writeFile(keyPath, x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'), { mode: 0o600 });
  await chmod(keyPath, 0o600); // also when the file existed with a wider mode
  await writeFile(certPath, cert.toString('pem'), { mode: 0o644 });
}

async function refuseExisting(...files: string[]): Promise<void> {
  for (const file of files) {
    if (await exists(file)) throw new AppError('CONFLICT', { file, reason: 'exists' });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01; // positive and without a leading zero byte
  return bytes.toString('hex');
}

function distinguishedName(commonName: string): string {
  // Only the common name, escaped as RFC 4514 requires, so a name cannot inject other attributes.
  const escaped = commonName.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
  return `CN=${escaped}`;
}

const R = {
  unreadable: { nl: 'het bestand is niet te lezen', en: 'the file cannot be read' },
  notCertificate: { nl: 'dit is geen PEM-certificaat', en: 'this is not a PEM certificate' },
  notKey: { nl: 'dit is geen PEM-sleutel', en: 'this is not a PEM private key' },
  keyMismatch: {
    nl: 'deze sleutel hoort niet bij het certificaat',
    en: 'this key does not belong to the certificate',
  },
  noCa: {
    nl: 'hier staat geen CA; maak er eerst een met "overstap pki init"',
    en: 'there is no CA here; create one first with "overstap pki init"',
  },
  noSki: {
    nl: 'het CA-certificaat heeft geen subject key identifier',
    en: 'the CA certificate has no subject key identifier',
  },
  badName: (name: string) => ({
    nl: `De naam "${name}" kan niet: gebruik letters, cijfers, punten, liggende streepjes en koppeltekens.`,
    en: `The name "${name}" cannot be used: use letters, digits, dots, underscores and hyphens.`,
  }),
  badKind: (kind: string) => ({
    nl: `Onbekende soort certificaat "${kind}"; kies server, client of both.`,
    en: `Unknown kind of certificate "${kind}"; choose server, client or both.`,
  }),
  badIp: (ip: string) => ({ nl: `"${ip}" is geen IP-adres.`, en: `"${ip}" is not an IP address.` }),
} satisfies Record<string, Message | ((text: string) => Message)>;

function configError(file: string, reason: Message): AppError {
  return new AppError(
    'CONFIG_INVALID',
    { file, reason: reason.en },
    {
      nl: `De configuratie klopt niet: ${file} (${reason.nl}).`,
      en: `The configuration is not valid: ${file} (${reason.en}).`,
    },
  );
}
