import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writeDossier } from '../../standard/dossier-io.js';
import type { Message } from '../../standard/errors.js';
import {
  type AttachmentMode,
  DEFAULT_ATTACHMENTS,
  DEFAULT_SCHOOLJAAR,
  generateDossier,
  isSchoolYear,
  MAX_TARGET_BYTES,
  type SchoolOverride,
} from '../../standard/generate/index.js';
import { DEFAULT_LIMITS } from '../../standard/limits.js';
import { PROFILE_CODES, type ProfileCode } from '../../standard/profiles.js';
import { type CliContext, type Command, EXIT } from '../command.js';
import { progress } from '../progress.js';

/** The texts of `overstap generate`, Dutch first. */
export const GM = {
  summary: {
    nl: 'Maakt realistische synthetische overstapdossiers, voor tests, demonstraties en metingen.',
    en: 'Makes realistic synthetic transfer dossiers, for tests, demonstrations and benchmarks.',
  },
  description: {
    nl: 'Maakt verzonnen maar realistische dossiers die voldoen aan de OSO gegevensset 2019.1 en het gekozen profiel: leerlingen met geldige (niet-bestaande) BSN’s, ouders, adviezen, ondersteuning, toetsen en echte bijlagen. Dezelfde seed geeft altijd dezelfde bestanden. Bestandsnamen: PROFIEL-SEED-NNNN.xml.',
    en: 'Makes made-up but realistic dossiers that conform to the OSO gegevensset 2019.1 and the chosen profile: pupils with valid (made-up) BSNs, parents, advice, support, tests and real attachments. The same seed always gives the same files. File names: PROFILE-SEED-NNNN.xml.',
  },
  profileOption: {
    nl: 'profiel: POPO, POVO, VOVO, BB, POSWV of VOSWV',
    en: 'profile: POPO, POVO, VOVO, BB, POSWV or VOSWV',
  },
  countOption: { nl: 'aantal dossiers', en: 'number of dossiers' },
  seedOption: {
    nl: 'seed (getal of tekst); zonder seed een willekeurige, die in de samenvatting staat',
    en: 'seed (number or text); without one a random seed, shown in the summary',
  },
  attachmentsOption: {
    nl: 'bijlagen: none (geen), small (enkele kleine) of realistic (10–60 KB elk)',
    en: 'attachments: none, small (a few tiny ones) or realistic (10–60 KB each)',
  },
  sizeOption: {
    nl: 'vul elk dossier aan met gescande bijlagen tot ongeveer deze grootte, bv. 20KB, 200KB, 5MB, 50MB',
    en: 'pad each dossier with scanned attachments to about this size, e.g. 20KB, 200KB, 5MB, 50MB',
  },
  schoolOption: {
    nl: 'de school van herkomst: BRIN, of BRIN-vestiging (01AA-01); standaard een verzonnen school per klas',
    en: 'the sending school: BRIN, or BRIN-branch (01AA-01); by default a made-up school per class',
  },
  badSchool: (value: string): Message => ({
    nl: `De school "${value}" klopt niet; schrijf haar BRIN (01AA) of BRIN en vestiging (01AA-01).`,
    en: `The school "${value}" is not right; write its BRIN (01AA) or BRIN and branch (01AA-01).`,
  }),
  schooljaarOption: {
    nl: 'schooljaar van de overstap, JJJJ-JJJJ',
    en: 'school year of the transfer, YYYY-YYYY',
  },
  outputOption: {
    nl: 'map voor de bestanden (wordt aangemaakt)',
    en: 'folder for the files (created if needed)',
  },
  missingProfile: {
    nl: 'Geef een profiel op met --profile, bijvoorbeeld: overstap generate --profile POVO --count 10 -o dossiers',
    en: 'Give a profile with --profile, for example: overstap generate --profile POVO --count 10 -o dossiers',
  },
  badProfile: (value: string): Message => ({
    nl: `Onbekend profiel "${value}"; kies ${PROFILE_CODES.join(', ')}.`,
    en: `Unknown profile "${value}"; choose ${PROFILE_CODES.join(', ')}.`,
  }),
  badCount: (value: string): Message => ({
    nl: `Het aantal "${value}" klopt niet; geef een heel getal van 1 tot en met 1.000.000.`,
    en: `The count "${value}" is not right; give a whole number from 1 to 1,000,000.`,
  }),
  badAttachments: (value: string): Message => ({
    nl: `Onbekende bijlagen-keuze "${value}"; kies none, small of realistic.`,
    en: `Unknown attachments choice "${value}"; choose none, small or realistic.`,
  }),
  badSize: (value: string): Message => ({
    nl: `De grootte "${value}" klopt niet; geef bytes of een getal met KB, MB of GB (bijvoorbeeld 200KB), tot 1 GB.`,
    en: `The size "${value}" is not right; give bytes or a number with KB, MB or GB (for example 200KB), up to 1 GB.`,
  }),
  badSchooljaar: (value: string): Message => ({
    nl: `Het schooljaar "${value}" klopt niet; schrijf het als 2025-2026.`,
    en: `The school year "${value}" is not right; write it as 2025-2026.`,
  }),
  missingOutput: {
    nl: 'Geef een uitvoermap op met -o, bijvoorbeeld -o dossiers.',
    en: 'Give an output folder with -o, for example -o dossiers.',
  },
  unexpectedArguments: (args: string): Message => ({
    nl: `Onverwachte argumenten: ${args}. De uitvoermap gaat met -o.`,
    en: `Unexpected arguments: ${args}. The output folder goes with -o.`,
  }),
  cannotWrite: (path: string, detail: string): Message => ({
    nl: `Kan niet schrijven naar ${path}: ${detail}`,
    en: `Cannot write to ${path}: ${detail}`,
  }),
  overReaderLimit: (limit: string): Message => ({
    nl: `Let op: dossiers groter dan ${limit} worden met de standaardgrenzen niet ingelezen of gevalideerd.`,
    en: `Note: dossiers larger than ${limit} are not read or validated under the default limits.`,
  }),
  done: (
    count: number,
    profile: string,
    dir: string,
    size: string,
    seconds: string,
    seed: string,
  ): Message => ({
    nl: `${count} ${count === 1 ? 'dossier' : 'dossiers'} (${profile}) geschreven naar ${dir}: ${size} in ${seconds} s, seed ${seed}.`,
    en: `${count} ${count === 1 ? 'dossier' : 'dossiers'} (${profile}) written to ${dir}: ${size} in ${seconds} s, seed ${seed}.`,
  }),
};

const MAX_COUNT = 1_000_000;
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `204800`, `200KB`, `5 MB`, `1.5mb` → bytes (KB = 1024 bytes); undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 && bytes <= MAX_TARGET_BYTES ? bytes : undefined;
}

/** `12,3 MB` (nl) / `12.3 MB` (en). */
function formatBytes(bytes: number, ctx: CliContext): string {
  const [value, unit] =
    bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  const text = unit === 'bytes' ? String(value) : value.toFixed(1);
  return `${ctx.lang === 'nl' ? text.replace('.', ',') : text} ${unit}`;
}

function formatSeconds(ms: number, ctx: CliContext): string {
  const text = (ms / 1000).toFixed(1);
  return ctx.lang === 'nl' ? text.replace('.', ',') : text;
}

/** The seed as it may appear in a file name. */
function seedSlug(seed: string): string {
  return seed.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'seed';
}

function fail(ctx: CliContext, message: Message, code: number = EXIT.USAGE): number {
  ctx.stderr.write(`${ctx.t(message)}\n`);
  return code;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: GM.summary,
  description: GM.description,
  usage:
    '--profile POPO|POVO|VOVO|BB|POSWV|VOSWV [--count N] [--seed S] [--attachments none|small|realistic] [--size BYTES] [--schooljaar JJJJ-JJJJ] [--school BRIN[-NN]] -o MAP',
  options: {
    profile: { type: 'string', arg: 'PROFIEL', help: GM.profileOption },
    count: { type: 'string', arg: 'N', default: '1', help: GM.countOption },
    seed: { type: 'string', arg: 'SEED', help: GM.seedOption },
    attachments: { type: 'string', arg: 'SOORT', default: DEFAULT_ATTACHMENTS, help: GM.attachmentsOption },
    size: { type: 'string', arg: 'BYTES', help: GM.sizeOption },
    schooljaar: { type: 'string', arg: 'JJJJ-JJJJ', default: DEFAULT_SCHOOLJAAR, help: GM.schooljaarOption },
    school: { type: 'string', arg: 'BRIN[-NN]', help: GM.schoolOption },
    output: { type: 'string', short: 'o', arg: 'MAP', help: GM.outputOption },
  },
  async run({ values, positionals }, ctx) {
    if (positionals.length > 0) return fail(ctx, GM.unexpectedArguments(positionals.join(' ')));
    const profileText = values.profile === undefined ? undefined : String(values.profile);
    if (profileText === undefined) return fail(ctx, GM.missingProfile);
    const profile = profileText.toUpperCase() as ProfileCode;
    if (!PROFILE_CODES.includes(profile)) return fail(ctx, GM.badProfile(profileText));
    const countText = String(values.count ?? '1');
    const count = /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
    if (!(count >= 1 && count <= MAX_COUNT)) return fail(ctx, GM.badCount(countText));
    const attachments = String(values.attachments ?? DEFAULT_ATTACHMENTS) as AttachmentMode;
    if (!['none', 'small', 'realistic'].includes(attachments))
      return fail(ctx, GM.badAttachments(attachments));
    let targetBytes: number | undefined;
    if (values.size !== undefined) {
      targetBytes = parseSize(String(values.size));
      if (targetBytes === undefined) return fail(ctx, GM.badSize(String(values.size)));
    }
    const schooljaar = String(values.schooljaar ?? DEFAULT_SCHOOLJAAR);
    if (!isSchoolYear(schooljaar)) return fail(ctx, GM.badSchooljaar(schooljaar));
    let school: SchoolOverride | undefined;
    if (values.school !== undefined) {
      const m = /^([0-9]{2}[A-Z]{2})(?:-([0-9]{2}))?$/.exec(String(values.school).trim());
      if (!m) return fail(ctx, GM.badSchool(String(values.school)));
      school = { brincode: m[1], vestigingscode: m[2] ?? '00' };
    }
    if (values.output === undefined || values.output === '') return fail(ctx, GM.missingOutput);
    const seed = values.seed === undefined ? String(Math.floor(Math.random() * 1e9)) : String(values.seed);

    const dir = resolve(ctx.cwd, String(values.output));
    const shown = relative(ctx.cwd, dir) || '.';
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      return fail(ctx, GM.cannotWrite(shown, (e as Error).message), EXIT.UNREADABLE);
    }
    if (targetBytes !== undefined && targetBytes > DEFAULT_LIMITS.maxBytes) {
      ctx.stderr.write(`${ctx.t(GM.overReaderLimit(formatBytes(DEFAULT_LIMITS.maxBytes, ctx)))}\n`);
    }

    const options = { profile, seed, attachments, targetBytes, schooljaar, ...(school ? { school } : {}) };
    const digits = Math.max(4, String(count - 1).length);
    const started = performance.now();
    const bar = progress(ctx, count);
    let bytes = 0;
    try {
      for (let i = 0; i < count; i++) {
        const xml = writeDossier(generateDossier(options, i));
        const file = join(dir, `${profile}-${seedSlug(seed)}-${String(i).padStart(digits, '0')}.xml`);
        try {
          await writeFile(file, xml);
        } catch (e) {
          return fail(ctx, GM.cannotWrite(relative(ctx.cwd, file), (e as Error).message), EXIT.UNREADABLE);
        }
        bytes += xml.length;
        bar.tick();
      }
    } finally {
      bar.stop();
    }
    const seconds = formatSeconds(performance.now() - started, ctx);
    ctx.stdout.write(`${ctx.t(GM.done(count, profile, shown, formatBytes(bytes, ctx), seconds, seed))}\n`);
    return EXIT.OK;
  },
};
