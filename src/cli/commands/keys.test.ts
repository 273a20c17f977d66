import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { createKeyring, parseKeyConfig } from '../../platform/crypto/index.js';
import type { Lang } from '../command.js';
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
