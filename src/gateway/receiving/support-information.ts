import { type Ctx, may } from '../../platform/context.js';
import type { CategoryField, Dossier, Finding } from '../../standard/index.js';

/**
 * Support information (ondersteuningsinformatie) in a received dossier: what only people with
 * `received:support` at the school (the brugklas-/instroomcoördinator) may see. Decided from
 * ../shared/oso/STANDARD.md §1.5, §1.6 and §1.9:
 *
 * - the delivery categories `cat_onderwijsondersteuning` (called `cat_zorgenbegeleiding` before
 *   2019.1: the old "zorg") and `cat_handelingsplannen`;
 * - together they are exactly the element `leerling/onderwijsondersteuning` (which replaced `zorg`
 *   in 2019.1) with all its children: `toelichting_onderwijsbehoeften` (with its document),
 *   `diagnose*` (codelist-23 codes such as F90 or F84, name, date, by whom, institution,
 *   documents), `medicijngebruik`, `handelingsplan*` (the handelingsplannen, with document),
 *   `opp` (ontwikkelingsperspectief), `tlv*` (toelaatbaarheidsverklaring), `arrangement_cluster12*`,
 *   `arrangement_pao*`, `lwoo` and `rvc` (the RVC report: `centraleproblematiek`, `maatregelen`,
 *   `signaleringlwoopro`, indication, documents);
 * - OSO 2019.1 has no element of its own for sociaal-emotionele information: where a school
 *   records it in the dossier, it does so in the blocks above (toelichting onderwijsbehoeften,
 *   diagnose, rvc centrale problematiek, OPP) or in their attachments, which go with them.
 *
 * The whole `onderwijsondersteuning` element is left out (fail closed: a child a later version
 * adds is support information too), with its attachments, and so are validation findings about
 * it (a finding can name a diagnosis code). Not left out: the overstapadvies (advice, contact
 * wishes, aandachtspunten — meant for every receiver), verzuim, test results and the free
 * `overigdocumentlijst`, whose attachments the standard does not classify.
 */
export const SUPPORT_CATEGORIES: readonly CategoryField[] = [
  'cat_onderwijsondersteuning',
  'cat_handelingsplannen',
];

/** The children of `leerling/onderwijsondersteuning` (STANDARD.md §1.6), all support information. */
export const SUPPORT_ELEMENTS = [
  'toelichting_onderwijsbehoeften',
  'diagnose',
  'medicijngebruik',
  'handelingsplan',
  'opp',
  'tlv',
  'arrangement_cluster12',
  'arrangement_pao',
  'lwoo',
  'rvc',
] as const;

/** Whether the actor may see support information of this school's received dossiers. */
export function maySeeSupport(ctx: Pick<Ctx, 'actor'>, schoolBrin: string): boolean {
  return may(ctx.actor, 'received:support', schoolBrin);
}

/** The dossier without its support information (a new object; the argument is not changed). */
export function withoutSupportInformation(dossier: Dossier): Dossier {
  const { onderwijsondersteuning: _support, ...leerling } = dossier.huidigeschool.leerling;
  return { ...dossier, huidigeschool: { ...dossier.huidigeschool, leerling } };
}

/**
 * Whether a validation finding is about support information: its path lies inside it, or it is the
 * category check of one of the support categories (OS.cat09, OS.cat13), which says whether data
 * is present.
 */
export function isSupportFinding(finding: Pick<Finding, 'path' | 'rule'>): boolean {
  return (
    /\/onderwijsondersteuning(\[\d+\])?(\/|$)/.test(finding.path) || /^OS\.cat(09|13)\b/.test(finding.rule)
  );
}
