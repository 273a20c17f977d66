/**
 * Attachments (`document`) for synthetic dossiers: a real file (PDF, PNG or TXT) in a ZIP,
 * base64-encoded, as the standard asks. Three modes: `none` gives no documents, `small` a few
 * tiny ones (a few hundred bytes to 2 KB each), `realistic` several of 10–60 KB, as in the official
 * examples. `scanDocument` makes an attachment of a given size from incompressible scan data, to
 * pad dossiers for benchmarks.
 */
import { zipSync } from 'fflate';
import type { Document } from '../model.js';
import { type Day, iso, zipTimestamp } from './calendar.js';
import { buildPdf, encodePng, noiseImage, paginate, Raster, type Rgb, utf8, wrap } from './file-formats.js';
import type { Random } from './random.js';

export type AttachmentMode = 'none' | 'small' | 'realistic';

/** A bar chart: values 0..1 per bar, with a colour each. */
export interface Chart {
  bars: readonly { value: number; rgb: Rgb }[];
  /** Horizontal reference lines (0..1), e.g. the 1F and 2F levels. */
  marks?: readonly number[];
}

const BUDGET: Record<AttachmentMode, number> = { none: 0, small: 3, realistic: 14 };

/** Makes the documents of one dossier; it stops at the mode's budget. */
export class AttachmentFactory {
  private made = 0;

  constructor(
    private readonly rng: Random,
    readonly mode: AttachmentMode,
    private readonly created: Day,
  ) {}

  get enabled(): boolean {
    return this.made < BUDGET[this.mode];
  }

  /** A PDF report; `lines` may contain `# ` headings. */
  pdf(
    bestandsnaam: string,
    omschrijving: string,
    title: string,
    lines: (rng: Random) => string[],
  ): Document | undefined {
    if (!this.take()) return undefined;
    const small = this.mode === 'small';
    const text = lines(this.rng).flatMap((l) => (l.startsWith('# ') || l === '' ? [l] : wrap(l)));
    let scan: { width: number; height: number; samples: Uint8Array } | undefined;
    if (!small) {
      // A scanned signature page brings the file to the sizes real reports have.
      const bytes = this.rng.int(9_000, 42_000);
      const width = this.rng.pick([400, 480, 600]);
      const height = Math.max(8, Math.floor(bytes / width));
      scan = { width, height, samples: this.rng.bytes(width * height) };
    }
    const file = buildPdf({
      title,
      pages: paginate(small ? text.slice(0, 24) : text),
      created: iso(this.created).replaceAll('-', ''),
      compress: !small,
      scan,
    });
    return this.wrap(bestandsnaam, omschrijving, file);
  }

  /** A PNG bar chart, e.g. the result overview of a test. */
  chart(bestandsnaam: string, omschrijving: string, chart: Chart, caption: string): Document | undefined {
    if (!this.take()) return undefined;
    const small = this.mode === 'small';
    const width = small ? 96 : 560;
    const height = small ? 64 : 360;
    const r = new Raster(width, height, [WHITE, AXIS, MARK, ...chart.bars.map((b) => b.rgb)]);
    drawChart(r, chart);
    if (!small) {
      // The school's logo band at the top, photographed: it does not compress.
      const rows = Math.min(height - 1, Math.ceil(this.rng.int(10_000, 36_000) / width));
      r.noiseBand(0, rows, this.rng.bytes(rows * width));
    }
    return this.wrap(bestandsnaam, omschrijving, encodePng(r.image(), 6, caption));
  }

  /** A plain-text file (UTF-8). */
  text(bestandsnaam: string, omschrijving: string, body: (rng: Random) => string): Document | undefined {
    if (!this.take()) return undefined;
    const content = body(this.rng);
    return this.wrap(
      bestandsnaam,
      omschrijving,
      utf8(this.mode === 'small' ? content.slice(0, 600) : content),
    );
  }

  private take(): boolean {
    if (!this.enabled) return false;
    this.made++;
    return true;
  }

  private wrap(bestandsnaam: string, omschrijving: string, file: Uint8Array): Document {
    return { bestandsnaam, omschrijving, bestandsinhoud: zipBase64(bestandsnaam, file, 6, this.created) };
  }
}

const WHITE: Rgb = [255, 255, 255];
const AXIS: Rgb = [60, 60, 60];
const MARK: Rgb = [200, 80, 80];

/** Draws on a raster whose palette starts white, axis, mark, then one colour per bar. */
function drawChart(r: Raster, chart: Chart): void {
  const left = Math.round(r.width * 0.1);
  const bottom = Math.round(r.height * 0.9);
  const top = Math.round(r.height * 0.15);
  const span = bottom - top;
  r.fill(left, top, 1, span, 1);
  r.fill(left, bottom, r.width - left * 2, 1, 1);
  for (const m of chart.marks ?? []) r.fill(left, bottom - m * span, r.width - left * 2, 1, 2);
  const slot = (r.width - left * 2) / Math.max(1, chart.bars.length);
  chart.bars.forEach((b, i) => {
    const h = Math.max(1, b.value * span);
    r.fill(left + i * slot + slot * 0.2, bottom - h, slot * 0.6, h, 3 + i);
  });
}

/** A single file in a ZIP (deflated at `level`, 0 = stored), base64-encoded. */
export function zipBase64(name: string, file: Uint8Array, level: 0 | 6, created: Day): string {
  const zip = zipSync({ [name]: [file, { level }] }, { mtime: zipTimestamp(created) });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64');
}

/** Bytes a stored single-file ZIP adds to its file (headers, central directory, end record). */
const zipOverhead = (name: string) => 98 + 2 * Buffer.byteLength(name);

/**
 * A scanned document (PDF or PNG of grey noise, which does not compress) whose base64 content is
 * at most `base64Length` characters and short of it by less than a scan line.
 */
export function scanDocument(
  rng: Random,
  base64Length: number,
  bestandsnaam: string,
  omschrijving: string,
  created: Day,
): Document {
  const asPdf = bestandsnaam.endsWith('.pdf');
  const fileBytes = Math.floor((base64Length * 3) / 4) - zipOverhead(bestandsnaam);
  const payload = Math.max(64, fileBytes - (asPdf ? 1_200 : 60 + 5 * Math.ceil(fileBytes / 65_535)));
  // A4 proportions (1 : √2); the width stays fixed, so the file grows by one scan line per line.
  const width = Math.max(16, Math.min(2480, Math.round(Math.sqrt(payload / Math.SQRT2))));
  const row = asPdf ? width : width + 1;
  let height = Math.max(1, Math.floor(payload / row));
  let noise = rng.bytes(height * row + 64 * row);
  const build = (): Uint8Array => {
    if (height * row > noise.length) noise = rng.bytes(height * row + 64 * row);
    if (!asPdf) return encodePng(noiseImage(width, height, noise), 0);
    return buildPdf({
      title: omschrijving,
      pages: [[`Gescand op ${iso(created)}.`]],
      created: iso(created).replaceAll('-', ''),
      compress: true,
      scan: { width, height, samples: noise },
    });
  };
  let file = build();
  for (let pass = 0; pass < 4; pass++) {
    const error = fileBytes - file.length;
    if (error >= 0 && error < row + 8) break;
    const lines = error >= 0 ? Math.floor(error / (row + 1)) : -Math.ceil(-error / row);
    if (lines === 0 || height + lines < 1) break;
    height += lines;
    file = build();
  }
  return { bestandsnaam, omschrijving, bestandsinhoud: zipBase64(bestandsnaam, file, 0, created) };
}
