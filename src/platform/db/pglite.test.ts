import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpPgliteTemplate, openDatabase } from './index.js';

describe('PGlite in a data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overstap-pglite-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder, keeps committed data across close and reopen, and is open in one place only', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    await first.query('CREATE TABLE kept (v text)');
    await first.transaction(async (tx) => {
      await tx.query('INSERT INTO kept VALUES ($1)', ['committed']);
    });
    await first
      .transaction(async (tx) => {
        await tx.query('INSERT INTO kept VALUES ($1)', ['rolled back']);
        throw new Error('abort');
      })
      .catch(() => {});
    await first.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    await expect(first.query('SELECT 1')).rejects.toMatchObject({ code: 'DATABASE_MISUSE' });

    const second = await openDatabase({ dataDir });
    expect((await second.query('SELECT v FROM kept')).rows).toEqual([{ v: 'committed' }]);
    // A second open of the same folder (here, or by another process) would corrupt it: refused.
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    await second.close();
  });

  it('starts a new cluster from a template dump, in memory and in an empty folder; a folder with a cluster is opened as it is', async () => {
    const template = await dumpPgliteTemplate();
    const inMemory = await openDatabase({ pgliteTemplate: template });
    await inMemory.query('CREATE TABLE t (v text)');
    await inMemory.query('INSERT INTO t VALUES ($1)', ['memory']);
    expect((await inMemory.query('SELECT v FROM t')).rows).toEqual([{ v: 'memory' }]);
    // The template is not changed by what a database made from it does.
    const other = await openDatabase({ pgliteTemplate: template });
    expect((await other.query(`SELECT to_regclass('public.t') AS t`)).rows).toEqual([{ t: null }]);
    await Promise.all([inMemory.close(), other.close()]);

    const dataDir = join(dir, 'from-template');
    const first = await openDatabase({ dataDir, pgliteTemplate: template });
    await first.query('CREATE TABLE kept (v text)');
    await first.query('INSERT INTO kept VALUES ($1)', ['on disk']);
    await first.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    const again = await openDatabase({ dataDir, pgliteTemplate: template });
    expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: 'on disk' }]);
    await again.close();
  });
});
