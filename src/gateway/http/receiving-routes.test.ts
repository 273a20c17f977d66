import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import type { Permission } from '../../platform/context.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { recordInspection } from '../sending/record-inspection.js';
import { dossierXml, schoolActor } from '../test-fixtures.js';
import { registerGatewayApiRoutes } from './api-routes.js';

const PO = '17PA';
const VO = '18VA';

describeEachDatabase(
  'the registrations API for the web app: CSV upload, detail, rendered dossier',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    const keys: Record<string, string> = {};
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        now: w.clock.now,
      });
      await api.ready();
      const key = async (name: string, permissions: Permission[]) => {
        keys[name] = (
          await createApiKey(db(), { label: name, kind: 'school', schools: [VO], permissions })
        ).key;
      };
      await key('administratie', ['registration:write', 'request:send', 'received:read', 'received:write']);
      await key('coordinator', ['received:read', 'received:support', 'registration:write', 'request:send']);
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const call = (who: string, method: 'GET' | 'POST', url: string, body?: string, type?: string) =>
      api.inject({
        method,
        url,
        headers: { authorization: `Bearer ${keys[who]}`, ...(type ? { 'content-type': type } : {}) },
        ...(body !== undefined ? { payload: body } : {}),
      });
    const base = `/api/gw/schools/${VO}/registrations`;

    it('offers the CSV template and takes a CSV upload: all lines or, with one bad line, none', async () => {
      const template = await call('administratie', 'GET', `${base}/csv-template`);
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toMatch(/^text\/csv/);
      expect(template.headers['content-disposition']).toMatch(/attachment/);
      const header = template.body.trim();

      const bad = await call(
        'administratie',
        'POST',
        `${base}/csv`,
        `${header}\r\nJansen;;;123456782;;17-05-2014;${PO};\r\nPietersen;;;123456789;;2014-05-17;${PO};\r\n`,
        'text/csv; charset=utf-8',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        code: 'REGISTRATIONS_CSV_INVALID',
        message: { nl: expect.stringMatching(/niets opgeslagen/) },
        details: {
          lines: 2,
          problems: [{ line: 3, column: 'bsn', field: 'bsn', message: expect.any(Object) }],
        },
      });
      expect((await call('administratie', 'GET', base)).json()).toEqual([]);

      // not a CSV file: the refusal says so in Dutch and English
      const json = await call(
        'administratie',
        'POST',
        `${base}/csv`,
        '{"achternaam":"Jansen"}',
        'application/json',
      );
      expect(json.statusCode).toBe(400);
      expect(json.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: {
          nl: 'De invoer klopt niet: stuur het bestand als text/csv.',
          en: 'The input is not valid: send the file as text/csv.',
        },
      });

      const good = await call(
        'administratie',
        'POST',
        `${base}/csv`,
        `achternaam,bsn,geboortedatum,brin po-school\nJansen,123456782,17-05-2014,${PO}\n`,
        'text/csv',
      );
      expect(good.statusCode).toBe(201);
      expect(good.json()).toMatchObject({ created: 1 });
      const list = (await call('administratie', 'GET', base)).json();
      expect(list).toEqual([
        expect.objectContaining({
          sourceSchoolName: `School ${PO}`,
          createdAt: expect.any(String),
          requestedAt: null,
          state: 'aanmelding',
        }),
      ]);
      const detail = await call('administratie', 'GET', `${base}/${list[0].registrationId}`);
      expect(detail.headers['cache-control']).toBe('no-store');
      expect(detail.json()).toMatchObject({ number: { bsn: '123456782' }, requests: [], requestable: true });
    });

    it('gives the rendered dossier as HTML; the XML export only to the administratie', async () => {
      const xml = dossierXml(PO, { seed: 'routes-view' });
      const saved = await importDossier(w.ctx(schoolActor([PO])), { schoolBrin: PO, xml });
      const po = { schoolBrin: PO, dossierId: saved.dossierId };
      await putUpForInspection(w.ctx(schoolActor([PO])), po);
      await recordInspection(w.ctx(schoolActor([PO])), { ...po, inzagedatum: '2026-03-20', akkoord: 'Ja' });
      await klaarzetten(w.ctx(schoolActor([PO])), { ...po, destinationBrin: VO });
      const l = readDossier(xml).huidigeschool.leerling;
      const registered = await api.inject({
        method: 'POST',
        url: base,
        headers: { authorization: `Bearer ${keys.coordinator}` },
        payload: { achternaam: l.achternaam, bsn: l.bsn, geboortedatum: l.geboortedatum, sourceBrin: PO },
      });
      const { registrationId } = registered.json();
      const requested = await call('coordinator', 'POST', `${base}/${registrationId}/request`);
      expect(requested.json()).toMatchObject({ result: 'OverdrachtGeslaagd' });

      const page = await call('coordinator', 'GET', `${base}/${registrationId}/dossier.html?lang=en`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('<html lang="en">');

      const json = await call('coordinator', 'GET', `${base}/${registrationId}/dossier?format=json`);
      expect(json.json()).toMatchObject({
        registrationId,
        withheld: [],
        dossier: { huidigeschool: { brincode: PO } },
      });
      expect((await call('coordinator', 'GET', `${base}/${registrationId}/dossier`)).statusCode).toBe(403);
      const exported = await call('administratie', 'GET', `${base}/${registrationId}/dossier`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/application\/xml/);
      expect(readDossier(Buffer.from(exported.rawPayload)).huidigeschool.leerling.bsn).toBe(l.bsn);
    });
  },
  { migrations: chainTestMigrations },
);
