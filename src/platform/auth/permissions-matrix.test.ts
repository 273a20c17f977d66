/**
 * Who may do what, where — through real HTTP on the real routes (/api/gw, /api/tc, /api/auth),
 * signed in as a person of each role with a session cookie and the CSRF header, at the person's own
 * school and at another school. The expected table below is the web contract's "Role →
 * permissions", written out by hand so that a change of the mapping in roles.ts shows up here.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../../gateway/chain-harness.js';
import { registerGatewayApiRoutes } from '../../gateway/index.js';
import { ALL_PERMISSIONS, dossierXml } from '../../gateway/test-fixtures.js';
import { readDossier } from '../../standard/index.js';
import { registerTrafficCenterRoutes } from '../../trafficcenter/index.js';
import { addMembership, membershipColumns } from './accounts.js';
import { createApiKey } from './api-keys.js';
import { accountMigrations } from './migrations.js';
import { requireCaller } from './require-caller.js';
import type { MembershipInput, SchoolRole } from './roles.js';
import { type AuthWorld, type Browser, startAuthWorld } from './test-harness.js';

const PO = { own: '31PA', other: '32PB' } as const;
const VO = { own: '41VA', other: '42VB' } as const;
type Where = keyof typeof PO;
const REGION = 'Testregio';

type Persona = SchoolRole | 'servicedesk' | 'regiocoordinator';
const PERSONAS: Persona[] = [
  'administratie',
  'leerkracht',
  'directie',
  'coordinator',
  'technisch',
  'servicedesk',
  'regiocoordinator',
];

type Action =
  | 'list dossiers'
  | 'read a dossier'
  | 'klaarzetten'
  | 'register a pupil'
  | 'request a dossier'
  | 'read a received dossier'
  | 'see support information'
  | 'traffic center admin'
  | 'invite a person';

/** At the person's own school: the actions each role may do (web contract). */
const ALLOWED_AT_OWN_SCHOOL: Record<Persona, Action[]> = {
  administratie: [
    'list dossiers',
    'read a dossier',
    'klaarzetten',
    'register a pupil',
    'request a dossier',
    'read a received dossier',
    'invite a person',
  ],
  leerkracht: ['list dossiers', 'read a dossier'],
  directie: ['list dossiers', 'read a dossier', 'read a received dossier', 'invite a person'],
  coordinator: [
    'register a pupil',
    'request a dossier',
    'read a received dossier',
    'see support information',
  ],
  technisch: ['invite a person'],
  servicedesk: ['traffic center admin', 'invite a person'],
  regiocoordinator: [],
};
/** At another school: nothing, except what the servicedesk may do everywhere. */
const ALLOWED_AT_OTHER_SCHOOL: Record<Persona, Action[]> = {
  administratie: [],
  leerkracht: [],
  directie: [],
  coordinator: [],
  technisch: [],
  servicedesk: ['traffic center admin', 'invite a person'],
  regiocoordinator: [],
};

describeEachDatabase(
  'the permissions of people, per role and per school',
  (db) => {
    let chain: ChainWorld;
    let w: AuthWorld;
    const browsers = new Map<Persona, Browser>();
    const dossierIds = { own: '', other: '' };
    const readyIds = { own: '', other: '' };
    const registrationIds = { own: '', other: '' };
    let pupilIndex = 10;

    beforeAll(async () => {
      chain = await startChainWorld(db());
      for (const brin of Object.values(PO)) await chain.school(brin, { sector: 'po', region: REGION });
      for (const brin of Object.values(VO)) await chain.school(brin, { sector: 'vo', region: REGION });
      w = await startAuthWorld(db(), {
        clock: chain.clock,
        keyring: chain.keyring,
        register: (api, deps) => {
          const auth = requireCaller(deps.db, { now: chain.clock.now });
          registerGatewayApiRoutes(api, {
            db: db(),
            keyring: chain.keyring,
            chain: chain.chain,
            publicChainUrl: chain.gatewayUrl,
            now: chain.clock.now,
            auth,
          });
          registerTrafficCenterRoutes(api, {
            db: db(),
            adminAuth: auth,
            surfaces: ['admin'],
            now: chain.clock.now,
          });
        },
      });

      // The data, set up by an integrator's API key for all four schools, through the same API.
      const { key } = await createApiKey(db(), {
        label: 'set-up',
        kind: 'supplier',
        schools: [...Object.values(PO), ...Object.values(VO)],
        permissions: ALL_PERMISSIONS,
      });
      const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
        const res = await w.api.inject({
          method,
          url,
          headers: {
            authorization: `Bearer ${key}`,
            ...(Buffer.isBuffer(body) ? { 'content-type': 'application/xml' } : {}),
          },
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      for (const where of ['own', 'other'] as const) {
        const po = PO[where];
        const vo = VO[where];
        const ids: string[] = [];
        for (const index of [0, 1]) {
          const xml = dossierXml(po, { seed: `matrix-${where}`, index });
          const { dossierId } = await call('POST', `/api/gw/schools/${po}/dossiers`, xml);
          const base = `/api/gw/schools/${po}/dossiers/${dossierId}`;
          await call('POST', `${base}/ter-inzage`);
          await call('POST', `${base}/inspection`, { inzagedatum: '2026-03-30', akkoord: 'Ja' });
          await call('POST', `${base}/klaarzetten`, { destinationBrin: vo });
          ids.push(dossierId);
        }
        [dossierIds[where], readyIds[where]] = ids;
        const leerling = readDossier(dossierXml(po, { seed: `matrix-${where}`, index: 0 })).huidigeschool
          .leerling;
        const { registrationId } = await call('POST', `/api/gw/schools/${vo}/registrations`, {
          achternaam: leerling.achternaam,
          bsn: leerling.bsn,
          geboortedatum: leerling.geboortedatum,
          sourceBrin: po,
        });
        const requested = await call('POST', `/api/gw/schools/${vo}/registrations/${registrationId}/request`);
        expect(requested.result).toBe('OverdrachtGeslaagd');
        registrationIds[where] = registrationId;
      }

      // One person per role: the school roles at both own schools (po and vo), signed in via the API.
      for (const persona of PERSONAS) {
        const memberships: MembershipInput[] =
          persona === 'servicedesk'
            ? [{ scope: 'servicedesk', role: 'servicedesk' }]
            : persona === 'regiocoordinator'
              ? [{ scope: 'region', regionId: REGION, role: 'regiocoordinator' }]
              : [
                  { scope: 'school', brin: PO.own, role: persona },
                  { scope: 'school', brin: VO.own, role: persona },
                ];
        const person = await w.person(memberships[0]);
        for (const more of memberships.slice(1)) {
          await addMembership(db(), person.accountId, membershipColumns(more));
        }
        browsers.set(persona, await w.signedIn(person));
      }
    });
    afterAll(async () => {
      await w?.close();
      await chain?.close();
    });

    /** Does the action as the persona at the school; 'allowed', 'forbidden', or a surprise. */
    async function attempt(persona: Persona, action: Action, where: Where): Promise<string> {
      const b = browsers.get(persona) as Browser;
      const po = PO[where];
      const vo = VO[where];
      const verdict = (status: number, ok: number, body: string) =>
        status === ok
          ? 'allowed'
          : status === 403 && JSON.parse(body).code === 'FORBIDDEN'
            ? 'forbidden'
            : `HTTP ${status} ${body}`;
      switch (action) {
        case 'list dossiers': {
          const res = await b.request('GET', `/api/gw/schools/${po}/dossiers`);
          if (res.statusCode === 200)
            expect(res.json().map((d: { dossierId: string }) => d.dossierId)).toContain(dossierIds[where]);
          return verdict(res.statusCode, 200, res.body);
        }
        case 'read a dossier': {
          const res = await b.request('GET', `/api/gw/schools/${po}/dossiers/${dossierIds[where]}/xml`);
          return verdict(res.statusCode, 200, res.body);
        }
        case 'klaarzetten': {
          const res = await b.request(
            'POST',
            `/api/gw/schools/${po}/dossiers/${readyIds[where]}/klaarzetten`,
            {
              body: { destinationBrin: vo },
            },
          );
          return verdict(res.statusCode, 200, res.body);
        }
        case 'register a pupil': {
          const leerling = readDossier(dossierXml(po, { seed: 'matrix-new', index: pupilIndex++ }))
            .huidigeschool.leerling;
          const res = await b.request('POST', `/api/gw/schools/${vo}/registrations`, {
            body: {
              achternaam: leerling.achternaam,
              bsn: leerling.bsn,
              geboortedatum: leerling.geboortedatum,
              sourceBrin: po,
            },
          });
          return verdict(res.statusCode, 201, res.body);
        }
        case 'request a dossier': {
          const res = await b.request(
            'POST',
            `/api/gw/schools/${vo}/registrations/${registrationIds[where]}/request`,
          );
          return verdict(res.statusCode, 200, res.body);
        }
        case 'read a received dossier':
        case 'see support information': {
          const res = await b.request(
            'GET',
            `/api/gw/schools/${vo}/registrations/${registrationIds[where]}/dossier?format=json`,
          );
          if (res.statusCode !== 200) return verdict(res.statusCode, 200, res.body);
          const body = res.json();
          expect(body.registrationId).toBe(registrationIds[where]);
          const shown = body.withheld.length === 0;
          // without received:support the support information is left out by the server
          if (!shown) expect(body.dossier.huidigeschool.leerling.onderwijsondersteuning).toBeUndefined();
          return action === 'read a received dossier' || shown ? 'allowed' : 'forbidden';
        }
        case 'traffic center admin': {
          const res = await b.request('PATCH', `/api/tc/schools/${po}`, { body: { place: 'Amersfoort' } });
          return verdict(res.statusCode, 200, res.body);
        }
        case 'invite a person': {
          const res = await b.request('POST', '/api/auth/invitations', {
            body: {
              email: `uitgenodigd.${persona}.${where}.${pupilIndex++}@school.test`,
              name: 'Ilse Uitgenodigd',
              brin: po,
              role: 'leerkracht',
            },
          });
          return verdict(res.statusCode, 201, res.body);
        }
      }
    }

    it('allows each role exactly its actions at its own school, and nothing at another school', async () => {
      const actions = Object.keys({
        'list dossiers': 1,
        'read a dossier': 1,
        klaarzetten: 1,
        'register a pupil': 1,
        'request a dossier': 1,
        'read a received dossier': 1,
        'see support information': 1,
        'traffic center admin': 1,
        'invite a person': 1,
      } satisfies Record<Action, 1>) as Action[];
      const expected: string[] = [];
      const actual: string[] = [];
      for (const persona of PERSONAS) {
        for (const where of ['own', 'other'] as const) {
          const allowed = (where === 'own' ? ALLOWED_AT_OWN_SCHOOL : ALLOWED_AT_OTHER_SCHOOL)[persona];
          for (const action of actions) {
            expected.push(
              `${persona} | ${action} | ${where} school: ${allowed.includes(action) ? 'allowed' : 'forbidden'}`,
            );
            actual.push(`${persona} | ${action} | ${where} school: ${await attempt(persona, action, where)}`);
          }
        }
      }
      expect(actual).toEqual(expected);
    });

    it('a coordinator sees the support information the administratie of the same school does not', async () => {
      const read = async (persona: Persona) =>
        (
          await (browsers.get(persona) as Browser).request(
            'GET',
            `/api/gw/schools/${VO.own}/registrations/${registrationIds.own}/dossier?format=json`,
          )
        ).json();
      const coordinator = await read('coordinator');
      const administratie = await read('administratie');
      expect(coordinator.withheld).toEqual([]);
      expect(administratie.withheld).toEqual(['cat_onderwijsondersteuning', 'cat_handelingsplannen']);
      expect(administratie.dossier.huidigeschool.leerling.onderwijsondersteuning).toBeUndefined();
    });

    it('a half-signed-in person reaches no gateway route', async () => {
      const person = await w.person({ scope: 'school', brin: PO.own, role: 'administratie' });
      const half = w.browser();
      const login = await half.request('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      half.csrf = login.json().csrfToken;
      expect((await half.request('GET', `/api/gw/schools/${PO.own}/dossiers`)).statusCode).toBe(401);
      const ready = await half.request(
        'POST',
        `/api/gw/schools/${PO.own}/dossiers/${readyIds.own}/klaarzetten`,
        {
          body: { destinationBrin: VO.own },
        },
      );
      expect(ready.statusCode).toBe(401);
    });

    it('the gateway lists only the schools of the person (all of them for the servicedesk)', async () => {
      const list = async (persona: Persona) =>
        (
          (await (browsers.get(persona) as Browser).request('GET', '/api/gw/schools')).json() as Array<{
            brin: string;
          }>
        )
          .map((s) => s.brin)
          .sort();
      expect(await list('leerkracht')).toEqual([PO.own, VO.own].sort());
      expect(await list('regiocoordinator')).toEqual([]);
      expect(await list('servicedesk')).toEqual(
        expect.arrayContaining([...Object.values(PO), ...Object.values(VO)]),
      );
    });
  },
  { migrations: [...chainTestMigrations, ...accountMigrations] },
);
