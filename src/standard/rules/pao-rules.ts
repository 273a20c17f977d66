/**
 * The SWV profile rules (PaO: POSWV and VOSWV), as templates for `applyTemplates`. Here the
 * leerling template does descend, so the verzorger, toets and score rules run.
 */
import type { XElement } from '../xml/tree.js';
import type { FindingSink } from './context.js';
import { secretContacts, TOETSSCORE_PARTS } from './ov-rules.js';
import type { RuleScope } from './scope.js';
import type { Templates } from './templates.js';
import { exists, hasKid } from './xpath.js';

const SWV = 'swv-dossier';

const VOMBO: readonly [string, string][] = [
  ['bevorderd', 'PaO.VM01'],
  ['examenresultaat', 'PaO.VM02'],
  ['resultaatvakkenvo', 'PaO.VM03'],
  ['certificaat', 'PaO.VM04'],
  ['competenties', 'PaO.VM05'],
  ['stage', 'PaO.VM06'],
  ['overigvombo', 'PaO.VM07'],
];

const VVE: readonly [string, string][] = [
  ['vanpeuterspeelzaal', 'PaO.VV01'],
  ['naampeuterspeelzaal', 'PaO.VV02'],
  ['voorschools', 'PaO.VV03'],
  ['vroegschools', 'PaO.VV04'],
];

function leerlingPaO(l: XElement, s: RuleScope, out: FindingSink): void {
  const r = s.reader;
  const swv = () => s.typeIs(SWV);
  const add = (rule: string, variant = '_') => out.add(rule, l, variant);
  if (swv() && !hasKid(l, 'voornaam')) add('PaO.LL01');
  if (swv() && !hasKid(l, 'geboortedatum')) add('PaO.LL02');
  if (swv() && hasKid(l, 'geboortemaand')) add('PaO.LL03');
  if (swv() && !hasKid(l, 'adresgeheim')) add('PaO.LL04');
  if (
    swv() &&
    !exists(l, ['adreslijst', 'adres']) &&
    !hasKid(l, 'adresbuitenland') &&
    r.bool(l, 'adresgeheim') !== true
  )
    add('PaO.LL05');
  if (swv() && r.bool(l, 'adresgeheim') === true && exists(l, ['adreslijst', 'adres'])) add('PaO.LL06');
  if (swv() && hasKid(l, 'postcode4adres')) add('PaO.LL07');
  secretContacts(s, SWV, 'PaO.LL08/PaO.OV04', out);
  if (swv() && r.bool(l, 'adresgeheim') === true && hasKid(l, 'adresbuitenland')) add('PaO.LL09');
  if (swv() && hasKid(l, 'geboorteplaats')) add('PaO.LL10');
  if (swv() && hasKid(l, 'nationaliteit')) add('PaO.LL11');
  if (swv() && (hasKid(l, 'bsn') || hasKid(l, 'onderwijsnummer'))) add('PaO.LL12');
  for (const [name, rule] of VVE) if (swv() && s.overstapIs('VOSWV') && hasKid(l, name)) add(rule);
  if (swv() && !exists(l, ['schoolloopbaanlijst', 'schoolloopbaan'])) add('PaO.SL01', 'loopbaan');
  if (swv() && s.overstapIs('POSWV') && hasKid(l, 'eindtoets_basisonderwijs')) add('PaO.EB01');
  if (swv() && r.bool(l, 'verzorgersaansprakelijk') === true && !hasKid(l, 'verzorger')) add('PaO.OV01');
  for (const [name, rule] of VOMBO) if (swv() && s.overstapIs('POSWV') && hasKid(l, name)) add(rule);
}

export function paoTemplates(s: RuleScope, out: FindingSink): Templates {
  const r = s.reader;
  const swv = () => s.typeIs(SWV);
  return {
    metadata(md) {
      if (!s.hasLAS) out.add('PaO.MD01', md);
      if (swv() && !r.anyEq(md, 'validatieversie', '2019.1.1')) out.add('PaO.MD02', md);
      if (swv() && !hasKid(md, 'categorie_uitlevering')) out.add('PaO.MD03', md);
      if (swv() && !hasKid(md, 'overstap')) out.add('PaO.SO01', md);
      if (swv() && !s.overstapIs('POSWV') && !s.overstapIs('VOSWV')) out.add('PaO.SO02', md);
      if (!swv()) out.add('PaO.SO03', md);
    },
    huidigeschool(hs) {
      if (swv() && !exists(hs, ['adreslijst', 'adres'])) out.add('PaO.SL01', hs, 'school');
      if (swv() && !exists(hs, ['communicatielijst', 'communicatie'])) out.add('PaO.SL02', hs);
    },
    leerling(l) {
      leerlingPaO(l, s, out);
    },
    other: {
      verzorger(v) {
        if (swv() && r.bool(v, 'adresgeheim') === true && exists(v, ['adreslijst', 'adres']))
          out.add('PaO.OV03', v);
        if (swv() && hasKid(v, 'banknummer')) out.add('PaO.OV05', v);
      },
      zorg(z) {
        if (swv() && hasKid(z, 'vir')) out.add('PaO.ZB01', z);
        if (swv() && hasKid(z, 'zat')) out.add('PaO.ZB02', z);
      },
      resultaat(res) {
        if (
          swv() &&
          !hasKid(res, 'toetsscore') &&
          !hasKid(res, 'referentiescore') &&
          !hasKid(res, 'document')
        )
          out.add('PaO.TR01', res);
      },
      toetsscore(ts) {
        if (swv() && !TOETSSCORE_PARTS.some((p) => hasKid(ts, p))) out.add('PaO.TR02', ts);
      },
      score(sc) {
        if (swv() && !hasKid(sc, 'waarde') && !hasKid(sc, 'kwalificatie')) out.add('PaO.CL01', sc);
      },
    },
  };
}
