import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import type { Command } from './command.js';
import { joinDashedValues } from './main.js';

const command: Pick<Command, 'options'> = {
  options: {
    'public-key': { type: 'string', help: { nl: '', en: '' } },
    brin: { type: 'string', help: { nl: '', en: '' } },
    output: { type: 'string', short: 'o', help: { nl: '', en: '' } },
    json: { type: 'boolean', help: { nl: '', en: '' } },
  },
};

describe('option values that start with a dash', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are taken as the value of a string option when they are no option of the command', () => {
    expect(joinDashedValues(['--public-key', '-Xy_8', '--brin', '01AA'], command)).toEqual([
      '--public-key=-Xy_8',
      '--brin',
      '01AA',
    ]);
    expect(joinDashedValues(['--public-key', '--Xy_8'], command)).toEqual(['--public-key=--Xy_8']);
    expect(joinDashedValues(['--public-key', '-oXy'], command)).toEqual(['--public-key=-oXy']);
  });

  it('leave a known option after a string option alone, so that a forgotten value is still refused', () => {
    for (const next of ['--json', '--brin', '-o', '--brin=01AA', '--help', '-h', '--lang', '--']) {
      expect(joinDashedValues(['--public-key', next], command)).toEqual(['--public-key', next]);
    }
    expect(joinDashedValues(['--json', '-Xy'], command)).toEqual(['--json', '-Xy']);
  });

  it('reach the command: a key starting with a dash is sent, not refused as an ambiguous option', async () => {
    vi.stubEnv('OVERSTAP_API_KEY', 'ovs_test');
    const args = ['trafficcenter', 'deliverypoint', 'update', '--routing-key', '01AA00-OV-abc'];
    const url = ['--url', 'http://127.0.0.1:9'];
    const sent = await runCli([...args, '--public-key', '-Xy_8abc', ...url]);
    // it went as far as the server (nothing listens on port 9)
    expect(sent.stderr).toMatch(/^De server op http:\/\/127\.0\.0\.1:9 is niet bereikbaar/);
    const forgotten = await runCli([...args, '--public-key', '--json', ...url]);
    expect(forgotten.code).toBe(2);
    expect(forgotten.stderr).toMatch(/^De opties kloppen niet: Option '--public-key' argument is ambiguous/);
  });
});
