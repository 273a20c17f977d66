import type { Tone } from '../../components';
import type { MessageKey } from '../../i18n';
import type { DossierListItem, Finding, ShownState } from './types';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export const STATE_TONE: Record<ShownState, Tone> = {
  concept: 'neutral',
  ter_inzage: 'info',
  ingezien: 'info',
  klaargezet: 'ok',
  geleverd: 'ok',
  ingetrokken: 'warning',
  verlopen: 'warning',
};

export const stateLabel = (t: T, state: ShownState) => t(`po.state.${state}` as MessageKey);

/** A school as people read it: its name (the BRIN only as a detail), or "school 21XX" when unknown here. */
export function schoolLabel(t: T, school: { brin: string; schoolName: string | null }): string {
  return school.schoolName
    ? t('po.school.named', { name: school.schoolName, brin: school.brin })
    : t('po.school.unnamed', { brin: school.brin });
}

export function schoolShort(t: T, school: { brin: string; schoolName: string | null }): string {
  return school.schoolName ?? t('po.school.unnamed', { brin: school.brin });
}

/** Codelist 2 (Advies VO): the codes whose meaning is certain get words; others show their code. */
export const ADVICE_CODES = [
  '10',
  '20',
  '30',
  '40',
  '60',
  '70',
  '01',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '41',
  '42',
  '43',
  '44',
  '50',
  '51',
  '52',
  '61',
  '80',
] as const;
const NAMED_ADVICE = new Set(['10', '20', '30', '40', '60', '70']);
export function adviceLabel(t: T, code: string): string {
  return NAMED_ADVICE.has(code) ? t(`po.advice.${code}` as MessageKey) : t('po.advice.code', { code });
}

/** Codelist 21 (profiel). */
export const PROFIEL_CODES = ['basis', 'plus', 'bespreek', 'disharmonisch', 'ondersteuning'] as const;

export const profileLabel = (t: T, profile: string) =>
  ['POPO', 'POVO', 'VOVO', 'BB', 'POSWV', 'VOSWV'].includes(profile)
    ? t(`po.profile.${profile}` as MessageKey)
    : profile;

export const akkoordLabel = (t: T, value: string) =>
  ['Ja', 'Nee', 'Onbekend'].includes(value) ? t(`po.akkoord.${value}` as MessageKey) : value;

export function findingsCount(t: T, d: Pick<DossierListItem, 'errorCount' | 'warningCount'>): string {
  const parts: string[] = [];
  if (d.errorCount > 0)
    parts.push(
      d.errorCount === 1 ? t('po.findings.errorOne') : t('po.findings.errors', { count: d.errorCount }),
    );
  if (d.warningCount > 0)
    parts.push(
      d.warningCount === 1
        ? t('po.findings.warningOne')
        : t('po.findings.warnings', { count: d.warningCount }),
    );
  return parts.length ? parts.join(', ') : t('po.findings.ok');
}

/** The sections of a dossier a finding's path can point to, in the order of the dossier. */
const SECTIONS: Array<[string, string]> = [
  ['metadata', 'metadata'],
  ['overdrachtsoort', 'metadata'],
  ['inzage', 'inzage'],
  ['overstapadvies', 'overstapadvies'],
  ['verzorger', 'verzorgers'],
  ['verzorgersaansprakelijk', 'verzorgers'],
  ['aansprakelijkeinstelling', 'verzorgers'],
  ['schoolloopbaanlijst', 'schoolloopbaan'],
  ['onderwijsondersteuning', 'ondersteuning'],
  ['verzuim', 'verzuim'],
  ['eindtoets_basisonderwijs', 'eindtoets'],
  ['toetslijst', 'toetsen'],
  ['cijferlijstlijst', 'cijferlijsten'],
  ['overigdocumentlijst', 'bijlagen'],
  ['voorschools', 'vve'],
  ['vroegschools', 'vve'],
  ['vanpeuterspeelzaal', 'vve'],
  ['naampeuterspeelzaal', 'vve'],
  ['bevorderd', 'vombo'],
  ['examenresultaat', 'vombo'],
  ['resultaatvakkenvo', 'vombo'],
  ['leerling', 'leerling'],
  ['huidigeschool', 'school'],
];
export const SECTION_ORDER = [
  'dossier',
  'metadata',
  'inzage',
  'school',
  'leerling',
  'verzorgers',
  'overstapadvies',
  'schoolloopbaan',
  'ondersteuning',
  'verzuim',
  'eindtoets',
  'toetsen',
  'cijferlijsten',
  'bijlagen',
  'vve',
  'vombo',
] as const;
export type SectionName = (typeof SECTION_ORDER)[number];

/** The element names of a finding's path: `/dossier[1]/huidigeschool[1]/adreslijst[1]` → [dossier, huidigeschool, adreslijst]. */
export const pathElements = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/\[\d+\]$/, '').replace(/^.*:/, ''));

/** Which section of the dossier a finding is about (the deepest section its path passes). */
export function sectionOf(finding: Finding): SectionName {
  const names = pathElements(finding.path);
  for (const [element, section] of SECTIONS) if (names.includes(element)) return section as SectionName;
  return 'dossier';
}

/** The field a finding points at, in words where we have them (the element name otherwise). */
export function fieldOf(t: T, finding: Finding): string | undefined {
  const names = pathElements(finding.path);
  const last = names.at(-1);
  // A finding on a whole block (huidigeschool, leerling, …) is about its section, not a field.
  if (!last || names.length <= 1 || SECTIONS.some(([element]) => element === last)) return undefined;
  const key = `po.element.${last}` as MessageKey;
  const label = t(key);
  return label === key ? last : label;
}

/** The school field (overstapadvies/<name>) a finding is about, if any: shown at that form field. */
export function schoolFieldOf(finding: Finding): string | undefined {
  const names = pathElements(finding.path);
  const i = names.indexOf('overstapadvies');
  return i >= 0 ? (names[i + 1] ?? 'overstapadvies') : undefined;
}
