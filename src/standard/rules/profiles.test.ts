import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  declarationFits,
  PROFILE_CODES,
  PROFILE_MATRIX,
  profileOf,
  requirementOf,
} from '../profiles.js';
import { parseXml } from '../xml/parse.js';

const NS = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

function dossier(soort: string, overstap?: string) {
  const md = overstap === undefined ? '<metadata/>' : `<metadata><overstap>${overstap}</overstap></metadata>`;
  return parseXml(
    new TextEncoder().encode(
      `<dossier xmlns="${NS}">${md}<overdrachtsoort>${soort}</overdrachtsoort></dossier>`,
    ),
  ).root;
}

describe('profiles', () => {
  it('has 16 categories in field order with their rule ids', () => {
    expect(CATEGORIES.map((c) => c.rule)).toEqual(
      Array.from({ length: 16 }, (_, i) => `OS.cat${String(i + 1).padStart(2, '0')}`),
    );
    expect(CATEGORIES.filter((c) => !c.checked).map((c) => c.field)).toEqual(['cat_school', 'cat_leerling']);
  });

  it('holds the matrix of STANDARD.md §2.7', () => {
    expect(PROFILE_MATRIX.cat_vve).toEqual({
      POPO: 'OPTIONEEL',
      POVO: 'VERBODEN',
      VOVO: 'VERBODEN',
      BB: 'OPTIONEEL',
      POSWV: 'OPTIONEEL',
      VOSWV: 'VERBODEN',
    });
    expect(requirementOf('POSWV', 'cat_onderwijsondersteuning')).toBe('VERPLICHT');
    expect(requirementOf('POSWV', 'cat_eindtoetsbo')).toBe('VERBODEN');
    expect(requirementOf('BB', 'cat_ouderinzage')).toBe('OPTIONEEL');
    for (const p of PROFILE_CODES) {
      expect(requirementOf(p, 'cat_metadata')).toBe('VERPLICHT');
      expect(requirementOf(p, 'cat_bijlagedocs')).toBe('OPTIONEEL');
    }
  });

  it('tells which declarations fit a requirement', () => {
    expect(declarationFits('OPTIONEEL', 'OPT-UIT')).toBe(true);
    expect(declarationFits('OPTIONEEL', 'OPTIONEEL')).toBe(true);
    expect(declarationFits('OPTIONEEL', 'VERPLICHT')).toBe(false);
    expect(declarationFits('VERPLICHT', 'OPT-UIT')).toBe(false);
    expect(declarationFits('VERBODEN', 'OPTIONEEL')).toBe(false);
    expect(declarationFits('VERBODEN', 'VERBODEN')).toBe(true);
  });

  it('derives the profile of a dossier', () => {
    expect(profileOf(dossier('overstapdossier', 'POVO'))).toBe('POVO');
    expect(profileOf(dossier(' overstapdossier ', ' VOVO'))).toBe('VOVO');
    expect(profileOf(dossier('overdrachtbinnenbrin', 'POPO'))).toBe('BB');
    expect(profileOf(dossier('swv-dossier', 'VOSWV'))).toBe('VOSWV');
    expect(profileOf(dossier('swv-dossier', 'POVO'))).toBeUndefined();
    expect(profileOf(dossier('overstapdossier'))).toBeUndefined();
  });
});
