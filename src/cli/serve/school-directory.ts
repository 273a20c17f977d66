import { listHostedSchools } from '../../gateway/index.js';
import type { SchoolDirectory } from '../../platform/auth/index.js';
import type { Keyring } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';

/** Names and sectors of the schools this gateway hosts, for people's pages and mails. */
export function gatewaySchoolDirectory(db: Db, keyring: Keyring): SchoolDirectory {
  return async (brins) => {
    const schools = await listHostedSchools({
      db,
      keyring,
      actor: { kind: 'system', id: 'system', permissions: 'all', schools: new Set(brins) },
      requestId: 'school-directory',
      now: () => new Date(),
    });
    return new Map(schools.map((s) => [s.brin, { name: s.name, sector: s.sector }]));
  };
}
