import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { certificateFingerprint } from '../../platform/pki/index.js';
import type { Lang } from '../command.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'overstap-cli-pki-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Runs `overstap pki …` through the CLI in a folder and captures the output. */
function runPki(argv: string[], options: { cwd: string; lang?: Lang }) {
  return runCli(['--lang', options.lang ?? 'nl', 'pki', ...argv], options.cwd);
}

describe('overstap pki', () => {
  it('creates a CA in ./data/pki by default and issues a server certificate for localhost', async () => {
    const init = await runPki(['init'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Keten-CA gemaakt in data/pki');
    expect((await stat(join(cwd, 'data/pki/ca.key'))).mode & 0o777).toBe(0o600);

    const issue = await runPki(['issue', 'trafficcenter', '--kind', 'server'], {
      cwd,
      lang: 'en',
    });
    expect(issue.code).toBe(0);
    const pem = await readFile(join(cwd, 'data/pki/trafficcenter.crt'), 'utf8');
    const cert = new X509Certificate(pem);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(cert.checkIssued(new X509Certificate(await readFile(join(cwd, 'data/pki/ca.crt'))))).toBe(true);
    expect(issue.stdout).toContain(`fingerprint (SHA-256): ${certificateFingerprint(pem)}`);
    expect(issue.stdout).toContain(`OVERSTAP_TLS_CERT=${join(cwd, 'data/pki/trafficcenter.crt')}`);
    expect(issue.stdout).toContain(`OVERSTAP_TLS_CA=${join(cwd, 'data/pki/ca.crt')}`);
  });

  it('issues client and dual certificates with the given names in another folder', async () => {
    expect((await runPki(['init', '--dir', 'chain'], { cwd })).code).toBe(0);
    const client = await runPki(['issue', 'supplier-a', '--kind', 'client', '--dir', 'chain'], { cwd });
    expect(client.code).toBe(0);
    expect(client.stdout).toContain('vingerafdruk');
    expect(
      new X509Certificate(await readFile(join(cwd, 'chain/supplier-a.crt'))).subjectAltName,
    ).toBeUndefined();
    const gw = await runPki(
      [
        'issue',
        'gw1',
        '--kind',
        'both',
        '--dns',
        'gw1.example',
        '--dns',
        'localhost',
        '--ip',
        '10.0.0.5',
        '--dir',
        'chain',
        '--cn',
        'Gateway 1',
      ],
      { cwd },
    );
    expect(gw.code).toBe(0);
    const cert = new X509Certificate(await readFile(join(cwd, 'chain/gw1.crt')));
    expect(cert.subjectAltName).toBe('DNS:gw1.example, DNS:localhost, IP Address:10.0.0.5');
    expect(cert.subject).toBe('CN=Gateway 1');
  });

  it('refuses to replace a CA or a certificate without --force', async () => {
    await runPki(['init'], { cwd });
    const again = await runPki(['init'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al; gebruik --force');
    const before = await readFile(join(cwd, 'data/pki/ca.crt'), 'utf8');
    expect((await runPki(['init', '--force'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'data/pki/ca.crt'), 'utf8')).not.toBe(before);
  });

  it('explains wrong usage in the chosen language and exits 2', async () => {
    const cases: Array<[string[], string]> = [
      [[], 'Give an action'],
      [['renew'], 'Unknown action "renew"'],
      [['issue'], 'Give the name of the certificate'],
      [['issue', 'x'], 'Unknown kind ""'],
      [['issue', 'x', '--kind', 'root'], 'Unknown kind "root"'],
      [['issue', 'x', '--kind', 'client', '--days', '0'], 'number of days "0"'],
      [['issue', '../x', '--kind', 'client'], 'cannot be used'],
      [['issue', 'x', '--kind', 'server', '--ip', 'localhost'], '"localhost" is not an IP address'],
      [['issue', 'x', '--kind', 'client'], 'there is no CA here'],
      [['init', 'extra'], 'Unexpected arguments: extra'],
    ];
    for (const [argv, message] of cases) {
      const r = await runPki(argv, { cwd, lang: 'en' });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
    }
  });
});
