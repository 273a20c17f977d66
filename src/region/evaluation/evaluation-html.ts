import { escapeHtml } from '../../standard/index.js';
import type { EvaluationResults } from './load-results.js';
import { SCALES } from './questions.js';
import type { QuestionResult, RoleResult } from './results-model.js';
import { fill, type Lang, longDate, MILESTONE_NAMES, meanText, STATE_NAMES, WORDS } from './texts.js';

/**
 * The results as one self-contained HTML page for the PDF report: per date the "enough time" answers
 * together, per role every question with its counts as a bar (inline SVG, the numbers beside it),
 * the open answers as written (escaped), and the findings. No script, no external resource.
 */

const e = escapeHtml;
/** From "strongly disagree" to "strongly agree"; the middle light, the ends dark. */
export const LIKERT_COLOURS = ['#a4000f', '#e07b39', '#c9d1d9', '#5b9bd5', '#01496d'];
const YES_NO_COLOURS = ['#01496d', '#c9d1d9'];

function bar(counts: number[], colours: string[]): string {
  const total = counts.reduce((s, c) => s + c, 0);
  const width = 220;
  let at = 0;
  const parts = counts
    .map((c, i) => {
      if (c === 0 || total === 0) return '';
      const w = (c / total) * width;
      const rect = `<rect x="${at.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="14" fill="${colours[i]}"/>`;
      at += w;
      return rect;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14" aria-hidden="true"><rect width="${width}" height="14" fill="#f1f3f5"/>${parts}</svg>`;
}

function questionRow(q: QuestionResult, r: RoleResult, lang: Lang): string {
  const head = `<th scope="row">${e(q.text[lang])}${q.milestone ? `<br><small>${e(MILESTONE_NAMES[q.milestone][lang])}</small>` : ''}</th>`;
  const answered = `<td class="num">${q.answered ?? ''}</td>`;
  if (!q.shown || !q.counts) {
    if (q.kind === 'open' && q.shown && q.texts) return '';
    return `<tr>${head}${answered}<td colspan="2"><em>${e(WORDS.tooFew[lang])}</em></td></tr>`;
  }
  if (q.kind === 'likert') {
    const scale = SCALES[r.scale];
    const numbers = q.counts.map((c, i) => `${e(scale[i][lang])}: ${c}`).join(' · ');
    return `<tr>${head}${answered}<td>${bar(q.counts, LIKERT_COLOURS)}<br><small>${e(numbers)}</small></td><td class="num">${q.mean === null ? '' : e(meanText(q.mean, lang))}</td></tr>`;
  }
  const [yes, no] = q.counts;
  return `<tr>${head}${answered}<td>${bar(q.counts, YES_NO_COLOURS)}<br><small>${e(WORDS.yes[lang])}: ${yes} · ${e(WORDS.no[lang])}: ${no}</small></td><td></td></tr>`;
}

function openAnswers(r: RoleResult, lang: Lang): string {
  return r.questions
    .filter((q) => q.kind === 'open')
    .map((q) => {
      const body =
        q.shown && q.texts
          ? `<ul class="open">${q.texts.map((t) => `<li>${e(t)}</li>`).join('')}</ul>`
          : `<p><em>${e(WORDS.tooFew[lang])}</em>${q.answered === null ? '' : ` (${q.answered})`}</p>`;
      return `<h3>${e(q.text[lang])}</h3>${body}`;
    })
    .join('');
}

function roleSection(r: RoleResult, minGroupSize: number, lang: Lang): string {
  const head = `<h2>${e(r.name[lang])}</h2><p>${e(WORDS.responses[lang])}: ${r.responses}</p>`;
  if (!r.shown) return `${head}<p><em>${e(fill(WORDS.tooFewRole[lang], { min: minGroupSize }))}</em></p>`;
  const rows = r.questions
    .filter((q) => q.kind !== 'open')
    .map((q) => questionRow(q, r, lang))
    .join('');
  return `${head}<table><thead><tr><th scope="col">${e(WORDS.question[lang])}</th><th scope="col" class="num">${e(WORDS.answered[lang])}</th>
    <th scope="col">${e(WORDS.answer[lang])}</th><th scope="col" class="num">${e(WORDS.mean[lang])}</th></tr></thead><tbody>${rows}</tbody></table>
    ${openAnswers(r, lang)}`;
}

function timeTable(d: EvaluationResults, lang: Lang): string {
  if (d.time.length === 0) return `<p>${e(fill(WORDS.tooFewRole[lang], { min: d.minGroupSize }))}</p>`;
  const rows = d.time
    .map(
      (
        t,
      ) => `<tr><th scope="row">${e(MILESTONE_NAMES[t.milestone][lang])}</th><td class="num">${t.answers}</td>
      <td class="num">${t.mean === null ? '' : e(meanText(t.mean, lang))}</td>
      <td${t.low ? ' class="low"' : ''}>${e((t.low ? WORDS.timeLow : WORDS.timeOk)[lang])}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">${e(WORDS.milestone[lang])}</th><th scope="col" class="num">${e(WORDS.answered[lang])}</th>
    <th scope="col" class="num">${e(WORDS.mean[lang])}</th><th scope="col"></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findingsList(d: EvaluationResults, lang: Lang): string {
  if (d.findings.length === 0) return `<p>${e(WORDS.noFindings[lang])}</p>`;
  return `<ul>${d.findings
    .map(
      (f) =>
        `<li><strong>${e((f.milestone ? MILESTONE_NAMES[f.milestone] : WORDS.general)[lang])}:</strong> ${e(f.text)}</li>`,
    )
    .join('')}</ul>`;
}

export function evaluationHtml(d: EvaluationResults, today: string, lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${e(WORDS.title[lang])} — ${e(d.regionName)}</title>
<style>
  body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif; font-size: 9pt; color: #1b1f24; }
  h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 16pt 0 6pt; page-break-after: avoid; }
  h3 { font-size: 10pt; margin: 10pt 0 4pt; page-break-after: avoid; }
  p { margin: 0 0 6pt; } small { color: #4f5b67; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
  th, td { border-bottom: 1px solid #c9d1d9; padding: 3pt 4pt; text-align: left; vertical-align: top; }
  tr { page-break-inside: avoid; }
  thead th { background: #eef2f6; }
  .num { text-align: right; } .low { color: #a4000f; font-weight: 600; }
  ul.open li { margin-bottom: 3pt; white-space: pre-wrap; }
</style></head>
<body>
<h1>${e(WORDS.title[lang])} — ${e(d.regionName)}</h1>
<p>${e(WORDS.schoolYear[lang])} ${e(d.schoolYear)} · ${e(WORDS.state[lang])}: ${e(STATE_NAMES[d.state][lang])} · ${e(WORDS.responses[lang])}: ${d.responses} · ${e(WORDS.madeOn[lang])} ${e(longDate(today, lang))}</p>
<p><small>${e(fill(WORDS.minGroupNote[lang], { min: d.minGroupSize }))}</small></p>
<h2>${e(WORDS.timeSummary[lang])}</h2>
${timeTable(d, lang)}
<h2>${e(WORDS.findings[lang])}</h2>
${findingsList(d, lang)}
${d.roles.map((r) => roleSection(r, d.minGroupSize, lang)).join('\n')}
</body></html>`;
}
