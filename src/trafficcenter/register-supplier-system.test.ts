import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { certificateFingerprint, createCa, issueCertificate } from '../platform/pki/index.js';
import { listSupplierSystems } from './list-supplier-systems.js';
import { registerSupplierSystem } from './register-supplier-system.js';
import { actorFor, randomFingerprint, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

let pkiDir: string;
let clientPem: string;
beforeAll(async () => {
  pkiDir = await mkdtemp(join(tmpdir(), 'overstap-tc-pki-'));
  await createCa({ dir: pkiDir, commonName: 'Test chain CA' });
  const issued = await issueCertificate({
    caDir: pkiDir,
    outDir: pkiDir,
    name: 'las',
    commonName: 'LAS',
    kind: 'client',
  });
  clientPem = await readFile(issued.certPath, 'utf8');
});
afterAll(async () => {
  await rm(pkiDir, { recursive: true, force: true });
});

describeEachDatabase(
  'registering supplier systems',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('a supplier system registered with its certificate is known by the certificate’s SHA-256 fingerprint', async () => {
      const system = await registerSupplierSystem(world.ctx(), {
        name: 'ParnasSys OSO',
        certificatePem: clientPem,
      });
      expect(system.certificateFingerprint).toBe(certificateFingerprint(clientPem));
      expect(await listSupplierSystems(world.ctx())).toContainEqual(system);
    });

    it('a fingerprint may be given instead, in upper case with colons', async () => {
      const hex = randomFingerprint();
      const colons = hex.toUpperCase().match(/../g)?.join(':') ?? '';
      const system = await registerSupplierSystem(world.ctx(), {
        name: 'Magister OSO',
        certificateFingerprint: colons,
      });
      expect(system.certificateFingerprint).toBe(hex);
    });

    it('one certificate belongs to one supplier system', async () => {
      const hex = randomFingerprint();
      await registerSupplierSystem(world.ctx(), { name: 'A', certificateFingerprint: hex });
      await expect(
        registerSupplierSystem(world.ctx(), { name: 'B', certificateFingerprint: hex }),
      ).rejects.toMatchObject({
        code: 'CERTIFICATE_ALREADY_REGISTERED',
      });
    });

    it('garbage, both or neither of PEM and fingerprint are refused', async () => {
      for (const input of [
        { name: 'X', certificatePem: '-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----' },
        { name: 'X', certificateFingerprint: 'abc' },
        { name: 'X', certificateFingerprint: 'g'.repeat(64) },
        { name: 'X' },
        { name: 'X', certificatePem: clientPem, certificateFingerprint: randomFingerprint() },
      ]) {
        await expect(registerSupplierSystem(world.ctx(), input)).rejects.toMatchObject({
          code: 'CERTIFICATE_INVALID',
        });
      }
    });

    it('only the chain operator admits supplier systems', async () => {
      await expect(
        registerSupplierSystem(world.ctx(actorFor(['12AB'], ['tc:read'])), {
          name: 'X',
          certificateFingerprint: randomFingerprint(),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
