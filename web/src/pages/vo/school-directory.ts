import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { PublicSchool } from './types';

/**
 * Names of source schools the gateway does not host itself (the registrations list then gives only
 * the BRIN): looked up once per BRIN in the public list of admitted schools and kept for the
 * session. The school picker adds every school it shows.
 */
const known = new Map<string, string>();
const pending = new Map<string, Promise<void>>();

export function rememberSchools(schools: readonly PublicSchool[]): void {
  for (const s of schools) known.set(s.brin, s.name);
}

function lookUp(brin: string): Promise<void> {
  let p = pending.get(brin);
  if (!p) {
    p = api
      .get<{ schools: PublicSchool[] }>(`/api/public/schools?q=${encodeURIComponent(brin)}`)
      .then((page) => rememberSchools(page.schools.filter((s) => s.brin === brin)))
      .catch(() => undefined);
    pending.set(brin, p);
  }
  return p;
}

/** Names for the BRINs that have none yet; re-renders when they arrive. */
export function useSchoolNames(missing: readonly string[]): ReadonlyMap<string, string> {
  const [, setVersion] = useState(0);
  const key = [...new Set(missing)]
    .filter((b) => !known.has(b))
    .sort()
    .join(',');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    void Promise.all(key.split(',').map(lookUp)).then(() => {
      if (live) setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return known;
}
