import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { osoPath } from '../../../test/support/shared.js';

describe('overstap validate', () => {
  it('exits 0 when every file in a folder is valid, and says so per file', async () => {
    const r = await runCli(['validate', osoPath('official', 'examples')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 bestanden: 12 geldig');
  });

  it('exits 1 with each finding’s rule, place and message when a file has an error', async () => {
    const r = await runCli([
      'validate',
      '--lang',
      'en',
      osoPath('conformance', 'br-ov-povo-multi-ll13-ll15.xml'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/line 90:5 +error OVa\.LL13 +A POVO transfer needs/);
  });

  it('prints JSON in the documented shape', async () => {
    const r = await runCli([
      'validate',
      '--json',
      '--mode',
      'official',
      osoPath('conformance', 'br-ov-povo-ll05-no-address.xml'),
    ]);
    const [verdict] = JSON.parse(r.stdout);
    expect(Object.keys(verdict).sort()).toEqual(['file', 'findings', 'wellFormed', 'xsdValid']);
    expect(verdict.findings[0]).toMatchObject({
      rule: 'OVa.LL05',
      severity: 'fout',
      path: '/dossier[1]/huidigeschool[1]/leerling[1]',
    });
    expect(Object.keys(verdict.findings[0]).sort()).toEqual([
      'column',
      'line',
      'message',
      'path',
      'rule',
      'severity',
    ]);
  });

  it('exits 2 when a file cannot be read, and for wrong usage', async () => {
    expect((await runCli(['validate', 'no-such-file.xml'])).code).toBe(2);
    expect((await runCli(['validate', '--mode', 'lenient', 'x.xml'])).code).toBe(2);
    expect((await runCli(['validate'])).code).toBe(2);
  });

  it('shows help in Dutch by default and in English on request', async () => {
    expect((await runCli(['validate', '--help'])).stdout).toContain('Gebruik: overstap validate');
    expect((await runCli(['--lang', 'en', 'validate', '--help'])).stdout).toContain(
      'Usage: overstap validate',
    );
  });
});
