import { describe, expect, it } from 'vitest';
import { CODELIST_BY_NUMBER } from '../codelists.js';
import type { Finding } from '../findings.js';
import { parseXml } from '../xml/parse.js';
import { canonicalInteger, strictCodeVerdict } from './codelist-rules.js';
import { emailMatches, emailSuffixMatches } from './general-rules.js';
import { checkBusinessRules } from './index.js';
import { catalogueKeys, hasMessage } from './messages.js';

const NS = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

const CATS =
  '<categorie_uitlevering><cat_metadata>VERPLICHT</cat_metadata><cat_ouderinzage>VERPLICHT</cat_ouderinzage>' +
  '<cat_school>VERPLICHT</cat_school><cat_leerling>VERPLICHT</cat_leerling><cat_oudersverzorgers>VERPLICHT</cat_oudersverzorgers>' +
  '<cat_vve>OPT-UIT</cat_vve><cat_schoolloopbaan>VERPLICHT</cat_schoolloopbaan><cat_overstapadvies>VERPLICHT</cat_overstapadvies>' +
  '<cat_onderwijsondersteuning>OPT-UIT</cat_onderwijsondersteuning><cat_verzuim>OPT-UIT</cat_verzuim><cat_eindtoetsbo>OPT-UIT</cat_eindtoetsbo>' +
  '<cat_toetsresultaten>OPT-UIT</cat_toetsresultaten><cat_handelingsplannen>OPT-UIT</cat_handelingsplannen><cat_cijferlijsten>OPT-UIT</cat_cijferlijsten>' +
  '<cat_vombo>VERBODEN</cat_vombo><cat_bijlagedocs>OPT-UIT</cat_bijlagedocs></categorie_uitlevering>';

/** A small POPO dossier without findings; `leerling` adds to the pupil, `swap` edits the text. */
function popo(opts: { leerling?: string; inzage?: string; overstap?: string } = {}): string {
  return (
    `<dossier xmlns="${NS}"><metadata><deeldossier>LASLVS</deeldossier><pakketnaam>x</pakketnaam><pakketversie>1</pakketversie>` +
    `<datum>2016-01-02</datum><standaardversie>2019.1</standaardversie><validatieversie>2019.1.1</validatieversie>${CATS}` +
    `<overstap>${opts.overstap ?? 'POPO'}</overstap></metadata><overdrachtsoort>overstapdossier</overdrachtsoort>` +
    `<inzage><voorlopigdossier>false</voorlopigdossier><inzage>${opts.inzage ?? 'true'}</inzage><inzagedatum>2016-01-01</inzagedatum><akkoord>Ja</akkoord></inzage>` +
    '<huidigeschool><naam>S</naam><adreslijst><adres><soortadres>bezoek</soortadres><straat>a</straat><nummer>1</nummer><postcode>1</postcode><plaats>p</plaats></adres></adreslijst>' +
    '<communicatielijst><communicatie><soort>telefoon</soort><nummer>0101234567</nummer></communicatie></communicatielijst>' +
    '<brincode>00YY</brincode><vestigingscode>00</vestigingscode><aanleverpunt>1</aanleverpunt>' +
    '<leerling><voornaam>A</voornaam><achternaam>B</achternaam><geboortedatum>2010-01-01</geboortedatum><geslacht>2</geslacht>' +
    '<adresgeheim>false</adresgeheim><adreslijst><adres><soortadres>bezoek</soortadres><straat>a</straat><nummer>1</nummer><postcode>1</postcode><plaats>p</plaats></adres></adreslijst>' +
    `${opts.leerling ?? ''}<bsn>246263738</bsn><datuminschrijving>2015-01-01</datuminschrijving><verzorgersaansprakelijk>true</verzorgersaansprakelijk>` +
    '<schoolloopbaanlijst><schoolloopbaan><schooljaar>2015-2016</schooljaar><groepscode>1</groepscode><jaargroep>1</jaargroep><brincode>00YY</brincode><vestigingscode>00</vestigingscode></schoolloopbaan></schoolloopbaanlijst>' +
    '<overstapadvies><contactnodig>false</contactnodig></overstapadvies>' +
    '<verzorger><achternaam>C</achternaam><wettigevertegenwoordiger>true</wettigevertegenwoordiger></verzorger></leerling></huidigeschool></dossier>'
  );
}

function run(xml: string, mode: 'official' | 'strict') {
  return checkBusinessRules(parseXml(new TextEncoder().encode(xml)), mode);
}

const rules = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.path}`).sort();
const fouten = (fs: Finding[]) => rules(fs.filter((f) => f.severity === 'fout'));

describe('engine on a small dossier', () => {
  it('a clean dossier has no findings in either mode', () => {
    expect(run(popo(), 'official')).toEqual({ findings: [] });
    expect(run(popo(), 'strict').findings).toEqual([]);
  });

  it('gives complete findings: severity, path, position and both languages', () => {
    const f = run(popo({ leerling: '<nationaliteit>1</nationaliteit>' }), 'strict').findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'OVa.LL11',
      severity: 'fout',
      path: '/dossier[1]/huidigeschool[1]/leerling[1]',
    });
    expect(f[0].line).toBe(1);
    expect(f[0].column).toBeGreaterThan(1);
    expect(f[0].message.nl).toMatch(/nationaliteit/);
    expect(f[0].message.en).toMatch(/nationality/);
  });

  it('official mode stops without a verdict on an invalid boolean that a rule casts (FORG0001)', () => {
    const xml = popo().replace('<adresgeheim>false</adresgeheim>', '<adresgeheim>ja</adresgeheim>');
    expect(run(xml, 'official')).toEqual({ findings: [], aborted: 'FORG0001' });
    expect(run(xml, 'strict').aborted).toBeUndefined();
  });

  it('official mode reports an uncast invalid boolean nothing (no rule reads it)', () => {
    const xml = popo({ leerling: '<tehuis>ja</tehuis>' });
    expect(run(xml, 'official')).toEqual({ findings: [] });
  });

  it('a DOCTYPE stops the official stylesheets', () => {
    const doc = parseXml(new TextEncoder().encode(`<!DOCTYPE dossier>${popo()}`), {}, { allowDoctype: true });
    expect(checkBusinessRules(doc, 'official')).toEqual({ findings: [], aborted: 'DOCTYPE' });
  });

  it('reads codelists per text node officially and trimmed in strict mode', () => {
    const xml = popo().replace('<geslacht>2</geslacht>', '<geslacht> 02 </geslacht>');
    expect(rules(run(xml, 'official').findings)).toEqual([
      'CL.14 /dossier[1]/huidigeschool[1]/leerling[1]/geslacht[1]',
    ]);
    const strict = run(xml, 'strict').findings;
    expect(strict.map((f) => [f.rule, f.severity])).toEqual([['CL.14', 'waarschuwing']]);
    const split = popo().replace('<geslacht>2</geslacht>', '<geslacht>1<!-- x -->2</geslacht>');
    expect(fouten(run(split, 'strict').findings)).toEqual([
      'CL.14 /dossier[1]/huidigeschool[1]/leerling[1]/geslacht[1]',
    ]);
    const ok = popo().replace('<overdrachtsoort>overstapdossier<', '<overdrachtsoort>overstap<?pi?>dossier<');
    expect(run(ok, 'strict').findings).toEqual([]);
    expect(rules(run(ok, 'official').findings)).toContain('CL.29 /dossier[1]/overdrachtsoort[1]');
  });

  it('anchors the e-mail pattern at both ends only in strict mode', () => {
    expect(emailSuffixMatches('ján.de.vries@school.nl')).toBe(true);
    expect(emailMatches('ján.de.vries@school.nl')).toBe(false);
    expect(emailMatches('jan.de.vries@school.nl')).toBe(true);
    expect(emailMatches('a@b@c.nl')).toBe(false);
    expect(emailSuffixMatches('x@-bad.nl')).toBe(false);
    expect(emailSuffixMatches(`${'@'.repeat(50_000)}a`)).toBe(false);
  });

  it('fires the OV child-block rules in strict mode only', () => {
    const xml = popo().replace('<contactnodig>false</contactnodig>', '<contactnodig>true</contactnodig>');
    expect(run(xml, 'official').findings).toEqual([]);
    expect(fouten(run(xml, 'strict').findings)).toEqual([
      'OVa.OA04 /dossier[1]/huidigeschool[1]/leerling[1]/overstapadvies[1]',
      'OVa.OA05 /dossier[1]/huidigeschool[1]/leerling[1]/overstapadvies[1]',
    ]);
  });

  it('checks a batch per dossier in strict mode and all at once officially', () => {
    const one = popo().replace(`<dossier xmlns="${NS}">`, '<dossier>');
    const other = popo({ inzage: 'false' }).replace(`<dossier xmlns="${NS}">`, '<dossier>');
    const noInzage = other.replace(/<inzage>.*<\/inzage><huidigeschool>/, '<huidigeschool>');
    const batch = `<dossiers xmlns="${NS}">${one}${noInzage}</dossiers>`;
    // Officially the first dossier's inzage satisfies OVa.IZ01 and OS.cat02 for the second one too.
    expect(run(batch, 'official').findings).toEqual([]);
    expect(fouten(run(batch, 'strict').findings)).toEqual([
      'OS.cat02 /[1]',
      'OVa.IZ01 /dossiers[1]/dossier[2]',
    ]);
    // Two review blocks make the official XPath expression fail (XPTY0004); strict checks each.
    expect(run(`<dossiers xmlns="${NS}">${one}${one}</dossiers>`, 'official').aborted).toBe('XPTY0004');
    expect(
      run(`<dossiers xmlns="${NS}">${one}${other}</dossiers>`, 'strict').findings.map((f) => f.rule),
    ).toEqual(['OVa.IZ02']);
  });

  it('reports the BSN and the profile matrix in strict mode', () => {
    const xml = popo({ leerling: '' })
      .replace('<bsn>246263738</bsn>', '<bsn>246263739</bsn>')
      .replace('<cat_vombo>VERBODEN</cat_vombo>', '<cat_vombo>OPTIONEEL</cat_vombo>');
    const f = run(xml, 'strict').findings;
    expect(rules(f)).toEqual([
      'OSO.BSN /dossier[1]/huidigeschool[1]/leerling[1]/bsn[1]',
      'OSO.PROFIEL /dossier[1]/metadata[1]/categorie_uitlevering[1]/cat_vombo[1]',
    ]);
    expect(run(xml, 'official').findings).toEqual([]);
  });

  it('leaves a root that is not a dossier to the schema check in strict mode', () => {
    const f = run(`<adres xmlns="${NS}"><soortadres>post</soortadres></adres>`, 'strict').findings;
    expect(rules(f)).toEqual(['CL.33 /[1]']);
  });

  it('reports an empty batch in strict mode', () => {
    const f = run(`<dossiers xmlns="${NS}"/>`, 'strict').findings;
    expect(rules(f)).toContain('OSO.ROOT /dossiers[1]');
  });

  it('accepts a batch that holds only a feedback message (terugkoppeling), and checks its codes', () => {
    const feedback = (jaargroep: string, geslacht: string) =>
      `<dossiers xmlns="${NS}"><terugkoppeling>` +
      '<metadata><deeldossier>LAS</deeldossier><pakketnaam>T</pakketnaam><pakketversie>1</pakketversie>' +
      '<datum>2026-10-01</datum><standaardversie>2019.1</standaardversie><validatieversie>2019.1.1</validatieversie></metadata>' +
      '<voschool><school><naam>VO</naam><brincode>16VA</brincode><vestigingscode>01</vestigingscode><aanleverpunt>16VA01</aanleverpunt></school></voschool>' +
      `<leerlingmatching><leerlingid>1</leerlingid><voornaam>Mats</voornaam><achternaam>Blom</achternaam><geslacht>${geslacht}</geslacht><geboortedatum>2013-02-03</geboortedatum></leerlingmatching>` +
      '<terugkoppelinformatie><tiperschooljaar><schooljaar>2026-2027</schooljaar><begindatum>2026-08-20</begindatum>' +
      `<einddatum>2027-07-15</einddatum><jaargroep>${jaargroep}</jaargroep><iltcode>1</iltcode><iltomschrijving>havo</iltomschrijving></tiperschooljaar>` +
      '</terugkoppelinformatie></terugkoppeling></dossiers>';
    expect(run(feedback('11', '2'), 'strict').findings).toEqual([]);
    expect(rules(run(feedback('9', '7'), 'strict').findings)).toEqual([
      'CL.13 /dossiers[1]/terugkoppeling[1]/terugkoppelinformatie[1]/tiperschooljaar[1]/jaargroep[1]',
      'CL.14 /dossiers[1]/terugkoppeling[1]/leerlingmatching[1]/geslacht[1]',
    ]);
  });
});

describe('codelist values in strict mode', () => {
  const geslacht = CODELIST_BY_NUMBER.get(14);
  const akkoord = CODELIST_BY_NUMBER.get(37);
  it('trims and reads integers', () => {
    if (geslacht === undefined || akkoord === undefined) throw new Error('codelists missing');
    expect(strictCodeVerdict(geslacht, '2').ok).toBe('yes');
    expect(strictCodeVerdict(geslacht, '02')).toEqual({ ok: 'normalised', code: '2' });
    expect(strictCodeVerdict(geslacht, ' +1 ')).toEqual({ ok: 'normalised', code: '1' });
    expect(strictCodeVerdict(geslacht, 'M').ok).toBe('no');
    expect(strictCodeVerdict(akkoord, 'Onbekend ')).toEqual({ ok: 'normalised', code: 'Onbekend' });
    expect(strictCodeVerdict(akkoord, '01').ok).toBe('no');
    expect(canonicalInteger('-0')).toBe('0');
    expect(canonicalInteger('1.0')).toBeNull();
  });
});

describe('message catalogue', () => {
  it('has a Dutch and an English text for every rule and variant', () => {
    for (const [rule, variants] of catalogueKeys())
      for (const v of variants) expect(hasMessage(rule, v)).toBe(true);
    expect(hasMessage('OVa.LL02')).toBe(true);
    expect(hasMessage('OS.cat09', 'optUit')).toBe(true);
    expect(hasMessage('CL.02', 'invalid')).toBe(true);
  });
});
