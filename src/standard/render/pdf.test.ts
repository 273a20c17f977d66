import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../../test/support/conformance.js';
import { readDossier } from '../dossier-io.js';
import { htmlToPdf, isRenderError, type RenderError, renderDossierPdf } from './index.js';

describe('PDF', () => {
  it('prints the full POVO example as a multi-page A4 PDF', async () => {
    const example = officialExamples().find((e) => e.name === 'Voorbeelddossier_OV_POVO_full.xml');
    if (example === undefined) throw new Error('official example missing');
    const pdf = await renderDossierPdf(readDossier(example.bytes), { now: new Date('2016-04-02') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // A4 is 595 x 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\s*\]/);
  });

  it('says clearly, in Dutch and English, when Chromium is missing', async () => {
    const error = await htmlToPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' }).catch((e) => e);
    expect(isRenderError(error)).toBe(true);
    expect((error as RenderError).code).toBe('CHROMIUM_MISSING');
    expect((error as RenderError).messages.nl).toContain(
      'Chromium is niet gevonden op /nonexistent/chromium',
    );
    expect((error as RenderError).messages.en).toContain('OVERSTAP_CHROMIUM');
  });
});
