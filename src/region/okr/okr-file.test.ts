import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../../test/support/conformance.js';
import { extractAttachment, listAttachments, readDossier } from '../../standard/index.js';
import { readOkrFile } from './okr-file.js';
import { OKR_FILE_MESSAGES, OKR_LIMITS, type OkrReading } from './okr-table.js';
import { readXlsxRows } from './okr-xlsx.js';

const csv = (text: string) => readOkrFile('okr.csv', Buffer.from(text, 'utf8'));
const problemsOf = (reading: OkrReading) => (reading.ok ? [] : reading.problems);
const fieldsOf = (reading: OkrReading) => {
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.fields.map(({ line, name, section, description }) => ({ line, name, section, description }));
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/**
 * A workbook as Excel writes one: the workbook with its first sheet by relation id, the sheet's
 * cells pointing into the shared strings. `sheetXml` and `parts` replace parts for hostile cases.
 */
function xlsx(
  rows: string[][],
  options: { sheetPath?: string; sheetXml?: string; parts?: Record<string, string | Uint8Array> } = {},
): Uint8Array {
  const strings: string[] = [];
  const index = (s: string) => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((c, col) =>
            c === '' ? '' : `<c r="${String.fromCharCode(65 + col)}${r + 1}" t="s"><v>${index(c)}</v></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  const sheetPath = options.sheetPath ?? 'worksheets/sheet1.xml';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="OKR" sheetId="1" r:id="rId3"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="styles" Target="styles.xml"/><Relationship Id="rId3" Type="worksheet" Target="${sheetPath}"/></Relationships>`,
    ),
    [`xl/${sheetPath}`]: strToU8(
      options.sheetXml ??
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings
        .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    ),
  };
  for (const [name, content] of Object.entries(options.parts ?? {})) {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files);
}

describe('reading an OKR field list from CSV', () => {
  it('reads a header row with field name, section and description, with a BOM and quoted fields', () => {
    const reading = csv(
      '\uFEFFveldnaam;sectie;omschrijving\r\nSchooladvies;Advies;\r\n"Werkhouding; taakaanpak";Ontwikkeling;"Concentratie,\r\nzelfstandigheid en ""tempo"""\r\n\r\nVerzuim;;Afgelopen 12 maanden\r\n',
    );
    expect(fieldsOf(reading)).toEqual([
      { line: 2, name: 'Schooladvies', section: 'Advies', description: null },
      {
        line: 3,
        name: 'Werkhouding; taakaanpak',
        section: 'Ontwikkeling',
        description: 'Concentratie,\nzelfstandigheid en "tempo"',
      },
      { line: 6, name: 'Verzuim', section: null, description: 'Afgelopen 12 maanden' },
    ]);
  });

  it('without a header row takes the columns in order: name, section, description; with "," or tabs too', () => {
    expect(fieldsOf(csv('Schooladvies,Advies,Definitief\nWerkhouding\n'))).toEqual([
      { line: 1, name: 'Schooladvies', section: 'Advies', description: 'Definitief' },
      { line: 2, name: 'Werkhouding', section: null, description: null },
    ]);
    // A first field called "Naam" is a field, not a header.
    expect(
      fieldsOf(csv('Naam;Leerlinggegevens\nGeboortedatum;Leerlinggegevens\n')).map((f) => f.name),
    ).toEqual(['Naam', 'Geboortedatum']);
    expect(fieldsOf(csv('Schooladvies\tAdvies\nThuissituatie\tGezin\n')).map((f) => f.section)).toEqual([
      'Advies',
      'Gezin',
    ]);
  });

  it('finds the columns by their header words in any order and names the columns it does not read', () => {
    const reading = csv('Nr;Toelichting;Veld;Onderdeel;Verplicht\n1;Definitief;Schooladvies;Advies;ja\n');
    expect(reading).toMatchObject({ ok: true, ignoredColumns: ['Nr', 'Verplicht'] });
    expect(fieldsOf(reading)).toEqual([
      { line: 2, name: 'Schooladvies', section: 'Advies', description: 'Definitief' },
    ]);
  });

  it('reports every problem of every row at once, in Dutch and English, and gives no fields', () => {
    const long = 'x'.repeat(OKR_LIMITS.maxName + 1);
    const reading = csv(
      `veld;sectie;omschrijving\nSchooladvies;Advies;\n;Advies;Alleen een omschrijving\n${long};;\nschooladvies;ADVIES;\nWerk\u0007houding;;\n`,
    );
    expect(reading.ok).toBe(false);
    expect(problemsOf(reading)).toEqual([
      { line: 3, column: 'name', message: OKR_FILE_MESSAGES.nameMissing },
      { line: 4, column: 'name', message: OKR_FILE_MESSAGES.tooLong('name', OKR_LIMITS.maxName) },
      { line: 5, column: 'name', message: OKR_FILE_MESSAGES.duplicate(2) },
      { line: 6, column: 'name', message: OKR_FILE_MESSAGES.controlCharacters },
    ]);
    for (const p of problemsOf(reading)) {
      expect(p.message.nl).not.toBe(p.message.en);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
  });

  it('refuses a fourth column without a header, text that is not UTF-8, an open quote, and an empty file', () => {
    expect(problemsOf(csv('Advies;Advies;Uitleg;Extra\n'))).toEqual([
      { line: 1, column: null, message: OKR_FILE_MESSAGES.extraColumns },
    ]);
    expect(
      problemsOf(readOkrFile('okr.csv', Buffer.from('Sociaal-emotionele ontwikkeling;\xe9\n', 'latin1'))),
    ).toEqual([{ line: null, column: null, message: OKR_FILE_MESSAGES.notUtf8 }]);
    expect(problemsOf(csv('Advies\n"Werkhouding;\nVerzuim\n'))).toEqual([
      { line: 2, column: null, message: OKR_FILE_MESSAGES.unclosedQuote },
    ]);
    expect(problemsOf(csv('veldnaam;sectie\n;;\n'))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.empty },
    ]);
    expect(problemsOf(readOkrFile('okr.pdf', Buffer.from('%PDF-1.4')))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.unknownType },
    ]);
  });

  it('is bounded: too many fields, too many rows and too many bytes are refused before reading further', () => {
    const fields = Array.from({ length: OKR_LIMITS.maxFields + 1 }, (_, i) => `Veld ${i}`).join('\n');
    expect(problemsOf(csv(fields))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.tooManyRows },
    ]);
    expect(problemsOf(csv('\n'.repeat(OKR_LIMITS.maxRows + 5)))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.tooManyRows },
    ]);
    expect(problemsOf(csv('a'.repeat(OKR_LIMITS.maxFileBytes + 1)))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.tooLarge },
    ]);
  });
});

describe('reading an OKR field list from an Excel workbook', () => {
  it('reads the first sheet through the workbook’s relations, shared strings and all', () => {
    const bytes = xlsx(
      [
        ['Veldnaam', 'Sectie', 'Omschrijving'],
        ['Schooladvies', 'Advies', ''],
        ['Sociaal-emotionele ontwikkeling', 'Ontwikkeling', 'Welbevinden & omgang'],
      ],
      { sheetPath: 'worksheets/okr-blad.xml' },
    );
    expect(fieldsOf(readOkrFile('OKR 2027.xlsx', bytes))).toEqual([
      { line: 2, name: 'Schooladvies', section: 'Advies', description: null },
      {
        line: 3,
        name: 'Sociaal-emotionele ontwikkeling',
        section: 'Ontwikkeling',
        description: 'Welbevinden & omgang',
      },
    ]);
  });

  it('reads inline strings, numbers, rich text without its phonetic runs, and cells that skip a column', () => {
    const sheetXml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="4"><c r="A4" t="inlineStr"><is><t>Verzuim</t></is></c><c r="C4"><v>12</v></c></row>
      <row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="str"><v>Ondersteuning</v></c></row>
    </sheetData></worksheet>`;
    const sharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Dyslexie</t></r><r><t>verklaring</t></r><rPh><t>ignored</t></rPh></si></sst>`;
    const rows = readXlsxRows(xlsx([], { sheetXml, parts: { 'xl/sharedStrings.xml': sharedStrings } }));
    expect(rows).toEqual({
      ok: true,
      rows: [
        { line: 4, cells: ['Verzuim', '', '12'] },
        { line: 5, cells: ['Dyslexieverklaring', 'Ondersteuning'] },
      ],
    });
  });

  it('reads a workbook made by Excel (the RVC report among the official example attachments)', () => {
    const example = officialExamples().find((e) => e.name === 'Voorbeelddossier_OV_VOVO_full.xml');
    if (!example) throw new Error('official example missing');
    const entry = listAttachments(readDossier(example.bytes)).find(
      (a) => a.bestandsnaam === 'rvcrapport.xlsx',
    );
    if (!entry) throw new Error('rvcrapport.xlsx missing');
    const [file] = extractAttachment(entry.document);
    expect(fieldsOf(readOkrFile('rvcrapport.xlsx', file.data))).toEqual([
      { line: 1, name: 'RVC rapport', section: null, description: null },
      { line: 2, name: 'bla', section: null, description: null },
      { line: 3, name: 'bla bla', section: null, description: null },
    ]);
  });

  it('refuses what is not a workbook: other bytes, a ZIP without a workbook, a broken shared string', () => {
    const notXlsx = [{ line: null, column: null, message: OKR_FILE_MESSAGES.notXlsx }];
    expect(problemsOf(readOkrFile('okr.xlsx', Buffer.from('veld;sectie\n')))).toEqual(notXlsx);
    expect(problemsOf(readOkrFile('okr.xlsx', zipSync({ 'word/document.xml': strToU8('<w/>') })))).toEqual(
      notXlsx,
    );
    const broken = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`;
    expect(problemsOf(readOkrFile('okr.xlsx', xlsx([], { sheetXml: broken })))).toEqual(notXlsx);
    const unclosed = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Advies</t></is></c>`;
    expect(problemsOf(readOkrFile('okr.xlsx', xlsx([], { sheetXml: unclosed })))).toEqual(notXlsx);
  });

  it('refuses a DTD, so that no entity is ever expanded (billion laughs)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst><si><t>&c;</t></si></sst>`;
    expect(
      problemsOf(readOkrFile('okr.xlsx', xlsx([['Advies']], { parts: { 'xl/sharedStrings.xml': laughs } }))),
    ).toEqual([{ line: null, column: null, message: OKR_FILE_MESSAGES.xlsxRefused }]);
  });

  it('never unpacks more than it must: a zip bomb is refused by its declared size, a lying size is cut off', () => {
    const bomb = zipSync({
      ...unzippedParts(xlsx([['Advies']])),
      'xl/worksheets/sheet1.xml': new Uint8Array(9 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(OKR_LIMITS.maxFileBytes);
    expect(problemsOf(readOkrFile('bom.xlsx', bomb))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.xlsxTooLarge },
    ]);
    // The same sheet declaring only 100 bytes: unpacked into 100 bytes, which is no complete XML.
    const padded = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'Advies '.repeat(50_000)}</t></is></c></row></sheetData></worksheet>`;
    const liar = Buffer.from(xlsx([], { sheetXml: padded }));
    setDeclaredSize(liar, 'xl/worksheets/sheet1.xml', 100);
    expect(problemsOf(readOkrFile('liar.xlsx', liar))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.notXlsx },
    ]);
  });

  it('bounds depth and rows, and never follows a relation out of the package', () => {
    const deep = `<worksheet>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</worksheet>`;
    expect(problemsOf(readOkrFile('okr.xlsx', xlsx([], { sheetXml: deep })))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.notXlsx },
    ]);
    const many = Array.from({ length: OKR_LIMITS.maxRows + 1 }, (_, i) => [`Veld ${i}`]);
    expect(problemsOf(readOkrFile('okr.xlsx', xlsx(many)))).toEqual([
      { line: null, column: null, message: OKR_FILE_MESSAGES.tooManyRows },
    ]);
    const escaping = xlsx([['Advies']], {
      sheetPath: '../../../etc/passwd.xml',
      parts: {
        'xl/worksheets/sheet1.xml':
          '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Uit blad 1</t></is></c></row></sheetData></worksheet>',
      },
    });
    expect(fieldsOf(readOkrFile('okr.xlsx', escaping)).map((f) => f.name)).toEqual(['Uit blad 1']);
  });

  it('gives fields or problems for any bytes, never an exception (random and mutated files)', () => {
    const valid = xlsx([
      ['Veldnaam', 'Sectie'],
      ['Schooladvies', 'Advies'],
    ]);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('okr.xlsx', 'okr.csv'),
        (bytes, name) => {
          const reading = readOkrFile(name, bytes);
          expect(typeof reading.ok).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (changes) => {
          const bytes = Uint8Array.from(valid);
          for (const [at, value] of changes) bytes[at] = value;
          const reading = readOkrFile('okr.xlsx', bytes);
          expect(typeof reading.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The parts of a ZIP as a record (for building a variant of it). */
function unzippedParts(zip: Uint8Array): Record<string, Uint8Array> {
  // Without a filter: the test's own small, trusted ZIP.
  return unzipSync(zip);
}

/** Overwrites the uncompressed size a ZIP's central directory declares for one entry. */
function setDeclaredSize(zip: Buffer, name: string, size: number): void {
  let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (at >= 0) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      zip.writeUInt32LE(size, at + 24);
      return;
    }
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  throw new Error(`${name} not in the ZIP`);
}
