import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pgliteTemplate } from '../../../test/support/databases.js';
import { dumpPgliteTemplate, type LongTurn, openDatabase } from './index.js';

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

describe('PGlite’s one connection held long', () => {
  it('tells once of a turn that holds the connection too long: its kind, its last statement without parameters, and who waits', async () => {
    const turns: LongTurn[] = [];
    const template = await pgliteTemplate();
    const db = await openDatabase({
      ...(template ? { pgliteTemplate: template } : {}),
      longTurnMs: 1_000,
      onLongTurn: (turn) => turns.push(turn),
    });
    try {
      await db.query('CREATE TABLE t (v text)');
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // A transaction that waits for something else after a statement holds the connection meanwhile.
      const slow = db.transaction(async (tx) => {
        await tx.query('INSERT INTO t   VALUES\n ($1)', ['0612345678 Jan Jansen']);
        await held;
      });
      const waiting = [db.query('SELECT count(*) FROM t'), db.query('SELECT 1')];
      await vi.waitFor(() => expect(turns.length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
      // Still held: told once, not again.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      release();
      await slow;
      await Promise.all(waiting);
      expect(turns).toHaveLength(1);
      expect(turns[0]).toMatchObject({
        kind: 'transaction',
        statement: 'INSERT INTO t VALUES ($1)',
        waiting: 2,
      });
      expect(turns[0].heldMs).toBeGreaterThanOrEqual(1_000);
      expect(JSON.stringify(turns)).not.toMatch(/0612345678|Jansen/);

      // Quick turns are not told.
      for (let i = 0; i < 20; i++) await db.query('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(turns).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
