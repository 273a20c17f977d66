import { seg } from '../../api';
import type { Message, TimelineField } from './types';

/** The answers of the evaluation's routes (src/region/evaluation/schemas.ts), as the pages use them. */

export const EVALUATION_ROLES = [
  'administratie',
  'directie',
  'leerkracht',
  'coordinator',
  'ouders',
  'regio',
] as const;
export type EvaluationRole = (typeof EVALUATION_ROLES)[number];
export type EvaluationState = 'concept' | 'open' | 'gesloten';

export interface EvaluationListItem {
  id: string;
  schoolYear: string;
  state: EvaluationState;
  roles: EvaluationRole[];
  responses: number;
  openedAt: string | null;
  closedAt: string | null;
}

export interface EvaluationView {
  id: string;
  regionId: string;
  schoolYear: string;
  state: EvaluationState;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  roles: Array<{
    role: EvaluationRole;
    link: { madeAt: string; mailed: number } | null;
    recipients: number | null;
    responses: number;
  }>;
  responses: number;
}

export interface MadeLink {
  role: EvaluationRole;
  url: string;
  madeAt: string;
  replaced: boolean;
  mailed: number;
  failed: number;
}

export interface Finding {
  id: string;
  milestone: TimelineField | null;
  text: string;
  createdAt: string;
}

export interface QuestionResult {
  id: string;
  kind: 'likert' | 'yesno' | 'open';
  topic: 'time' | 'clarity' | 'general';
  milestone: TimelineField | null;
  text: Message;
  answered: number | null;
  shown: boolean;
  counts: number[] | null;
  mean: number | null;
  texts: string[] | null;
}

export interface RoleResult {
  role: EvaluationRole;
  name: Message;
  scale: 'agree' | 'plain';
  /** The words of the answers 1–5 of its statements. */
  scaleWords: Message[];
  responses: number;
  shown: boolean;
  questions: QuestionResult[];
}

export interface TimeResult {
  milestone: TimelineField;
  answers: number;
  mean: number | null;
  low: boolean;
  roles: EvaluationRole[];
}

export interface EvaluationResults {
  evaluationId: string;
  regionId: string;
  regionName: string;
  schoolYear: string;
  state: EvaluationState;
  responses: number;
  minGroupSize: number;
  roles: RoleResult[];
  time: TimeResult[];
  findings: Finding[];
}

export const evaluationsBase = (regionId: string) => `/regio/${seg(regionId)}/evaluatie`;
export const evaluationsApi = (regionId: string) => `/api/region/regions/${seg(regionId)}/evaluations`;

export const nextSchoolYear = (schoolYear: string) => {
  const start = Number(schoolYear.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
};

/** A mean as people read it: `3,4` / `3.4`. */
export const meanText = (mean: number, language: 'nl' | 'en') =>
  language === 'nl' ? mean.toFixed(1).replace('.', ',') : mean.toFixed(1);
