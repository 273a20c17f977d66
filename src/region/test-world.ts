/**
 * For the region module's tests (not used by production code): a database with the platform's, the
 * traffic center's, the gateway's and the region's tables; schools taken along the connection path
 * through the traffic center's public face; people with real memberships (platform/auth); and the
 * region's ports as the all-in-one process wires them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { gatewayMigrations } from '../gateway/index.js';
import { createAccount, type MembershipInput, personActor, type SchoolRole } from '../platform/auth/index.js';
import { type Actor, type Ctx, SYSTEM_ACTOR } from '../platform/context.js';
import { createKeyring, generateKey } from '../platform/crypto/index.js';
import type { Db, Migration } from '../platform/db/index.js';
import { allPlatformMigrations } from '../platform/migrations.js';
import {
  grantMandate,
  registerDeliveryPoint,
  registerSchool,
  registerSupplierSystem,
  setAdmission,
  trafficCenterMigrations,
} from '../trafficcenter/index.js';
import { gatewaySummerSwitch, trafficCenterFacts } from './all-in-one-ports.js';
import { createRegion } from './create-region.js';
import type { RegionDeps } from './deps.js';
import { regionMigrations } from './migrations.js';

export const regionTestMigrations: readonly Migration[] = [
  ...allPlatformMigrations,
  ...trafficCenterMigrations,
  ...gatewayMigrations,
  ...regionMigrations,
];

export class TestClock {
  #now: Date;
  constructor(start = '2026-11-28T09:00:00.000Z') {
    this.#now = new Date(start);
  }
  now = (): Date => new Date(this.#now);
  set(at: string): void {
    this.#now = new Date(at);
  }
}

export interface TestSchool {
  brin: string;
  name: string;
}

export interface RegionWorld {
  db: Db;
  clock: TestClock;
  deps: RegionDeps;
  ctx(actor?: Actor): Ctx;
  /** A region made by the chain operator; its id is unique in this world. */
  region(options?: {
    name?: string;
    holidayRegion?: 'noord' | 'midden' | 'zuid';
  }): Promise<{ id: string; name: string }>;
  /**
   * A school at the traffic center: registered, and — unless told otherwise — mandated to a
   * supplier, with an OV delivery point (plus the `purposes` given), a test exchange and admitted.
   */
  school(options?: {
    sector?: 'po' | 'vo';
    name?: string;
    mandate?: boolean;
    purposes?: Array<'OV' | 'SWV' | 'RP'>;
    testExchange?: boolean;
    admitted?: boolean;
  }): Promise<TestSchool>;
  /** The actor of a person with this membership (as requireCaller makes it). */
  person(
    membership: MembershipInput,
  ): Promise<{ accountId: string; actor: Actor; email: string; name: string }>;
  coordinator(regionId: string): Promise<Actor>;
  /** A person holding a school role, with an account. */
  schoolPerson(brin: string, role: SchoolRole): Promise<Actor>;
}

export async function regionWorld(db: Db, clock = new TestClock()): Promise<RegionWorld> {
  const keyring = createKeyring({ keys: { test: generateKey() }, activeKeyId: 'test' });
  const ctx = (actor: Actor = SYSTEM_ACTOR): Ctx => ({
    db,
    keyring,
    actor,
    requestId: `test-${randomUUID()}`,
    now: clock.now,
  });
  const supplier = await registerSupplierSystem(ctx(), {
    name: `Test-LAS ${randomBytes(2).toString('hex')}`,
    certificateFingerprint: randomBytes(32).toString('hex'),
  });
  let schools = 0;
  let regions = 0;
  let people = 0;
  const tag = randomBytes(2).toString('hex');
  const person = async (membership: MembershipInput) => {
    people++;
    const email = `persoon${people}.${tag}@regio.test`;
    const name = `Persoon ${people}`;
    const { accountId } = await createAccount(ctx(), {
      email,
      name,
      memberships: [membership],
    });
    const row =
      membership.scope === 'school'
        ? { scope: 'school' as const, scope_id: membership.brin, role: membership.role }
        : membership.scope === 'region'
          ? { scope: 'region' as const, scope_id: membership.regionId, role: membership.role }
          : { scope: 'servicedesk' as const, scope_id: '', role: membership.role };
    return { accountId, email, name, actor: personActor(accountId, [row]) };
  };
  return {
    db,
    clock,
    deps: {
      db,
      keyring,
      chain: trafficCenterFacts(db, keyring),
      summerSwitch: gatewaySummerSwitch(db),
      now: clock.now,
    },
    ctx,
    async region(options = {}) {
      regions++;
      const id = `regio-${regions}-${tag}`;
      const name = options.name ?? `Testregio ${regions} ${tag}`;
      await createRegion(ctx(), { id, name, holidayRegion: options.holidayRegion ?? 'midden' });
      return { id, name };
    },
    async school(options = {}) {
      const n = schools++;
      const brin = `${String(40 + Math.floor(n / 676)).padStart(2, '0')}${String.fromCharCode(65 + (Math.floor(n / 26) % 26), 65 + (n % 26))}`;
      const name = options.name ?? `School ${brin}`;
      await registerSchool(ctx(), {
        brin,
        vestiging: '00',
        name,
        sector: options.sector ?? 'po',
        board: 'Stichting Test',
        place: 'Amersfoort',
      });
      if (options.mandate === false) return { brin, name };
      await grantMandate(ctx(), { supplierId: supplier.id, brin });
      for (const purpose of options.purposes ?? ['OV']) {
        await registerDeliveryPoint(ctx(), {
          routingKey: `${brin.toLowerCase()}-${purpose.toLowerCase()}-${tag}`,
          brin,
          supplierId: supplier.id,
          url: `https://gateway.test/chain/v1/delivery-points/${brin}`,
          purpose,
          publicKey: randomBytes(32).toString('base64url'),
        });
      }
      if (options.testExchange === false) return { brin, name };
      await setAdmission(ctx(), brin, { action: 'recordTestExchange' });
      if (options.admitted === false) return { brin, name };
      await setAdmission(ctx(), brin, { action: 'qualify', from: '2026-01-01' });
      return { brin, name };
    },
    person,
    async coordinator(regionId) {
      return (await person({ scope: 'region', regionId, role: 'regiocoordinator' })).actor;
    },
    async schoolPerson(brin, role) {
      return (await person({ scope: 'school', brin, role })).actor;
    },
  };
}
