import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDossierFromGenerated, registerHostedSchool } from '../../gateway/index.js';
import {
  createAccount,
  createApiKey,
  type MembershipInput,
  newTotpSecret,
} from '../../platform/auth/index.js';
import type { Keyring } from '../../platform/context.js';
import { type Actor, type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { certificateFingerprint, type TlsMaterial } from '../../platform/pki/index.js';
import { seedDemoOkr, seedDemoSnapshots } from '../../region/index.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import {
  grantMandate,
  registerDeliveryPoint,
  registerSchool,
  registerSupplierSystem,
  setAdmission,
} from '../../trafficcenter/index.js';
import { seedDemoPilot } from './demo-pilot.js';
import { DEMO_REGION_ID, seedDemoRegion } from './demo-region.js';

/** The demo region of `npm start`: a few po and vo schools, pupils and dossiers, API keys. */
const SCHOOLS = [
  { brin: '01AA', name: 'Basisschool De Regenboog', sector: 'po', place: 'Amersfoort' },
  { brin: '02BB', name: 'Openbare Basisschool Het Kompas', sector: 'po', place: 'Leusden' },
  { brin: '03CC', name: 'Daltonschool De Sterrenkijker', sector: 'po', place: 'Soest' },
  { brin: '21XX', name: 'Het Amersfoorts Lyceum', sector: 'vo', place: 'Amersfoort' },
  { brin: '22YY', name: 'Scholengemeenschap De Eem', sector: 'vo', place: 'Amersfoort' },
] as const;
const PUPILS_PER_PO_SCHOOL = 8;
const REGION = 'Demo-regio Eemland';

export interface DemoCredentials {
  operatorKey: string;
  schools: Array<{ brin: string; name: string; sector: string; apiKey: string }>;
  /** People who sign in to the web app: e-mail, password and the TOTP secret of their app. */
  accounts: DemoAccount[];
}

/** True when the traffic center knows no school yet: a fresh data folder. */
export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tc.schools');
  return rows[0].n === 0;
}

/**
 * Seeds the demo region in an all-in-one installation: every school is registered at the traffic
 * center, hosted on the gateway with its delivery point, mandated to this node's certificate and
 * admitted; each po school gets generated POVO dossiers; a few people get accounts. Writes the API
 * keys and the accounts (e-mail, password, TOTP secret) to
 * `<dataDir>/demo-credentials.json` (development only).
 */
export async function seedDemo(deps: {
  db: Db;
  keyring: Keyring;
  tls: TlsMaterial;
  publicChainUrl: string;
  dataDir: string;
  /**
   * The clock of the demo's school year: the pupils' schooljaar, the region's timeline, monitoring
   * and OKR (default the real clock; the pilot's exchanges keep the real one). Browser tests pin it to one school year, with the server's
   * `regionNow`, so that what they read does not change with the date they run on.
   */
  regionNow?: () => Date;
}): Promise<DemoCredentials> {
  const regionNow = deps.regionNow ?? (() => new Date());
  const ctx = (actor: Actor = SYSTEM_ACTOR, now = () => new Date()): Ctx => ({
    db: deps.db,
    keyring: deps.keyring,
    actor,
    requestId: `demo-${randomUUID()}`,
    now,
  });
  const regionCtx = () => ctx(SYSTEM_ACTOR, regionNow);
  const supplier = await registerSupplierSystem(ctx(), {
    name: 'Overstap demo gateway',
    certificateFingerprint: certificateFingerprint(deps.tls.cert),
  });
  const credentials: DemoCredentials = {
    operatorKey: (
      await createApiKey(deps.db, {
        label: 'demo operator',
        kind: 'operator',
        schools: [],
        permissions: ['tc:admin', 'tc:read', 'gateway:admin', 'audit:read'],
      })
    ).key,
    schools: [],
    accounts: [],
  };
  for (const s of SCHOOLS) {
    const hosted = await registerHostedSchool(
      ctx(),
      { brin: s.brin, vestiging: '00', name: s.name, sector: s.sector, region: REGION },
      { publicChainUrl: deps.publicChainUrl },
    );
    await registerSchool(ctx(), {
      brin: s.brin,
      vestiging: '00',
      name: s.name,
      sector: s.sector,
      board: 'Stichting Onderwijs Eemland',
      region: REGION,
      place: s.place,
    });
    await grantMandate(ctx(), { supplierId: supplier.id, brin: s.brin });
    await registerDeliveryPoint(ctx(), {
      routingKey: hosted.deliveryPoint.routingKey,
      brin: s.brin,
      supplierId: supplier.id,
      url: hosted.deliveryPoint.url,
      purpose: 'OV',
      publicKey: hosted.deliveryPoint.publicKey,
    });
    await setAdmission(ctx(), s.brin, { action: 'recordTestExchange' });
    await setAdmission(ctx(), s.brin, { action: 'qualify', from: '2025-01-01' });
    const key = await createApiKey(deps.db, {
      label: `demo ${s.name}`,
      kind: 'school',
      schools: [s.brin],
      permissions:
        s.sector === 'po'
          ? ['dossier:read', 'dossier:write', 'dossier:inzage', 'dossier:klaarzetten']
          : ['registration:write', 'request:send', 'received:read', 'received:write'],
    });
    credentials.schools.push({ brin: s.brin, name: s.name, sector: s.sector, apiKey: key.key });
    if (s.sector === 'po') {
      for (let i = 0; i < PUPILS_PER_PO_SCHOOL; i++) {
        await createDossierFromGenerated(ctx(), {
          schoolBrin: s.brin,
          profile: 'POVO',
          seed: `demo-${s.brin}`,
          index: i,
          // pupils leaving this school year, as the region's timeline and monitoring count them
          schooljaar: schoolYearOf(dutchDay(regionNow())),
        });
      }
    }
  }
  // The region of these schools, with a coordinator (issue 5; demo-region.ts).
  await seedDemoRegion(regionCtx(), { name: REGION, brins: SCHOOLS.map((s) => s.brin) });
  // Six weeks of made-up monitoring counts, so that the region's dashboard shows progress at once.
  await seedDemoSnapshots(deps.db, { regionId: DEMO_REGION_ID, schools: SCHOOLS, today: regionNow() });
  // The region's own transfer report (OKR), mapped to the OSO gegevensset, with its addendum.
  await seedDemoOkr(regionCtx(), DEMO_REGION_ID);
  credentials.accounts = await seedDemoAccounts(ctx());
  // A finished pilot: one pair exchanged both pilot dossiers through this node's own chain (the
  // traffic center is this node's chain listener in the all-in-one role).
  // On the real clock even when the region's is pinned: its exchanges go through the gateway, whose
  // sweep of interrupted requests reads their times on the real clock.
  await seedDemoPilot(ctx(), {
    regionId: DEMO_REGION_ID,
    tls: deps.tls,
    trafficCenterUrl: deps.publicChainUrl,
  });
  await writeFile(join(deps.dataDir, 'demo-credentials.json'), `${JSON.stringify(credentials, null, 2)}\n`, {
    mode: 0o600,
  });
  return credentials;
}

/** The demo's people: three at po school 01AA, two at vo school 21XX, the servicedesk, the region's coordinator. */
const PEOPLE: Array<{ email: string; name: string; membership: MembershipInput }> = [
  {
    email: 'administratie@01aa.demo.test',
    name: 'Anne Administratie',
    membership: { scope: 'school', brin: '01AA', role: 'administratie' },
  },
  {
    email: 'leerkracht@01aa.demo.test',
    name: 'Lars Leerkracht',
    membership: { scope: 'school', brin: '01AA', role: 'leerkracht' },
  },
  {
    email: 'directie@01aa.demo.test',
    name: 'Dirk Directie',
    membership: { scope: 'school', brin: '01AA', role: 'directie' },
  },
  {
    email: 'administratie@21xx.demo.test',
    name: 'Ada Administratie',
    membership: { scope: 'school', brin: '21XX', role: 'administratie' },
  },
  {
    email: 'coordinator@21xx.demo.test',
    name: 'Cor Coördinator',
    membership: { scope: 'school', brin: '21XX', role: 'coordinator' },
  },
  {
    email: 'servicedesk@demo.test',
    name: 'Sanne Servicedesk',
    membership: { scope: 'servicedesk', role: 'servicedesk' },
  },
  {
    email: 'coordinator@regio.demo.test',
    name: 'Rian Regiocoördinator',
    membership: { scope: 'region', regionId: DEMO_REGION_ID, role: 'regiocoordinator' },
  },
];

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  brin?: string;
  regionId?: string;
  password: string;
  /** Base32; `overstap account totp-code --secret …` prints the current code. */
  totpSecret: string;
}

/** Accounts with random passwords and an enrolled second factor (development only). */
async function seedDemoAccounts(ctx: Ctx): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const p of PEOPLE) {
    const password = `demo-${randomBytes(12).toString('base64url')}`;
    const totpSecret = newTotpSecret();
    await createAccount(ctx, {
      email: p.email,
      name: p.name,
      password,
      totpSecret,
      memberships: [p.membership],
    });
    accounts.push({
      email: p.email,
      name: p.name,
      role: p.membership.role,
      ...(p.membership.scope === 'school' ? { brin: p.membership.brin } : {}),
      ...(p.membership.scope === 'region' ? { regionId: p.membership.regionId } : {}),
      password,
      totpSecret,
    });
  }
  return accounts;
}
