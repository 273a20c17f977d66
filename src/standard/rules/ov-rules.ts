/**
 * The overstap profile rules: OVa (overstapdossier: POPO, POVO, VOVO) and OVb (overdracht
 * binnen BRIN), as templates for `applyTemplates`. Conditions are evaluated left to right like
 * the stylesheet's `and`, so a boolean cast is only reached where the stylesheet reaches it.
 */
import type { XElement } from '../xml/tree.js';
import type { FindingSink } from './context.js';
import type { RuleScope } from './scope.js';
import type { Templates } from './templates.js';
import { exists, hasKid, kid, select, stringValue, trimXml } from './xpath.js';

const OS = 'overstapdossier';
const BB = 'overdrachtbinnenbrin';

/** The secret-contact rules (OVa.LL08/OVa.OV04, OVb.LL04/OVb.OV02, PaO.LL08/PaO.OV04). */
export function secretContacts(scope: RuleScope, type: string, rule: string, out: FindingSink): void {
  const r = scope.reader;
  for (const c of scope.communicaties) {
    if (!scope.typeIs(type) || r.bool(c, 'geheim') !== true) continue;
    if (r.strEq(c, 'soort', 'telefoon') && !r.strEq(c, 'nummer', '9999999999')) out.add(rule, c, 'telefoon');
  }
  for (const c of scope.communicaties) {
    if (!scope.typeIs(type) || r.bool(c, 'geheim') !== true) continue;
    if (r.strEq(c, 'soort', 'e-mail') && !r.strEq(c, 'nummer', 'geheim@geheim.geheim'))
      out.add(rule, c, 'email');
  }
}

/** The start of the oldest school year OVa.TR04 allows: two school years before the current one. */
export function oldestAllowedTestDate(documentDate: string): string {
  const year = Number(documentDate.slice(0, 4));
  const startOfYear = `${year}-08-01`;
  return `${documentDate < startOfYear ? year - 3 : year - 2}-08-01`;
}

function leerlingOVa(l: XElement, s: RuleScope, out: FindingSink): void {
  const r = s.reader;
  const os = () => s.typeIs(OS);
  const add = (rule: string, variant = '_') => out.add(rule, l, variant);
  if (os() && !hasKid(l, 'voornaam')) add('OVa.LL01');
  if (os() && !hasKid(l, 'geboortedatum')) add('OVa.LL02');
  if (os() && hasKid(l, 'geboortemaand')) add('OVa.LL03');
  if (os() && !hasKid(l, 'adresgeheim')) add('OVa.LL04');
  if (
    os() &&
    !exists(l, ['adreslijst', 'adres']) &&
    !hasKid(l, 'adresbuitenland') &&
    r.bool(l, 'adresgeheim') !== true
  )
    add('OVa.LL05');
  if (os() && r.bool(l, 'adresgeheim') === true && exists(l, ['adreslijst', 'adres'])) add('OVa.LL06');
  if (os() && hasKid(l, 'postcode4adres')) add('OVa.LL07');
  secretContacts(s, OS, 'OVa.LL08/OVa.OV04', out);
  if (os() && r.bool(l, 'adresgeheim') === true && hasKid(l, 'adresbuitenland')) add('OVa.LL09');
  if (os() && hasKid(l, 'geboorteplaats')) add('OVa.LL10');
  if (os() && hasKid(l, 'nationaliteit')) add('OVa.LL11');
  if (os() && !hasKid(l, 'bsn') && !hasKid(l, 'onderwijsnummer')) add('OVa.LL12');
  if (os() && s.overstapIs('POVO') && !hasKid(l, 'leerlingid')) add('OVa.LL13');
  if (os() && !hasKid(l, 'datuminschrijving')) add('OVa.LL14');
  if (os() && !hasKid(l, 'verzorgersaansprakelijk')) add('OVa.LL15');
  for (const [overstap, variant] of [
    ['POPO', 'popo'],
    ['POVO', 'povo'],
  ] as const) {
    if (
      os() &&
      s.overstapIs(overstap) &&
      r.bool(l, 'verzorgersaansprakelijk') !== true &&
      !hasKid(l, 'aansprakelijkeinstelling')
    )
      add('OVa.AI01', variant);
  }
  if (os() && !s.overstapIs('POPO') && hasKid(l, 'voorschools')) add('OVa.VV01');
  if (os() && !s.overstapIs('POPO') && hasKid(l, 'vroegschools')) add('OVa.VV02');
  if (os() && !exists(l, ['schoolloopbaanlijst', 'schoolloopbaan'])) add('OVa.SL01', 'loopbaan');
  if (os() && !hasKid(l, 'overstapadvies')) add('OVa.OA01');
  if (os() && r.bool(l, 'verzorgersaansprakelijk') === true && !hasKid(l, 'verzorger')) add('OVa.OV01');
}

function leerlingOVb(l: XElement, s: RuleScope, out: FindingSink): void {
  const r = s.reader;
  const bb = () => s.typeIs(BB);
  const add = (rule: string) => out.add(rule, l);
  if (bb() && hasKid(l, 'geboortemaand')) add('OVb.LL01');
  if (bb() && r.bool(l, 'adresgeheim') === true && exists(l, ['adreslijst', 'adres'])) add('OVb.LL02');
  if (bb() && hasKid(l, 'postcode4adres')) add('OVb.LL03');
  secretContacts(s, BB, 'OVb.LL04/OVb.OV02', out);
  if (bb() && r.bool(l, 'adresgeheim') === true && hasKid(l, 'adresbuitenland')) add('OVb.LL05');
  if (bb() && hasKid(l, 'geboorteplaats')) add('OVb.LL??-geboorteplaats');
  if (bb() && hasKid(l, 'nationaliteit')) add('OVb.LL??-nationaliteit');
}

export function ovTemplates(s: RuleScope, out: FindingSink): Templates {
  const r = s.reader;
  const os = () => s.typeIs(OS);
  return {
    metadata(md) {
      if (!s.hasLAS) out.add('OVa.MD01/OVb.MD01', md);
      if (!r.anyEq(md, 'validatieversie', '2019.1.1')) out.add('OVa.MD02/OVb.MD02', md);
      if (!s.typeIs(OS) && !s.typeIs(BB)) out.add('OVa.OS03/OVb.OS01', md);
      if (os() && !hasKid(md, 'categorie_uitlevering')) out.add('OVa.MD03', md);
      if (os() && !hasKid(md, 'overstap')) out.add('OVa.OS01', md);
      if (os() && !s.overstapIs('POPO') && !s.overstapIs('POVO') && !s.overstapIs('VOVO'))
        out.add('OVa.OS02', md);
      if (s.typeIs(BB) && !hasKid(md, 'categorie_uitlevering')) out.add('OVb.MD03', md);
    },
    dossier(d) {
      if (os() && !s.anyDossierInzage) out.add('OVa.IZ01', d);
    },
    inzage(iz) {
      if (os() && s.reviewed(iz) !== true) out.add('OVa.IZ02', iz);
      if (os() && r.bool(iz, 'inzage') === true && !hasKid(iz, 'inzagedatum')) out.add('OVa.IZ03', iz);
      if (os() && r.bool(iz, 'inzage') === true && !hasKid(iz, 'akkoord')) out.add('OVa.IZ04', iz);
      if (os() && s.overstapIs('VOVO') && !hasKid(iz, 'toestemming')) out.add('OVa.IZ05', iz);
    },
    huidigeschool(hs) {
      if (os() && !exists(hs, ['adreslijst', 'adres'])) out.add('OVa.SL01', hs, 'school');
      if (os() && !exists(hs, ['communicatielijst', 'communicatie'])) out.add('OVa.SL02', hs);
    },
    leerling(l) {
      leerlingOVa(l, s, out);
      leerlingOVb(l, s, out);
    },
    other: {
      verzorger(v) {
        if (os() && r.bool(v, 'adresgeheim') === true && exists(v, ['adreslijst', 'adres']))
          out.add('OVa.OV03', v);
        if (s.typeIs(BB) && r.bool(v, 'adresgeheim') === true && exists(v, ['adreslijst', 'adres']))
          out.add('OVb.OV01', v);
      },
      overstapadvies(oa) {
        if (os() && s.overstapIs('POVO') && !s.soortSchoolIs('SO') && !hasKid(oa, 'advies'))
          out.add('OVa.OA02', oa);
        if (os() && !hasKid(oa, 'contactnodig')) out.add('OVa.OA03', oa);
        if (os() && r.bool(oa, 'contactnodig') === true && !hasKid(oa, 'contactpersoon'))
          out.add('OVa.OA04', oa);
        if (os() && r.bool(oa, 'contactnodig') === true && !hasKid(oa, 'contacttelefoon'))
          out.add('OVa.OA05', oa);
      },
      eindtoets_basisonderwijs(eb) {
        const taken = () => r.bool(eb, 'deelgenomen');
        if (os() && taken() === true && !hasKid(eb, 'eindtoetsresultaat')) out.add('OVa.EB02', eb);
        if (os() && taken() !== true && !exists(eb, ['eindtoetsresultaat', 'toetssoort']))
          out.add('OVa.EB03', eb, 'notTaken');
        if (
          os() &&
          r.bool(eb, 'wettelijke_ontheffing') === true &&
          !exists(eb, ['eindtoetsresultaat', 'toetssoort'])
        )
          out.add('OVa.EB03', eb, 'exemption');
        if (os() && taken() === true && !exists(eb, ['eindtoetsresultaat', 'toets_advies']))
          out.add('OVa.EB04', eb);
      },
      toets(t) {
        if (!os() || !s.overstapIs('POVO') || s.documentDate === null) return;
        const from = oldestAllowedTestDate(s.documentDate);
        for (const d of select(t, ['afname', 'afnamedatum'])) {
          const date = trimXml(stringValue(d)).slice(0, 10);
          if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date < from) {
            out.add('OVa.TR04', t);
            return;
          }
        }
      },
      resultaat(res) {
        if (os() && !hasKid(res, 'toetsscore') && !hasKid(res, 'referentiescore') && !hasKid(res, 'document'))
          out.add('OVa.TR05', res);
      },
      toetsscore(ts) {
        if (os() && !TOETSSCORE_PARTS.some((p) => kid(ts, p) !== undefined)) out.add('OVa.TR06', ts);
      },
      score(sc) {
        if (os() && !hasKid(sc, 'waarde') && !hasKid(sc, 'kwalificatie')) out.add('OVa.CL01', sc);
      },
    },
  };
}

export const TOETSSCORE_PARTS = [
  'aantalopgaven',
  'aantalgoed',
  'aantalfout',
  'aantalgelezen',
  'tijd',
  'vaardigheidsscore',
];
