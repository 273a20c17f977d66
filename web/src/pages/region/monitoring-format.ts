import type { Language, MessageKey } from '../../i18n';
import { formatDay, schoolYearOf, today } from './format';
import type { MilestoneCell, MilestoneKey, MilestoneStatus } from './monitoring-types';

export { formatDay };

/** A day on a chart's axis: `28 nov.` / `28 Nov`. */
export function formatShortDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** Whole days from one calendar day to another (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const milestoneKey = (key: MilestoneKey) => `region.monitoring.milestone.${key}` as MessageKey;
export const statusKey = (status: MilestoneStatus) => `region.monitoring.status.${status}` as MessageKey;

/** The tone of a status badge: never colour alone, the badge always says the status in words. */
export function statusTone(status: MilestoneStatus): 'ok' | 'info' | 'error' | 'neutral' | 'warning' {
  if (status === 'done') return 'ok';
  if (status === 'on_track') return 'info';
  if (status === 'behind') return 'error';
  if (status === 'no_data') return 'warning';
  return 'neutral';
}

/** A cell as text: `6 van 10`, `30`, or the status when there is no count. */
export function cellText(
  cell: MilestoneCell,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  if (cell.count === null) return t(statusKey(cell.status));
  if (cell.outOf === null) return String(cell.count);
  return t('region.monitoring.countOf', { count: cell.count, outOf: cell.outOf });
}

/** The share of a cell, 0–100, or null without a whole. */
export function percentOf(cell: MilestoneCell): number | null {
  if (cell.count === null || !cell.outOf) return null;
  return Math.min(100, Math.round((cell.count / cell.outOf) * 100));
}

/** This school year and the two before it (monitoring looks back). */
export function schoolYearChoicesBack(day = today()): string[] {
  const start = Number(schoolYearOf(day).slice(0, 4));
  return [0, 1, 2].map((n) => `${start - n}-${start - n + 1}`);
}
