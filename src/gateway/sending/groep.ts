import type { Dossier } from '../../standard/index.js';

/**
 * The group a pupil is in now, as the school names it: the `groepscode` (else `groepsnaam`) of the
 * last row of the schoolloopbaan (the standard lists the rows in order; the last is the current
 * school year), e.g. `8b`. Undefined when the dossier has no schoolloopbaan.
 */
export function groepOf(dossier: Dossier): string | undefined {
  const rows = dossier.huidigeschool.leerling.schoolloopbaanlijst?.schoolloopbaan ?? [];
  let last = rows.at(-1);
  for (const row of rows) {
    if (last && row.schooljaar > last.schooljaar) last = row;
  }
  const groep = last?.groepscode?.trim() || last?.groepsnaam?.trim();
  return groep ? groep.slice(0, 100) : undefined;
}
