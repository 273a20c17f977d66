/**
 * `npm run bench:standard` — parse, validate and write throughput of the dossier library, on the
 * official full examples and on generated POVO dossiers of 20 KB, 200 KB, 5 MB and 50 MB, plus
 * the memory a validation needs. Each large size runs in its own child process so that its peak
 * memory is its own. Prints a table; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { readDocument, writeDossier } from '../src/standard/dossier-io.js';
import { generateDossier } from '../src/standard/generate/index.js';
import type { Dossier } from '../src/standard/model.js';
import { validateDocument } from '../src/standard/validate.js';
import { parseXml } from '../src/standard/xml/parse.js';

const MB = 1024 * 1024;

function timeIt(fn: () => unknown, minMs: number, minRuns: number): number[] {
  for (let i = 0; i < Math.min(20, minRuns); i++) fn(); // warm up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const median = (t: number[]) => t[Math.floor(t.length / 2)];
const p95 = (t: number[]) => t[Math.floor(t.length * 0.95)];

function row(label: string, bytes: number, times: number[]): string {
  const m = median(times);
  return `${label.padEnd(42)} ${(bytes / 1024).toFixed(0).padStart(8)} KB  median ${m.toFixed(3).padStart(9)} ms  p95 ${p95(times).toFixed(3).padStart(9)} ms  ${(1000 / m).toFixed(1).padStart(8)} dossiers/s  ${(bytes / MB / (m / 1000)).toFixed(1).padStart(7)} MB/s`;
}

function measure(label: string, bytes: Buffer, dossier: Dossier, minMs: number, minRuns: number): void {
  console.log(
    row(
      `${label} parse`,
      bytes.length,
      timeIt(() => parseXml(bytes), minMs, minRuns),
    ),
  );
  console.log(
    row(
      `${label} read+validate (strict)`,
      bytes.length,
      timeIt(() => validateDocument(bytes), minMs, minRuns),
    ),
  );
  console.log(
    row(
      `${label} read+validate (official)`,
      bytes.length,
      timeIt(() => validateDocument(bytes, { mode: 'official' }), minMs, minRuns),
    ),
  );
  console.log(
    row(
      `${label} read to model`,
      bytes.length,
      timeIt(() => readDocument(bytes), minMs, minRuns),
    ),
  );
  console.log(
    row(
      `${label} write`,
      bytes.length,
      timeIt(() => writeDossier(dossier), minMs, minRuns),
    ),
  );
}

/**
 * Child mode: validate one file and report memory. The parent starts it with a V8 old-space
 * limit of 4× the file size (plus the baseline of a bare process): finishing at all proves the
 * heap never needed more.
 */
function child(file: string): void {
  const bytes = readFileSync(file);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const r = validateDocument(bytes);
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  console.log(
    JSON.stringify({
      size: bytes.length,
      ms,
      valid: r.findings.every((f) => f.severity !== 'fout'),
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      rssBefore: before.rss,
      rssHighWater: hwm,
    }),
  );
}

if (process.argv[2] === '--child') {
  child(process.argv[3]);
} else {
  console.log(`Overstap dossier library benchmark — node ${process.version}, ${new Date().toISOString()}\n`);
  const dir = resolve(
    process.env.OVERSTAP_SHARED_DIR ?? resolve(import.meta.dirname, '../../shared'),
    'oso/official/examples',
  );
  for (const name of readdirSync(dir).filter((f) => f.endsWith('_full.xml'))) {
    const bytes = readFileSync(resolve(dir, name));
    const doc = readDocument(bytes);
    if (doc.kind !== 'dossier') continue;
    measure(name.replace('Voorbeelddossier_', '').replace('.xml', ''), bytes, doc.dossier, 1500, 200);
  }
  console.log('');
  for (const [label, size] of [
    ['generated 20 KB', 20 * 1024],
    ['generated 200 KB', 200 * 1024],
    ['generated 5 MB', 5 * MB],
    ['generated 50 MB', 50 * MB],
  ] as const) {
    const dossier = generateDossier(
      { profile: 'POVO', seed: 'bench', attachments: 'realistic', targetBytes: size },
      0,
    );
    const bytes = writeDossier(dossier);
    measure(label, bytes, dossier, size > MB ? 2000 : 1500, size > 10 * MB ? 3 : size > MB ? 10 : 100);
  }
  console.log(
    '\nMemory of one strict validation (separate process each, V8 heap capped at 4× the size + 32 MB):',
  );
  const tmp = mkdtempSync(resolve(tmpdir(), 'overstap-bench-'));
  for (const size of [5 * MB, 50 * MB]) {
    const file = resolve(tmp, `povo-${size}.xml`);
    writeFileSync(
      file,
      writeDossier(
        generateDossier({ profile: 'POVO', seed: 'bench', attachments: 'realistic', targetBytes: size }, 0),
      ),
    );
    const cap = Math.ceil((4 * size) / MB) + 32;
    const out = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        `--max-old-space-size=${cap}`,
        resolve(import.meta.dirname, 'standard.ts'),
        '--child',
        file,
      ],
      { encoding: 'utf8', maxBuffer: 10 * MB },
    );
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    const rssGrowth = r.rssHighWater - r.rssBefore;
    console.log(
      `  ${(r.size / MB).toFixed(1)} MB dossier: validate ${r.ms.toFixed(0)} ms, valid=${r.valid}, finished under a ${cap} MB heap cap; peak RSS growth ${(rssGrowth / MB).toFixed(1)} MB = ${(rssGrowth / r.size).toFixed(2)}× size`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}
