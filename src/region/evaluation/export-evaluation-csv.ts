import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { field } from '../monitoring/export-monitoring-csv.js';
import { authorizeRegion } from '../region-store.js';
import { loadResults } from './load-results.js';
import { SCALES } from './questions.js';
import { type Lang, MILESTONE_NAMES, WORDS } from './texts.js';

/**
 * The results as CSV (region:read; `;`, UTF-8 with BOM, CRLF, no cell a spreadsheet reads as a
 * formula — the monitoring's `field`): a row per role and question with the counts per answer and
 * the mean, and a row per open answer as written. Groups under the minimum size have no counts and
 * no texts, as on the page. Audited (format, not content).
 */
export async function exportEvaluationCsv(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string; lang?: Lang },
): Promise<{ filename: string; csv: string }> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const lang = input.lang ?? 'nl';
  const d = await ctx.db.transaction((tx) => loadResults(tx, input));
  const w = (m: { nl: string; en: string }) => m[lang];
  const decimal = (n: number) => (lang === 'nl' ? n.toFixed(2).replace('.', ',') : n.toFixed(2));
  const header = [
    w(WORDS.role),
    w(WORDS.responses),
    w(WORDS.questionId),
    w(WORDS.question),
    w(WORDS.kind),
    w(WORDS.milestone),
    w(WORDS.answered),
    ...SCALES.agree.map((_, i) => String(i + 1)),
    w(WORDS.yes),
    w(WORDS.no),
    w(WORDS.mean),
    w(WORDS.answer),
  ];
  const rows: Array<Array<string | number | null>> = [];
  for (const r of d.roles) {
    for (const q of r.questions) {
      const start = [
        w(r.name),
        r.responses,
        q.id,
        w(q.text),
        w(WORDS[q.kind]),
        q.milestone ? w(MILESTONE_NAMES[q.milestone]) : '',
        q.answered,
      ];
      const empty = [null, null, null, null, null, null, null, null];
      if (!q.shown) {
        rows.push([...start, ...empty, w(WORDS.tooFew)]);
      } else if (q.kind === 'open') {
        for (const text of q.texts ?? []) rows.push([...start, ...empty, text]);
      } else if (q.kind === 'likert' && q.counts) {
        rows.push([...start, ...q.counts, null, null, q.mean === null ? null : decimal(q.mean), null]);
      } else if (q.counts) {
        rows.push([...start, null, null, null, null, null, q.counts[0], q.counts[1], null, null]);
      }
    }
  }
  const csv = `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
  await audit.record(ctx.db, ctx, 'region.evaluation.exported', {
    subject: d.evaluationId,
    details: { regionId: input.regionId, format: 'csv', schoolYear: d.schoolYear },
  });
  return { filename: `evaluatie-${d.regionId}-${d.schoolYear}.csv`, csv };
}
