import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, freePort, type OverstapProcess, startOverstapProcess } from '../support/processes.js';

/**
 * Issue 3 §6, as a newcomer meets it: `npm start` (`overstap serve` on a new PGlite data folder)
 * seeds the demo region, and a script that waits for `/health` and then reads
 * `data/demo-credentials.json` finds the file written and its keys working. The API listens only
 * once the demo is there: `/health` is asked as often as a script might, from the moment the
 * process starts.
 */
describe('overstap serve on an empty data folder', () => {
  let node: OverstapProcess | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await node?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /health only when the demo region and its credentials are there', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'overstap-quick-start-'));
    const [port, chainPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;
    node = startOverstapProcess(
      'serve',
      ['serve'],
      childEnv({
        OVERSTAP_DATA_DIR: dataDir,
        PORT: String(port),
        OVERSTAP_CHAIN_PORT: String(chainPort),
        OVERSTAP_HOST: '127.0.0.1',
      }),
    );
    let ended = false;
    void node.exited.then(() => {
      ended = true;
    });

    const deadline = Date.now() + 120_000;
    let health: Response | undefined;
    while (!health?.ok) {
      if (ended) throw new Error(`serve exited:\n${node.output()}`);
      if (Date.now() > deadline) throw new Error(`serve was not healthy in time:\n${node.output()}`);
      health = await fetch(`${url}/health`).catch(() => undefined);
      if (!health?.ok) await new Promise((r) => setTimeout(r, 20));
    }
    expect(await health.json()).toMatchObject({ status: 'ok', role: 'all', database: 'pglite' });

    // at the first healthy answer, not a moment later
    const credentials = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8')) as {
      operatorKey: string;
      schools: Array<{ brin: string; sector: string; apiKey: string }>;
    };
    const po = credentials.schools.find((s) => s.sector === 'po');
    expect(po).toBeDefined();
    const dossiers = await fetch(`${url}/api/gw/schools/${po?.brin}/dossiers`, {
      headers: { authorization: `Bearer ${po?.apiKey}` },
    });
    expect(dossiers.status).toBe(200);
    expect(((await dossiers.json()) as unknown[]).length).toBeGreaterThan(0);

    // what it told the newcomer, in that order
    const output = node.output();
    expect(output).toContain('demo-credentials.json');
    expect(output.indexOf('Demo region created')).toBeLessThan(output.indexOf('Overstap is running'));
  }, 150_000);
});
