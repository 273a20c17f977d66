import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { isSchoolYear } from '../monitoring/milestone-sql.js';
import { isBrin } from '../pupils/identity.js';
import type { PilotPupilSpec } from './pilot-pupil.js';
import { isTestBsn, PILOT_KINDS, type PilotKind } from './test-bsn.js';

/** What the region hands a gateway about one fictional pupil of a pilot pair. */
export interface PilotPupilInput {
  /** The region's pilot pair (its id): ties the dossier or registration to the pair. */
  pilotRef: string;
  kind: PilotKind;
  /** The generator's seed of the pair. */
  seed: string;
  bsn: string;
  schooljaar: string;
}

/** Checks the region's facts about a pilot pupil; VALIDATION_FAILED or PILOT_TEST_BSN_REQUIRED. */
export function checkPilotPupil(input: PilotPupilInput, brins: Record<string, string>): PilotPupilSpec {
  const problems: Record<string, string> = {};
  if (typeof input.pilotRef !== 'string' || !isUuid(input.pilotRef)) problems.pilotRef = 'a uuid';
  if (!PILOT_KINDS.includes(input.kind)) problems.kind = 'regular or support';
  if (typeof input.seed !== 'string' || input.seed.length < 1 || input.seed.length > 200)
    problems.seed = '1 to 200 characters';
  if (typeof input.schooljaar !== 'string' || !isSchoolYear(input.schooljaar))
    problems.schooljaar = 'YYYY-YYYY, e.g. 2026-2027';
  for (const [field, brin] of Object.entries(brins)) if (!isBrin(brin)) problems[field] = 'a BRIN (00YY)';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });
  if (!isTestBsn(input.bsn)) throw new AppError('PILOT_TEST_BSN_REQUIRED', { field: 'bsn' });
  return { seed: input.seed, kind: input.kind, bsn: input.bsn, schooljaar: input.schooljaar };
}
