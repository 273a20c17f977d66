import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import type { TimelineField } from '../texts.js';
import type { EvaluationRole } from './questions.js';

/**
 * Reads of the evaluation's tables that several use cases share, the link tokens, and the state
 * machine in code (the database's trigger is its twin). Writes stay in the use cases.
 */

export type EvaluationState = 'concept' | 'open' | 'gesloten';

/** concept → open → gesloten; nothing else (migrations.ts: region.guard_evaluation_transition). */
export const TRANSITIONS: ReadonlyArray<readonly [EvaluationState, EvaluationState]> = [
  ['concept', 'open'],
  ['open', 'gesloten'],
];

export function assertTransition(from: EvaluationState, to: EvaluationState): void {
  if (!TRANSITIONS.some(([a, b]) => a === from && b === to)) {
    throw new AppError('EVALUATION_STATE_INVALID', { state: from, wanted: to });
  }
}

export interface Evaluation {
  id: string;
  regionId: string;
  schoolYear: string;
  state: EvaluationState;
  roles: EvaluationRole[];
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

interface EvaluationRow {
  id: string;
  region_id: string;
  school_year: string;
  state: EvaluationState;
  roles: EvaluationRole[];
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
}

const COLUMNS = 'id, region_id, school_year, state, roles, created_at, opened_at, closed_at';

function toEvaluation(row: EvaluationRow): Evaluation {
  return {
    id: row.id,
    regionId: row.region_id,
    schoolYear: row.school_year,
    state: row.state,
    roles: row.roles,
    createdAt: row.created_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** The region's evaluation with this id; EVALUATION_NOT_FOUND for another region's or none. */
export async function requireEvaluation(
  tx: Queryable,
  regionId: string,
  evaluationId: string,
  options: { lock?: boolean } = {},
): Promise<Evaluation> {
  const { rows } = isUuid(evaluationId)
    ? await tx.query<EvaluationRow>(
        `SELECT ${COLUMNS} FROM region.evaluations WHERE id = $1 AND region_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
        [evaluationId, regionId],
      )
    : { rows: [] as EvaluationRow[] };
  if (!rows[0]) throw new AppError('EVALUATION_NOT_FOUND', { regionId, evaluationId });
  return toEvaluation(rows[0]);
}

/** The region's evaluation of a school year, if any. */
export async function findEvaluationOfYear(
  tx: Queryable,
  regionId: string,
  schoolYear: string,
): Promise<Evaluation | undefined> {
  const { rows } = await tx.query<EvaluationRow>(
    `SELECT ${COLUMNS} FROM region.evaluations WHERE region_id = $1 AND school_year = $2`,
    [regionId, schoolYear],
  );
  return rows[0] ? toEvaluation(rows[0]) : undefined;
}

export async function listEvaluationsOf(tx: Queryable, regionId: string): Promise<Evaluation[]> {
  const { rows } = await tx.query<EvaluationRow>(
    `SELECT ${COLUMNS} FROM region.evaluations WHERE region_id = $1 ORDER BY school_year DESC`,
    [regionId],
  );
  return rows.map(toEvaluation);
}

/** The number of submissions per role. */
export async function responseCounts(
  tx: Queryable,
  evaluationIds: readonly string[],
): Promise<Map<string, Partial<Record<EvaluationRole, number>>>> {
  const counts = new Map<string, Partial<Record<EvaluationRole, number>>>();
  if (evaluationIds.length === 0) return counts;
  const { rows } = await tx.query<{ evaluation_id: string; role: EvaluationRole; n: string | number }>(
    `SELECT evaluation_id, role, count(*) AS n FROM region.evaluation_responses
      WHERE evaluation_id = ANY($1::uuid[]) GROUP BY evaluation_id, role`,
    [[...evaluationIds]],
  );
  for (const r of rows)
    counts.set(r.evaluation_id, { ...counts.get(r.evaluation_id), [r.role]: Number(r.n) });
  return counts;
}

export interface StoredLink {
  role: EvaluationRole;
  madeAt: string;
  mailed: number;
}

export async function linksOf(tx: Queryable, evaluationId: string): Promise<StoredLink[]> {
  const { rows } = await tx.query<{ role: EvaluationRole; made_at: Date; mailed: number }>(
    'SELECT role, made_at, mailed FROM region.evaluation_links WHERE evaluation_id = $1',
    [evaluationId],
  );
  return rows.map((r) => ({ role: r.role, madeAt: r.made_at.toISOString(), mailed: Number(r.mailed) }));
}

/** A stored answer, without anything of the submission but its role. */
export interface AnswerRow {
  role: EvaluationRole;
  questionId: string;
  likert: number | null;
  yesNo: boolean | null;
  openText: string | null;
}

export async function answersOf(tx: Queryable, evaluationId: string): Promise<AnswerRow[]> {
  const { rows } = await tx.query<{
    role: EvaluationRole;
    question_id: string;
    likert: number | null;
    yes_no: boolean | null;
    open_text: string | null;
  }>(
    `SELECT r.role, a.question_id, a.likert, a.yes_no, a.open_text
       FROM region.evaluation_answers a JOIN region.evaluation_responses r ON r.id = a.response_id
      WHERE r.evaluation_id = $1`,
    [evaluationId],
  );
  return rows.map((r) => ({
    role: r.role,
    questionId: r.question_id,
    likert: r.likert === null ? null : Number(r.likert),
    yesNo: r.yes_no,
    openText: r.open_text,
  }));
}

export interface Finding {
  id: string;
  /** The date of the timeline it is about; null: about the timeline in general. */
  milestone: TimelineField | null;
  text: string;
  createdAt: string;
}

export async function findingsOf(tx: Queryable, evaluationId: string): Promise<Finding[]> {
  const { rows } = await tx.query<{
    id: string;
    milestone: TimelineField | null;
    text: string;
    created_at: Date;
  }>(
    `SELECT id, milestone, text, created_at FROM region.evaluation_findings
      WHERE evaluation_id = $1 ORDER BY created_at, id`,
    [evaluationId],
  );
  return rows.map((r) => ({
    id: r.id,
    milestone: r.milestone,
    text: r.text,
    createdAt: r.created_at.toISOString(),
  }));
}

// ---- links ------------------------------------------------------------------------------------

/** 32 random bytes (256 bits), base64url: 43 characters. Only its SHA-256 is stored. */
export const newLinkToken = () => randomBytes(32).toString('base64url');
export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The path of the public answer page for a token. */
export const answerPath = (token: string) => `/evaluatie/${token}`;

/**
 * The evaluation and role a link opens; EVALUATION_LINK_INVALID for a token that is not one (never
 * saying whether it ever was). `share` holds the evaluation's row against a concurrent close until
 * the answer is stored.
 */
export async function openLink(
  tx: Queryable,
  token: string,
  options: { share?: boolean } = {},
): Promise<{ evaluation: Evaluation; role: EvaluationRole; regionName: string }> {
  if (!TOKEN.test(token)) throw new AppError('EVALUATION_LINK_INVALID');
  const { rows } = await tx.query<EvaluationRow & { role: EvaluationRole; region_name: string }>(
    `SELECT e.id, e.region_id, e.school_year, e.state, e.roles, e.created_at, e.opened_at, e.closed_at,
            l.role, g.name AS region_name
       FROM region.evaluation_links l
       JOIN region.evaluations e ON e.id = l.evaluation_id
       JOIN region.regions g ON g.id = e.region_id
      WHERE l.token_hash = $1${options.share ? ' FOR SHARE OF e' : ''}`,
    [hashLinkToken(token)],
  );
  const row = rows[0];
  if (!row) throw new AppError('EVALUATION_LINK_INVALID');
  if (!row.roles.includes(row.role)) throw new AppError('EVALUATION_LINK_INVALID');
  return { evaluation: toEvaluation(row), role: row.role, regionName: row.region_name };
}
