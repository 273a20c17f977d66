import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../test/support/conformance.js';
import { xmllintValidate } from '../../test/support/xmllint.js';
import { readDocument, readDossier, writeDossier } from './dossier-io.js';
import { StandardError } from './errors.js';
import type { Dossier } from './model.js';

const examples = officialExamples();

function readError(bytes: Uint8Array): StandardError {
  try {
    readDocument(bytes);
  } catch (e) {
    if (e instanceof StandardError) return e;
    throw e;
  }
  throw new Error('expected a StandardError');
}

describe('reading and writing dossiers', () => {
  it.each(examples.map((e) => [e.name, e.bytes] as const))(
    '%s round-trips to an equal model',
    (_name, bytes) => {
      const model = readDossier(bytes);
      const again = readDossier(writeDossier(model));
      expect(isDeepStrictEqual(model, again)).toBe(true);
    },
  );

  it('writes XML that the official XSD accepts (checked with xmllint)', async () => {
    for (const { name, bytes } of examples) {
      const written = writeDossier(readDossier(bytes));
      const result = await xmllintValidate(written);
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
    }
  });

  it('gives a typed model with the standard’s element names', () => {
    const d = readDossier(examples.find((e) => e.name.includes('POVO_full'))?.bytes ?? Buffer.alloc(0));
    expect(d.metadata.standaardversie).toBe('2019.1');
    expect(d.metadata.categorie_uitlevering?.cat_vombo).toBe('VERBODEN');
    expect(typeof d.huidigeschool.leerling.adresgeheim).toBe('boolean');
    expect(d.huidigeschool.brincode).toMatch(/^\d\d[A-Z]{2}$/);
    expect(Array.isArray(d.huidigeschool.leerling.verzorger)).toBe(true);
  });

  it('writes in schema order whatever order the model’s properties have', () => {
    const d = readDossier(examples[0].bytes);
    const shuffled = Object.fromEntries(Object.entries(d.huidigeschool.leerling).reverse());
    const model: Dossier = {
      ...d,
      huidigeschool: { ...d.huidigeschool, leerling: shuffled as Dossier['huidigeschool']['leerling'] },
    };
    expect(writeDossier(model).equals(writeDossier(d))).toBe(true);
  });

  it('refuses to write a model that lacks a required element, and says which', () => {
    const d = readDossier(examples[0].bytes);
    const broken = { ...d, huidigeschool: { ...d.huidigeschool, brincode: undefined } } as unknown as Dossier;
    expect(() => writeDossier(broken)).toThrow(/huidigeschool\/brincode/);
  });

  it('escapes markup characters and refuses characters XML cannot hold', () => {
    const d = readDossier(examples[0].bytes);
    const named: Dossier = {
      ...d,
      huidigeschool: { ...d.huidigeschool, naam: 'De <Kleine> & "Grote" School' },
    };
    expect(readDossier(writeDossier(named)).huidigeschool.naam).toBe('De <Kleine> & "Grote" School');
    const bad: Dossier = { ...d, huidigeschool: { ...d.huidigeschool, naam: 'nul\u0000teken' } };
    expect(() => writeDossier(bad)).toThrow(StandardError);
  });

  it('refuses a schema-invalid document with the line and column of every problem', () => {
    const xml = examples[0].bytes.toString('utf8').replace('<achternaam>', '<achternaam/><achternaam>');
    const e = readError(Buffer.from(xml));
    expect(e.code).toBe('DOSSIER_SCHEMA_INVALID');
    expect(e.problems.length).toBeGreaterThan(0);
    expect(e.problems[0].line).toBeGreaterThan(1);
    expect(e.problems[0].column).toBeGreaterThan(0);
  });

  it('refuses another root element than dossier or dossiers', () => {
    const e = readError(
      Buffer.from('<adres xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier"/>'),
    );
    expect(e.code).toBe('DOSSIER_ROOT_INVALID');
  });

  it('refuses a DOCTYPE and limits the number and size of attachments', () => {
    const withDoctype = examples[0].bytes
      .toString('utf8')
      .replace('<dossier', '<!DOCTYPE dossier>\n<dossier');
    expect(readError(Buffer.from(withDoctype)).code).toBe('XML_DOCTYPE_REFUSED');
    const full = examples.find((e) => e.name.includes('POPO_full'))?.bytes ?? Buffer.alloc(0);
    expect(() => readDocument(full, { limits: { maxAttachments: 3 } })).toThrow(/more than 3 attachments/);
    expect(() => readDocument(full, { limits: { maxAttachmentBytes: 1000 } })).toThrow(/limit is/);
  });
});
