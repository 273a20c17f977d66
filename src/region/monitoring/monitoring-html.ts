import { escapeHtml } from '../../standard/index.js';
import type { MilestoneSummary, ProgressPoint } from './dashboard-model.js';
import type { MonitoringDashboard } from './load-dashboard.js';
import { MILESTONES, type MilestoneCell, type MilestoneKey } from './milestones.js';
import { type Lang, longDate, MILESTONE_NAMES, STATUS_NAMES, WORDS } from './texts.js';

/**
 * The dashboard as one self-contained HTML page for the PDF export: the milestones against their
 * deadlines, progress over time as an inline SVG (with the numbers in a table beside it), and the
 * table per school. No script, no external resource.
 */

const e = escapeHtml;

/** The lines of the progress chart: the sending side's course towards its leaving pupils. */
export const PROGRESS_LINES: MilestoneKey[] = ['inspected', 'registrationsKnown', 'setReady', 'delivered'];
const COLOURS = ['#1f5fa8', '#7a3d99', '#b35900', '#2e7d32'];

function cellText(c: MilestoneCell, lang: Lang): string {
  if (c.count === null) return STATUS_NAMES[c.status][lang];
  return c.outOf === null ? String(c.count) : `${c.count} / ${c.outOf}`;
}

function progressSvg(points: ProgressPoint[], leaving: number, lang: Lang): string {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  const max = Math.max(1, leaving, ...points.flatMap((p) => PROGRESS_LINES.map((k) => p.counts[k])));
  const x = (i: number) =>
    pad.left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const lines = PROGRESS_LINES.map((k, li) => {
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.counts[k]).toFixed(1)}`);
    return `<path d="${d.join(' ')}" fill="none" stroke="${COLOURS[li]}" stroke-width="2"/>`;
  }).join('');
  const first = points[0]?.day;
  const last = points.at(-1)?.day;
  const labels =
    first && last
      ? `<text x="${pad.left}" y="${height - 8}" font-size="10">${e(longDate(first, lang))}</text>` +
        `<text x="${width - pad.right}" y="${height - 8}" font-size="10" text-anchor="end">${e(longDate(last, lang))}</text>`
      : '';
  const legend = PROGRESS_LINES.map(
    (k, li) =>
      `<span class="legend"><span class="swatch" style="background:${COLOURS[li]}"></span>${e(MILESTONE_NAMES[k][lang])}</span>`,
  ).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="progress-title">
  <title id="progress-title">${e(WORDS.progress[lang])}</title>
  <line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="#6b7785"/>
  <line x1="${pad.left}" y1="${y(leaving)}" x2="${width - pad.right}" y2="${y(leaving)}" stroke="#6b7785" stroke-dasharray="4 3"/>
  <text x="${pad.left - 4}" y="${y(leaving) + 4}" font-size="10" text-anchor="end">${leaving}</text>
  <text x="${pad.left - 4}" y="${y(0) + 4}" font-size="10" text-anchor="end">0</text>
  ${lines}${labels}
</svg><p class="legend-row">${legend}</p>`;
}

function milestoneTable(milestones: MilestoneSummary[], lang: Lang): string {
  const rows = milestones
    .map(
      (m) => `<tr><th scope="row">${e(MILESTONE_NAMES[m.key][lang])}</th>
        <td>${m.deadline ? e(longDate(m.deadline, lang)) : '—'}</td>
        <td class="num">${e(cellText(m.total, lang))}</td>
        <td>${e(STATUS_NAMES[m.total.status][lang])}</td>
        <td class="num">${m.schoolsBehind}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">${e(WORDS.milestone[lang])}</th><th scope="col">${e(WORDS.deadline[lang])}</th>
    <th scope="col" class="num">${e(WORDS.count[lang])}</th><th scope="col">${e(WORDS.statusHeading[lang])}</th>
    <th scope="col" class="num">${e(WORDS.schoolsBehind[lang])}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function schoolTable(d: MonitoringDashboard, lang: Lang): string {
  const keys = MILESTONES.filter((k) => k !== 'leaving');
  const head = [
    `<th scope="col">${e(WORDS.school[lang])}</th>`,
    `<th scope="col" class="num">${e(MILESTONE_NAMES.leaving[lang])}</th>`,
    ...keys.map((k) => `<th scope="col" class="num">${e(MILESTONE_NAMES[k][lang])}</th>`),
    `<th scope="col" class="num">${e(WORDS.readyNotRequested[lang])}</th>`,
    `<th scope="col" class="num">${e(WORDS.notArrived[lang])}</th>`,
  ].join('');
  const rows = d.schools
    .map((s) => {
      const cells = keys
        .map((k) => {
          const c = s.cells[k];
          return `<td class="num ${c.status === 'behind' ? 'behind' : ''}">${e(cellText(c, lang))}${
            c.status === 'behind' ? `<br><small>${e(STATUS_NAMES.behind[lang])}</small>` : ''
          }</td>`;
        })
        .join('');
      return `<tr><th scope="row">${e(s.name)}<br><small>${e(s.brin)} · ${e(s.sector)}${
        s.reportedOn ? ` · ${e(longDate(s.reportedOn, lang))}` : ''
      }</small></th><td class="num">${e(cellText(s.cells.leaving, lang))}</td>${cells}
      <td class="num">${s.readyNotRequested ?? '—'}</td><td class="num">${s.notArrived ?? '—'}</td></tr>`;
    })
    .join('');
  return `<table class="schools"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function monitoringHtml(d: MonitoringDashboard, lang: Lang): string {
  const leaving = d.milestones.find((m) => m.key === 'leaving')?.total.count ?? 0;
  // at most about 30 rows: every n-th day, and the last
  const step = Math.max(1, Math.ceil(d.progress.length / 30));
  const progressRows = d.progress
    .filter((_, i) => i % step === 0 || i === d.progress.length - 1)
    .map(
      (p) =>
        `<tr><th scope="row">${e(longDate(p.day, lang))}</th>${PROGRESS_LINES.map((k) => `<td class="num">${p.counts[k]}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${e(WORDS.title[lang])} — ${e(d.regionName)}</title>
<style>
  body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif; font-size: 9pt; color: #1b1f24; }
  h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 6pt; }
  p { margin: 0 0 6pt; } small { color: #4f5b67; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
  th, td { border-bottom: 1px solid #c9d1d9; padding: 3pt 4pt; text-align: left; vertical-align: top; }
  thead th { background: #eef2f6; }
  .num { text-align: right; } .behind { color: #a4000f; font-weight: 600; }
  table.schools { font-size: 7.5pt; } table.schools thead th { font-size: 7pt; }
  .legend { margin-right: 10pt; white-space: nowrap; } .swatch { display: inline-block; width: 10pt; height: 3pt; margin-right: 3pt; vertical-align: middle; }
  .progress-data { font-size: 7.5pt; page-break-inside: avoid; }
</style></head>
<body>
<h1>${e(WORDS.title[lang])} — ${e(d.regionName)}</h1>
<p>${e(WORDS.schoolYear[lang])} ${e(d.schoolYear)} · ${e(WORDS.madeOn[lang])} ${e(longDate(d.today, lang))}</p>
${d.timeline ? '' : `<p>${e(WORDS.noTimeline[lang])}</p>`}
<p><small>${e(WORDS.onceNote[lang])}</small></p>
${milestoneTable(d.milestones, lang)}
<h2>${e(WORDS.progress[lang])}</h2>
${d.progress.length === 0 ? `<p>${e(WORDS.noData[lang])}</p>` : progressSvg(d.progress, leaving, lang)}
<h2>${e(WORDS.perSchool[lang])}</h2>
${schoolTable(d, lang)}
${
  d.progress.length === 0
    ? ''
    : `<h2>${e(WORDS.progress[lang])}</h2><table class="progress-data"><thead><tr><th scope="col">${e(WORDS.day[lang])}</th>${PROGRESS_LINES.map((k) => `<th scope="col" class="num">${e(MILESTONE_NAMES[k][lang])}</th>`).join('')}</tr></thead><tbody>${progressRows}</tbody></table>`
}
</body></html>`;
}
