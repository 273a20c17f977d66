import type { Dossier, Finding, ProfileCode } from '../../standard/index.js';
import { requirementOf } from '../../standard/index.js';

/**
 * The parents' inspection in a version's own `inzage` block, and the findings it answers.
 *
 * A version that was not inspected says so (`inzage` false, no date, answer, reason or consent):
 * then the rules OVa.IZ01–IZ05 find it (an overstapdossier must say the parents inspected it, when,
 * and whether they agree). Those findings are not the school's mistakes but the step still open —
 * recording the inspection (record-inspection.ts, respond-to-inspection.ts) writes the block and
 * they are gone. So, for a version that has not been inspected, the lists and the dossier page
 * count them apart from the school's errors (`awaitingInspection`); klaarzetten refuses such a
 * version with INSPECTION_REQUIRED anyway, before it looks at errors.
 */

/** A rule the parents' inspection answers: OVa.IZ01 … OVa.IZ05. */
export const isInspectionRule = (rule: string): boolean => /^OVa\.IZ\d{2}$/.test(rule);

/** Errors (`fout`) of the inspection rules among a version's findings. */
export function countInspectionErrors(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (f.severity === 'fout' && isInspectionRule(f.rule)) n++;
  return n;
}

/** A version's counts as a person reads them. */
export interface FindingCounts {
  /** Errors the school must fix. */
  errorCount: number;
  warningCount: number;
  /** Errors that only say the parents' inspection is still open (0 once it is recorded). */
  awaitingInspection: number;
}

/**
 * Splits the stored counts of a version: when it has not been inspected, its inspection errors
 * wait for the parents and are not the school's errors.
 */
export function findingCounts(v: {
  errorCount: number;
  warningCount: number;
  inspectionErrorCount: number;
  inspected: boolean;
}): FindingCounts {
  const awaiting = v.inspected ? 0 : Math.min(v.inspectionErrorCount, v.errorCount);
  return { errorCount: v.errorCount - awaiting, warningCount: v.warningCount, awaitingInspection: awaiting };
}

/** The counts of a version's findings, split as findingCounts does. */
export function findingCountsOf(findings: readonly Finding[], inspected: boolean): FindingCounts {
  let errors = 0;
  for (const f of findings) if (f.severity === 'fout') errors++;
  return findingCounts({
    errorCount: errors,
    warningCount: findings.length - errors,
    inspectionErrorCount: countInspectionErrors(findings),
    inspected,
  });
}

/** The findings of a version split the same way: the school's, and those waiting for the inspection. */
export function splitFindings(
  findings: readonly Finding[],
  inspected: boolean,
): { findings: Finding[]; inspectionFindings: Finding[] } {
  if (inspected) return { findings: [...findings], inspectionFindings: [] };
  const waiting = (f: Finding) => f.severity === 'fout' && isInspectionRule(f.rule);
  return { findings: findings.filter((f) => !waiting(f)), inspectionFindings: findings.filter(waiting) };
}

/**
 * Makes the dossier's `inzage` block say that this version was not inspected: `inzage` false and
 * nothing of an inspection (date, agreement, reason, consent); `voorlopigdossier` stays. A dossier
 * without the block gets one where its profile requires the inspection (POPO, POVO, VOVO), so that
 * it says so too; where the inspection is optional, an absent block stays absent. Returns whether
 * anything changed.
 */
export function markNotInspected(dossier: Dossier, profile: ProfileCode | undefined): boolean {
  const current = dossier.inzage;
  if (!current && !(profile && requirementOf(profile, 'cat_ouderinzage') === 'VERPLICHT')) return false;
  const next = { voorlopigdossier: current?.voorlopigdossier ?? false, inzage: false };
  if (
    current &&
    Object.keys(current).every((k) => k === 'voorlopigdossier' || k === 'inzage') &&
    current.inzage === false
  ) {
    return false;
  }
  dossier.inzage = next;
  return true;
}
