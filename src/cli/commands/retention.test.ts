import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { freePort } from '../../../test/support/processes.js';
import { importDossier, registerHostedSchool, stopHostingSchool } from '../../gateway/index.js';
import { dossierXml } from '../../gateway/test-fixtures.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import { loadConfig } from '../../platform/config.js';
import { type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import { type RunningOverstap, startOverstap } from '../serve/start.js';
import { openStorage } from '../serve/storage.js';

/**
 * On the gateway's database (OVERSTAP_DATA_DIR): two hosted schools, 01AA with a dossier, stopped
 * long ago and kept until 2025-01-02; 02BB stopped now, kept a year.
 */
async function endTwoSchools(): Promise<void> {
  const { db, keyring } = await openStorage(loadConfig());
  try {
    const at = (now: string): Ctx => ({
      db,
      keyring,
      actor: SYSTEM_ACTOR,
      requestId: 'test',
      now: () => new Date(now),
    });
    for (const brin of ['01AA', '02BB']) {
      await registerHostedSchool(
        at('2025-01-01T00:00:00.000Z'),
        { brin, vestiging: '01', name: `School ${brin}`, sector: 'po' },
        { publicChainUrl: 'https://127.0.0.1:8443' },
      );
    }
    await importDossier(at('2025-01-01T00:00:00.000Z'), { schoolBrin: '01AA', xml: dossierXml('01AA') });
    // 01AA stopped long ago, kept until the day after; 02BB stopped now, kept a year.
    await stopHostingSchool(at('2025-01-01T00:00:00.000Z'), { brin: '01AA', retainUntil: '2025-01-02' });
    await stopHostingSchool(at(new Date().toISOString()), { brin: '02BB' });
  } finally {
    await db.close();
  }
}

it('overstap retention: lists the schools no longer hosted and deletes the data of those past their retention period, once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-retention-'));
  const saved = { ...process.env };
  try {
    Object.assign(process.env, { OVERSTAP_DATA_DIR: dir, OVERSTAP_ROLE: 'gateway' });
    delete process.env.DATABASE_URL;
    await endTwoSchools();
    const today = new Date().toISOString().slice(0, 10);

    const listed = await runCli(['--lang', 'en', 'retention', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(
      '01AA  hosting ended 2025-01-01  kept through 2025-01-02: deleted at the next run',
    );
    expect(listed.stdout).toMatch(
      /02BB {2}hosting ended \d{4}-\d{2}-\d{2} {2}kept through \d{4}-\d{2}-\d{2}\n/,
    );

    const early = await runCli(['retention', 'purge', '--brin', '02BB']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('De gegevens van deze school worden nog bewaard');

    const purged = await runCli(['--lang', 'en', 'retention', 'purge', '--json']);
    expect(purged.code, purged.stderr).toBe(0);
    const run = JSON.parse(purged.stdout);
    expect(run.failed).toEqual([]);
    expect(run.purged).toHaveLength(1);
    expect(run.purged[0]).toMatchObject({
      brin: '01AA',
      retainUntil: '2025-01-02',
      purgedNow: true,
      deleted: { pupils: 1, dossiers: 1, dossierVersions: 1 },
    });

    const again = await runCli(['--lang', 'en', 'retention', 'purge']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing was deleted');
    const one = await runCli(['--lang', 'en', 'retention', 'purge', '--brin', '01AA']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(`The data of 01AA was deleted already on ${today}.`);
    const after = await runCli(['retention', 'list', '--json']);
    expect(JSON.parse(after.stdout)).toEqual([
      expect.objectContaining({ brin: '01AA', purgedAt: expect.stringMatching(new RegExp(`^${today}`)) }),
      expect.objectContaining({ brin: '02BB', purgedAt: null }),
    ]);

    for (const args of [
      ['retention'],
      ['retention', 'remove'],
      ['retention', 'list', '--brin', '01AA'],
      ['retention', 'purge', '--brin', '1a'],
    ]) {
      const r = await runCli(['--lang', 'en', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Invalid input');
    }
  } finally {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  }
}, 180_000);

it('overstap retention --url: the same through the API of a running server, which need not stop', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-retention-api-'));
  const saved = { ...process.env };
  let running: RunningOverstap | undefined;
  try {
    Object.assign(process.env, { OVERSTAP_DATA_DIR: dir, OVERSTAP_ROLE: 'gateway' });
    delete process.env.DATABASE_URL;
    delete process.env.OVERSTAP_API_KEY;
    await endTwoSchools();
    const [port, chainPort] = [await freePort(), await freePort()];
    running = await startOverstap(
      loadConfig(
        { ...process.env, PORT: String(port), OVERSTAP_CHAIN_PORT: String(chainPort) },
        { host: '127.0.0.1' },
      ),
      { logLevel: 'silent', runJobs: false },
    );
    const cli = (args: string[]) =>
      runCli(['--lang', 'en', 'retention', ...args, '--url', running?.apiUrl ?? '']);
    expect((await cli(['list'])).code).toBe(2); // no key
    const operator = await createApiKey(running.db, {
      label: 'operator',
      kind: 'operator',
      schools: [],
      permissions: ['gateway:admin'],
    });
    const school = await createApiKey(running.db, {
      label: '01AA',
      kind: 'school',
      schools: ['01AA'],
      permissions: ['dossier:read'],
    });
    process.env.OVERSTAP_API_KEY = school.key;
    const refused = await cli(['purge', '--brin', '01AA']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('FORBIDDEN');
    process.env.OVERSTAP_API_KEY = operator.key;
    const today = new Date().toISOString().slice(0, 10);

    const listed = await cli(['list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(
      '01AA  hosting ended 2025-01-01  kept through 2025-01-02: deleted at the next run',
    );
    expect(listed.stdout).toMatch(
      /02BB {2}hosting ended \d{4}-\d{2}-\d{2} {2}kept through \d{4}-\d{2}-\d{2}\n/,
    );

    const early = await cli(['purge', '--brin', '02BB']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('The data of this school is still kept');
    expect(early.stderr).toContain('GW_PURGE_NOT_DUE');

    const purged = await cli(['purge', '--json']);
    expect(purged.code, purged.stderr).toBe(0);
    expect(JSON.parse(purged.stdout)).toEqual({
      purged: [
        expect.objectContaining({
          brin: '01AA',
          retainUntil: '2025-01-02',
          purgedNow: true,
          deleted: expect.objectContaining({ pupils: 1, dossiers: 1, dossierVersions: 1 }),
        }),
      ],
      failed: [],
    });
    const again = await cli(['purge']);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('nothing was deleted')]);
    const one = await cli(['purge', '--brin', '01AA']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(`The data of 01AA was deleted already on ${today}.`);
    const after = await cli(['list', '--json']);
    expect(JSON.parse(after.stdout)).toEqual([
      expect.objectContaining({ brin: '01AA', purgedAt: expect.stringMatching(new RegExp(`^${today}`)) }),
      expect.objectContaining({ brin: '02BB', purgedAt: null }),
    ]);
  } finally {
    await running?.close();
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  }
}, 180_000);
