import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvTemplate,
  isoDateOf,
  MAX_CSV_LINES,
  readRegistrationsCsv,
} from './registrations-csv.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV file of registrations', () => {
  it('reads a ;-separated file with a BOM, CRLF line ends, quotes and Dutch dates', () => {
    const reading = readRegistrationsCsv(
      bytes(
        '\uFEFFachternaam;voorvoegsel;voornaam;bsn;geboortedatum;brin po-school;voorkeur\r\n' +
          'Vries;de;Sanne;123456782;17-05-2014;01aa;1\r\n' +
          '"Jansen; Smit";;"Piet ""PJ""";100000009;2014-02-03;02BB;\r\n',
      ),
    );
    expect(reading).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({
          line: 2,
          problems: [],
          fields: {
            achternaam: 'Vries',
            voorvoegsel: 'de',
            roepnaam: 'Sanne',
            bsn: '123456782',
            geboortedatum: '2014-05-17',
            sourceBrin: '01AA',
            preferenceRank: 1,
          },
        }),
        expect.objectContaining({
          line: 3,
          problems: [],
          fields: {
            achternaam: 'Jansen; Smit',
            roepnaam: 'Piet "PJ"',
            bsn: '100000009',
            geboortedatum: '2014-02-03',
            sourceBrin: '02BB',
          },
        }),
      ],
    });
  });

  it('reads a ,-separated file with other column names, and gives back the leading zero a spreadsheet dropped', () => {
    const reading = readRegistrationsCsv(
      bytes(
        'Tussenvoegsel,Achternaam,Roepnaam,BSN,Geboortedatum,BRIN,Voorkeursvolgorde\nvan,Dam,Ali,12345672,1-2-2014,01AA,2\n',
      ),
    );
    expect(reading.ok && reading.rows[0].fields).toEqual({
      achternaam: 'Dam',
      voorvoegsel: 'van',
      roepnaam: 'Ali',
      bsn: '012345672',
      geboortedatum: '2014-02-01',
      sourceBrin: '01AA',
      preferenceRank: 2,
    });
  });

  it('names unknown and missing columns in the header row', () => {
    const reading = readRegistrationsCsv(bytes('achternam;bsn;brin po-school\nJansen;123456782;01AA\n'));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'achternam'],
      [1, 'achternaam'],
      [1, 'geboortedatum'],
    ]);
    expect(reading.problems[0].message.nl).toMatch(/Onbekende kolom "achternam"/);
    expect(reading.problems[0].message.en).toMatch(/Unknown column "achternam"/);
  });

  it('keeps per line what it cannot read: a date, a rank, too many fields', () => {
    const reading = readRegistrationsCsv(
      bytes(
        'achternaam;bsn;geboortedatum;brin po-school;voorkeur\nA;123456782;17 mei 2014;01AA;eerste\nB;100000009;2014-01-01;01AA;1;extra\n',
      ),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.rows[0].problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [2, 'geboortedatum', 'geboortedatum'],
      [2, 'voorkeur', 'preferenceRank'],
    ]);
    expect(reading.rows[1].problems.map((p) => [p.line, p.column])).toEqual([[3, null]]);
  });

  it('refuses a file that is not UTF-8, an empty file, an unclosed quote and too many lines', () => {
    const latin1 = Uint8Array.from([...bytes('achternaam;bsn\nM'), 0xfc, ...bytes('ller;123456782\n')]);
    const first = (r: ReturnType<typeof readRegistrationsCsv>) => (r.ok ? undefined : r.problems[0]);
    expect(first(readRegistrationsCsv(latin1))?.message.en).toMatch(/not UTF-8/);
    expect(first(readRegistrationsCsv(bytes('achternaam;bsn\n\n;\n')))?.message.en).toMatch(
      /no registrations/,
    );
    expect(first(readRegistrationsCsv(bytes('achternaam;bsn\n"A;123456782\n')))).toMatchObject({ line: 2 });
    const many = `achternaam;bsn;geboortedatum;brin po-school\n${'A;123456782;2014-01-01;01AA\n'.repeat(MAX_CSV_LINES + 1)}`;
    expect(first(readRegistrationsCsv(bytes(many)))?.message.en).toMatch(/more than 2,000/);
  });

  it('offers a template whose header row it reads back', () => {
    const template = csvTemplate();
    expect(template.startsWith('\uFEFFachternaam;voorvoegsel;voornaam;bsn;')).toBe(true);
    const reading = readRegistrationsCsv(bytes(`${template}A;;;123456782;01-01-2014;01AA;\n`));
    expect(reading.ok).toBe(true);
    expect(CSV_COLUMNS.map((c) => c.header)).toContain('brin po-school');
  });

  it('turns Dutch and ISO dates into ISO dates, and nothing else', () => {
    expect(isoDateOf('17-05-2014')).toBe('2014-05-17');
    expect(isoDateOf('7/5/2014')).toBe('2014-05-07');
    expect(isoDateOf('2014-5-7')).toBe('2014-05-07');
    expect(isoDateOf('17-05-14')).toBeUndefined();
    expect(isoDateOf('mei 2014')).toBeUndefined();
  });
});
