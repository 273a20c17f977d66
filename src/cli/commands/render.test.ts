import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { osoPath } from '../../../test/support/shared.js';
import type { CliContext, Lang, ParsedArgs } from '../command.js';
import { renderCommand } from './render.js';

const example = osoPath('official', 'examples', 'Voorbeelddossier_OV_POVO_full.xml');

function fakeCtx(lang: Lang = 'nl', tty = false) {
  const dir = mkdtempSync(join(tmpdir(), 'overstap-render-'));
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        out.push(Buffer.from(chunk));
        done();
      },
    }),
    { isTTY: tty },
  );
  const stderr = new Writable({
    write(chunk, _enc, done) {
      err.push(String(chunk));
      done();
    },
  });
  const ctx: CliContext = { lang, stdout, stderr, cwd: dir, t: (m) => m[lang] };
  return { ctx, dir, stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => err.join('') };
}

const args = (positionals: string[], values: ParsedArgs['values'] = {}): ParsedArgs => ({
  positionals,
  values: { format: 'html', 'doc-lang': 'nl', ...values },
});

const savedChromium = process.env.OVERSTAP_CHROMIUM;
afterEach(() => {
  if (savedChromium === undefined) delete process.env.OVERSTAP_CHROMIUM;
  else process.env.OVERSTAP_CHROMIUM = savedChromium;
});

describe('overstap render', () => {
  it('writes an HTML overview to the file given with -o', async () => {
    const f = fakeCtx();
    const code = await renderCommand.run(args([example], { output: 'overzicht.html' }), f.ctx);
    expect(code).toBe(0);
    const html = readFileSync(join(f.dir, 'overzicht.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Daan van de Berg');
    expect(f.stdout()).toMatch(/^Weergave geschreven naar .*overzicht\.html \(\d+,\d kB\)\.\n$/);
    expect(f.stderr()).toBe('');
  });

  it('writes into a folder given with -o, named after the input', async () => {
    const f = fakeCtx('en');
    const code = await renderCommand.run(args([example], { output: '.', 'doc-lang': 'en' }), f.ctx);
    expect(code).toBe(0);
    const html = readFileSync(join(f.dir, 'Voorbeelddossier_OV_POVO_full.html'), 'utf8');
    expect(html).toContain('Contents of the dossier');
    expect(f.stdout()).toMatch(/^Overview written to /);
  });

  it('writes HTML to standard output without -o', async () => {
    const f = fakeCtx();
    expect(await renderCommand.run(args([example]), f.ctx)).toBe(0);
    expect(f.stdout().startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses to write a PDF to a terminal', async () => {
    const f = fakeCtx('nl', true);
    expect(await renderCommand.run(args([example], { format: 'pdf' }), f.ctx)).toBe(2);
    expect(f.stderr()).toContain('Een PDF wordt niet naar de terminal geschreven');
  });

  it('says in both languages when Chromium is missing', async () => {
    process.env.OVERSTAP_CHROMIUM = '/nonexistent/chromium';
    const nl = fakeCtx('nl');
    expect(await renderCommand.run(args([example], { format: 'pdf', output: 'x.pdf' }), nl.ctx)).toBe(2);
    expect(nl.stderr()).toContain('Chromium is niet gevonden op /nonexistent/chromium');
    const en = fakeCtx('en');
    expect(await renderCommand.run(args([example], { format: 'pdf', output: 'x.pdf' }), en.ctx)).toBe(2);
    expect(en.stderr()).toContain('Chromium was not found at /nonexistent/chromium');
  });

  it('rejects wrong usage with exit code 2', async () => {
    const f = fakeCtx();
    expect(await renderCommand.run(args([]), f.ctx)).toBe(2);
    expect(f.stderr()).toContain('Geef precies één dossierbestand op');
    const g = fakeCtx('en');
    expect(await renderCommand.run(args([example], { format: 'docx' }), g.ctx)).toBe(2);
    expect(g.stderr()).toContain('Unknown format "docx"; choose html or pdf.');
    const h = fakeCtx();
    expect(await renderCommand.run(args([example], { 'doc-lang': 'de' }), h.ctx)).toBe(2);
    expect(h.stderr()).toContain('Onbekende documenttaal "de"');
  });

  it('reports a missing or unreadable dossier with exit code 2', async () => {
    const f = fakeCtx();
    expect(await renderCommand.run(args(['bestaat-niet.xml']), f.ctx)).toBe(2);
    expect(f.stderr()).toContain('Het bestand bestaat-niet.xml bestaat niet.');
    const g = fakeCtx();
    writeFileSync(join(g.dir, 'kapot.xml'), '<dossier><metadata>');
    expect(await renderCommand.run(args(['kapot.xml']), g.ctx)).toBe(2);
    expect(g.stderr()).toMatch(/^kapot\.xml is geen leesbaar overstapdossier: /);
  });
});
