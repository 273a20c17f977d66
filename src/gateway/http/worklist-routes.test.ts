import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { ALL_PERMISSIONS, dossierXml, schoolActor } from '../test-fixtures.js';
import { registerGatewayApiRoutes } from './api-routes.js';

const PO = '17PA';
const VO = '18VA';

describeEachDatabase(
  'the worklist routes',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    let key: string;
    let leerkrachtKey: string;
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
      key = (
        await createApiKey(db(), { label: 't', kind: 'school', schools: [PO], permissions: ALL_PERMISSIONS })
      ).key;
      leerkrachtKey = (
        await createApiKey(db(), {
          label: 'l',
          kind: 'school',
          schools: [PO],
          permissions: ['dossier:read', 'dossier:write'],
        })
      ).key;
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, as = key) =>
      api.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${as}`,
          ...(Buffer.isBuffer(body) ? { 'content-type': 'application/xml' } : {}),
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });

    it('a dossier from the list to ready through the worklist routes; the list carries what the page shows', async () => {
      const xml = dossierXml(PO, { seed: 'worklist-routes' });
      const l = readDossier(xml).huidigeschool.leerling;
      const { dossierId } = (await call('POST', `/api/gw/schools/${PO}/dossiers`, xml)).json();
      await registerPupil(w.ctx(schoolActor([VO])), w.chain, {
        schoolBrin: VO,
        sourceBrin: PO,
        bsn: l.bsn as string,
        achternaam: l.achternaam,
        geboortedatum: l.geboortedatum as string,
        preferenceRank: 1,
      });
      await w.runJobs();
      const base = `/api/gw/schools/${PO}/dossiers/${dossierId}`;

      const fields = await call('PUT', `${base}/fields`, {
        version: 1,
        fields: { advies: '60', aandachtspunten: 'Rekenen' },
      });
      expect(fields.statusCode).toBe(200);
      expect(fields.json()).toMatchObject({ version: 2, state: 'concept', changed: true });
      const wrong = await call('PUT', `${base}/fields`, { version: 2, fields: { advies: '99' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: { advies: expect.any(String) } },
      });

      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      const added = await call('POST', `${base}/attachments`, {
        version: 2,
        fileName: 'okr-addendum.pdf',
        omschrijving: 'Regionaal OKR-addendum',
        contentBase64: pdf.toString('base64'),
      });
      expect(added.statusCode).toBe(201);
      const overview = (await call('GET', base)).json();
      expect(overview).toMatchObject({ version: 3, fields: { advies: '60', aandachtspunten: 'Rekenen' } });
      const own = overview.attachments.find((a: { own: boolean }) => a.own);
      const file = await call('GET', `${base}/attachments/${own.position}`);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.rawPayload.equals(pdf)).toBe(true);
      const removed = await call('DELETE', `${base}/attachments/${own.position}?version=3`);
      expect(removed.json()).toMatchObject({ version: 4 });

      const bulk = await call('POST', `/api/gw/schools/${PO}/dossiers/bulk`, {
        action: 'ter_inzage',
        dossierIds: [dossierId],
      });
      expect(bulk.json()).toMatchObject({
        ok: 1,
        outcomes: [{ dossierId, result: 'ok', state: 'ter_inzage' }],
      });
      await call('POST', `${base}/inspection`, { inzagedatum: '2026-03-30', akkoord: 'Ja' });
      const refused = await call(
        'POST',
        `/api/gw/schools/${PO}/dossiers/bulk`,
        { action: 'klaarzetten', dossierIds: [dossierId] },
        leerkrachtKey,
      );
      expect(refused.statusCode).toBe(403);
      const ready = await call('POST', `/api/gw/schools/${PO}/dossiers/bulk`, {
        action: 'klaarzetten',
        dossierIds: [dossierId],
      });
      expect(ready.json()).toMatchObject({ ok: 1, outcomes: [{ result: 'ok', destinationBrin: VO }] });

      const [item] = (await call('GET', `/api/gw/schools/${PO}/dossiers`)).json();
      expect(item).toMatchObject({
        dossierId,
        state: 'klaargezet',
        groep: l.schoolloopbaanlijst?.schoolloopbaan.at(-1)?.groepscode,
        registeredAt: [{ brin: VO, schoolName: `School ${VO}`, preferenceRank: 1 }],
        destination: { brin: VO, schoolName: `School ${VO}`, state: 'klaargezet', endedAt: null },
        deliveries: { count: 0, lastAt: null },
      });
    });
  },
  { migrations: chainTestMigrations },
);
