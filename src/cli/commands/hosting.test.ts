import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../../gateway/chain-harness.js';
import type { HostedSchool } from '../../gateway/hosting/register-hosted-school.js';
import { registerGatewayApiRoutes } from '../../gateway/http/api-routes.js';
import { ALL_PERMISSIONS } from '../../gateway/test-fixtures.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';

const PO = '18PA';

/** Runs the CLI with OVERSTAP_API_KEY set to `key` (or unset), as an operator's shell would. */
async function withKey(key: string | undefined, args: string[]) {
  const saved = process.env.OVERSTAP_API_KEY;
  if (key === undefined) delete process.env.OVERSTAP_API_KEY;
  else process.env.OVERSTAP_API_KEY = key;
  try {
    return await runCli(args);
  } finally {
    if (saved === undefined) delete process.env.OVERSTAP_API_KEY;
    else process.env.OVERSTAP_API_KEY = saved;
  }
}

/** A loopback port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no address');
  return address.port;
}

describeEachDatabase(
  'overstap hosting against a running server',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    let url: string;
    let school: HostedSchool;
    let operatorKey: string;
    let schoolKey: string;
    beforeAll(async () => {
      w = await startChainWorld(db());
      school = await w.school(PO);
      api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        now: w.clock.now,
      });
      await api.listen({ host: '127.0.0.1', port: 0 });
      const address = api.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      url = `http://127.0.0.1:${address.port}`;
      operatorKey = (
        await createApiKey(db(), {
          label: 'op',
          kind: 'operator',
          schools: [],
          permissions: ['gateway:admin'],
        })
      ).key;
      schoolKey = (
        await createApiKey(db(), { label: 'po', kind: 'school', schools: [PO], permissions: ALL_PERMISSIONS })
      ).key;
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const state = async () => {
      const s = await db().query<{ ended: boolean; retain_until: string | null }>(
        `SELECT hosting_ended_at IS NOT NULL AS ended, to_char(retain_until, 'YYYY-MM-DD') AS retain_until
           FROM gw.schools WHERE brin = $1`,
        [PO],
      );
      const p = await db().query<{ active: boolean }>(
        'SELECT active FROM gw.delivery_points WHERE routing_key = $1',
        [school.deliveryPoint.routingKey],
      );
      return { ...s.rows[0], pointActive: p.rows[0].active };
    };

    it('stops, resumes and activates the delivery point again through the API, in Dutch by default', async () => {
      const stop = await withKey(operatorKey, [
        'hosting',
        'stop',
        '--brin',
        PO,
        '--retain-until',
        '2027-08-01',
        '--url',
        url,
      ]);
      expect(stop.code, stop.stderr).toBe(0);
      expect(stop.stdout).toContain(`De bediening van school ${PO} is beëindigd`);
      expect(stop.stdout).toContain('bewaard tot 2027-08-01');
      expect(stop.stdout).toContain(`${school.deliveryPoint.routingKey} (OV)`);
      expect(stop.stdout).toContain('POST /api/tc/delivery-points/ROUTERINGSSLEUTEL/deactivate');
      expect(await state()).toEqual({ ended: true, retain_until: '2027-08-01', pointActive: false });

      const resume = await withKey(operatorKey, ['hosting', 'resume', '--brin', PO, '--url', url, '--json']);
      expect(resume.code, resume.stderr).toBe(0);
      expect(JSON.parse(resume.stdout)).toEqual({
        brin: PO,
        resumedAt: w.clock.now().toISOString(),
        ended: { hostingEndedAt: w.clock.now().toISOString(), retainUntil: '2027-08-01' },
        deliveryPoints: [{ routingKey: school.deliveryPoint.routingKey, purpose: 'OV', active: false }],
      });
      expect(await state()).toEqual({ ended: false, retain_until: null, pointActive: false });

      const activate = await withKey(operatorKey, [
        '--lang',
        'en',
        'hosting',
        'activate-point',
        '--brin',
        PO,
        '--routing-key',
        school.deliveryPoint.routingKey,
        '--url',
        `${url}/`,
      ]);
      expect(activate.code, activate.stderr).toBe(0);
      expect(activate.stdout).toContain(
        `Delivery point ${school.deliveryPoint.routingKey} (OV) of school ${PO} is active again.`,
      );
      expect(activate.stdout).toContain(school.deliveryPoint.publicKey);
      expect(activate.stdout).toContain(
        `POST /api/tc/delivery-points/${school.deliveryPoint.routingKey}/reactivate`,
      );
      expect(await state()).toEqual({ ended: false, retain_until: null, pointActive: true });
    });

    it('a refusal of the API exits 1 with its message and code; a server that is not there exits 2', async () => {
      const hosted = await withKey(operatorKey, [
        '--lang',
        'en',
        'hosting',
        'resume',
        '--brin',
        PO,
        '--url',
        url,
      ]);
      expect(hosted.code).toBe(1);
      expect(hosted.stderr).toContain(
        'Refused: This gateway still hosts this school; only a school whose hosting ended can resume. (GW_HOSTING_NOT_ENDED)',
      );
      const resumeNl = await withKey(operatorKey, ['hosting', 'resume', '--brin', PO, '--url', url]);
      expect(resumeNl.stderr).toContain('Geweigerd: Deze gateway bedient deze school nog');

      const notOperator = await withKey(schoolKey, ['hosting', 'stop', '--brin', PO, '--url', url]);
      expect(notOperator.code).toBe(1);
      expect(notOperator.stderr).toContain('(FORBIDDEN)');
      const badKey = await withKey('not-a-key', ['hosting', 'stop', '--brin', PO, '--url', url]);
      expect(badKey.code).toBe(1);
      expect(badKey.stderr).toContain('(UNAUTHENTICATED)');
      const unknownPoint = await withKey(operatorKey, [
        'hosting',
        'activate-point',
        '--brin',
        PO,
        '--routing-key',
        'nope',
        '--url',
        url,
      ]);
      expect(unknownPoint.code).toBe(1);
      expect(unknownPoint.stderr).toContain('(GW_DELIVERY_POINT_NOT_FOUND)');
      expect((await state()).ended).toBe(false);

      const away = await withKey(operatorKey, [
        '--lang',
        'en',
        'hosting',
        'resume',
        '--brin',
        PO,
        '--url',
        `http://127.0.0.1:${await closedPort()}`,
      ]);
      expect(away.code).toBe(2);
      expect(away.stderr).toContain('cannot be reached (ECONNREFUSED)');
    });
  },
  { migrations: chainTestMigrations },
);

describe('overstap hosting usage', () => {
  it('refuses wrong usage and a missing API key with exit 2, before calling anything', async () => {
    for (const args of [
      ['hosting'],
      ['hosting', 'pause', '--brin', '01AA'],
      ['hosting', 'stop'],
      ['hosting', 'stop', '--brin', '1AA'],
      ['hosting', 'stop', '--brin', '01AA', '--retain-until', 'tomorrow'],
      ['hosting', 'resume', '--brin', '01AA', '--retain-until', '2027-01-01'],
      ['hosting', 'resume', '--brin', '01AA', '--routing-key', 'x'],
      ['hosting', 'activate-point', '--brin', '01AA'],
      ['hosting', 'resume', '--brin', '01AA', 'extra'],
    ]) {
      const r = await withKey('some-key', ['--lang', 'en', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Invalid input');
    }
    const noKey = await withKey(undefined, ['--lang', 'en', 'hosting', 'resume', '--brin', '01AA']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('OVERSTAP_API_KEY');
    const badUrl = await withKey('some-key', ['hosting', 'resume', '--brin', '01AA', '--url', 'ftp://x']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('ftp://x');
  });
});
