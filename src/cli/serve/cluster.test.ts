import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { freePort } from '../../../test/support/processes.js';
import { loadConfig } from '../../platform/config.js';
import { type RunningCluster, startOverstapCluster } from './cluster.js';

/** GET on a fresh connection each time, so that the primary hands each to the next worker. */
function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    })
      .on('error', reject)
      .end();
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the server in several processes (node:cluster)', () => {
  let dir: string | undefined;
  let database: TestDatabase | undefined;
  let running: RunningCluster | undefined;
  afterEach(async () => {
    await running?.close();
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
    running = undefined;
    database = undefined;
  });

  async function config(databaseUrl: string | undefined) {
    dir = await mkdtemp(join(tmpdir(), 'overstap-cluster-'));
    const [port, chainPort] = [await freePort(), await freePort()];
    return loadConfig(
      {},
      {
        host: '127.0.0.1',
        port,
        chainPort,
        dataDir: dir,
        databaseUrl,
        publicChainUrl: `https://127.0.0.1:${chainPort}`,
        trafficCenterUrl: `https://127.0.0.1:${chainPort}`,
        seedDemo: false,
      },
    );
  }

  it('runs two workers on one PostgreSQL database behind the same ports, and stops them', async () => {
    database = await openTestDatabase('postgres');
    running = await startOverstapCluster(await config(database.url), {
      workers: 2,
      logLevel: 'error',
      runJobs: false,
      execArgv: ['--import', 'tsx'],
    });
    const pids = running.workerPids();
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(process.pid);
    for (let i = 0; i < 4; i++) {
      expect(await get(`${running.apiUrl}/health`)).toEqual({
        status: 200,
        body: { status: 'ok', role: 'all', database: 'postgres' },
      });
    }
    // The primary's own pool is on the database the workers migrated.
    const { rows } = await running.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM platform_migrations WHERE id = 'platform-103-audit-append'",
    );
    expect(rows).toEqual([{ n: 1 }]);
    await running.close();
    running = undefined;
    expect(pids.filter(alive)).toEqual([]);
  });

  it('refuses PGlite, whose data folder one process holds', async () => {
    await expect(startOverstapCluster(await config(undefined), { workers: 2 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
