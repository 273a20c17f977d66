import {
  CATEGORIES,
  type Category,
  type CategoryField,
  curatedLabel,
  type Message,
  type Particle,
  type Requirement,
  requirementOf,
  SCHEMA,
  typeDef,
} from '../../standard/index.js';

/**
 * The elements of the OSO gegevensset 2019.1 that a person would recognise as a field of a transfer
 * report, derived from the compiled schema (`src/standard/schema`): every element of the pupil
 * (`leerling`), the parents' inspection (`inzage`) and the school's name and BRIN, each with its
 * path, a Dutch and English label (the renderer's curated labels, else the category's name for the
 * element, else the first sentence of the schema's own documentation), the schema's description,
 * and the delivery category it belongs to. Only what a report never asks for is left out: the
 * dossier's metadata, the insides of addresses, contact details and attachment files, and the
 * details of the secondary-to-vocational blocks.
 */

export interface OsoElement {
  /** Path below `dossier`, e.g. `huidigeschool/leerling/overstapadvies/advies`. */
  path: string;
  /** The element's own name in the standard. */
  name: string;
  label: Message;
  /** The labels of the blocks it sits in (below the pupil), e.g. `Overstapadvies`; '' at the top. */
  context: Message;
  /** The schema's documentation of the element (Dutch), '' when it has none. */
  description: string;
  category: CategoryField;
  categoryLabel: Message;
  /** Whether the element holds other fields (a block) rather than one value. */
  block: boolean;
  /** May occur more than once. */
  repeated: boolean;
}

/** The pupil's path below `dossier`. */
export const LEERLING = 'huidigeschool/leerling';

/** Blocks whose insides are never fields of a report: the block itself is listed, its parts not. */
const OPAQUE_TYPES = new Set([SCHEMA.elements.adres, SCHEMA.elements.communicatie, SCHEMA.elements.document]);
const OPAQUE_NAMES = new Set([
  'adreslijst',
  'communicatielijst',
  'documentLijst',
  'betrouwbaarheidsinterval',
]);
/** Parts of attachments and lists of attachments: the block that holds them stands for them. */
const HIDDEN_NAMES = new Set(['document', 'documentLijst', 'bestandsnaam', 'bestandsinhoud']);
/** How deep below the pupil the catalogue goes (`toetslijst/toets/resultaat/referentiescore` is 4). */
const MAX_DEPTH = 4;

interface SchemaChild {
  name: string;
  type: string;
  doc?: string;
  repeated: boolean;
}

function childrenOf(typeName: string): SchemaChild[] {
  const t = typeDef(typeName);
  if (t.kind !== 'complex' || t.content === null) return [];
  const out: SchemaChild[] = [];
  const seen = new Set<string>();
  const collect = (p: Particle, repeated: boolean) => {
    if (p.k === 'e') {
      if (!seen.has(p.name))
        out.push({ name: p.name, type: p.type, doc: p.doc, repeated: repeated || p.max === -1 });
      seen.add(p.name);
    } else for (const item of p.items) collect(item, repeated || p.max === -1);
  };
  collect(t.content, false);
  return out;
}

const isBlock = (typeName: string) => {
  const t = typeDef(typeName);
  return t.kind === 'complex' && t.content !== null;
};

const capitalise = (s: string) => (s === '' ? s : s[0].toUpperCase() + s.slice(1));

/** The first sentence of the schema documentation, when it is short enough to be a label. */
function docLabel(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  const first = doc
    .split(/(?<=[.?])\s+(?=[A-Z“"])/)[0]
    .replace(/[.…]+$/, '')
    .trim();
  return first.length > 0 && first.length <= 60 ? capitalise(first) : undefined;
}

/** The category an element belongs to: the longest category member that is a prefix of its path. */
function categoryOfPath(path: string): Category | undefined {
  let best: { category: Category; length: number } | undefined;
  for (const category of CATEGORIES) {
    for (const member of category.members) {
      const m = member.path.join('/');
      if ((path === m || path.startsWith(`${m}/`)) && (!best || m.length > best.length)) {
        best = { category, length: m.length };
      }
    }
  }
  if (best && best.length === path.length) return best.category;
  // A block that holds members (onderwijsondersteuning): the category of its first member.
  const holder = CATEGORIES.find((c) => c.members.some((m) => m.path.join('/').startsWith(`${path}/`)));
  return holder ?? best?.category;
}

/**
 * Labels for blocks that neither the renderer's labels nor the category table name, where the
 * schema's documentation makes a poor label ("Het blok over identificatie van de toets").
 */
const BLOCK_LABELS: Readonly<Record<string, Message>> = {
  eindtoetsresultaat: { nl: 'Eindtoetsresultaat', en: 'Final test result' },
  onderdelen: { nl: 'Onderdelen', en: 'Parts' },
  domeinen: { nl: 'Domeinen', en: 'Domains' },
  toetsidentificatie: { nl: 'Welke toets', en: 'Which test' },
  afname: { nl: 'Afname', en: 'Administration' },
  afgenomendoor: { nl: 'Afgenomen door', en: 'Administered by' },
  resultaat: { nl: 'Resultaat', en: 'Result' },
  toetsscore: { nl: 'Ruwe scores', en: 'Raw scores' },
  referentiescore: { nl: 'Referentiescores', en: 'Reference scores' },
  toetsonderdeel: { nl: 'Toetsonderdeel', en: 'Test part' },
  cijferlijstTypelijst: { nl: 'Cijferlijst', en: 'Grade list' },
  'cijferlijstTypelijst.onderdeel': { nl: 'Vakken', en: 'Subjects' },
  'cijferlijstTypelijst.score': { nl: 'Totaalscore', en: 'Total score' },
  signaleringlwoopro: { nl: 'Signalering LWOO/PrO', en: 'LWOO/PrO indication' },
};

const capitalised = (m: Message): Message => ({ nl: capitalise(m.nl), en: capitalise(m.en) });

/** The category table's name for an element: at this path, else for an element of this name. */
function memberLabel(path: string, name?: string): Message | undefined {
  for (const category of CATEGORIES) {
    const member = category.members.find((m) => m.path.join('/') === path);
    if (member) return capitalised(member.label);
  }
  if (name === undefined) return undefined;
  for (const category of CATEGORIES) {
    const member = category.members.find((m) => m.path[m.path.length - 1] === name);
    if (member) return capitalised(member.label);
  }
  return undefined;
}

function labelOf(child: SchemaChild, parent: string | undefined, path: string, category: Category): Message {
  const block =
    (parent !== undefined ? BLOCK_LABELS[`${parent}.${child.name}`] : undefined) ?? BLOCK_LABELS[child.name];
  const member = memberLabel(path, child.name);
  // A block that holds a category's members is named after the category (onderwijsondersteuning).
  const holder = category.members.some((m) => m.path.join('/').startsWith(`${path}/`))
    ? category.label
    : undefined;
  const fallback = docLabel(child.doc) ?? capitalise(child.name.replace(/_/g, ' '));
  const nl = curatedLabel(child.name, parent, 'nl') ?? block?.nl ?? member?.nl ?? holder?.nl ?? fallback;
  const en = curatedLabel(child.name, parent, 'en') ?? block?.en ?? member?.en ?? holder?.en ?? nl;
  return { nl, en };
}

const joinContext = (parts: readonly Message[]): Message => ({
  nl: parts.map((p) => p.nl).join(' › '),
  en: parts.map((p) => p.en).join(' › '),
});

/** A list wrapper (`toetslijst`) whose only child is its repeated item (`toets`): the item is skipped. */
function listItemOf(typeName: string): SchemaChild | undefined {
  const children = childrenOf(typeName);
  return children.length === 1 && children[0].repeated && isBlock(children[0].type) ? children[0] : undefined;
}

function walk(
  typeName: string,
  path: string,
  parentName: string | undefined,
  context: readonly Message[],
  depth: number,
  out: OsoElement[],
): void {
  for (const child of childrenOf(typeName)) {
    if (HIDDEN_NAMES.has(child.name)) continue;
    const childPath = `${path}/${child.name}`;
    const category = categoryOfPath(childPath);
    if (!category) continue;
    const block = isBlock(child.type);
    const label = labelOf(child, parentName, childPath, category);
    out.push({
      path: childPath,
      name: child.name,
      label,
      context: joinContext(context),
      description: (child.doc ?? '').trim(),
      category: category.field,
      categoryLabel: category.label,
      block,
      repeated: child.repeated,
    });
    const opaque = OPAQUE_TYPES.has(child.type) || OPAQUE_NAMES.has(child.name);
    // The secondary-to-vocational blocks never travel from primary school: their parts stay out.
    if (!block || opaque || depth >= MAX_DEPTH || category.field === 'cat_vombo') continue;
    const item = listItemOf(child.type);
    if (item && HIDDEN_NAMES.has(item.name)) continue;
    if (item) {
      walk(item.type, `${childPath}/${item.name}`, item.name, [...context, label], depth + 2, out);
    } else {
      walk(child.type, childPath, child.name, [...context, label], depth + 1, out);
    }
  }
}

function buildCatalogue(): OsoElement[] {
  const out: OsoElement[] = [];
  const dossierType = SCHEMA.elements.dossier;
  const inzage = childrenOf(dossierType).find((c) => c.name === 'inzage');
  if (inzage) {
    const category = categoryOfPath('inzage') as Category;
    const label = memberLabel('inzage') ?? { nl: 'Inzage', en: 'Inspection' };
    out.push({
      path: 'inzage',
      name: 'inzage',
      label,
      context: { nl: '', en: '' },
      description: (inzage.doc ?? '').trim(),
      category: category.field,
      categoryLabel: category.label,
      block: true,
      repeated: false,
    });
    walk(inzage.type, 'inzage', 'inzage', [label], 1, out);
  }
  const schoolType = SCHEMA.elements.huidigeschool;
  const school = categoryOfPath('huidigeschool') as Category;
  const schoolLabel = memberLabel('huidigeschool') ?? { nl: 'Huidige school', en: 'Current school' };
  for (const child of childrenOf(schoolType)) {
    if (!['naam', 'brincode', 'vestigingscode', 'naamdirecteur'].includes(child.name)) continue;
    const path = `huidigeschool/${child.name}`;
    out.push({
      path,
      name: child.name,
      label: labelOf(child, 'huidigeschool', path, school),
      context: schoolLabel,
      description: (child.doc ?? '').trim(),
      category: school.field,
      categoryLabel: school.label,
      block: false,
      repeated: false,
    });
  }
  walk(SCHEMA.elements.leerling, LEERLING, 'leerling', [], 1, out);
  return out;
}

/** Every element of the catalogue, in the order of the standard. */
export const OSO_ELEMENTS: readonly OsoElement[] = buildCatalogue();

const BY_PATH: ReadonlyMap<string, OsoElement> = new Map(OSO_ELEMENTS.map((e) => [e.path, e]));

export function elementAt(path: string): OsoElement | undefined {
  return BY_PATH.get(path);
}

/**
 * Elements the overstap rules refuse in every profile whatever the category says (STANDARD.md
 * §2.4): they never travel.
 */
const REFUSED_BY_RULE: Readonly<Record<string, string>> = {
  [`${LEERLING}/geboortemaand`]: 'OVa.LL03',
  [`${LEERLING}/postcode4adres`]: 'OVa.LL07',
  [`${LEERLING}/geboorteplaats`]: 'OVa.LL10',
  [`${LEERLING}/nationaliteit`]: 'OVa.LL11',
};

/** How an element travels from primary to secondary school (profile POVO). */
export type ElementTravel = 'travels' | 'travelsIfDelivered' | 'forbidden';

export interface ElementTravelVerdict {
  travel: ElementTravel;
  /** What the POVO profile says about the element's category. */
  requirement: Requirement;
  /** The rule that refuses the element in every profile, if one does. */
  rule?: string;
}

/**
 * Whether an element travels with a POVO dossier: VERPLICHT categories always, OPTIONEEL ones unless
 * the school leaves the category out (OPT-UIT), VERBODEN ones and elements a rule refuses never.
 */
export function travelOf(element: OsoElement): ElementTravelVerdict {
  const requirement = requirementOf('POVO', element.category);
  const rule = REFUSED_BY_RULE[element.path];
  if (rule) return { travel: 'forbidden', requirement, rule };
  if (requirement === 'VERPLICHT') return { travel: 'travels', requirement };
  if (requirement === 'OPTIONEEL') return { travel: 'travelsIfDelivered', requirement };
  return { travel: 'forbidden', requirement };
}
