import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../../../test/support/conformance.js';
import { xmllintValidateMany } from '../../../test/support/xmllint.js';
import { parseXml } from '../xml/parse.js';
import { validateSchema } from './validate-xsd.js';

const cases = conformanceCases();
const parsed = cases.map((c) => {
  try {
    return { c, doc: parseXml(c.bytes, {}, { allowDoctype: true }) };
  } catch {
    return { c, doc: null };
  }
});

describe('schema validation', () => {
  it('agrees with the official schema verdict on every conformance case', () => {
    const disagreements = parsed
      .filter(
        ({ c, doc }) =>
          doc !== null &&
          (validateSchema(doc.root, 'official').length === 0 && !doc.hadDoctype) !== c.xsdValid,
      )
      .map(({ c }) => c.id);
    expect(disagreements).toEqual([]);
    expect(parsed.filter((p) => p.doc !== null).length).toBeGreaterThan(150);
  });

  it('agrees with libxml2 (xmllint) on every well-formed conformance case', async () => {
    const checked = parsed.filter(({ doc }) => doc !== null && !doc.hadDoctype);
    const theirs = await xmllintValidateMany(checked.map(({ c }) => c.bytes));
    const disagreements = checked
      .filter(
        ({ doc }, i) => doc !== null && (validateSchema(doc.root, 'official').length === 0) !== theirs[i],
      )
      .map(({ c }) => c.id);
    expect(checked.length).toBeGreaterThan(150);
    expect(disagreements).toEqual([]);
  });

  it('in strict mode accepts only dossier or dossiers as the root', () => {
    for (const id of ['defect-ov-root-adres', 'defect-ov-root-terugkoppeling']) {
      const doc = parsed.find((p) => p.c.id === id)?.doc;
      if (!doc) throw new Error(`case ${id} missing`);
      expect(validateSchema(doc.root, 'official')).toEqual([]);
      expect(validateSchema(doc.root, 'strict').map((f) => f.rule)).toEqual(['XSD.ROOT']);
    }
  });

  it('reports each problem with its place and a message that says what to do', () => {
    const doc = parsed.find((p) => p.c.id === 'xsd-ov-popo-order-achternaam-first')?.doc;
    if (!doc) throw new Error('case missing');
    const [f] = validateSchema(doc.root, 'strict');
    expect(f.rule).toBe('XSD.ORDER');
    expect(f.path).toBe('/dossier[1]/huidigeschool[1]/leerling[1]/voornaam[1]');
    expect(f.line).toBeGreaterThan(1);
    expect(f.message.nl).toContain('hoort vóór <achternaam>');
    expect(f.message.en).toContain('belongs before <achternaam>');
  });

  it('reports every facet violation, not only the first', () => {
    const xml = `<dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier"><metadata><deeldossier>LAS</deeldossier>
<pakketnaam>x</pakketnaam><pakketversie>1</pakketversie><datum>2019-02-30</datum><standaardversie>2019.1</standaardversie>
<validatieversie>2019.1.1</validatieversie></metadata><overdrachtsoort>overstapdossier</overdrachtsoort><huidigeschool>
<naam>S</naam><brincode>0AYY</brincode><vestigingscode>1</vestigingscode><aanleverpunt>x</aanleverpunt><leerling>
<achternaam></achternaam></leerling></huidigeschool></dossier>`;
    const findings = validateSchema(parseXml(Buffer.from(xml)).root, 'strict');
    expect(findings.map((f) => f.path)).toEqual([
      '/dossier[1]/metadata[1]/datum[1]',
      '/dossier[1]/huidigeschool[1]/brincode[1]',
      '/dossier[1]/huidigeschool[1]/vestigingscode[1]',
      '/dossier[1]/huidigeschool[1]/leerling[1]/achternaam[1]',
    ]);
    expect(findings.every((f) => f.rule === 'XSD.VALUE')).toBe(true);
  });
});
