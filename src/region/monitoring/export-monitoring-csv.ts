import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import type { MonitoringDeps } from './deps.js';
import { loadDashboard, schoolYearFor } from './load-dashboard.js';
import type { MilestoneCell } from './milestones.js';
import { MILESTONES } from './milestones.js';
import { type Lang, MILESTONE_NAMES, STATUS_NAMES, WORDS } from './texts.js';

export interface MonitoringCsv {
  filename: string;
  /** UTF-8 with a byte-order mark, `;`-separated, CRLF: opens as it should in Dutch spreadsheet programs. */
  csv: string;
}

/** One field: quoted when needed, and never read as a formula by a spreadsheet (also the evaluation's). */
export function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The dashboard's table as CSV (region:read): a row per member school with, per milestone, the
 * count, what it is counted out of and the status, the "ready, not requested" and "not arrived"
 * counts and the sessions; the regional totals last. Audited (format and school year).
 */
export async function exportMonitoringCsv(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'chain' | 'outcomes'>,
  input: { regionId: string; schoolYear?: string; lang?: Lang },
): Promise<MonitoringCsv> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const lang = input.lang ?? 'nl';
  const schoolYear = schoolYearFor(ctx, input.schoolYear);
  const d = await loadDashboard(ctx, deps, { regionId: input.regionId, schoolYear });
  const w = (m: { nl: string; en: string }) => m[lang];
  const header = [
    w(WORDS.brin),
    w(WORDS.school),
    w(WORDS.sector),
    w(WORDS.place),
    w(WORDS.reportedOn),
    ...MILESTONES.flatMap((k) => [
      w(MILESTONE_NAMES[k]),
      `${w(MILESTONE_NAMES[k])} (${w(WORDS.outOf)})`,
      `${w(MILESTONE_NAMES[k])} (${w(WORDS.status)})`,
    ]),
    w(WORDS.readyNotRequested),
    w(WORDS.notArrived),
    w(WORDS.sessionsAsSource),
    `${w(WORDS.sessionsAsSource)} (${w(WORDS.deliveredSessions)})`,
    w(WORDS.sessionsAsDestination),
    `${w(WORDS.sessionsAsDestination)} (${w(WORDS.deliveredSessions)})`,
    w(WORDS.behind),
  ];
  const cells = (c: MilestoneCell) => [c.count, c.outOf, w(STATUS_NAMES[c.status])];
  const rows: Array<Array<string | number | null>> = d.schools.map((s) => [
    s.brin,
    s.name,
    s.sector,
    s.place,
    s.reportedOn,
    ...MILESTONES.flatMap((k) => cells(s.cells[k])),
    s.readyNotRequested,
    s.notArrived,
    s.sessions.asSource.total,
    s.sessions.asSource.delivered,
    s.sessions.asDestination.total,
    s.sessions.asDestination.delivered,
    s.behind,
  ]);
  const byKey = new Map(d.milestones.map((m) => [m.key, m]));
  rows.push([
    '',
    w(WORDS.total),
    '',
    '',
    d.lastReportedAt?.slice(0, 10) ?? null,
    // biome-ignore lint/style/noNonNullAssertion: every milestone has a summary
    ...MILESTONES.flatMap((k) => cells(byKey.get(k)!.total)),
    d.totals.readyNotRequested,
    d.totals.notArrived,
    d.totals.sessions.total,
    d.totals.sessions.delivered,
    null,
    null,
    d.totals.schoolsBehind,
  ]);
  const csv = `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
  await audit.record(ctx.db, ctx, 'region.monitoring.exported', {
    subject: input.regionId,
    details: { format: 'csv', schoolYear, schools: d.schools.length },
  });
  return { filename: `monitoring-${d.regionId}-${schoolYear}-${d.today}.csv`, csv };
}
