import { relative, resolve } from 'node:path';
import { type AppError, isAppError } from '../../platform/errors.js';
import {
  type CertificateKind,
  createCa,
  type IssuedFiles,
  issueCertificate,
} from '../../platform/pki/index.js';
import type { Message } from '../../standard/errors.js';
import { type CliContext, type Command, EXIT } from '../command.js';

/** The texts of `overstap pki`, Dutch first. */
export const PM = {
  summary: {
    nl: 'Maakt een lokale keten-CA en certificaten voor wederzijdse TLS (ontwikkeling en tests).',
    en: 'Creates a local chain CA and certificates for mutual TLS (development and tests).',
  },
  description: {
    nl: 'overstap pki init maakt de CA (ca.crt, ca.key) in de map.\noverstap pki issue NAAM --kind server|client|both maakt NAAM.crt en NAAM.key, ondertekend door die CA: server voor het verkeerscentrum, client voor een leverancierssysteem, both voor een gateway.\nIn productie komen certificaten van de CA van de keten; geef ze op met OVERSTAP_TLS_CERT, OVERSTAP_TLS_KEY en OVERSTAP_TLS_CA (paden naar PEM-bestanden).',
    en: 'overstap pki init creates the CA (ca.crt, ca.key) in the folder.\noverstap pki issue NAME --kind server|client|both creates NAME.crt and NAME.key, signed by that CA: server for the traffic center, client for a supplier system, both for a gateway.\nIn production, certificates come from the chain’s CA; configure them with OVERSTAP_TLS_CERT, OVERSTAP_TLS_KEY and OVERSTAP_TLS_CA (paths to PEM files).',
  },
  dirOption: { nl: 'map van de CA en de certificaten', en: 'folder of the CA and the certificates' },
  kindOption: {
    nl: 'soort certificaat: server, client of both',
    en: 'kind of certificate: server, client or both',
  },
  dnsOption: {
    nl: 'DNS-naam van de server (herhaalbaar; server en both: standaard localhost)',
    en: 'DNS name of the server (repeatable; server and both: default localhost)',
  },
  ipOption: {
    nl: 'IP-adres van de server (herhaalbaar; server en both: standaard 127.0.0.1)',
    en: 'IP address of the server (repeatable; server and both: default 127.0.0.1)',
  },
  cnOption: { nl: 'common name (standaard de naam)', en: 'common name (default: the name)' },
  daysOption: { nl: 'geldigheid in dagen', en: 'validity in days' },
  forceOption: { nl: 'bestaande bestanden vervangen', en: 'replace existing files' },
  missingAction: {
    nl: 'Geef een actie: overstap pki init of overstap pki issue NAAM --kind server|client|both',
    en: 'Give an action: overstap pki init or overstap pki issue NAME --kind server|client|both',
  },
  unknownAction: (a: string): Message => ({
    nl: `Onbekende actie "${a}"; kies init of issue.`,
    en: `Unknown action "${a}"; choose init or issue.`,
  }),
  missingName: {
    nl: 'Geef de naam van het certificaat, bijvoorbeeld: overstap pki issue trafficcenter --kind server',
    en: 'Give the name of the certificate, for example: overstap pki issue trafficcenter --kind server',
  },
  unexpected: (args: string): Message => ({
    nl: `Onverwachte argumenten: ${args}.`,
    en: `Unexpected arguments: ${args}.`,
  }),
  badKind: (k: string): Message => ({
    nl: `Onbekende soort "${k}"; kies server, client of both.`,
    en: `Unknown kind "${k}"; choose server, client or both.`,
  }),
  badDays: (d: string): Message => ({
    nl: `Het aantal dagen "${d}" klopt niet; geef een heel getal van 1 tot en met 3650.`,
    en: `The number of days "${d}" is not right; give a whole number from 1 to 3650.`,
  }),
  exists: (file: string): Message => ({
    nl: `${file} bestaat al; gebruik --force om het te vervangen.`,
    en: `${file} already exists; use --force to replace it.`,
  }),
  caCreated: (dir: string): Message => ({
    nl: `Keten-CA gemaakt in ${dir}:`,
    en: `Chain CA created in ${dir}:`,
  }),
  certificate: { nl: 'certificaat', en: 'certificate' },
  privateKey: {
    nl: 'privésleutel (alleen voor de eigenaar leesbaar; geef hem aan niemand)',
    en: 'private key (readable by its owner only; give it to no one)',
  },
  fingerprint: { nl: 'vingerafdruk (SHA-256)', en: 'fingerprint (SHA-256)' },
  validUntil: { nl: 'geldig tot', en: 'valid until' },
  issued: (name: string, kind: CertificateKind): Message => ({
    nl: `Certificaat ${name} (${{ server: 'server', client: 'client', both: 'server en client' }[kind]}) gemaakt:`,
    en: `Certificate ${name} (${{ server: 'server', client: 'client', both: 'server and client' }[kind]}) created:`,
  }),
  configure: {
    nl: 'Gebruik het met deze omgevingsvariabelen:',
    en: 'Use it with these environment variables:',
  },
  registerFingerprint: {
    nl: 'Het verkeerscentrum herkent dit systeem aan de vingerafdruk: registreer die bij het leverancierssysteem.',
    en: 'The traffic center recognises this system by its fingerprint: register it with the supplier system.',
  },
} satisfies Record<string, Message | ((...a: never[]) => Message)>;

export const DEFAULT_PKI_DIR = './data/pki';

export const pkiCommand: Command = {
  name: 'pki',
  summary: PM.summary,
  description: PM.description,
  usage:
    'init [--dir MAP] | issue NAAM --kind server|client|both [--dns NAAM]... [--ip ADRES]... [--cn NAAM] [--days N] [--dir MAP]',
  options: {
    dir: { type: 'string', arg: 'MAP', default: DEFAULT_PKI_DIR, help: PM.dirOption },
    kind: { type: 'string', arg: 'SOORT', help: PM.kindOption },
    dns: { type: 'string', multiple: true, arg: 'NAAM', help: PM.dnsOption },
    ip: { type: 'string', multiple: true, arg: 'ADRES', help: PM.ipOption },
    cn: { type: 'string', arg: 'NAAM', help: PM.cnOption },
    days: { type: 'string', arg: 'N', help: PM.daysOption },
    force: { type: 'boolean', help: PM.forceOption },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (action === undefined) return fail(ctx, PM.missingAction);
    if (action !== 'init' && action !== 'issue') return fail(ctx, PM.unknownAction(action));
    const dir = resolve(ctx.cwd, String(values.dir ?? DEFAULT_PKI_DIR));
    const overwrite = values.force === true;
    let days: number | undefined;
    if (values.days !== undefined) {
      const text = String(values.days);
      days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!(days >= 1 && days <= 3650)) return fail(ctx, PM.badDays(text));
    }
    try {
      if (action === 'init') {
        if (rest.length > 0) return fail(ctx, PM.unexpected(rest.join(' ')));
        const ca = await createCa({
          dir,
          commonName: String(values.cn ?? 'Overstap development chain CA'),
          days,
          overwrite,
        });
        ctx.stdout.write(`${ctx.t(PM.caCreated(shown(ctx, dir)))}\n`);
        printFiles(ctx, ca);
        return EXIT.OK;
      }
      const [name, ...extra] = rest;
      if (name === undefined) return fail(ctx, PM.missingName);
      if (extra.length > 0) return fail(ctx, PM.unexpected(extra.join(' ')));
      const kind = String(values.kind ?? '');
      if (kind !== 'server' && kind !== 'client' && kind !== 'both') return fail(ctx, PM.badKind(kind));
      const dns = (values.dns as string[] | undefined) ?? [];
      const ip = (values.ip as string[] | undefined) ?? [];
      const defaults = kind !== 'client' && dns.length === 0 && ip.length === 0;
      const issued = await issueCertificate({
        caDir: dir,
        outDir: dir,
        name,
        commonName: String(values.cn ?? name),
        kind,
        dnsNames: defaults ? ['localhost'] : dns,
        ipAddresses: defaults ? ['127.0.0.1'] : ip,
        days,
        overwrite,
      });
      ctx.stdout.write(`${ctx.t(PM.issued(name, kind))}\n`);
      printFiles(ctx, issued);
      ctx.stdout.write(
        `\n${ctx.t(PM.configure)}\n  OVERSTAP_TLS_CERT=${issued.certPath}\n  OVERSTAP_TLS_KEY=${issued.keyPath}\n  OVERSTAP_TLS_CA=${resolve(dir, 'ca.crt')}\n`,
      );
      if (kind !== 'server') ctx.stdout.write(`${ctx.t(PM.registerFingerprint)}\n`);
      return EXIT.OK;
    } catch (e) {
      if (!isAppError(e)) throw e;
      return failWith(ctx, e);
    }
  },
};

function printFiles(ctx: CliContext, files: IssuedFiles): void {
  ctx.stdout.write(
    [
      `  ${shown(ctx, files.certPath)}  ${ctx.t(PM.certificate)}`,
      `  ${shown(ctx, files.keyPath)}  ${ctx.t(PM.privateKey)}`,
      `  ${ctx.t(PM.fingerprint)}: ${files.fingerprint}`,
      `  ${ctx.t(PM.validUntil)}: ${files.notAfter.toISOString().slice(0, 10)}`,
      '',
    ].join('\n'),
  );
}

function shown(ctx: CliContext, path: string): string {
  return relative(ctx.cwd, path) || '.';
}

function fail(ctx: CliContext, message: Message, code: number = EXIT.USAGE): number {
  ctx.stderr.write(`${ctx.t(message)}\n`);
  return code;
}

/** An AppError from the PKI functions, in the user's words; refused (1) or unusable input (2). */
function failWith(ctx: CliContext, e: AppError): number {
  if (e.code === 'CONFLICT' && typeof e.details.file === 'string') {
    return fail(ctx, PM.exists(shown(ctx, e.details.file)), EXIT.FINDINGS);
  }
  return fail(ctx, e.messages);
}
