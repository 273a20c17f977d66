import type { Queryable } from '../../platform/db/index.js';
import type { ChainSchoolFacts } from '../deps.js';
import { memberBrins } from '../region-store.js';
import type { PairInput, PilotProblem } from './pilot-rules.js';
import { notMember, wrongSector } from './texts.js';

/**
 * The schools of a pilot's pairs against the region and the traffic center: both must be member
 * schools of the region, the sending one a po school (or so: special primary education) and the
 * receiving one a vo school. A school the traffic center does not know is not a member either
 * (members are added only when it knows them).
 */
export async function checkPairSchools(
  tx: Queryable,
  regionId: string,
  pairs: readonly PairInput[],
  facts: ReadonlyMap<string, ChainSchoolFacts>,
): Promise<PilotProblem[]> {
  const members = new Set(await memberBrins(tx, regionId));
  const problems: PilotProblem[] = [];
  pairs.forEach((p, index) => {
    for (const [brin, want] of [
      [p.poBrin, 'po'],
      [p.voBrin, 'vo'],
    ] as const) {
      if (!members.has(brin)) {
        problems.push({ field: 'pairs', index, message: notMember(brin) });
        continue;
      }
      const f = facts.get(brin);
      const fits = want === 'po' ? f?.sector === 'po' || f?.sector === 'so' : f?.sector === 'vo';
      if (f && !fits) problems.push({ field: 'pairs', index, message: wrongSector(brin, f.name, want) });
    }
  });
  return problems;
}

/** Every BRIN of these pairs, once. */
export const brinsOf = (pairs: readonly PairInput[]) => [
  ...new Set(pairs.flatMap((p) => [p.poBrin, p.voBrin])),
];
