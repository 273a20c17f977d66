import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../../test/support/conformance.js';
import { listAttachments } from '../attachments/attachments.js';
import { readDossier } from '../dossier-io.js';
import type { Communicatie, Dossier } from '../model.js';
import { typeDef } from '../schema/index.js';
import { codelistOf, formatCode, formatDate, renderContext } from './format.js';
import { categoryStates, escapeHtml, renderDossierHtml } from './index.js';
import { DOSSIER_TYPE, fieldLabel, fieldsOf, isRepeatedGroup, rest, typeAt } from './schema-walk.js';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('test fixture missing');
  return value;
}

const examples = officialExamples().map((e) => ({ name: e.name, dossier: readDossier(e.bytes) }));
const example = (name: string) =>
  must(examples.find((e) => e.name === `Voorbeelddossier_${name}.xml`)).dossier;
const povo = () => structuredClone(example('OV_POVO_full'));
const NOW = new Date('2016-04-02T10:00:00Z');
const render = (d: Dossier, lang: 'nl' | 'en' = 'nl') => renderDossierHtml(d, { now: NOW, lang });

/**
 * Every value a reader must be able to find, in the form the renderer shows it: free text as
 * written, dates as "12 maart 2012", codes with their label. Left out: booleans (Ja/Nee),
 * attachment contents, and what is secret (numbers marked geheim, addresses marked geheim).
 */
function visibleValues(d: Dossier): string[] {
  const ctx = renderContext('nl');
  const out: string[] = [];
  const walk = (value: unknown, typeName: string, name: string, ancestors: string[]) => {
    // categorie_uitlevering is shown as the status of each part (tested separately).
    if (value === undefined || name === 'bestandsinhoud' || name === 'categorie_uitlevering') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, typeName, name, ancestors);
      return;
    }
    const t = typeDef(typeName);
    if (typeof value === 'boolean') return;
    if (typeof value === 'string') {
      const base = t.kind === 'simple' ? t.base : 'string';
      const list = codelistOf(name, ancestors);
      // A code with its label, or (where the dossier describes it itself) "description (code)".
      if (list)
        out.push(
          formatCode(list, value, ctx).includes(`(${value.trim()})`)
            ? `(${value.trim()})`
            : formatCode(list, value, ctx),
        );
      else if (base === 'date' || name === 'gbageboortedatum') out.push(formatDate(value, 'nl'));
      else if (name !== 'geboortemaand') out.push(value.trim().replace(/\s+/g, ' '));
      return;
    }
    const obj = value as Record<string, unknown>;
    if (t.kind === 'complex' && t.simpleContent !== undefined) {
      out.push(String(obj.value).trim());
      return;
    }
    if (name === 'communicatie' && obj.geheim === true) return;
    const items = isRepeatedGroup(typeName) ? (obj.items as Record<string, unknown>[]) : [obj];
    for (const item of items) {
      for (const f of fieldsOf(typeName)) {
        if (item.adresgeheim === true && ['adreslijst', 'adresbuitenland', 'postcode4adres'].includes(f.name))
          continue;
        walk(item[f.name], f.type, f.name, [name, ...ancestors]);
      }
    }
  };
  walk(d, DOSSIER_TYPE, 'dossier', []);
  return out;
}

/** The text content of the page with white space collapsed, for "does the reader see X". */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('renderDossierHtml', () => {
  it.each(examples.map((e) => [e.name, e.dossier] as const))('renders %s completely', (_name, dossier) => {
    const html = render(dossier);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    const page = text(html);
    // Nothing in the dossier is silently hidden.
    const lower = page.toLowerCase();
    const missing = visibleValues(dossier).filter((v) => !lower.includes(v.toLowerCase()));
    expect(missing).toEqual([]);
    // Attachments are listed by name, their base64 content never appears.
    for (const a of listAttachments(dossier)) {
      expect(page).toContain(a.bestandsnaam);
      expect(html).not.toContain(a.document.bestandsinhoud.trim().slice(0, 60));
    }
    expect(html).not.toMatch(/[A-Za-z0-9+/]{120,}/);
    // Self-contained: no scripts, no external resources.
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    // Every one of the sixteen parts is listed with its delivery.
    expect(html.match(/<span class="status /g)?.length).toBe(16);
  });

  it('shows the key facts of the POVO example', () => {
    const html = render(povo());
    const page = text(html);
    expect(page).toContain('Daan van de Berg');
    expect(page).toContain('17 maart 2003');
    expect(page).toContain('Testschool (00YY-00)');
    expect(page).toContain('Overstap PO naar VO (POVO)');
    expect(page).toContain('Dit dossier is een weergave van het overstapdossier');
    expect(page).toContain('vmbo gemengde/theoretische leerweg (40)');
    expect(page).toContain('Mevr. Smits');
    expect(html).toMatch(/<caption>Referentiescores<\/caption><thead><tr><th scope="col">Soort score<\/th>/);
    expect(page).toContain('intelligentiequotiënt (IQ)');
    expect(page).toContain('Centrale Eindtoets (0011)');
    expect(page).toContain('lager dan 1F (01)');
    expect(html).toContain('<th scope="row">2006-2007</th>');
    expect(page).toContain('cet_uitslag.png');
    expect(page).toContain('26,3 kB');
    expect(page).toMatch(/VVE Hoort niet bij deze overstap/);
  });

  it('collapses opted-out categories to one line', () => {
    const d = example('OV_POVO_opt_out');
    const html = render(d);
    expect(html).toMatch(
      /<section class="category collapsed" id="deel-verzuim"[^>]*><h2[^>]*>.*?Verzuim<\/h2><p class="status opt-out">Niet meegeleverd: bewust weggelaten \(OPT-UIT\)<\/p><\/section>/,
    );
    expect(categoryStates(d).find((s) => s.category.field === 'cat_verzuim')?.status).toBe('opt-out');
  });

  it('still shows data of a category declared OPT-UIT, with a warning', () => {
    const d = povo();
    must(d.metadata.categorie_uitlevering).cat_verzuim = 'OPT-UIT';
    const page = text(render(d));
    expect(page).toContain('is aangemerkt als “OPT-UIT”, maar het dossier bevat er toch gegevens van');
    expect(page).toContain('Dagdelen geoorloofd verzuim 12');
  });

  it('masks secret phone numbers, e-mail addresses and addresses', () => {
    const d = povo();
    const l = d.huidigeschool.leerling;
    const secretPhone: Communicatie = {
      soort: 'telefoon',
      aanduiding: 'prive',
      nummer: '0612345678',
      geheim: true,
    };
    const secretMail: Communicatie = { soort: 'e-mail', nummer: 'verborgen@example.nl', geheim: true };
    l.communicatielijst = {
      communicatie: [secretPhone, secretMail, { soort: 'telefoon', nummer: '0201234567', geheim: false }],
    };
    l.adresgeheim = true;
    const verzorger = must(l.verzorger)[0];
    verzorger.adresgeheim = true;
    verzorger.communicatielijst = { communicatie: [{ ...secretPhone, nummer: '0687654321' }] };
    const html = render(d);
    const page = text(html);
    for (const hidden of [
      '0612345678',
      'verborgen@example.nl',
      '0687654321',
      'Hoofdstraat',
      'Hofstraat 117',
      '10 Downing St',
    ]) {
      expect(page).not.toContain(hidden);
    }
    expect(page).toContain('0201234567');
    expect(page).toContain('Telefoonnummer, privé geheim');
    expect(page).toMatch(/E-mailadres geheim/);
    expect(page.match(/Het adres is geheim en wordt daarom niet getoond\./g)?.length).toBe(2);
  });

  it('escapes every value', () => {
    const d = povo();
    d.huidigeschool.leerling.roepnaam = '<script>alert("x")</script>';
    d.huidigeschool.leerling.achternaam = "O'Brien & <b>Zn</b>";
    d.huidigeschool.naam = '"><img src=x onerror=alert(1)>';
    must(d.huidigeschool.leerling.overstapadvies).argumentatie = '</p><script>evil()</script>';
    const html = render(d);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Zn</b>');
    expect(html).toContain(escapeHtml('<script>alert("x")</script>'));
    expect(html).toContain('O&#39;Brien &amp; &lt;b&gt;Zn&lt;/b&gt;');
    expect(html).toContain(`<title>Overstapdossier · ${escapeHtml('<script>alert("x")</script>')}`);
  });

  it('shows codes without a known label as codes, and labels where known', () => {
    const d = povo();
    must(d.huidigeschool.leerling.overstapadvies).advies = '60';
    must(d.huidigeschool.leerling.overstapadvies).herzienadvies = '70';
    d.huidigeschool.leerling.geslacht = '1';
    const page = text(render(d));
    expect(page).toContain('havo (60)');
    expect(page).toContain('vwo (70)');
    expect(page).toContain('code 42');
    expect(page).toContain('Geslacht Vrouw');
  });

  it('renders the headings in English on request, the data as they are', () => {
    const html = render(povo(), 'en');
    expect(html).toContain('<html lang="en">');
    const page = text(html);
    expect(page).toContain('Contents of the dossier');
    expect(page).toContain('Transfer primary to secondary school (POVO)');
    expect(page).toContain('17 March 2003');
    expect(page).toContain('De leerling werkt hard.');
  });

  it('dates the rendering by the day in the Netherlands, not the UTC day', () => {
    // 00:30 on 1 January 2027 in the Netherlands; the UTC day is still 31 December 2026
    const html = renderDossierHtml(povo(), { now: new Date('2026-12-31T23:30:00Z') });
    expect(text(html)).toContain('Weergave gemaakt op 1 januari 2027');
  });

  it('shows fields generically, labelled from the schema documentation', () => {
    const ctx = renderContext('nl');
    const leerling = typeAt(DOSSIER_TYPE, ['huidigeschool', 'leerling']);
    const cijferlijst = typeAt(leerling, ['cijferlijstlijst', 'cijferlijst']);
    const field = must(fieldsOf(cijferlijst).find((f) => f.name === 'cijferlijstTypelijst'));
    expect(fieldLabel(field, 'cijferlijst', ctx)).toBe('Details van de cijferlijst');
    const verzuim = must(povo().huidigeschool.leerling.verzuim);
    const page = text(rest(verzuim, typeAt(leerling, ['verzuim']), ['verzuim'], [], ctx).value);
    expect(page).toContain('Overige gegevens');
    expect(page).toContain('Dagdelen geoorloofd verzuim 12');
    expect(page).toContain('Contact met leerplichtambtenaar Ja');
    expect(page).toContain('verzuimrapport.txt');
    expect(page).not.toContain(verzuim.documentLijst?.document[0].bestandsinhoud.slice(0, 40));
  });
});
