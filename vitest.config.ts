import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // The test files of a worker share one process and its loaded modules instead of each loading
    // them anew: the whole run took 1,160 s isolated and 651 s shared (2 workers, with the PGlite
    // template). Test files must leave no global state behind (they restore process.env, close
    // their servers and databases); every file still opens databases of its own.
    isolate: false,
  },
});
