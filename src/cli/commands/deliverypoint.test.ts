import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { registerHostedSchool } from '../../gateway/index.js';
import { loadConfig } from '../../platform/config.js';
import { type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import {
  grantMandate,
  registerDeliveryPoint,
  registerSchool,
  registerSupplierSystem,
} from '../../trafficcenter/index.js';
import { openStorage } from '../serve/storage.js';

/** A node's data folder with a hosted school 01AA whose OV point is registered at the traffic center. */
async function withHostedSchool<T>(
  role: 'all' | 'gateway',
  fn: (dir: string, routingKey: string) => Promise<T>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-deliverypoint-'));
  const saved = { ...process.env };
  try {
    Object.assign(process.env, { OVERSTAP_DATA_DIR: dir, OVERSTAP_ROLE: role });
    delete process.env.DATABASE_URL;
    const { db, keyring } = await openStorage(loadConfig());
    const ctx: Ctx = { db, keyring, actor: SYSTEM_ACTOR, requestId: 'test', now: () => new Date() };
    let routingKey: string;
    try {
      const hosted = await registerHostedSchool(
        ctx,
        { brin: '01AA', vestiging: '00', name: 'School', sector: 'po' },
        { publicChainUrl: 'https://127.0.0.1:8443' },
      );
      routingKey = hosted.deliveryPoint.routingKey;
      if (role === 'all') {
        await registerSchool(ctx, {
          brin: '01AA',
          vestiging: '00',
          name: 'School',
          sector: 'po',
          board: 'Stichting',
        });
        const supplier = await registerSupplierSystem(ctx, {
          name: 'Gateway',
          certificateFingerprint: 'ab'.repeat(32),
        });
        await grantMandate(ctx, { supplierId: supplier.id, brin: '01AA' });
        await registerDeliveryPoint(ctx, {
          routingKey,
          brin: '01AA',
          supplierId: supplier.id,
          url: hosted.deliveryPoint.url,
          purpose: 'OV',
          publicKey: hosted.deliveryPoint.publicKey,
        });
      }
    } finally {
      await db.close();
    }
    return await fn(dir, routingKey);
  } finally {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  }
}

async function keysOf(routingKey: string) {
  const { db } = await openStorage(loadConfig());
  try {
    const gw = await db.query<{ public_key: string }>(
      'SELECT public_key FROM gw.delivery_points WHERE routing_key = $1',
      [routingKey],
    );
    const earlier = await db.query<{ public_key: string; usable_until: Date }>(
      'SELECT public_key, usable_until FROM gw.delivery_point_keys WHERE routing_key = $1',
      [routingKey],
    );
    const tc =
      loadConfig().role === 'all'
        ? (
            await db.query<{ public_key: string }>(
              'SELECT public_key FROM tc.delivery_points WHERE routing_key = $1',
              [routingKey],
            )
          ).rows[0]?.public_key
        : undefined;
    return { gateway: gw.rows[0].public_key, earlier: earlier.rows, tc };
  } finally {
    await db.close();
  }
}

describe('overstap deliverypoint rotate', () => {
  it('all-in-one: rotates the key, keeps the previous one for the grace period and updates the traffic center', async () => {
    await withHostedSchool('all', async (_dir, routingKey) => {
      const before = await keysOf(routingKey);
      const started = Date.now();
      const r = await runCli([
        'deliverypoint',
        'rotate',
        '--brin',
        '01AA',
        '--grace-minutes',
        '30',
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({
        brin: '01AA',
        routingKey,
        purpose: 'OV',
        previousPublicKey: before.gateway,
        trafficCenter: 'updated',
      });
      const usableUntil = Date.parse(out.previousKeyUsableUntil);
      expect(usableUntil - started).toBeGreaterThanOrEqual(30 * 60_000);
      expect(usableUntil - started).toBeLessThan(31 * 60_000);
      const after = await keysOf(routingKey);
      expect(after.gateway).toBe(out.publicKey);
      expect(after.tc).toBe(out.publicKey);
      expect(after.earlier.map((k) => k.public_key)).toEqual([before.gateway]);
    });
  }, 180_000);

  it('gateway role: tells what the chain operator must register, in Dutch by default', async () => {
    await withHostedSchool('gateway', async (_dir, routingKey) => {
      const r = await runCli(['deliverypoint', 'rotate', '--brin', '01AA']);
      expect(r.code, r.stderr).toBe(0);
      const after = await keysOf(routingKey);
      expect(r.stdout).toContain(`Nieuw sleutelpaar voor aanleverpunt ${routingKey}`);
      expect(r.stdout).toContain(after.gateway);
      expect(r.stdout).toContain(`PATCH /api/tc/delivery-points/${routingKey}`);
    });
  }, 180_000);

  it('refuses wrong usage with exit 2, and an unknown school with exit 1', async () => {
    for (const args of [
      ['deliverypoint'],
      ['deliverypoint', 'turn', '--brin', '01AA'],
      ['deliverypoint', 'rotate'],
      ['deliverypoint', 'rotate', '--brin', '01AA', '--purpose', 'XX'],
      ['deliverypoint', 'rotate', '--brin', '01AA', '--grace-minutes=-1'],
    ]) {
      const r = await runCli(['--lang', 'en', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Invalid input');
    }
    await withHostedSchool('gateway', async () => {
      const r = await runCli(['--lang', 'en', 'deliverypoint', 'rotate', '--brin', '02BB']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('no active delivery point for this purpose');
    });
  }, 180_000);
});
