import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { registerHostedSchool } from '../../gateway/index.js';
import { loadConfig } from '../../platform/config.js';
import { SYSTEM_ACTOR } from '../../platform/context.js';
import { createKeyring, parseKeyConfig } from '../../platform/crypto/index.js';
import type { Lang } from '../command.js';
import { openStorage } from '../serve/storage.js';
import { defaultKeyId } from './keys.js';

/** Runs `overstap keys ACTION… [--id ID]` through the CLI and captures what it prints. */
function runKeys(positionals: string[], id?: string, lang: Lang = 'nl') {
  return runCli(['--lang', lang, 'keys', ...positionals, ...(id === undefined ? [] : ['--id', id])]);
}

describe('overstap keys', () => {
  it('prints a new key in the OVERSTAP_ENCRYPTION_KEYS format that a keyring accepts', async () => {
    const r = await runKeys(['generate'], 'k2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^k2:[A-Za-z0-9+/]{43}=\n$/);
    expect(r.stderr).toContain('OVERSTAP_ENCRYPTION_KEYS');
    const keyring = createKeyring(parseKeyConfig(r.stdout.trim()));
    expect(keyring.activeKeyId).toBe('k2');
    const other = await runKeys(['generate'], 'k2');
    expect(other.stdout).not.toBe(r.stdout);
  });

  it('names a key after the time it was made unless told otherwise', async () => {
    expect(defaultKeyId(new Date('2025-03-01T12:34:56Z'))).toBe('k20250301-123456');
    const r = await runKeys(['generate']);
    expect(r.stdout).toMatch(/^k\d{8}-\d{6}:/);
  });

  it('refuses a bad id and unknown actions with exit 2', async () => {
    const cases: Array<[string[], string | undefined, string]> = [
      [['generate'], 'k 1', 'The id "k 1" cannot be used'],
      [['rotate-all'], undefined, 'Unknown action "rotate-all"'],
      [[], undefined, 'Give an action'],
      [['generate', 'extra'], undefined, 'Unknown action "generate extra"'],
    ];
    for (const [positionals, id, message] of cases) {
      const r = await runKeys(positionals, id, 'en');
      expect(r.code, positionals.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('overstap keys rotate', () => {
  it('re-encrypts a node’s data under the new active key and retires the old one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overstap-keys-'));
    const saved = { ...process.env };
    try {
      const old = (await runKeys(['generate'], 'old')).stdout.trim();
      const fresh = (await runKeys(['generate'], 'new')).stdout.trim();
      Object.assign(process.env, {
        OVERSTAP_DATA_DIR: dir,
        OVERSTAP_ROLE: 'gateway',
        OVERSTAP_ENCRYPTION_KEYS: old,
      });
      // A hosted school stores an encrypted private key under the old key.
      const first = await openStorage(loadConfig());
      await registerHostedSchool(
        {
          db: first.db,
          keyring: first.keyring,
          actor: SYSTEM_ACTOR,
          requestId: 'test',
          now: () => new Date(),
        },
        { brin: '01AA', vestiging: '00', name: 'School', sector: 'po' },
        { publicChainUrl: 'https://127.0.0.1:8443' },
      );
      await first.db.close();

      process.env.OVERSTAP_ENCRYPTION_KEYS = `${old},${fresh}`;
      process.env.OVERSTAP_ENCRYPTION_KEY_ID = 'new';
      const rotated = await runCli(['keys', 'rotate', '--retire', 'old']);
      expect(rotated.code).toBe(0);
      expect(rotated.stdout).toMatch(/[1-9]\d* versleutelde waarden opnieuw versleuteld met sleutel new/);
      expect(rotated.stdout).toContain('Sleutel old is ingetrokken');

      // Without the old key the node still starts: nothing needs it any more.
      process.env.OVERSTAP_ENCRYPTION_KEYS = fresh;
      const again = await openStorage(loadConfig());
      await again.db.close();
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
