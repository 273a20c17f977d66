import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../standard/errors.js';
import { validateDocument } from '../../standard/validate.js';
import type { CliContext, Lang, ParsedArgs } from '../command.js';
import { generateCommand, parseSize } from './generate.js';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'overstap-generate-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Runs the command with a fake context that captures what it prints. */
async function run(
  values: ParsedArgs['values'],
  options: { lang?: Lang; tty?: boolean; positionals?: string[] } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void, tty: boolean) =>
    Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          append(String(chunk));
          done();
        },
      }),
      { isTTY: tty },
    );
  const lang = options.lang ?? 'nl';
  const ctx: CliContext = {
    lang,
    stdout: sink((s) => {
      stdout += s;
    }, false),
    stderr: sink((s) => {
      stderr += s;
    }, options.tty ?? false),
    cwd,
    t: (m: Message) => m[lang],
  };
  const code = await generateCommand.run({ values, positionals: options.positionals ?? [] }, ctx);
  return { code, stdout, stderr };
}

describe('overstap generate', () => {
  it('writes N valid dossiers named PROFILE-SEED-NNNN.xml into a new folder and sums up in one line', async () => {
    const r = await run({
      profile: 'POVO',
      count: '5',
      seed: '42',
      attachments: 'small',
      output: 'out/povo',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const files = (await readdir(join(cwd, 'out/povo'))).sort();
    expect(files).toEqual([
      'POVO-42-0000.xml',
      'POVO-42-0001.xml',
      'POVO-42-0002.xml',
      'POVO-42-0003.xml',
      'POVO-42-0004.xml',
    ]);
    for (const f of files) {
      const result = validateDocument(await readFile(join(cwd, 'out/povo', f)), { mode: 'strict' });
      expect(result.findings).toEqual([]);
    }
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(
      /^5 dossiers \(POVO\) geschreven naar out\/povo: [\d,]+ KB in [\d,]+ s, seed 42\.\n$/,
    );
  });

  it('writes the same bytes for the same seed', async () => {
    await run({ profile: 'VOSWV', count: '2', seed: 'demo', output: 'a' });
    await run({ profile: 'vovo', count: '1', seed: 'demo', output: 'b' });
    await run({ profile: 'VOSWV', count: '2', seed: 'demo', output: 'b' });
    for (const f of ['VOSWV-demo-0000.xml', 'VOSWV-demo-0001.xml']) {
      expect((await readFile(join(cwd, 'a', f))).equals(await readFile(join(cwd, 'b', f)))).toBe(true);
    }
    expect(await readdir(join(cwd, 'b'))).toContain('VOVO-demo-0000.xml');
  });

  it('makes the dossiers of one given school with --school (BRIN, or BRIN-vestiging)', async () => {
    expect((await run({ profile: 'POVO', count: '2', seed: 's', school: '01AA', output: 'a' })).code).toBe(0);
    expect((await run({ profile: 'POVO', count: '1', seed: 's', school: '02BB-01', output: 'b' })).code).toBe(
      0,
    );
    for (const f of ['POVO-s-0000.xml', 'POVO-s-0001.xml']) {
      const xml = await readFile(join(cwd, 'a', f), 'utf8');
      expect(validateDocument(Buffer.from(xml)).findings.filter((x) => x.severity === 'fout')).toEqual([]);
      expect(xml).toMatch(
        /<huidigeschool>[\s\S]*?<brincode>01AA<\/brincode>\s*<vestigingscode>00<\/vestigingscode>/,
      );
    }
    const b = await readFile(join(cwd, 'b', 'POVO-s-0000.xml'), 'utf8');
    expect(b).toMatch(/<brincode>02BB<\/brincode>\s*<vestigingscode>01<\/vestigingscode>/);
  });

  it('pads dossiers to --size', async () => {
    const r = await run({ profile: 'BB', count: '2', seed: '7', size: '200KB', output: 'big' });
    expect(r.code).toBe(0);
    for (const f of await readdir(join(cwd, 'big'))) {
      const size = (await readFile(join(cwd, 'big', f))).length;
      expect(Math.abs(size - 200 * 1024) / (200 * 1024)).toBeLessThan(0.1);
    }
  });

  it('chooses a random seed when none is given, and says which', async () => {
    const r = await run({ profile: 'POPO', count: '1', attachments: 'none', output: 'x' }, { lang: 'en' });
    expect(r.code).toBe(0);
    const seed = /seed (\d+)\.$/.exec(r.stdout.trim())?.[1];
    expect(seed).toBeDefined();
    expect(await readdir(join(cwd, 'x'))).toEqual([`POPO-${seed}-0000.xml`]);
    expect(r.stdout).toMatch(/^1 dossier \(POPO\) written to x: [\d.]+ KB in [\d.]+ s, seed \d+\.\n$/);
  });

  it('shows a progress bar on stderr only when it is a terminal', async () => {
    const tty = await run(
      { profile: 'POSWV', count: '6', seed: '1', attachments: 'none', output: 't' },
      { tty: true },
    );
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/6\/6|100%/);
    const pipe = await run({ profile: 'POSWV', count: '6', seed: '1', attachments: 'none', output: 'p' });
    expect(pipe.stderr).toBe('');
  });

  it('refuses wrong usage with exit code 2 and a message in the chosen language', async () => {
    const cases: [ParsedArgs['values'], RegExp][] = [
      [{ count: '1', output: 'o' }, /--profile/],
      [{ profile: 'POXX', output: 'o' }, /Unknown profile "POXX"/],
      [{ profile: 'POVO', count: '0', output: 'o' }, /count "0"/],
      [{ profile: 'POVO', count: '2.5', output: 'o' }, /count "2.5"/],
      [{ profile: 'POVO', attachments: 'huge', output: 'o' }, /attachments choice "huge"/],
      [{ profile: 'POVO', size: 'lots', output: 'o' }, /size "lots"/],
      [{ profile: 'POVO', schooljaar: '2025', output: 'o' }, /school year "2025"/],
      [{ profile: 'POVO', school: '1AA', output: 'o' }, /school "1AA" is not right/],
      [{ profile: 'POVO' }, /output folder with -o/],
    ];
    for (const [values, message] of cases) {
      const r = await run(values, { lang: 'en' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const dutch = await run({ profile: 'POXX', output: 'o' });
    expect(dutch.stderr).toMatch(/Onbekend profiel "POXX"/);
    const extra = await run({ profile: 'POVO', output: 'o' }, { positionals: ['dir'] });
    expect(extra.code).toBe(2);
  });

  it('reports a folder it cannot create with exit code 2', async () => {
    await writeFile(join(cwd, 'file'), 'not a folder');
    const r = await run({ profile: 'POVO', output: 'file/sub' }, { lang: 'en' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Cannot write to file\/sub/);
  });

  it('reads sizes in bytes, KB, MB and GB (powers of 1024)', () => {
    expect(parseSize('204800')).toBe(204_800);
    expect(parseSize('200KB')).toBe(204_800);
    expect(parseSize('5 MB')).toBe(5 * 1024 * 1024);
    expect(parseSize('1.5mb')).toBe(1_572_864);
    expect(parseSize('1GB')).toBe(1024 ** 3);
    for (const bad of ['', '0', '-5', 'abc', '5 TB', '2GB']) expect(parseSize(bad)).toBeUndefined();
  });

  it('describes itself for the help in both languages', () => {
    expect(generateCommand.name).toBe('generate');
    expect(generateCommand.summary.nl).not.toBe(generateCommand.summary.en);
    for (const o of Object.values(generateCommand.options)) expect(o.help.nl && o.help.en).toBeTruthy();
  });
});
