import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Communicatie, Document, Dossier } from '../model.js';
import { PROFILE_CODES } from '../profiles.js';
import { generateDossier } from './index.js';

const dossiers = (
  profile: (typeof PROFILE_CODES)[number],
  count: number,
  seed = 'inhoud',
  attachments = 'none',
) =>
  Array.from({ length: count }, (_, i) =>
    generateDossier({ profile, seed, attachments: attachments as 'none' | 'small' | 'realistic' }, i),
  );

/** Every object in the model with the given property name, anywhere. */
function collect<T>(node: unknown, name: string, out: T[] = []): T[] {
  if (Array.isArray(node)) for (const n of node) collect(n, name, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) {
        if (Array.isArray(v)) out.push(...(v as T[]));
        else out.push(v as T);
      }
      collect(v, name, out);
    }
  }
  return out;
}

/** An independent BSN 11-check: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a multiple of 11. */
function elfproef(bsn: string): boolean {
  const d = [...bsn].map(Number);
  const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8];
  return bsn.length === 9 && sum % 11 === 0 && sum > 0;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('identities', () => {
  const povo = dossiers('POVO', 300);

  it('gives every pupil a valid, varied BSN', () => {
    const bsns = povo.map((d) => d.huidigeschool.leerling.bsn ?? '');
    expect(bsns.filter((b) => !elfproef(b))).toEqual([]);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(new Set(bsns.map((b) => b[0])).size).toBeGreaterThan(5);
  });

  it('uses Dutch names with diacritics and tussenvoegsels', () => {
    const pupils = povo.map((d) => d.huidigeschool.leerling);
    const names = pupils.flatMap((l) => [...(l.voornaam ?? []), l.achternaam]);
    expect(names.filter((n) => /[^\x20-\x7e]/.test(n)).length).toBeGreaterThan(10);
    expect(pupils.filter((l) => l.voorvoegsel !== undefined).length).toBeGreaterThan(20);
    expect(
      pupils.every(
        (l) => l['voorletters-1'] === l.voornaam?.map((n) => `${n.startsWith('IJ') ? 'IJ' : n[0]}.`).join(''),
      ),
    ).toBe(true);
  });

  it('writes e-mail addresses that fit the standard’s pattern (OG.01)', () => {
    const pattern =
      /^[a-zA-Z0-9!#$%*+=?^_`{|}~.-]+@[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
    const mails = povo
      .flatMap((d) => collect<Communicatie>(d, 'communicatie'))
      .filter((c) => c.soort === 'e-mail');
    expect(mails.length).toBeGreaterThan(300);
    expect(mails.filter((c) => !pattern.test(c.nummer))).toEqual([]);
  });

  it('hides secret addresses and numbers behind the placeholders (OVa.LL08, OV03)', () => {
    const all = [...povo, ...dossiers('POSWV', 300)];
    const secret = all.filter((d) => d.huidigeschool.leerling.adresgeheim);
    expect(secret.length).toBeGreaterThan(0);
    for (const d of secret) {
      const l = d.huidigeschool.leerling;
      expect(l.adreslijst).toBeUndefined();
      expect(l.adresbuitenland).toBeUndefined();
      for (const v of l.verzorger ?? []) if (v.adresgeheim) expect(v.adreslijst).toBeUndefined();
    }
    const hidden = all.flatMap((d) => collect<Communicatie>(d, 'communicatie')).filter((c) => c.geheim);
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) {
      expect(c.nummer).toBe(c.soort === 'telefoon' ? '9999999999' : 'geheim@geheim.geheim');
    }
  });
});

describe('a po→vo dossier tells a coherent story', () => {
  const povo = dossiers('POVO', 120);

  it('has a birth date about twelve years before the end of the school year', () => {
    for (const d of povo) {
      const age = (day('2026-07-31') - day(d.huidigeschool.leerling.geboortedatum ?? '')) / 365.25;
      expect(age).toBeGreaterThan(11.5);
      expect(age).toBeLessThan(14);
    }
  });

  it('has a school career from groep 1 to groep 8, one row per school year', () => {
    for (const d of povo) {
      const rows = d.huidigeschool.leerling.schoolloopbaanlijst?.schoolloopbaan ?? [];
      expect(rows[0].jaargroep).toBe('1');
      expect(rows.at(-1)?.jaargroep).toBe('8');
      expect(rows.at(-1)?.schooljaar).toBe('2025-2026');
      rows.forEach((r, i) => {
        const start = Number(r.schooljaar.slice(0, 4));
        expect(r.begindatum && r.begindatum >= `${start}-08-01` && r.begindatum <= `${start + 1}-07-31`).toBe(
          true,
        );
        if (i > 0) {
          expect(start).toBe(Number(rows[i - 1].schooljaar.slice(0, 4)) + 1);
          expect(Number(r.jaargroep) - Number(rows[i - 1].jaargroep)).toBeGreaterThanOrEqual(0);
          expect(Number(r.jaargroep) - Number(rows[i - 1].jaargroep)).toBeLessThanOrEqual(2);
        }
      });
    }
  });

  it('enrols the pupil when turning four, unless the pupil came from another school', () => {
    let checked = 0;
    for (const d of povo) {
      const l = d.huidigeschool.leerling;
      const rows = l.schoolloopbaanlijst?.schoolloopbaan ?? [];
      if (rows[0].brincode !== d.huidigeschool.brincode) continue;
      checked++;
      const birth = l.geboortedatum ?? '';
      const fourth = day(`${Number(birth.slice(0, 4)) + 4}${birth.slice(4)}`);
      const enrolled = day(l.datuminschrijving ?? '');
      expect(l.datuminschrijving).toBe(rows[0].begindatum);
      expect(enrolled - fourth).toBeGreaterThanOrEqual(0);
      expect(enrolled - fourth).toBeLessThan(60);
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('was inspected by the parents in spring, and nothing happens after the dossier date', () => {
    for (const d of povo) {
      const inzage = d.inzage?.inzagedatum ?? '';
      expect(inzage >= '2026-03-01' && inzage <= '2026-04-30').toBe(true);
      expect(inzage <= d.metadata.datum).toBe(true);
      const events = [
        ...collect<string>(d, 'afnamedatum'),
        ...collect<string>(d, 'datum_afname'),
        ...collect<string>(d, 'startdatum'),
        ...collect<string>(d, 'rvcdatum'),
      ];
      expect(events.filter((e) => e > d.metadata.datum)).toEqual([]);
    }
  });

  it('gives sensible advice: codes of codelist 2, short points of attention, contact details when needed', () => {
    for (const d of povo) {
      const a = d.huidigeschool.leerling.overstapadvies;
      expect(a?.advies).toMatch(/^(10|20|30|40|60|70)$/);
      if (a?.herzienadvies) expect(Number(a.herzienadvies)).toBeGreaterThan(Number(a.advies));
      expect((a?.aandachtspunten ?? '').length).toBeLessThanOrEqual(280);
      if (a?.contactnodig) expect([a.contactpersoon, a.contacttelefoon].every(Boolean)).toBe(true);
    }
    expect(povo.every((d) => d.huidigeschool.leerling.eindtoets_basisonderwijs !== undefined)).toBe(true);
  });

  it('has support data for some pupils, with lwoo end dates on 31 July', () => {
    const vo = [...dossiers('VOVO', 150), ...dossiers('VOSWV', 150)];
    const withSupport = [...povo, ...vo].filter((d) => d.huidigeschool.leerling.onderwijsondersteuning);
    expect(withSupport.length).toBeGreaterThan(30);
    const lwoo = collect<{ lwoo_einddatum?: string }>(vo, 'lwoo');
    expect(lwoo.length).toBeGreaterThan(0);
    for (const l of lwoo) expect(l.lwoo_einddatum).toMatch(/^\d{4}-07-31$/);
    expect(collect(withSupport, 'diagnose').length).toBeGreaterThan(10);
  });
});

describe('attachments', () => {
  const docs = (attachments: 'none' | 'small' | 'realistic') =>
    PROFILE_CODES.flatMap((p) => dossiers(p, 12, 'bijlagen', attachments)).flatMap((d: Dossier) =>
      collect<Document>(d, 'document'),
    );

  /** The one file inside an attachment's ZIP, checked for its own format. */
  function open(doc: Document): { name: string; data: Uint8Array } {
    const entries = Object.entries(unzipSync(Buffer.from(doc.bestandsinhoud, 'base64')));
    expect(entries).toHaveLength(1);
    const [name, data] = entries[0];
    expect(name).toBe(doc.bestandsnaam);
    const text = Buffer.from(data).toString('latin1');
    if (name.endsWith('.pdf')) {
      expect(text.startsWith('%PDF-1.4')).toBe(true);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
      expect(text.slice(xref, xref + 4)).toBe('xref');
    } else if (name.endsWith('.png')) {
      expect([...data.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    } else {
      expect(name.endsWith('.txt')).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).not.toThrow();
    }
    return { name, data };
  }

  it('has no documents in mode none', () => {
    expect(docs('none')).toEqual([]);
  });

  it('has a few small real files in mode small', () => {
    const small = docs('small');
    expect(small.length).toBeGreaterThan(20);
    for (const d of small) {
      open(d);
      expect(d.bestandsinhoud.length).toBeLessThan(4_000);
    }
  });

  it('has attachments of 10–60 KB in mode realistic, as the official examples do', () => {
    const realistic = docs('realistic');
    const big = realistic.filter((d) => !d.bestandsnaam.endsWith('.txt'));
    expect(big.length).toBeGreaterThan(20);
    for (const d of realistic) open(d);
    for (const d of big) {
      expect(d.bestandsinhoud.length).toBeGreaterThan(10_000);
      expect(d.bestandsinhoud.length).toBeLessThan(62_000);
    }
  });
});
