import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../../src/gateway/chain-harness.js';
import { registerGatewayApiRoutes } from '../../src/gateway/index.js';
import { ALL_PERMISSIONS, dossierXml } from '../../src/gateway/test-fixtures.js';
import { createApiKey } from '../../src/platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../../src/platform/http/server.js';
import { readDossier } from '../../src/standard/index.js';
import { registerDeliveryPoint } from '../../src/trafficcenter/index.js';
import { describeEachDatabase } from '../support/databases.js';

/**
 * The SWV exchange and the feedback message end to end, through the gateway's HTTP API and the chain
 * protocol (a real traffic center and gateway over mutual TLS, chain-harness.ts), on PGlite and
 * PostgreSQL:
 *
 * - the operator gives the po school and the samenwerkingsverband an SWV delivery point (API) and
 *   registers it at the traffic center;
 * - the po school imports a POSWV dossier (no BSN) and sets it ready for the SWV: the answer carries
 *   the koppelsleutel, which the school hands over outside the chain;
 * - the SWV asks with it (a mistyped key is refused at once) and exports the dossier;
 * - a POVO dossier goes from the po school to a vo school, which sends feedback (terugkoppeling) back;
 *   the po school lists it;
 * - the koppelsleutel and the pupils' identities are nowhere in the clear in any table.
 */
const PO = '41PA';
const VO = '42VA';
const SWV = '43SA';

describeEachDatabase(
  'scenario: SWV by koppelsleutel, and feedback from vo to po',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    const keys: Record<string, string> = {};
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      await w.school(SWV, { sector: 'swv' });
      api = await createHttpServer({ title: 'scenario', description: 'scenario', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        now: w.clock.now,
      });
      await api.ready();
      for (const brin of [PO, VO, SWV]) {
        keys[brin] = (
          await createApiKey(db(), {
            label: brin,
            kind: 'school',
            schools: [brin],
            permissions: ALL_PERMISSIONS,
          })
        ).key;
      }
      keys.operator = (
        await createApiKey(db(), {
          label: 'op',
          kind: 'operator',
          schools: [],
          permissions: ['gateway:admin'],
        })
      ).key;
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const call = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
      const response = await api.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${keys[who]}`,
          ...(Buffer.isBuffer(body) ? { 'content-type': 'application/xml' } : {}),
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      const json = String(response.headers['content-type'] ?? '').includes('json');
      return { status: response.statusCode, body: json ? response.json() : response.body };
    };

    it('po school → samenwerkingsverband with a koppelsleutel, through the API and the chain', async () => {
      // The operator adds the SWV delivery points; the chain operator registers them.
      for (const brin of [PO, SWV]) {
        const added = await call('operator', 'POST', `/api/gw/schools/${brin}/delivery-points`, {
          purpose: 'SWV',
        });
        expect(added.status).toBe(201);
        await registerDeliveryPoint(w.tcCtx(), {
          ...added.body.deliveryPoint,
          brin,
          supplierId: w.supplierId,
        });
      }

      const xml = dossierXml(PO, { profile: 'POSWV', seed: 'scenario-swv' });
      const imported = await call(PO, 'POST', `/api/gw/schools/${PO}/dossiers`, xml);
      expect(imported).toMatchObject({ status: 201, body: { profile: 'POSWV', errorCount: 0 } });
      const ready = await call(
        PO,
        'POST',
        `/api/gw/schools/${PO}/dossiers/${imported.body.dossierId}/klaarzetten`,
        {
          destinationBrin: SWV,
        },
      );
      expect(ready).toMatchObject({ status: 200, body: { state: 'klaargezet', destinationBrin: SWV } });
      const koppelsleutel: string = ready.body.koppelsleutel;
      expect(koppelsleutel).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);

      // Typed over with one character wrong: refused at once, in Dutch and English.
      const last = koppelsleutel.at(-1) === 'Z' ? 'Y' : 'Z';
      const mistyped = await call(SWV, 'POST', `/api/gw/schools/${SWV}/swv-requests`, {
        sourceBrin: PO,
        koppelsleutel: `${koppelsleutel.slice(0, -1)}${last}`,
      });
      expect(mistyped).toMatchObject({
        status: 422,
        body: { code: 'KOPPELSLEUTEL_INVALID', message: { nl: expect.any(String), en: expect.any(String) } },
      });

      const asked = await call(SWV, 'POST', `/api/gw/schools/${SWV}/swv-requests`, {
        sourceBrin: PO,
        koppelsleutel,
      });
      expect(asked).toMatchObject({
        status: 200,
        body: { sourceBrin: PO, result: 'OverdrachtGeslaagd', state: 'ontvangen' },
      });
      const listed = await call(SWV, 'GET', `/api/gw/schools/${SWV}/swv-requests`);
      expect(listed.body).toEqual([
        expect.objectContaining({
          swvRequestId: asked.body.swvRequestId,
          received: expect.objectContaining({ profile: 'POSWV' }),
        }),
      ]);
      const exported = await call(
        SWV,
        'GET',
        `/api/gw/schools/${SWV}/swv-requests/${asked.body.swvRequestId}/dossier`,
      );
      expect(readDossier(Buffer.from(exported.body as string))).toEqual(readDossier(xml));
      const asJson = await call(
        SWV,
        'GET',
        `/api/gw/schools/${SWV}/swv-requests/${asked.body.swvRequestId}/dossier?format=json`,
      );
      expect(asJson.body.dossier.huidigeschool.leerling.achternaam).toBe(
        readDossier(xml).huidigeschool.leerling.achternaam,
      );
      // Another school cannot see the SWV's requests.
      expect((await call(VO, 'GET', `/api/gw/schools/${SWV}/swv-requests`)).status).toBe(403);

      // The key is nowhere in the clear: not at the school, the SWV, the traffic center or the audit log.
      const plain = [koppelsleutel, koppelsleutel.replaceAll('-', '')];
      const { rows: tables } = await db().query<{ name: string }>(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema IN ('gw', 'tc', 'platform') AND table_type = 'BASE TABLE'`,
      );
      for (const { name } of tables) {
        const text = JSON.stringify((await db().query(`SELECT * FROM ${name}`)).rows, (_k, v) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
        );
        for (const value of plain)
          expect(text.includes(value), `${name} holds the koppelsleutel`).toBe(false);
      }
    });

    it('vo school → po school: feedback about a pupil whose dossier it received', async () => {
      const xml = dossierXml(PO, { seed: 'scenario-feedback' });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const imported = await call(PO, 'POST', `/api/gw/schools/${PO}/dossiers`, xml);
      const base = `/api/gw/schools/${PO}/dossiers/${imported.body.dossierId}`;
      await call(PO, 'POST', `${base}/ter-inzage`);
      await call(PO, 'POST', `${base}/inspection`, { inzagedatum: '2026-03-30', akkoord: 'Ja' });
      expect((await call(PO, 'POST', `${base}/klaarzetten`, { destinationBrin: VO })).status).toBe(200);
      const registered = await call(VO, 'POST', `/api/gw/schools/${VO}/registrations`, {
        achternaam: leerling.achternaam,
        bsn: leerling.bsn,
        geboortedatum: leerling.geboortedatum,
        sourceBrin: PO,
      });
      const { registrationId } = registered.body;
      const requested = await call(
        VO,
        'POST',
        `/api/gw/schools/${VO}/registrations/${registrationId}/request`,
      );
      expect(requested.body).toMatchObject({ result: 'OverdrachtGeslaagd' });

      const feedback = {
        schooljaren: [
          {
            schooljaar: '2026-2027',
            begindatum: '2026-08-24',
            einddatum: '2027-07-16',
            groepsnaam: 'B1c',
            jaargroep: '11',
            iltcode: '1234',
            iltomschrijving: 'havo/vwo brugjaar',
          },
        ],
      };
      const sent = await call(
        VO,
        'POST',
        `/api/gw/schools/${VO}/registrations/${registrationId}/terugkoppeling`,
        feedback,
      );
      expect(sent).toMatchObject({
        status: 201,
        body: { registrationId, sourceBrin: PO, state: 'wachtrij' },
      });
      const empty = await call(
        VO,
        'POST',
        `/api/gw/schools/${VO}/registrations/${registrationId}/terugkoppeling`,
        {},
      );
      expect(empty).toMatchObject({ status: 422, body: { code: 'TERUGKOPPELING_INVALID' } });
      await w.runJobs();

      const received = await call(PO, 'GET', `/api/gw/schools/${PO}/terugkoppelingen`);
      expect(received).toMatchObject({
        status: 200,
        body: [
          {
            dossierId: imported.body.dossierId,
            fromBrin: VO,
            leerling: { achternaam: leerling.achternaam, geboortedatum: leerling.geboortedatum },
            schooljaren: feedback.schooljaren,
            vertrek: null,
          },
        ],
      });
      expect((await call(VO, 'GET', `/api/gw/schools/${PO}/terugkoppelingen`)).status).toBe(403);
    });

    it('describes the new routes in OpenAPI', async () => {
      const spec = (await api.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(spec.paths)).toEqual(
        expect.arrayContaining([
          '/api/gw/schools/{brin}/delivery-points',
          '/api/gw/schools/{brin}/swv-requests',
          '/api/gw/schools/{brin}/swv-requests/{swvRequestId}/dossier',
          '/api/gw/schools/{brin}/registrations/{registrationId}/terugkoppeling',
          '/api/gw/schools/{brin}/terugkoppelingen',
        ]),
      );
    });
  },
  { migrations: chainTestMigrations },
);
