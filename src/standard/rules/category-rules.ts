/**
 * OS.cat01–OS.cat16: the data of a dossier against the values it declares in
 * `metadata/categorie_uitlevering`. VERPLICHT: some member of the category must be there (one
 * finding); VERBODEN and OPT-UIT: one finding per member kind that is there. All at `/[1]`.
 *
 * Official mode looks at all dossiers of the document at once (`//od:dossier/…`), compares the
 * untrimmed declared value and, in the VERBODEN/OPT-UIT test of OS.cat09, uses the misspelt
 * element name of the stylesheet, so `toelichting_onderwijsbehoeften` is never reported. Strict
 * mode is called once per dossier with trimmed values and the correct name.
 */
import { CATEGORIES, type Category } from '../profiles.js';
import type { XElement } from '../xml/tree.js';
import type { FindingSink, ValueReader } from './context.js';
import { exists, select } from './xpath.js';

const MISSPELT = 'toelichting_onderwijsbehoefte';

function forbiddenPath(path: readonly string[], official: boolean): readonly string[] {
  if (!official || path[path.length - 1] !== 'toelichting_onderwijsbehoeften') return path;
  return [...path.slice(0, -1), MISSPELT];
}

function declares(dossiers: readonly XElement[], cat: Category, value: string, reader: ValueReader): boolean {
  for (const d of dossiers) {
    for (const el of select(d, ['metadata', 'categorie_uitlevering', cat.field])) {
      if (reader.value(el) === value) return true;
    }
  }
  return false;
}

function present(dossiers: readonly XElement[], path: readonly string[]): boolean {
  for (const d of dossiers) if (exists(d, path)) return true;
  return false;
}

export function categoryRules(dossiers: readonly XElement[], reader: ValueReader, out: FindingSink): void {
  if (dossiers.length === 0) return;
  const official = reader.mode === 'official';
  for (const cat of CATEGORIES) {
    if (!cat.checked) continue;
    const category = cat.label;
    if (declares(dossiers, cat, 'VERPLICHT', reader)) {
      if (!cat.members.some((m) => present(dossiers, m.path)))
        out.add(cat.rule, null, 'verplicht', { category });
    }
    for (const [value, variant] of [
      ['VERBODEN', 'verboden'],
      ['OPT-UIT', 'optUit'],
    ] as const) {
      if (!declares(dossiers, cat, value, reader)) continue;
      for (const m of cat.members) {
        if (present(dossiers, forbiddenPath(m.path, official))) {
          out.add(cat.rule, null, variant, { category, member: m.label });
        }
      }
    }
  }
}
