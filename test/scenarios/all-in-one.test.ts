import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmpty, seedDemo } from '../../src/cli/serve/demo.js';
import { type RunningOverstap, startOverstap } from '../../src/cli/serve/start.js';
import { createApiKey } from '../../src/platform/auth/api-keys.js';
import { loadConfig } from '../../src/platform/config.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/processes.js';

/**
 * The all-in-one server as a newcomer starts it (`overstap serve`, demo region seeded), driven only
 * through its HTTP API: the po school sets a dossier ready after inspection, the vo school's
 * premature request waits and is repeated automatically after the ready notice, the dossier
 * arrives and is imported; re-targeting withdraws the first school; other schools' data is refused;
 * nothing personal reaches the log. On PGlite and on PostgreSQL; on PostgreSQL the node's chain
 * calls to itself run in process (the default, ADR 0009), on PGlite over mutual TLS on loopback.
 */

interface Demo {
  schools: Array<{ brin: string; apiKey: string }>;
  operatorKey: string;
}

for (const kind of DATABASE_KINDS) {
  describe(`all-in-one server [${kind}, chain ${kind === 'postgres' ? 'in process' : 'over loopback TLS'}]`, () => {
    let dir: string;
    let testDb: TestDatabase | undefined;
    let running: RunningOverstap;
    let demo: Demo;
    let log = '';
    const keyOf = (brin: string) => demo.schools.find((s) => s.brin === brin)?.apiKey ?? '';

    async function api<T = Record<string, unknown>>(
      brin: string,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: T }> {
      const res = await fetch(`${running.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${keyOf(brin)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T,
      };
    }

    async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
      const end = Date.now() + ms;
      for (;;) {
        const v = await what();
        if (ok(v) || Date.now() > end) return v;
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'overstap-aio-'));
      if (kind === 'postgres') testDb = await openTestDatabase('postgres');
      const [port, chainPort] = [await freePort(), await freePort()];
      const config = loadConfig(
        {
          OVERSTAP_DATA_DIR: dir,
          PORT: String(port),
          OVERSTAP_CHAIN_PORT: String(chainPort),
          OVERSTAP_HOST: '127.0.0.1',
          OVERSTAP_PUBLIC_CHAIN_URL: `https://127.0.0.1:${chainPort}`,
          OVERSTAP_CHAIN_IN_PROCESS: kind === 'postgres' ? 'true' : 'false',
          ...(testDb?.url ? { DATABASE_URL: testDb.url } : {}),
        },
        {},
      );
      const logStream = new PassThrough();
      logStream.on('data', (chunk) => {
        log += String(chunk);
      });
      running = await startOverstap(config, { logStream, logLevel: 'info' });
      expect(await isEmpty(running.db)).toBe(true);
      await seedDemo({
        db: running.db,
        keyring: running.keyring,
        tls: running.tls,
        publicChainUrl: config.publicChainUrl,
        dataDir: dir,
      });
      demo = JSON.parse(await readFile(join(dir, 'demo-credentials.json'), 'utf8'));
    }, 120_000);

    afterAll(async () => {
      await running?.close();
      await testDb?.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    it('answers /health, /metrics and the OpenAPI document', async () => {
      expect((await (await fetch(`${running.apiUrl}/health`)).json()).status).toBe('ok');
      expect(await (await fetch(`${running.apiUrl}/metrics`)).text()).toContain('overstap_');
      const doc = await (await fetch(`${running.apiUrl}/api/docs/json`)).json();
      expect(Object.keys(doc.paths)).toContain('/api/gw/schools/{brin}/dossiers/{dossierId}/klaarzetten');
    });

    it('moves a dossier from the po school to the vo school, after inspection, with a notice after a premature request', async () => {
      const list = await api<
        Array<{ dossierId: string; pupil: { achternaam: string; geboortedatum: string } }>
      >('01AA', 'GET', '/api/gw/schools/01AA/dossiers');
      expect(list.status).toBe(200);
      const dossier = list.body[0];
      const xml = (await api<string>('01AA', 'GET', `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/xml`))
        .body;
      const bsn = /<bsn>(\d{9})<\/bsn>/.exec(xml)?.[1];
      expect(bsn).toBeDefined();

      // Not inspected yet: klaarzetten is refused.
      const early = await api(
        '01AA',
        'POST',
        `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/klaarzetten`,
        {
          destinationBrin: '21XX',
        },
      );
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'INSPECTION_REQUIRED' });

      const registration = await api<{ registrationId: string }>(
        '21XX',
        'POST',
        '/api/gw/schools/21XX/registrations',
        {
          achternaam: dossier.pupil.achternaam,
          bsn,
          geboortedatum: dossier.pupil.geboortedatum,
          sourceBrin: '01AA',
        },
      );
      expect(registration.status).toBe(201);
      const regId = registration.body.registrationId;
      const premature = await api('21XX', 'POST', `/api/gw/schools/21XX/registrations/${regId}/request`, {});
      expect(premature.body).toMatchObject({ result: 'NietKlaargezet', state: 'wacht_op_klaarzetten' });

      await api('01AA', 'POST', `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/ter-inzage`, {});
      const inspected = await api(
        '01AA',
        'POST',
        `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/inspection`,
        {
          inzagedatum: '2026-03-20',
          akkoord: 'Ja',
        },
      );
      expect(inspected.body).toMatchObject({ state: 'ingezien' });
      const ready = await api(
        '01AA',
        'POST',
        `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/klaarzetten`,
        {
          destinationBrin: '21XX',
        },
      );
      expect(ready.body).toMatchObject({ state: 'klaargezet', destinationBrin: '21XX' });

      // The ready notice makes the vo gateway request again by itself.
      const regs = await until(
        () =>
          api<Array<{ registrationId: string; state: string; lastResult: string }>>(
            '21XX',
            'GET',
            '/api/gw/schools/21XX/registrations',
          ),
        (r) => r.body.find((x) => x.registrationId === regId)?.state === 'ontvangen',
      );
      expect(regs.body.find((x) => x.registrationId === regId)).toMatchObject({
        state: 'ontvangen',
        lastResult: 'OverdrachtGeslaagd',
      });
      const received = await api<string>(
        '21XX',
        'GET',
        `/api/gw/schools/21XX/registrations/${regId}/dossier`,
      );
      const current = await api<string>(
        '01AA',
        'GET',
        `/api/gw/schools/01AA/dossiers/${dossier.dossierId}/xml`,
      );
      expect(received.body).toBe(current.body);
      const asJson = await api<{ dossier: { huidigeschool: { brincode: string } } }>(
        '21XX',
        'GET',
        `/api/gw/schools/21XX/registrations/${regId}/dossier?format=json`,
      );
      expect(asJson.body.dossier.huidigeschool.brincode).toBe('01AA');
      const imported = await api('21XX', 'POST', `/api/gw/schools/21XX/registrations/${regId}/import`, {});
      expect(imported.body).toMatchObject({ state: 'ingelezen' });
    }, 60_000);

    it('re-targeting withdraws the first school: it then gets NietKlaargezet, never where the pupil went', async () => {
      const list = await api<
        Array<{ dossierId: string; pupil: { achternaam: string; geboortedatum: string } }>
      >('02BB', 'GET', '/api/gw/schools/02BB/dossiers');
      const d = list.body[1];
      const xml = (await api<string>('02BB', 'GET', `/api/gw/schools/02BB/dossiers/${d.dossierId}/xml`)).body;
      const bsn = /<bsn>(\d{9})<\/bsn>/.exec(xml)?.[1];
      await api('02BB', 'POST', `/api/gw/schools/02BB/dossiers/${d.dossierId}/ter-inzage`, {});
      await api('02BB', 'POST', `/api/gw/schools/02BB/dossiers/${d.dossierId}/inspection`, {
        inzagedatum: '2026-03-21',
        akkoord: 'Ja',
      });
      await api('02BB', 'POST', `/api/gw/schools/02BB/dossiers/${d.dossierId}/klaarzetten`, {
        destinationBrin: '21XX',
      });
      const second = await api('02BB', 'POST', `/api/gw/schools/02BB/dossiers/${d.dossierId}/klaarzetten`, {
        destinationBrin: '22YY',
      });
      expect(second.body).toMatchObject({ destinationBrin: '22YY' });
      const pupil = {
        achternaam: d.pupil.achternaam,
        bsn,
        geboortedatum: d.pupil.geboortedatum,
        sourceBrin: '02BB',
      };
      const at21 = await api<{ registrationId: string }>(
        '21XX',
        'POST',
        '/api/gw/schools/21XX/registrations',
        pupil,
      );
      const at22 = await api<{ registrationId: string }>(
        '22YY',
        'POST',
        '/api/gw/schools/22YY/registrations',
        pupil,
      );
      const r21 = await api(
        '21XX',
        'POST',
        `/api/gw/schools/21XX/registrations/${at21.body.registrationId}/request`,
        {},
      );
      const r22 = await api(
        '22YY',
        'POST',
        `/api/gw/schools/22YY/registrations/${at22.body.registrationId}/request`,
        {},
      );
      expect(r21.body).toMatchObject({ result: 'NietKlaargezet' });
      expect(r22.body).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });
    }, 60_000);

    it('moves a VOVO dossier between two vo schools and a binnen-BRIN dossier within one school', async () => {
      // A supplier key for both vo schools, with the sending and the receiving permissions.
      const supplier = await createApiKey(running.db, {
        label: 'vo supplier',
        kind: 'supplier',
        schools: ['21XX', '22YY'],
        permissions: [
          'dossier:read',
          'dossier:write',
          'dossier:inzage',
          'dossier:klaarzetten',
          'registration:write',
          'request:send',
          'received:read',
        ],
      });
      demo.schools.push({ brin: 'VO-SUPPLIER', apiKey: supplier.key });
      const as = (method: string, path: string, body?: unknown) =>
        api<Record<string, string>>('VO-SUPPLIER', method, path, body);
      const transfer = async (
        source: string,
        destination: string,
        profile: 'VOVO' | 'BB',
        inspection?: object,
      ) => {
        const made = await as('POST', `/api/gw/schools/${source}/dossiers/generated`, {
          profile,
          seed: `${profile}-scenario`,
        });
        expect(made.status).toBe(201);
        const id = made.body.dossierId;
        const xml = (await api<string>('VO-SUPPLIER', 'GET', `/api/gw/schools/${source}/dossiers/${id}/xml`))
          .body;
        const field = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];
        if (inspection) {
          await as('POST', `/api/gw/schools/${source}/dossiers/${id}/ter-inzage`, {});
          expect(
            (await as('POST', `/api/gw/schools/${source}/dossiers/${id}/inspection`, inspection)).status,
          ).toBe(200);
        }
        const ready = await as('POST', `/api/gw/schools/${source}/dossiers/${id}/klaarzetten`, {
          destinationBrin: destination,
        });
        expect(ready.body).toMatchObject({ state: 'klaargezet', destinationBrin: destination });
        const reg = await as('POST', `/api/gw/schools/${destination}/registrations`, {
          achternaam: field('achternaam'),
          bsn: field('bsn'),
          geboortedatum: field('geboortedatum'),
          sourceBrin: source,
        });
        expect(reg.status).toBe(201);
        return as(
          'POST',
          `/api/gw/schools/${destination}/registrations/${reg.body.registrationId}/request`,
          {},
        );
      };
      const vovo = await transfer('21XX', '22YY', 'VOVO', {
        inzagedatum: '2026-03-22',
        akkoord: 'Ja',
        toestemming: 'Ja',
      });
      expect(vovo.body).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });
      const bb = await transfer('21XX', '21XX', 'BB');
      expect(bb.body).toMatchObject({ result: 'OverdrachtGeslaagd', state: 'ontvangen' });
    }, 60_000);

    it('refuses another school’s data and requests without a valid key', async () => {
      expect((await api('21XX', 'GET', '/api/gw/schools/01AA/dossiers')).status).toBe(403);
      const anonymous = await fetch(`${running.apiUrl}/api/gw/schools/01AA/dossiers`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: { nl: expect.any(String) },
      });
      const bad = await api('21XX', 'POST', '/api/gw/schools/21XX/registrations', {
        achternaam: 'Jansen',
        bsn: '123456789',
        geboortedatum: '2014-01-01',
        sourceBrin: '01AA',
      });
      expect(bad.status).toBe(422);
    });

    it('keeps pupils’ identities and dossiers out of the log, and the audit chain intact', async () => {
      const dossiers = await api<Array<{ pupil: { achternaam: string; geboortedatum: string } }>>(
        '01AA',
        'GET',
        '/api/gw/schools/01AA/dossiers',
      );
      expect(log.length).toBeGreaterThan(0);
      for (const d of dossiers.body) {
        expect(log).not.toContain(d.pupil.achternaam);
        expect(log).not.toContain(d.pupil.geboortedatum);
      }
      expect(log).not.toMatch(/\b\d{9}\b/);
      const { verifyAuditChain } = await import('../../src/platform/audit/index.js');
      const verdict = await verifyAuditChain(running.db);
      expect(verdict.ok).toBe(true);
      expect(verdict.checked).toBeGreaterThan(5);
    });
  });
}
