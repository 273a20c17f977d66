/**
 * Shared set-up for the traffic center's tests (not used by production code): migrations, an
 * operator context with a clock the test can move, chain contexts per supplier, and a builder
 * that takes a school through the whole connection path.
 */
import { randomBytes } from 'node:crypto';
import { AUDIT_APPEND_MIGRATION, AUDIT_MIGRATION } from '../platform/audit/index.js';
import { apiKeyMigrations } from '../platform/auth/api-keys.js';
import type { Actor, Ctx, Keyring, Permission } from '../platform/context.js';
import { commitment, newSalt } from '../platform/crypto/index.js';
import { type Db, type Migration, platformMigrations } from '../platform/db/index.js';
import type { PupilIdentifiers, SessionKind } from '../platform/protocol.js';
import type { ChainCtx } from './chain-caller.js';
import { grantMandate } from './grant-mandate.js';
import { trafficCenterMigrations } from './migrations.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import { registerSupplierSystem } from './register-supplier-system.js';
import type { DeliveryPoint, School, SupplierSystem } from './schemas.js';
import { setAdmission } from './set-admission.js';

export const testMigrations: readonly Migration[] = [
  ...platformMigrations,
  AUDIT_MIGRATION,
  ...apiKeyMigrations,
  AUDIT_APPEND_MIGRATION,
  ...trafficCenterMigrations,
];

/** A clock for tests: starts at `start`, moves with `set`. */
export class TestClock {
  #now: Date;
  constructor(start = '2026-04-01T09:00:00.000Z') {
    this.#now = new Date(start);
  }
  now = (): Date => new Date(this.#now);
  set(at: string | Date): void {
    this.#now = new Date(at);
  }
}

export const OPERATOR: Actor = { kind: 'operator', id: 'operator:test', permissions: 'all', schools: 'all' };

export function actorFor(brins: string[], permissions: Permission[]): Actor {
  return {
    kind: 'apikey',
    id: `apikey:test-${brins.join('-')}`,
    permissions: new Set(permissions),
    schools: new Set(brins),
  };
}

const UNUSED_KEYRING: Keyring = {
  encrypt: () => {
    throw new Error('the traffic center encrypts nothing');
  },
  decrypt: () => {
    throw new Error('the traffic center encrypts nothing');
  },
};

let brinCounter = 0;
/** A BRIN no other test in this process used: 10AA, 10AB, … */
export function uniqueBrin(): string {
  const n = brinCounter++;
  const letters = String.fromCharCode(65 + (Math.floor(n / 26) % 26), 65 + (n % 26));
  return `${String(10 + Math.floor(n / 676) + (process.pid % 40)).padStart(2, '0')}${letters}`;
}

let keyCounter = 0;
export const uniqueRoutingKey = (label = 'dp') =>
  `${label}-${process.pid}-${keyCounter++}-${randomBytes(3).toString('hex')}`;
export const randomFingerprint = () => randomBytes(32).toString('hex');
export const randomPublicKey = () => randomBytes(32).toString('base64url');

/** A commitment as the receiving gateway makes it, with its identifiers (never sent to the traffic center). */
export function pupilCommitment(ids: Partial<PupilIdentifiers> = {}): {
  ids: PupilIdentifiers;
  commitment: string;
} {
  const full: PupilIdentifiers = {
    bsn: '123456782',
    geboortedatum: '2014-05-17',
    achternaam: 'Jansen',
    salt: newSalt(),
    ...ids,
  };
  return { ids: full, commitment: commitment(full) };
}

export interface TcWorld {
  db: Db;
  clock: TestClock;
  /** The operator (or another actor) at the admin API. */
  ctx(actor?: Actor): Ctx;
  /** A supplier system calling over the chain with the given certificate fingerprint. */
  chain(fingerprint: string | undefined): ChainCtx;
  supplier(name?: string): Promise<SupplierSystem & { chain: ChainCtx }>;
  /**
   * A school through the connection path: registered, supplier mandated, one delivery point per
   * purpose, test exchange recorded and qualified from `from` (default 2026-01-01) — unless
   * `admitted: false`.
   */
  school(options: {
    supplier: SupplierSystem;
    sector?: School['sector'];
    name?: string;
    place?: string;
    purposes?: DeliveryPoint['purpose'][];
    admitted?: boolean;
    from?: string;
    until?: string;
  }): Promise<{ school: School; points: Record<string, DeliveryPoint> }>;
}

export function tcWorld(db: Db, clock = new TestClock()): TcWorld {
  let requests = 0;
  const ctx = (actor: Actor = OPERATOR): Ctx => ({
    db,
    actor,
    requestId: `test-request-${requests++}`,
    keyring: UNUSED_KEYRING,
    now: clock.now,
  });
  const chain = (fingerprint: string | undefined): ChainCtx => ({
    db,
    requestId: `test-chain-${requests++}`,
    now: clock.now,
    peerFingerprint: fingerprint,
  });
  return {
    db,
    clock,
    ctx,
    chain,
    async supplier(name = 'Test LAS') {
      const fingerprint = randomFingerprint();
      const system = await registerSupplierSystem(ctx(), { name, certificateFingerprint: fingerprint });
      return { ...system, chain: chain(fingerprint) };
    },
    async school(options) {
      const brin = uniqueBrin();
      const school = await registerSchool(ctx(), {
        brin,
        vestiging: '00',
        name: options.name ?? `Testschool ${brin}`,
        sector: options.sector ?? 'po',
        board: 'Stichting Testonderwijs',
        region: 'Testregio',
        place: options.place ?? 'Utrecht',
      });
      await grantMandate(ctx(), { supplierId: options.supplier.id, brin });
      const points: Record<string, DeliveryPoint> = {};
      for (const purpose of options.purposes ?? ['OV']) {
        points[purpose] = await registerDeliveryPoint(ctx(), {
          routingKey: uniqueRoutingKey(`${brin}-${purpose}`.toLowerCase()),
          brin,
          supplierId: options.supplier.id,
          url: `https://gateway.test/chain/v1/delivery-points/${brin}`,
          purpose,
          publicKey: randomPublicKey(),
        });
      }
      if (options.admitted !== false) {
        await setAdmission(ctx(), brin, { action: 'recordTestExchange' });
        await setAdmission(ctx(), brin, {
          action: 'qualify',
          from: options.from ?? '2026-01-01',
          ...(options.until ? { until: options.until } : {}),
        });
      }
      return { school, points };
    },
  };
}

/** A session start request from `destination` (the requesting school) to `source`. */
export function startRequest(
  source: School,
  destination: { school: School; points: Record<string, DeliveryPoint> },
  kind: SessionKind = 'overstapdossier',
  commitmentValue = pupilCommitment().commitment,
) {
  const purpose = kind === 'swv' ? 'SWV' : 'OV';
  return {
    sourceBrin: source.brin,
    destinationBrin: destination.school.brin,
    destinationDeliveryPoint: destination.points[purpose].routingKey,
    kind,
    commitment: commitmentValue,
  };
}

/** Every row of every table of a schema as JSON text: what an attacker with the database would read. */
export async function dumpSchema(db: Db, schema: string): Promise<{ tables: string[]; text: string }> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
    [schema],
  );
  const tables = rows.map((r) => r.table_name);
  const parts: string[] = [];
  for (const table of tables) {
    const content = await db.query(`SELECT * FROM "${schema}"."${table}"`);
    parts.push(`${table}: ${JSON.stringify(content.rows)}`);
  }
  return { tables, text: parts.join('\n') };
}

/**
 * What must never be stored by the traffic center: the pupil's number (anywhere, and any
 * stand-alone nine-digit number), surname, birth date in the usual spellings. Returns the findings.
 */
export function pupilDataIn(text: string, ids: PupilIdentifiers): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const number of [ids.bsn, ids.onderwijsnummer])
    if (number && text.includes(number)) found.push('number');
  if (/(?<![0-9A-Za-z_-])\d{9}(?![0-9A-Za-z_-])/.test(text)) found.push('nine digits');
  if (lower.includes(ids.achternaam.toLowerCase())) found.push('surname');
  const [y, m, d] = ids.geboortedatum.split('-');
  for (const date of [`${y}-${m}-${d}`, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${y}${m}${d}`, `${d}${m}${y}`]) {
    if (text.includes(date)) found.push(`birth date ${date}`);
  }
  if (text.includes(ids.salt)) found.push('salt');
  return found;
}
