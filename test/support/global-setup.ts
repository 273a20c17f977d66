import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPgliteTemplate } from '../../src/platform/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of an empty PGlite cluster, made once per run (databases.ts starts each PGlite from it). */
    pgliteTemplate: string;
  }
}

/**
 * Once per test run, before any test file: one empty PGlite cluster, dumped to a file. Every PGlite
 * the tests open starts from it instead of running initdb again (half a second instead of two or
 * more, a hundred times per run). It is PGlite's own data folder, so the databases are as real as
 * before.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-pglite-template-'));
  const file = join(dir, 'pgdata.tar');
  await writeFile(file, Buffer.from(await (await dumpPgliteTemplate()).arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
