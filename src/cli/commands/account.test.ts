import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { outboxMailer, readInvitation, totpCode } from '../../platform/auth/index.js';
import { loadConfig } from '../../platform/config.js';
import { openStorage } from '../serve/storage.js';

describe('overstap account', () => {
  it('prints the current code of a TOTP secret', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const before = totpCode(secret, new Date());
    const r = await runCli(['account', 'totp-code', '--secret', secret]);
    const after = totpCode(secret, new Date());
    expect(r.code).toBe(0);
    expect([`${before}\n`, `${after}\n`]).toContain(r.stdout);
    const bad = await runCli(['--lang', 'en', 'account', 'totp-code', '--secret', 'not base32!']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid input: --secret BASE32');
  });

  it('refuses a role without its school or region, and unknown roles', async () => {
    const cases: Array<[string[], string]> = [
      [['--role', 'leerkracht'], '--brin BRIN'],
      [['--role', 'regiocoordinator'], '--region'],
      [['--role', 'conciërge'], '--role administratie|'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli([
        '--lang',
        'en',
        'account',
        'create',
        '--email',
        'a@b.test',
        '--name',
        'A',
        ...args,
      ]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('creates an account and prints a one-time invitation link for its role', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overstap-account-'));
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        OVERSTAP_DATA_DIR: dir,
        OVERSTAP_PUBLIC_URL: 'https://overstap.example.nl/',
        OVERSTAP_ROLE: 'trafficcenter',
      });
      const r = await runCli([
        '--lang',
        'en',
        'account',
        'create',
        '--email',
        'sanne@servicedesk.test',
        '--name',
        'Sanne Servicedesk',
        '--role',
        'servicedesk',
        '--json',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.link).toMatch(/^https:\/\/overstap\.example\.nl\/uitnodiging\/[\w-]{43}$/);

      const { db, keyring } = await openStorage(loadConfig());
      try {
        const token = out.link.split('/').at(-1);
        const view = await readInvitation(
          { db, keyring, mailer: outboxMailer(), publicUrl: () => 'https://overstap.example.nl' },
          token,
        );
        expect(view).toEqual({
          email: 'sanne@servicedesk.test',
          name: 'Sanne Servicedesk',
          schoolName: 'de servicedesk van Overstap',
          role: 'servicedesk',
        });
      } finally {
        await db.close();
      }
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
