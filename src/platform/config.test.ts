import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { isAppError } from './errors.js';

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (isAppError(e)) return { code: e.code, details: e.details };
    throw e;
  }
  throw new Error('accepted');
};

describe('configuration', () => {
  it('waits at most 15 minutes between attempts of a failed job, or what OVERSTAP_JOB_RETRY_MAX_SECONDS says', () => {
    expect(loadConfig({}).jobRetryMaxSeconds).toBe(900);
    expect(loadConfig({ OVERSTAP_JOB_RETRY_MAX_SECONDS: '5' }).jobRetryMaxSeconds).toBe(5);
    for (const value of ['0', '3601', 'soon', '2.5']) {
      expect(refusal({ OVERSTAP_JOB_RETRY_MAX_SECONDS: value })).toMatchObject({
        code: 'CONFIG_INVALID',
        details: { variable: 'OVERSTAP_JOB_RETRY_MAX_SECONDS' },
      });
    }
  });

  it('runs four dossier requests per core at once (at least 4, at most 32), or what OVERSTAP_TRANSFERS_IN_FLIGHT says', () => {
    expect(loadConfig({}).transfersInFlight).toBe(Math.min(32, Math.max(4, 4 * availableParallelism())));
    expect(loadConfig({ OVERSTAP_TRANSFERS_IN_FLIGHT: '1' }).transfersInFlight).toBe(1);
    expect(loadConfig({ OVERSTAP_TRANSFERS_IN_FLIGHT: '256' }).transfersInFlight).toBe(256);
    for (const value of ['0', '257', 'many', '2.5']) {
      expect(refusal({ OVERSTAP_TRANSFERS_IN_FLIGHT: value })).toMatchObject({
        code: 'CONFIG_INVALID',
        details: { variable: 'OVERSTAP_TRANSFERS_IN_FLIGHT' },
      });
    }
  });
});
