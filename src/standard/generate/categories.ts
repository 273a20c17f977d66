/**
 * `metadata/categorie_uitlevering` for a generated dossier, derived from what the dossier holds:
 * VERPLICHT and VERBODEN as the profile says, OPTIONEEL for an optional category that is
 * delivered, OPT-UIT for one that is left out. A dossier that breaks its profile is a bug of the
 * generator, and is refused here rather than written.
 */
import type { CategorieUitlevering, Dossier } from '../model.js';
import { CATEGORIES, type CategoryField, type ProfileCode, requirementOf } from '../profiles.js';

/** Whether the model holds an element at this path (relative to `dossier`). */
export function present(dossier: Dossier, path: readonly string[]): boolean {
  let node: unknown = dossier;
  for (const name of path) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[name];
  }
  if (Array.isArray(node)) return node.length > 0;
  return node !== undefined && node !== null;
}

export function categoryPresent(dossier: Dossier, field: CategoryField): boolean {
  const category = CATEGORIES.find((c) => c.field === field);
  return category?.members.some((m) => present(dossier, m.path)) ?? false;
}

/** The declaration that fits both the profile and the content; throws when they cannot fit. */
export function declareCategories(dossier: Dossier, profile: ProfileCode): CategorieUitlevering {
  const out: Record<string, string> = {};
  for (const c of CATEGORIES) {
    const requirement = requirementOf(profile, c.field);
    const has = categoryPresent(dossier, c.field);
    if (requirement === 'VERPLICHT' && !has && c.checked) {
      throw new Error(`generator bug: ${profile} dossier lacks mandatory category ${c.field}`);
    }
    if (requirement === 'VERBODEN' && has) {
      throw new Error(`generator bug: ${profile} dossier holds forbidden category ${c.field}`);
    }
    out[c.field] = requirement === 'OPTIONEEL' ? (has ? 'OPTIONEEL' : 'OPT-UIT') : requirement;
  }
  return out as unknown as CategorieUitlevering;
}
