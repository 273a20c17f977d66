/**
 * Shared set-up for the gateway's tests (not used by production code): migrations, a keyring, a
 * context per actor with a clock the test can move.
 */
import { randomUUID } from 'node:crypto';
import { AUDIT_APPEND_MIGRATION, AUDIT_MIGRATION } from '../platform/audit/index.js';
import { apiKeyMigrations } from '../platform/auth/api-keys.js';
import type { Actor, Ctx, Permission } from '../platform/context.js';
import { createKeyring, generateKey } from '../platform/crypto/index.js';
import { type Db, type Migration, platformMigrations } from '../platform/db/index.js';
import { type Dossier, generateDossier, type ProfileCode, writeDossier } from '../standard/index.js';
import {
  type HostedSchool,
  type HostedSchoolInput,
  registerHostedSchool,
} from './hosting/register-hosted-school.js';
import { gatewayMigrations } from './migrations.js';

export const testMigrations: readonly Migration[] = [
  ...platformMigrations,
  AUDIT_MIGRATION,
  ...apiKeyMigrations,
  AUDIT_APPEND_MIGRATION,
  ...gatewayMigrations,
];

export function testKeyring() {
  return createKeyring({ keys: { test: generateKey() }, activeKeyId: 'test' });
}

/** A clock for tests: starts at `start`, moves with `set` and `advance`. */
export class TestClock {
  #now: Date;
  constructor(start = '2026-04-01T09:00:00.000Z') {
    this.#now = new Date(start);
  }
  now = (): Date => new Date(this.#now);
  set(at: string | Date): void {
    this.#now = new Date(at);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

export const ALL_PERMISSIONS: Permission[] = [
  'dossier:read',
  'dossier:write',
  'dossier:inzage',
  'dossier:klaarzetten',
  'registration:write',
  'request:send',
  'received:read',
  'received:write',
];

export function schoolActor(brins: string[], permissions: Permission[] = ALL_PERMISSIONS): Actor {
  return {
    kind: 'apikey',
    id: `apikey:test-${brins.join('-')}`,
    permissions: new Set(permissions),
    schools: new Set(brins),
  };
}

export const ADMIN_ACTOR: Actor = {
  kind: 'operator',
  id: 'operator:test',
  permissions: 'all',
  schools: 'all',
};

export interface TestWorld {
  db: Db;
  keyring: ReturnType<typeof testKeyring>;
  clock: TestClock;
  ctx(actor?: Actor): Ctx;
}

export function testWorld(db: Db, keyring = testKeyring(), clock = new TestClock()): TestWorld {
  return {
    db,
    keyring,
    clock,
    ctx: (actor = ADMIN_ACTOR) => ({ db, actor, requestId: randomUUID(), keyring, now: clock.now }),
  };
}

/** Hosts a school on the gateway (as the operator) and returns its delivery point. */
export async function hostSchool(
  world: TestWorld,
  brin: string,
  options: {
    sector?: HostedSchoolInput['sector'];
    region?: string;
    name?: string;
    publicChainUrl?: string;
  } = {},
): Promise<HostedSchool> {
  return registerHostedSchool(
    world.ctx(),
    {
      brin,
      vestiging: '01',
      name: options.name ?? `School ${brin}`,
      sector: options.sector ?? 'po',
      ...(options.region ? { region: options.region } : {}),
    },
    { publicChainUrl: options.publicChainUrl ?? 'https://gateway.test:8443' },
  );
}

/** A generated dossier of a hosted school as OSO XML, optionally changed first. */
export function dossierXml(
  brin: string,
  options: { profile?: ProfileCode; index?: number; seed?: string; change?: (d: Dossier) => void } = {},
): Buffer {
  const dossier = generateDossier(
    {
      profile: options.profile ?? 'POVO',
      seed: options.seed ?? 'gateway-tests',
      attachments: 'none',
      school: { brincode: brin, vestigingscode: '01', naam: `School ${brin}` },
    },
    options.index ?? 0,
  );
  options.change?.(dossier);
  return writeDossier(dossier);
}
