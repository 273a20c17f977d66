import { describe, expect, it } from 'vitest';
import { CATEGORIES, SCHEMA, typeDef } from '../../standard/index.js';
import { elementAt, LEERLING, OSO_ELEMENTS, travelOf } from './catalogue.js';
import { normalise, suggestElements } from './matcher.js';
import { SYNONYMS } from './synonyms.js';

const L = `${LEERLING}/`;
const first = (name: string, section?: string) => suggestElements({ name, section })[0];

/** Follows a catalogue path through the compiled schema: the type at its end, or undefined. */
function schemaTypeAt(path: string): string | undefined {
  let type = SCHEMA.elements.dossier;
  for (const name of path.split('/')) {
    const t = typeDef(type);
    if (t.kind !== 'complex' || t.content === null) return undefined;
    const found: string[] = [];
    const visit = (p: import('../../standard/index.js').Particle) => {
      if (p.k === 'e') {
        if (p.name === name) found.push(p.type);
      } else for (const item of p.items) visit(item);
    };
    visit(t.content);
    if (found.length === 0) return undefined;
    type = found[0];
  }
  return type;
}

describe('the catalogue of OSO elements', () => {
  it('is derived from the compiled schema: every path exists there, in the standard’s order', () => {
    expect(OSO_ELEMENTS.length).toBeGreaterThan(150);
    for (const e of OSO_ELEMENTS) expect(schemaTypeAt(e.path), e.path).toBeDefined();
    const paths = OSO_ELEMENTS.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.indexOf(`${L}overstapadvies/advies`)).toBeLessThan(paths.indexOf(`${L}verzuim`));
  });

  it('names every element in Dutch and English and puts it in its delivery category', () => {
    const advies = elementAt(`${L}overstapadvies/advies`);
    expect(advies).toMatchObject({
      label: { nl: 'Schooladvies', en: 'School advice' },
      context: { nl: 'Overstapadvies', en: 'Transfer advice' },
      category: 'cat_overstapadvies',
    });
    expect(advies?.description).toMatch(/schooladvies/);
    expect(elementAt(`${L}onderwijsondersteuning`)).toMatchObject({
      label: { nl: 'Onderwijsondersteuning' },
      category: 'cat_onderwijsondersteuning',
    });
    expect(elementAt(`${L}onderwijsondersteuning/handelingsplan`)?.category).toBe('cat_handelingsplannen');
    const categories = new Set(CATEGORIES.map((c) => c.field));
    for (const e of OSO_ELEMENTS) {
      expect(categories.has(e.category), e.path).toBe(true);
      expect(e.label.nl.length, e.path).toBeGreaterThan(0);
      expect(e.label.en.length, e.path).toBeGreaterThan(0);
    }
  });

  it('leaves out what a report never asks for: metadata, attachment files and the insides of addresses', () => {
    const paths = OSO_ELEMENTS.map((e) => e.path);
    expect(paths.some((p) => p.startsWith('metadata'))).toBe(false);
    expect(paths.some((p) => /(^|\/)(bestandsinhoud|bestandsnaam|document)$/.test(p))).toBe(false);
    expect(paths).toContain(`${L}adreslijst`);
    expect(paths.some((p) => p.startsWith(`${L}adreslijst/`))).toBe(false);
  });

  it('says how each element travels from po to vo: VERPLICHT always, OPTIONEEL if delivered, VERBODEN never', () => {
    const at = (path: string) => {
      const e = elementAt(path);
      if (!e) throw new Error(path);
      return travelOf(e);
    };
    expect(at(`${L}overstapadvies/advies`)).toEqual({ travel: 'travels', requirement: 'VERPLICHT' });
    expect(at(`${L}verzuim`)).toEqual({ travel: 'travelsIfDelivered', requirement: 'OPTIONEEL' });
    expect(at(`${L}voorschools`)).toEqual({ travel: 'forbidden', requirement: 'VERBODEN' });
    expect(at(`${L}geboorteplaats`)).toMatchObject({ travel: 'forbidden', rule: 'OVa.LL10' });
  });
});

describe('the synonym list', () => {
  it('names only elements that exist in the catalogue', () => {
    for (const s of SYNONYMS) {
      const paths = 'elements' in s.target ? s.target.elements : (s.target.nearest ?? []);
      for (const p of paths) expect(elementAt(p), `${s.terms[0]} → ${p}`).toBeDefined();
      for (const term of s.terms) expect(normalise(term), term).not.toBe('');
    }
  });
});

describe('suggesting OSO elements for an OKR field', () => {
  it('is deterministic: the same field gets the same suggestions in the same order', () => {
    const fields = ['Schooladvies', 'Werkhouding', 'Verzuim (dagdelen)', 'Vestiging', 'Datum'];
    const once = fields.map((name) => suggestElements({ name, section: 'Eindtoets' }));
    const again = [...fields].reverse().map((name) => suggestElements({ name, section: 'Eindtoets' }));
    expect(again.reverse()).toEqual(once);
  });

  it('finds the element of a curated synonym, whatever the case, accents or punctuation', () => {
    expect(first('Dyslexieverklaring')).toMatchObject({
      elements: [`${L}onderwijsondersteuning/diagnose`],
      notInOso: false,
      score: 1,
      reason: { kind: 'synonym', term: 'dyslexieverklaring' },
    });
    expect(first('EINDTOETS')).toMatchObject({ elements: [`${L}eindtoets_basisonderwijs`], score: 1 });
    expect(first('Advies')?.elements).toEqual([`${L}overstapadvies/advies`]);
    expect(first('Verzuim (dagdelen)')).toMatchObject({
      elements: [`${L}verzuim`],
      reason: { kind: 'synonym', term: 'verzuim' },
    });
    expect(first('Arrangement')?.elements).toEqual([`${L}onderwijsondersteuning/arrangement_pao`]);
    expect(first('Leerachterstand')?.elements).toEqual([
      `${L}toetslijst`,
      `${L}onderwijsondersteuning/rvc/signaleringlwoopro/leerachterstand`,
    ]);
  });

  it('prefers the more specific synonym: "eindtoetsadvies" is the advice of the test, not the school advice', () => {
    const suggestions = suggestElements({ name: 'Eindtoetsadvies' });
    expect(suggestions[0]).toMatchObject({
      elements: [`${ET}toets_advies`],
      reason: { kind: 'synonym', term: 'eindtoetsadvies' },
    });
    expect(suggestions.map((s) => s.score)).toEqual(
      [...suggestions.map((s) => s.score)].sort((a, b) => b - a),
    );
  });

  it('knows what the gegevensset does not hold: those fields are "not in OSO", with the nearest element', () => {
    for (const name of ['Werkhouding', 'Sociaal-emotionele ontwikkeling', 'Thuissituatie', 'NT2']) {
      expect(first(name), name).toMatchObject({ notInOso: true, elements: [], reason: { kind: 'synonym' } });
    }
    expect(first('Sociaal-emotionele ontwikkeling')).toMatchObject({
      nearest: [`${L}overstapadvies/aandachtspunten`],
      note: { nl: expect.stringContaining('280 tekens') },
    });
  });

  it('matches by likeness of the name when no synonym fits, and says which label it resembles', () => {
    expect(first('Vestigingscode')).toMatchObject({
      elements: ['huidigeschool/vestigingscode'],
      reason: { kind: 'name', label: 'Huidige school › Vestiging' },
    });
    const score = first('Vestigingscode')?.score ?? 0;
    expect(score).toBeGreaterThan(0.4);
    expect(score).toBeLessThanOrEqual(0.75);
  });

  it('reads a generic name in its section: "Datum" under "Eindtoets" is the date of the final test', () => {
    expect(first('Datum', 'Eindtoets')).toMatchObject({
      elements: [`${ET}datum_afname`],
      reason: { kind: 'name' },
    });
    expect(first('Rekenen', 'Toetsgegevens')).toMatchObject({
      elements: [`${L}toetslijst`],
      reason: { kind: 'section', term: 'toetsgegevens' },
    });
  });

  it('suggests nothing for a name that resembles nothing, and at most three things otherwise', () => {
    expect(suggestElements({ name: 'Xyzzy plugh' })).toEqual([]);
    expect(suggestElements({ name: '   ' })).toEqual([]);
    expect(suggestElements({ name: 'Naam leerling' }).length).toBeLessThanOrEqual(3);
  });
});

const ET = `${L}eindtoets_basisonderwijs/eindtoetsresultaat/`;
