import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared folder beside the repository (`../shared`), which holds the official OSO schema,
 * the official examples and the conformance cases. `OVERSTAP_SHARED_DIR` overrides it. Tests
 * that need it fail — never skip — when it is missing.
 */
export function sharedDir(): string {
  const dir = process.env.OVERSTAP_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared');
  if (!existsSync(resolve(dir, 'oso'))) {
    throw new Error(
      `The shared folder with the OSO standard is missing at ${dir} (set OVERSTAP_SHARED_DIR).`,
    );
  }
  return dir;
}

export const osoPath = (...parts: string[]) => resolve(sharedDir(), 'oso', ...parts);
