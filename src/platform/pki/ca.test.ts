import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  certificateFingerprint,
  createCa,
  ensureDevPki,
  issueCertificate,
  loadTlsMaterial,
  tlsMaterialFromEnv,
} from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overstap-pki-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('local chain CA', () => {
  it('creates a CA certificate and a private key only its owner can read', async () => {
    const caDir = join(dir, 'ca1');
    const ca = await createCa({ dir: caDir, commonName: 'Overstap test CA' });
    expect((await stat(join(caDir, 'ca.key'))).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(await readFile(join(caDir, 'ca.crt')));
    expect(cert.ca).toBe(true);
    expect(cert.subject).toBe('CN=Overstap test CA');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(ca.fingerprint).toBe(certificateFingerprint(cert.toString()));
    expect((await rejection(createCa({ dir: caDir, commonName: 'again' }))).code).toBe('CONFLICT');
  });

  it('issues server, client and dual certificates signed by the CA, with the asked names and usages', async () => {
    const caDir = join(dir, 'ca2');
    await createCa({ dir: caDir, commonName: 'Overstap test CA 2' });
    const caCert = new X509Certificate(await readFile(join(caDir, 'ca.crt')));
    const server = await issueCertificate({
      caDir,
      outDir: join(dir, 'certs'),
      name: 'trafficcenter',
      commonName: 'verkeerscentrum',
      kind: 'server',
      dnsNames: ['localhost', 'tc.example'],
      ipAddresses: ['127.0.0.1'],
    });
    const cert = new X509Certificate(await readFile(server.certPath));
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.subjectAltName).toBe('DNS:localhost, DNS:tc.example, IP Address:127.0.0.1');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect((await stat(server.keyPath)).mode & 0o777).toBe(0o600);
    expect(server.fingerprint).toBe(certificateFingerprint(cert.toString()));
    expect(server.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(server.fingerprint).toBe(cert.fingerprint256.replaceAll(':', '').toLowerCase());

    const client = await issueCertificate({
      caDir,
      outDir: join(dir, 'certs'),
      name: 'supplier-a',
      commonName: 'Leverancier A',
      kind: 'client',
    });
    expect(new X509Certificate(await readFile(client.certPath)).keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    const both = await issueCertificate({
      caDir,
      outDir: join(dir, 'certs'),
      name: 'gw',
      commonName: 'gw',
      kind: 'both',
    });
    expect(new X509Certificate(await readFile(both.certPath)).keyUsage?.sort()).toEqual([
      '1.3.6.1.5.5.7.3.1',
      '1.3.6.1.5.5.7.3.2',
    ]);
  });

  it('refuses names that could escape the folder, unknown kinds and bad IP addresses', async () => {
    const caDir = join(dir, 'ca3');
    await createCa({ dir: caDir, commonName: 'CA 3' });
    const base = { caDir, outDir: caDir, commonName: 'x', kind: 'client' as const };
    expect((await rejection(issueCertificate({ ...base, name: '../evil' }))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(issueCertificate({ ...base, name: 'a', kind: 'root' as never }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await rejection(issueCertificate({ ...base, name: 'a', ipAddresses: ['localhost'] }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await rejection(issueCertificate({ ...base, caDir: join(dir, 'none'), name: 'a' }))).code).toBe(
      'CONFIG_INVALID',
    );
  });

  it('loads TLS material and says which file is wrong', async () => {
    const pki = await ensureDevPki(join(dir, 'dev'));
    const material = await loadTlsMaterial(pki);
    expect(material.cert).toContain('BEGIN CERTIFICATE');
    expect(material.key).toContain('BEGIN PRIVATE KEY');
    expect(await ensureDevPki(join(dir, 'dev'))).toEqual(pki); // idempotent: nothing reissued
    expect(await readFile(pki.cert, 'utf8')).toBe(material.cert);

    const other = await issueCertificate({
      caDir: join(dir, 'dev'),
      outDir: join(dir, 'dev'),
      name: 'other',
      commonName: 'other',
      kind: 'client',
    });
    const mismatch = await rejection(loadTlsMaterial({ ...pki, key: other.keyPath }));
    expect(mismatch.code).toBe('CONFIG_INVALID');
    expect(mismatch.details).toMatchObject({ file: other.keyPath });
    await writeFile(join(dir, 'garbage.pem'), 'not a certificate');
    expect(
      (await rejection(loadTlsMaterial({ ...pki, ca: join(dir, 'garbage.pem') }))).details,
    ).toMatchObject({
      file: join(dir, 'garbage.pem'),
    });
    expect((await rejection(loadTlsMaterial({ ...pki, cert: join(dir, 'missing.crt') }))).code).toBe(
      'CONFIG_INVALID',
    );
  });

  it('takes production material from OVERSTAP_TLS_CERT, OVERSTAP_TLS_KEY and OVERSTAP_TLS_CA, all or none', async () => {
    const pki = await ensureDevPki(join(dir, 'env'));
    expect(await tlsMaterialFromEnv({})).toBeUndefined();
    const material = await tlsMaterialFromEnv({
      OVERSTAP_TLS_CERT: pki.cert,
      OVERSTAP_TLS_KEY: pki.key,
      OVERSTAP_TLS_CA: pki.ca,
    });
    expect(material?.ca).toBe(await readFile(pki.ca, 'utf8'));
    expect((await rejection(tlsMaterialFromEnv({ OVERSTAP_TLS_CERT: pki.cert }))).code).toBe(
      'CONFIG_INVALID',
    );
  });
});
