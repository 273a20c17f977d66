import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchDay, generateDossier, schoolYearOf, writeDossier } from '../../src/standard/index.js';
import { type DemoServer, startDemoServer } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { childEnv, runOverstap } from '../support/processes.js';

/**
 * Issue 3 §6: "CLI commands for every flow, usable against a running server". A po and a vo
 * school of the demo region exchange two dossiers through `overstap school | dossier |
 * registration` only, each with its own API key in OVERSTAP_API_KEY, against the all-in-one server
 * over HTTP: import, inspection, klaarzetten, registration (one as JSON, one from a CSV file), a
 * premature request, the dossier arriving after the ready notice, export as XML (byte for byte
 * what the po school holds) and as JSON, imported and rejected. And the CLI's refusals: wrong
 * usage, another school's data, a file that exists, no key.
 */
const PO = '01AA';
const VO = '21XX';

for (const kind of DATABASE_KINDS) {
  describe(`overstap school, dossier and registration against a running server [${kind}]`, () => {
    let server: DemoServer;
    let testDb: TestDatabase | undefined;
    let dir: string;
    let keys: Record<string, string>;
    let operatorKey: string;
    const dossierIds: string[] = [];
    const registrationIds: string[] = [];
    const pupils = [0, 1].map((i) =>
      generateDossier(
        {
          profile: 'POVO',
          seed: `cli-flow-${kind}`,
          schooljaar: schoolYearOf(dutchDay(new Date())),
          attachments: 'small',
          school: { brincode: PO, vestigingscode: '00', naam: 'Basisschool De Regenboog' },
        },
        i,
      ),
    );

    /** The CLI as a school's (or the operator's) shell runs it: the key in the environment. */
    async function cli(key: string | undefined, args: string[]) {
      const saved = process.env.OVERSTAP_API_KEY;
      if (key === undefined) delete process.env.OVERSTAP_API_KEY;
      else process.env.OVERSTAP_API_KEY = key;
      try {
        return await runCli([...args, '--url', server.url], dir);
      } finally {
        if (saved === undefined) delete process.env.OVERSTAP_API_KEY;
        else process.env.OVERSTAP_API_KEY = saved;
      }
    }
    const json = async <T>(key: string, args: string[]): Promise<T> => {
      const r = await cli(key, [...args, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as T;
    };
    type Listed = { registrationId: string; state: string; lastResult: string | null };
    async function registrationsUntil(ok: (rs: Listed[]) => boolean): Promise<Listed[]> {
      const end = Date.now() + 20_000;
      for (;;) {
        const rs = await json<Listed[]>(keys[VO], ['registration', 'list', '--school', VO]);
        if (ok(rs) || Date.now() > end) return rs;
        await new Promise((r) => setTimeout(r, 250));
      }
    }

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'overstap-cli-flow-'));
      if (kind === 'postgres') testDb = await openTestDatabase('postgres');
      server = await startDemoServer(testDb?.url ? { DATABASE_URL: testDb.url } : {});
      const credentials = server.credentials as {
        schools: Array<{ brin: string; apiKey: string }>;
        operatorKey: string;
      };
      keys = Object.fromEntries(credentials.schools.map((s) => [s.brin, s.apiKey]));
      operatorKey = credentials.operatorKey;
      await writeFile(join(dir, 'pupil-0.xml'), writeDossier(pupils[0]));
      await writeFile(join(dir, 'pupil-1.xml'), writeDossier(pupils[1]));
      const l0 = pupils[0].huidigeschool.leerling;
      await writeFile(
        join(dir, 'registration.json'),
        JSON.stringify({
          achternaam: l0.achternaam,
          ...(l0.voorvoegsel ? { voorvoegsel: l0.voorvoegsel } : {}),
          bsn: l0.bsn,
          geboortedatum: l0.geboortedatum,
          sourceBrin: PO,
          preferenceRank: 1,
        }),
      );
      const l1 = pupils[1].huidigeschool.leerling;
      await writeFile(
        join(dir, 'registrations.csv'),
        `achternaam;voorvoegsel;voornaam;bsn;onderwijsnummer;geboortedatum;brin po-school;voorkeur\n${l1.achternaam};${l1.voorvoegsel ?? ''};;${l1.bsn};;${l1.geboortedatum};${PO};1\n`,
      );
    }, 180_000);

    afterAll(async () => {
      await server?.close();
      await testDb?.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('the operator hosts a new school and lists the hosted schools; a school’s key may not', async () => {
      const added = await cli(operatorKey, [
        'school',
        'add',
        '--brin',
        '04DD',
        '--vestiging',
        '00',
        '--name',
        'De Wilg',
        '--sector',
        'po',
      ]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/School 04DD-00 \(De Wilg, po\) wordt nu door deze gateway bediend\./);
      expect(added.stdout).toMatch(/Aanleverpunt \S+ \(OV\) op https:\/\//);
      const listed = await json<Array<{ brin: string }>>(operatorKey, ['school', 'list']);
      expect(listed.map((s) => s.brin)).toEqual(expect.arrayContaining([PO, VO, '04DD']));
      const refused = await cli(keys[PO], [
        'school',
        'add',
        '--brin',
        '05EE',
        '--vestiging',
        '00',
        '--name',
        'X',
        '--sector',
        'po',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^Geweigerd: .+\(FORBIDDEN\)/);
    });

    it('the operator issues the new school a key while the server runs; it opens that school only, until revoked', async () => {
      // with --url (which cli() adds) through the API: a school's key may not issue keys
      const refused = await cli(keys[PO], ['apikey', 'create', '--kind', 'school', '--school', '04DD']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^Geweigerd: .+\(FORBIDDEN\)/);
      if (kind === 'pglite') {
        // without --url the command opens the data folder, which the running server holds: it says to use --url
        const saved = process.env.OVERSTAP_DATA_DIR;
        process.env.OVERSTAP_DATA_DIR = server.dataDir;
        try {
          const locked = await runCli(['apikey', 'create', '--kind', 'school', '--school', '04DD'], dir);
          expect(locked.code).toBe(2);
          expect(locked.stderr).toContain(
            'Draait de server? Maak en trek sleutels voor scholen en leveranciers dan in via zijn API: voeg --url URL toe',
          );
        } finally {
          if (saved === undefined) delete process.env.OVERSTAP_DATA_DIR;
          else process.env.OVERSTAP_DATA_DIR = saved;
        }
      }
      const operatorOnly = await cli(operatorKey, ['apikey', 'create', '--kind', 'operator']);
      expect(operatorOnly.code).toBe(2);
      const issued = await json<{ id: string; key: string; permissions: string[] }>(operatorKey, [
        'apikey',
        'create',
        '--kind',
        'school',
        '--school',
        '04DD',
        '--sector',
        'po',
      ]);
      expect(issued.key).toMatch(/^ovs_/);
      expect(issued.permissions).toContain('dossier:klaarzetten');
      const own = await cli(issued.key, ['dossier', 'list', '--school', '04DD']);
      expect(own.stdout).toBe('Geen dossiers.\n');
      const other = await cli(issued.key, ['dossier', 'list', '--school', PO]);
      expect(other.stderr).toMatch(/^Geweigerd: .+\(FORBIDDEN\)/);
      const revoked = await cli(operatorKey, ['apikey', 'revoke', issued.id]);
      expect(revoked.stdout).toBe(`API-sleutel ${issued.id} ingetrokken.\n`);
      const after = await cli(issued.key, ['dossier', 'list', '--school', '04DD']);
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/^Geweigerd: .+\(UNAUTHENTICATED\)/);
    });

    it('the po school imports both dossiers (strict validation, no findings) and lists them', async () => {
      for (const file of ['pupil-0.xml', 'pupil-1.xml']) {
        const r = await cli(keys[PO], ['dossier', 'import', '--school', PO, file]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const id =
          /^Dossier (\S+) ingelezen: versie 1, POVO, schooljaar \d{4}-\d{4}, status concept; 0 fout\(en\)/.exec(
            r.stdout,
          )?.[1];
        expect(id).toBeDefined();
        dossierIds.push(id as string);
      }
      // a dossier without the school's address: a `fout` (OVa.SL01), shown with its place; it cannot be set ready
      const broken = generateDossier(
        {
          profile: 'POVO',
          seed: `cli-flow-${kind}`,
          attachments: 'none',
          school: { brincode: PO, vestigingscode: '00', naam: 'Basisschool De Regenboog' },
        },
        2,
      );
      delete broken.huidigeschool.adreslijst;
      await writeFile(join(dir, 'broken.xml'), writeDossier(broken));
      const withError = await cli(keys[PO], [
        'dossier',
        'import',
        '--school',
        PO,
        'broken.xml',
        '--lang',
        'en',
      ]);
      expect(withError.code).toBe(0);
      expect(withError.stdout).toMatch(
        /^Dossier (\S+) imported: version 1, POVO, school year \d{4}-\d{4}, state concept; 1 error\(s\)/,
      );
      expect(withError.stdout).toMatch(/\n {2}fout OVa\.SL01 \S*huidigeschool\S* \(\d+:\d+\): \S/);
      const brokenId = /^Dossier (\S+)/.exec(withError.stdout)?.[1] as string;
      const notReady = await cli(keys[PO], ['dossier', 'klaarzetten', '--school', PO, brokenId, '--to', VO]);
      expect(notReady.code).toBe(1);
      expect(notReady.stderr).toMatch(/^Geweigerd: .+\(\w+\)/);

      const list = await cli(keys[PO], ['dossier', 'list', '--school', PO, '--state', 'concept']);
      for (const id of dossierIds) expect(list.stdout).toContain(id);
    });

    it('the vo school registers the pupils (JSON and CSV) and asks too early: NietKlaargezet', async () => {
      const added = await cli(keys[VO], ['registration', 'add', '--school', VO, 'registration.json']);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      const id = /^Aanmelding (\S+) vastgelegd \(school van herkomst 01AA, voorkeur 1\)/.exec(
        added.stdout,
      )?.[1];
      expect(id).toBeDefined();
      registrationIds.push(id as string);
      const csv = await json<{ created: number; registrationIds: string[] }>(keys[VO], [
        'registration',
        'import-csv',
        '--school',
        VO,
        'registrations.csv',
      ]);
      expect(csv.created).toBe(1);
      registrationIds.push(...csv.registrationIds);

      const early = await cli(keys[VO], ['registration', 'request', '--school', VO, '--all']);
      expect(early.code).toBe(0);
      expect(early.stdout).toContain('NietKlaargezet 2');
      const one = await cli(keys[VO], [
        'registration',
        'request',
        '--school',
        VO,
        registrationIds[0],
        '--lang',
        'en',
      ]);
      expect(one.stdout).toMatch(new RegExp(`^${registrationIds[0]}: NietKlaargezet \\(\\S+\\)\\. \\S`));
    });

    it('the po school: parents inspect, the dossiers are set ready for the vo school, which gets them by itself', async () => {
      const today = dutchDay(new Date());
      for (const id of dossierIds) {
        const frozen = await cli(keys[PO], ['dossier', 'ter-inzage', '--school', PO, id]);
        expect(frozen.stdout).toBe(`Dossier ${id}: ter_inzage.\n`);
        const inspected = await cli(keys[PO], [
          'dossier',
          'inspection',
          '--school',
          PO,
          id,
          '--date',
          today,
          '--akkoord',
          'Ja',
          '--toestemming',
          'Ja',
        ]);
        expect(inspected.stderr).toBe('');
        expect(inspected.code).toBe(0);
        const ready = await cli(keys[PO], ['dossier', 'klaarzetten', '--school', PO, id, '--to', VO]);
        expect(ready.stdout).toBe(`Dossier ${id}: klaargezet voor ${VO}.\n`);
      }
      const arrived = await registrationsUntil((rs) =>
        registrationIds.every((id) => rs.find((r) => r.registrationId === id)?.state === 'ontvangen'),
      );
      for (const id of registrationIds) {
        expect(arrived.find((r) => r.registrationId === id)).toMatchObject({
          state: 'ontvangen',
          lastResult: 'OverdrachtGeslaagd',
        });
      }
    });

    it('exports the received dossier byte for byte as the po school holds it, and as JSON; then imported and rejected', async () => {
      const sent = await cli(keys[PO], [
        'dossier',
        'export',
        '--school',
        PO,
        dossierIds[0],
        '-o',
        'sent.xml',
      ]);
      expect(sent.code).toBe(0);
      expect(sent.stderr).toMatch(/^Geschreven: sent\.xml \(\d+ bytes\)/);
      const got = await cli(keys[VO], [
        'registration',
        'export',
        '--school',
        VO,
        registrationIds[0],
        '-o',
        'received.xml',
      ]);
      expect(got.code).toBe(0);
      const received = await readFile(join(dir, 'received.xml'));
      expect((await stat(join(dir, 'received.xml'))).mode & 0o777).toBe(0o600);
      expect(received.equals(await readFile(join(dir, 'sent.xml')))).toBe(true);
      expect(received.toString('utf8')).toContain(`<bsn>${pupils[0].huidigeschool.leerling.bsn}</bsn>`);

      const asJson = await cli(keys[VO], [
        'registration',
        'export',
        '--school',
        VO,
        registrationIds[0],
        '--format',
        'json',
      ]);
      expect(asJson.code).toBe(0);
      expect(JSON.stringify(JSON.parse(asJson.stdout))).toContain(
        pupils[0].huidigeschool.leerling.achternaam,
      );

      // a file that exists is not overwritten
      const again = await cli(keys[VO], [
        'registration',
        'export',
        '--school',
        VO,
        registrationIds[0],
        '-o',
        'received.xml',
      ]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('bestaat al; Overstap overschrijft het niet');

      const imported = await cli(keys[VO], [
        'registration',
        'mark-imported',
        '--school',
        VO,
        registrationIds[0],
      ]);
      expect(imported.stdout).toBe(`Aanmelding ${registrationIds[0]}: ingelezen.\n`);
      const rejected = await cli(keys[VO], [
        'registration',
        'reject',
        '--school',
        VO,
        registrationIds[1],
        '--reason',
        'Verkeerde leerling',
      ]);
      expect(rejected.stderr).toBe('');
      expect(rejected.stdout).toBe(`Aanmelding ${registrationIds[1]}: afgewezen.\n`);
    });

    it('shows a registration with its requests; an edit of the dossier is a new version that withdraws it', async () => {
      const shown = await cli(keys[VO], ['registration', 'show', '--school', VO, registrationIds[0]]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(new RegExp(`^${registrationIds[0]}  ingelezen`));
      expect(shown.stdout).toMatch(/\n {4}\S+ {2}NietKlaargezet \(alle open\)\. Het dossier staat nog niet/);
      expect(shown.stdout).toMatch(/\n {4}\S+ {2}OverdrachtGeslaagd \(na klaarzetbericht\)\. /);
      const rejected = await cli(keys[VO], [
        'registration',
        'show',
        '--school',
        VO,
        registrationIds[1],
        '--lang',
        'en',
      ]);
      expect(rejected.stdout).toContain('  Rejected: Verkeerde leerling');

      const sent = await cli(keys[PO], [
        'dossier',
        'export',
        '--school',
        PO,
        dossierIds[1],
        '-o',
        'second.xml',
      ]);
      expect(sent.code).toBe(0);
      const edited = await cli(keys[PO], ['dossier', 'edit', '--school', PO, dossierIds[1], 'second.xml']);
      expect(edited.stderr).toBe('');
      expect(edited.stdout).toMatch(
        new RegExp(
          `^Dossier ${dossierIds[1]}: nieuwe versie 2, POVO, schooljaar \\d{4}-\\d{4}, status concept;`,
        ),
      );
      expect(edited.stdout).toContain(`  Ingetrokken bij ${VO}: die school krijgt het dossier niet meer.`);
    });

    it('the chain operator onboards a school through overstap trafficcenter and school; only then does the chain route to it', async () => {
      const NEW = '06FF';
      const tc = (args: string[]) => cli(operatorKey, ['trafficcenter', ...args]);
      const known = await tc([
        'school',
        'add',
        '--brin',
        NEW,
        '--vestiging',
        '00',
        '--name',
        'OBS De Linde',
        '--sector',
        'po',
        '--board',
        'Stichting Eemwijs',
        '--region',
        'Demo-regio Eemland',
        '--place',
        'Amersfoort',
      ]);
      expect(known.stderr).toBe('');
      expect(known.stdout).toBe(
        `School ${NEW}-00 (OBS De Linde, po, bestuur Stichting Eemwijs, regio Demo-regio Eemland) staat bij het verkeerscentrum.\n`,
      );
      const hosted = await json<{ deliveryPoint: { routingKey: string; url: string; publicKey: string } }>(
        operatorKey,
        [
          'school',
          'add',
          '--brin',
          NEW,
          '--vestiging',
          '00',
          '--name',
          'OBS De Linde',
          '--sector',
          'po',
          '--region',
          'Demo-regio Eemland',
        ],
      );
      // a new supplier system by its certificate (from overstap pki), and the node's own one
      expect((await runCli(['pki', 'init', '--dir', join(dir, 'pki')])).code).toBe(0);
      expect(
        (await runCli(['pki', 'issue', 'other-supplier', '--kind', 'client', '--dir', join(dir, 'pki')]))
          .code,
      ).toBe(0);
      const other = await tc([
        'supplier',
        'add',
        '--name',
        'Ander pakket',
        '--cert',
        join(dir, 'pki', 'other-supplier.crt'),
      ]);
      expect(other.stdout).toMatch(/^Leverancierssysteem \S+: Ander pakket, certificaat [0-9a-f]{64}\n$/);
      const suppliers = await json<Array<{ id: string; name: string }>>(operatorKey, [
        'trafficcenter',
        'supplier',
        'list',
      ]);
      expect(suppliers.map((x) => x.name)).toContain('Ander pakket');
      const own = (
        await json<{ deliveryPoints: Array<{ supplierId: string }> }>(operatorKey, [
          'trafficcenter',
          'school',
          'show',
          '--brin',
          PO,
        ])
      ).deliveryPoints[0].supplierId;
      const granted = await tc(['mandate', 'grant', '--supplier', own, '--brin', NEW]);
      expect(granted.stdout).toBe(`Mandaat van leverancierssysteem ${own} voor ${NEW}: geldig.\n`);
      const dp = hosted.deliveryPoint;
      const registered = await tc([
        'deliverypoint',
        'add',
        '--routing-key',
        dp.routingKey,
        '--brin',
        NEW,
        '--supplier',
        own,
        '--delivery-url',
        dp.url,
        '--public-key',
        dp.publicKey,
      ]);
      expect(registered.stderr).toBe('');
      expect(registered.stdout).toContain(`Aanleverpunt ${dp.routingKey} (OV) van ${NEW}`);

      // a vo school registers a pupil of the new school: refused while the school is not admitted
      await writeFile(
        join(dir, 'new-school-pupil.json'),
        JSON.stringify({
          achternaam: 'Visser',
          bsn: '111222333',
          geboortedatum: '2014-03-02',
          sourceBrin: NEW,
        }),
      );
      const register = ['registration', 'add', '--school', VO, 'new-school-pupil.json'];
      const early = await cli(keys[VO], register);
      expect(early.code).toBe(1);
      expect(early.stderr).toBe(
        'Geweigerd: De aanmelding klopt niet. (REGISTRATION_INVALID)\n  sourceBrin: Deze school is niet bekend of (nog) niet aangesloten op de overstapservice. Controleer de BRIN-code.\n',
      );

      expect((await tc(['admission', 'test-exchange', '--brin', NEW])).code).toBe(0);
      const admitted = await tc([
        'admission',
        'qualify',
        '--brin',
        NEW,
        '--from',
        dutchDay(new Date()),
        '--lang',
        'en',
      ]);
      expect(admitted.stdout).toMatch(
        new RegExp(
          `^Admission of ${NEW}: admitted today \\(qualified from \\d{4}-\\d{2}-\\d{2}\\); test exchange: \\d{4}-`,
        ),
      );
      // now the registration is taken, and the chain reaches the new school's gateway, which does not know the pupil
      const { registrationId } = await json<{ registrationId: string }>(keys[VO], register);
      const asked = await json<{ result: string }>(keys[VO], [
        'registration',
        'request',
        '--school',
        VO,
        registrationId,
      ]);
      expect(asked.result).toBe('LeerlingNietGevonden');

      const revoked = await tc(['mandate', 'revoke', '--supplier', own, '--brin', NEW]);
      expect(revoked.stdout).toMatch(
        new RegExp(`^Mandaat van leverancierssysteem ${own} voor ${NEW}: ingetrokken `),
      );
      const overview = await tc(['school', 'show', '--brin', NEW]);
      expect(overview.stdout).toContain('vandaag toegelaten');
      expect(overview.stdout).toContain(
        `Aanleverpunt ${dp.routingKey} (OV) van ${NEW}, leverancierssysteem ${own}, op ${dp.url}: inactief.`,
      );
      const wrong = await tc(['admission', 'qualify', '--brin', NEW]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^Ongeldige invoer: --from YYYY-MM-DD\./);
    });

    it('the operator rotates a school’s key while the server runs: the traffic center takes the new key, and transfers go on', async () => {
      type Rotated = { routingKey: string; publicKey: string; trafficCenter: string };
      type Overview = { deliveryPoints: Array<{ routingKey: string; publicKey: string; active: boolean }> };
      const before = await json<Overview>(operatorKey, ['trafficcenter', 'school', 'show', '--brin', PO]);
      const rotated = await json<Rotated>(operatorKey, ['deliverypoint', 'rotate', '--brin', PO]);
      expect(rotated.trafficCenter).toBe('updated');
      const point = (o: Overview) => o.deliveryPoints.find((d) => d.routingKey === rotated.routingKey);
      expect(point(before)?.publicKey).not.toBe(rotated.publicKey);
      const after = await json<Overview>(operatorKey, ['trafficcenter', 'school', 'show', '--brin', PO]);
      expect(point(after)).toMatchObject({ publicKey: rotated.publicKey, active: true });

      // in words, in the CLI's language; a school's key may not rotate
      const text = await cli(operatorKey, ['deliverypoint', 'rotate', '--brin', PO, '--grace-minutes', '5']);
      expect(text.stdout).toMatch(
        new RegExp(`^Nieuw sleutelpaar voor aanleverpunt ${rotated.routingKey}\\.`),
      );
      expect(text.stdout).toContain(
        'Het verkeerscentrum van deze node geeft de nieuwe sleutel vanaf nu uit.',
      );
      const refused = await cli(keys[PO], ['deliverypoint', 'rotate', '--brin', PO]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');

      // the chain operator can set a key (or address) itself; nothing to change is wrong usage
      const latest = point(
        await json<Overview>(operatorKey, ['trafficcenter', 'school', 'show', '--brin', PO]),
      );
      const same = await cli(operatorKey, [
        'trafficcenter',
        'deliverypoint',
        'update',
        '--routing-key',
        rotated.routingKey,
        '--public-key',
        String(latest?.publicKey),
      ]);
      expect(same.stdout).toMatch(
        new RegExp(`^Aanleverpunt ${rotated.routingKey} \\(OV\\) van ${PO}, .*: actief\\.`),
      );
      const nothing = await cli(operatorKey, [
        'trafficcenter',
        'deliverypoint',
        'update',
        '--routing-key',
        rotated.routingKey,
      ]);
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toMatch(/^Ongeldige invoer: --public-key \| --delivery-url\./);

      // a request after the rotations: sealed to the new key, opened by the po school
      const listed = await json<Listed[]>(keys[VO], ['registration', 'list', '--school', VO]);
      const asked = await json<{ result: string }>(keys[VO], [
        'registration',
        'request',
        '--school',
        VO,
        listed[0].registrationId,
      ]);
      expect(asked.result).not.toBe('TechnischeFout');
    });

    it('the operator verifies the audit log while the server runs; a school’s key may not', async () => {
      const verified = await cli(operatorKey, ['audit', 'verify']);
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(
        /^Auditlog in orde: \d+ regels gecontroleerd, de keten is ongebroken\.\n$/,
      );
      const verdict = await json<{ ok: boolean; checked: number }>(operatorKey, ['audit', 'verify']);
      expect(verdict.ok).toBe(true);
      // the first verification is itself in the log now
      expect(verdict.checked).toBeGreaterThan(Number(/(\d+) regels/.exec(verified.stdout)?.[1]));
      const refused = await cli(keys[PO], ['audit', 'verify']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('FORBIDDEN');
    });

    it('the built command takes a registration from standard input (the pupil’s data not among its arguments)', async () => {
      const l = pupils[1].huidigeschool.leerling;
      const registration = JSON.stringify({
        achternaam: l.achternaam,
        bsn: l.bsn,
        geboortedatum: l.geboortedatum,
        sourceBrin: PO,
      });
      const args = ['registration', 'add', '--school', '22YY', '-', '--url', server.url, '--json'];
      expect(args.join(' ')).not.toContain(String(l.bsn));
      const r = await runOverstap(args, childEnv({ OVERSTAP_API_KEY: keys['22YY'] }), 60_000, registration);
      expect(JSON.parse(r.stdout)).toMatchObject({ schoolBrin: '22YY', sourceBrin: PO, state: 'aanmelding' });
    });

    it('refuses wrong usage, another school’s data and a missing key, saying what is wrong', async () => {
      const noTo = await cli(keys[PO], ['dossier', 'klaarzetten', '--school', PO, dossierIds[0]]);
      expect(noTo.code).toBe(2);
      expect(noTo.stderr).toMatch(/^Ongeldige invoer: --to BRIN\./);
      const badDate = await cli(keys[PO], [
        'dossier',
        'inspection',
        '--school',
        PO,
        dossierIds[0],
        '--date',
        '1-4-2027',
        '--akkoord',
        'Ja',
        '--lang',
        'en',
      ]);
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toMatch(/^Invalid input: --date YYYY-MM-DD\./);
      const noReason = await cli(keys[PO], [
        'dossier',
        'inspection',
        '--school',
        PO,
        dossierIds[0],
        '--date',
        '2027-01-04',
        '--akkoord',
        'Nee',
      ]);
      expect(noReason.code).toBe(2);
      expect(noReason.stderr).toMatch(/^Ongeldige invoer: --reason TEXT \(--akkoord Nee\)\./);
      const unknownAction = await cli(keys[PO], ['dossier', 'send', '--school', PO]);
      expect(unknownAction.code).toBe(2);
      // the vo school's key does not open the po school's dossiers
      const foreign = await cli(keys[VO], ['dossier', 'export', '--school', PO, dossierIds[0]]);
      expect(foreign.code).toBe(1);
      expect(foreign.stdout).toBe('');
      expect(foreign.stderr).toMatch(/^Geweigerd: .+\(FORBIDDEN\)/);
      // a registration with a BSN that fails the 11-check: the API's message, nothing stored
      await writeFile(
        join(dir, 'bad.json'),
        JSON.stringify({
          achternaam: 'Jansen',
          bsn: '123456789',
          geboortedatum: '2014-05-17',
          sourceBrin: PO,
        }),
      );
      const before = await json<unknown[]>(keys[VO], ['registration', 'list', '--school', VO]);
      const bad = await cli(keys[VO], ['registration', 'add', '--school', VO, 'bad.json']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^Geweigerd: .*\(\w+\)/);
      expect(await json<unknown[]>(keys[VO], ['registration', 'list', '--school', VO])).toHaveLength(
        before.length,
      );
      await writeFile(join(dir, 'broken.json'), '{"achternaam": ');
      const broken = await cli(keys[VO], ['registration', 'add', '--school', VO, 'broken.json']);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^broken\.json is geen JSON-object met een aanmelding/);
      const missing = await cli(keys[PO], ['dossier', 'import', '--school', PO, 'nothing.xml']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe('Het bestand nothing.xml bestaat niet.\n');
      const noKey = await cli(undefined, ['dossier', 'list', '--school', PO]);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toContain('OVERSTAP_API_KEY');
    });
  });
}
