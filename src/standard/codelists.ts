/**
 * The codelists ("OSO codelijsten") that the 2019.1 business-rule validation checks
 * (STANDARD.md §2.6): number, Dutch name, codes (with a Dutch label where the schema
 * documentation or the code's own meaning gives one; code only where we are not sure), the value
 * type of the fields, and which elements each list applies to. Plain typed data, shared by the
 * rules, the renderer, the generator and the web app.
 */

export interface Code {
  code: string;
  /** Dutch meaning, where known for certain. */
  label?: string;
}

/**
 * One field a codelist applies to: the element path from the nearest anchoring parent down to
 * the field, e.g. `['overstapadvies', 'advies']`. `anchor` says where the first element may sit:
 * `'element'` = below some element (`/descendant::* / od:overstapadvies/od:advies`), `'any'` =
 * anywhere, also as the document root (`//od:metadata/…`).
 */
export interface CodelistField {
  path: readonly string[];
  anchor: 'element' | 'any';
}

export interface Codelist {
  number: number;
  /** The rule id of a violation: `CL.02`, `CL.48`. */
  rule: string;
  name: string;
  /**
   * `integer` where the schema types the field as xs:integer, so that `02` means code `2`
   * (strict mode reads it that way; the official validation compares the literal text).
   */
  valueType: 'string' | 'integer';
  codes: readonly Code[];
  fields: readonly CodelistField[];
  /**
   * CL.33 (deeldossier) is one document-wide test in the official validation: it passes when any
   * `metadata/deeldossier` of the document holds a valid code, and is reported at `/[1]`.
   */
  documentLevel?: boolean;
}

/** Codes from a space-separated list, with Dutch labels for those we know. */
function codes(list: string, labels: Readonly<Record<string, string>> = {}): Code[] {
  return list
    .split(' ')
    .map((code) => (labels[code] === undefined ? { code } : { code, label: labels[code] }));
}

function range(from: number, to: number, labels: Readonly<Record<string, string>> = {}): Code[] {
  const list: string[] = [];
  for (let i = from; i <= to; i++) list.push(String(i));
  return codes(list.join(' '), labels);
}

function f(anchor: 'element' | 'any', ...path: string[]): CodelistField {
  return { path, anchor };
}

const EINDTOETS = ['eindtoets_basisonderwijs', 'eindtoetsresultaat'];
const ONDERDEEL = [...EINDTOETS, 'onderdelen', 'onderdeel'];
const DOMEIN = [...ONDERDEEL, 'domeinen', 'domein'];

export const CATEGORY_FIELD_NAMES = [
  'cat_metadata',
  'cat_ouderinzage',
  'cat_school',
  'cat_leerling',
  'cat_oudersverzorgers',
  'cat_vve',
  'cat_schoolloopbaan',
  'cat_overstapadvies',
  'cat_onderwijsondersteuning',
  'cat_verzuim',
  'cat_eindtoetsbo',
  'cat_toetsresultaten',
  'cat_handelingsplannen',
  'cat_cijferlijsten',
  'cat_vombo',
  'cat_bijlagedocs',
] as const;

type Def = [number, string, Codelist['valueType'], Code[], CodelistField[], boolean?];

const JAARGROEP_LABELS: Record<string, string> = { '0': 'PO groep 0', S: 'SBO/SO/VSO', P: 'peutergroep' };
for (let i = 1; i <= 8; i++) JAARGROEP_LABELS[String(i)] = `PO jaargroep ${i}`;
for (let i = 11; i <= 16; i++) JAARGROEP_LABELS[String(i)] = `VO leerjaar ${i - 10}`;

const DEFS: readonly Def[] = [
  [
    2,
    'Advies VO',
    'string',
    codes('01 10 20 21 22 23 30 31 32 33 34 35 40 41 42 43 44 50 51 52 60 61 70 80', {
      '10': 'praktijkonderwijs',
      '20': 'vmbo basisberoepsgerichte leerweg',
      '30': 'vmbo kaderberoepsgerichte leerweg',
      '40': 'vmbo gemengde/theoretische leerweg',
      '60': 'havo',
      '70': 'vwo',
    }),
    ['advies', 'wensouders', 'wensleerling', 'herzienadvies'].map((n) => f('element', 'overstapadvies', n)),
  ],
  [
    4,
    'Communicatie soort',
    'string',
    codes('e-mail telefoon', { 'e-mail': 'e-mailadres', telefoon: 'telefoonnummer' }),
    [f('element', 'communicatie', 'soort')],
  ],
  [
    5,
    'Communicatie aanduiding',
    'string',
    codes('werk prive overig', { werk: 'werk', prive: 'privé', overig: 'overig' }),
    [f('element', 'communicatie', 'aanduiding')],
  ],
  [
    6,
    'Voorschoolse toeleider',
    'integer',
    range(1, 9),
    [f('element', 'voorschools', 'codevoorschoolsetoeleider')],
  ],
  [
    7,
    'Voorschoolse historie',
    'integer',
    range(1, 5),
    [f('element', 'voorschools', 'codevoorschoolsehistorie')],
  ],
  [
    8,
    'Voorschoolse deelname',
    'integer',
    range(1, 5),
    [f('element', 'voorschools', 'codevoorschoolsedeelname')],
  ],
  [
    9,
    'VVE programma',
    'integer',
    range(1, 15),
    [
      f('element', 'voorschools', 'codevoorschoolsprogramma'),
      f('element', 'vroegschools', 'codevroegschoolsprogramma'),
    ],
  ],
  [
    10,
    'NNCA',
    'string',
    codes('0 1 2', { '0': 'niet van toepassing', '1': 'Nederlands', '2': 'niet-Nederlands' }),
    [f('element', 'nnca')],
  ],
  [
    11,
    'Referentiescore',
    'string',
    codes(
      'AE CAE IV CIV FN ON DLE Percentiel Percentage T-score Stanine DQ IQ ERK C-score Norm RNTRM ZML LGH AVI NAZ LM Standaardscore LA',
      { Percentiel: 'percentiel', Percentage: 'percentage', Stanine: 'stanine', IQ: 'intelligentiequotiënt' },
    ),
    [f('element', 'referentiescore', 'codereferentiescore')],
  ],
  [
    13,
    'Jaargroepen - leerjaren',
    'string',
    codes('0 1 2 3 4 5 6 7 8 11 12 13 14 15 16 S P', JAARGROEP_LABELS),
    [f('element', 'jaargroep')],
  ],
  [
    14,
    'Geslacht',
    'integer',
    codes('0 1 2', { '0': 'onbekend', '1': 'vrouw', '2': 'man' }),
    [f('element', 'geslacht')],
  ],
  [15, 'Gewicht', 'string', codes('0.00 0.30 1.20'), [f('element', 'leerlinggewicht')]],
  [
    16,
    'Soort overstap/dossier',
    'string',
    codes(
      'VSPO VSWEC POPO POWEC POVO VOVO VOMBO VOHBO VOWO WECWEC WECVO WECMBO POSWV VOSWV WECHBO WECWO OVERIG',
      {
        POPO: 'primair naar primair onderwijs',
        POVO: 'primair naar voortgezet onderwijs',
        VOVO: 'voortgezet naar voortgezet onderwijs',
        VOMBO: 'voortgezet naar middelbaar beroepsonderwijs',
        VOHBO: 'voortgezet naar hoger beroepsonderwijs',
        VOWO: 'voortgezet naar wetenschappelijk onderwijs',
        POSWV: 'samenwerkingsverband primair onderwijs',
        VOSWV: 'samenwerkingsverband voortgezet onderwijs',
        OVERIG: 'overig',
      },
    ),
    [f('element', 'metadata', 'overstap')],
  ],
  [
    17,
    'RVC indicatie',
    'string',
    codes('LWOO PRO', { LWOO: 'leerwegondersteunend onderwijs', PRO: 'praktijkonderwijs' }),
    [f('element', 'rvc', 'rvcindicatie')],
  ],
  [
    18,
    'Huisnummer aanduiding',
    'string',
    codes('TO BY', { TO: 'tegenover', BY: 'bij' }),
    [f('element', 'adres', 'aanduiding')],
  ],
  [
    19,
    'Soort adres',
    'string',
    codes('bezoek post gba', { bezoek: 'bezoekadres', post: 'postadres', gba: 'adres volgens de GBA' }),
    [f('element', 'adres', 'soortadres')],
  ],
  [
    21,
    'Profiel',
    'string',
    codes('basis plus bespreek disharmonisch ondersteuning'),
    [f('element', 'overstapadvies', 'profiel')],
  ],
  [
    22,
    'Vergelijkingsgroep',
    'string',
    codes('BB+ BB KB GT HAVO VWO Landelijk', {
      BB: 'vmbo basisberoepsgericht',
      KB: 'vmbo kaderberoepsgericht',
      GT: 'vmbo gemengd/theoretisch',
      HAVO: 'havo',
      VWO: 'vwo',
      Landelijk: 'landelijk',
    }),
    [f('element', 'referentiescore', 'codevergelijkingsgroep')],
  ],
  [
    23,
    'Diagnosecode',
    'string',
    codes(
      'F79.VB F79.ZB HB F80 F81.0 F81.1 F81.2 F81.9 F82 F84 F84.0 F84.2 F84.5 F84.nld F84.mcdd F90 F90.0 F90.0+ F90.0- ' +
        'F91 F91.3 F95 F95.2 F41.0 F43.1 F43.2 F50 F92.0 F93.1 F94 Fspd G40 H54.0 H54.2 H91.9.d H91.9.s Z62',
      {
        F80: 'specifieke ontwikkelingsstoornis van spraak of taal',
        'F81.0': 'specifieke leesstoornis (dyslexie)',
        'F81.1': 'specifieke spellingstoornis',
        'F81.2': 'specifieke rekenstoornis (dyscalculie)',
        'F81.9': 'ontwikkelingsstoornis van schoolse vaardigheden, niet gespecificeerd',
        F82: 'specifieke ontwikkelingsstoornis van de motoriek',
        F84: 'pervasieve ontwikkelingsstoornis (autismespectrum)',
        'F84.0': 'autisme',
        'F84.2': 'syndroom van Rett',
        'F84.5': 'syndroom van Asperger',
        F90: 'hyperkinetische stoornis (ADHD)',
        'F90.0': 'stoornis van activiteit en aandacht',
        F91: 'gedragsstoornis',
        'F91.3': 'oppositioneel-opstandige gedragsstoornis',
        F95: 'ticstoornis',
        'F95.2': 'syndroom van Gilles de la Tourette',
        'F41.0': 'paniekstoornis',
        'F43.1': 'posttraumatische stressstoornis',
        'F43.2': 'aanpassingsstoornis',
        F50: 'eetstoornis',
        G40: 'epilepsie',
        'H54.0': 'blindheid, beide ogen',
        'H54.2': 'slechtziendheid, beide ogen',
      },
    ),
    [f('element', 'diagnose', 'code')],
  ],
  [
    29,
    'Overdrachtsoort',
    'string',
    codes('overstapdossier overdrachtbinnenbrin swv-dossier', {
      overstapdossier: 'overstapdossier',
      overdrachtbinnenbrin: 'overdracht binnen BRIN',
      'swv-dossier': 'dossier voor het samenwerkingsverband',
    }),
    [f('element', 'overdrachtsoort')],
  ],
  [
    31,
    'TLV bekostigingscategorie',
    'string',
    codes('H M L Nvt', { H: 'hoog', M: 'middel', L: 'laag', Nvt: 'niet van toepassing' }),
    [f('element', 'tlv', 'tlvcategorie')],
  ],
  [
    33,
    'Deeldossier type',
    'string',
    codes('LAS LVS LASLVS TIB', {
      LAS: 'leerlingadministratie',
      LVS: 'leerlingvolgsysteem',
      LASLVS: 'leerlingadministratie en leerlingvolgsysteem',
    }),
    [f('any', 'metadata', 'deeldossier')],
    true,
  ],
  [
    35,
    'Examenuitslag',
    'string',
    codes('geslaagd afgewezen herexamen'),
    [f('element', 'examenresultaat', 'examenuitslag')],
  ],
  [
    36,
    'Beoordeling examenvak',
    'string',
    codes('voldoende onvoldoende'),
    [f('element', 'resultaatvakkenvo', 'beoordelingexamenvak')],
  ],
  [
    37,
    'Akkoord',
    'string',
    codes('Ja Nee Onbekend'),
    [f('element', 'inzage', 'akkoord'), f('element', 'inzage', 'toestemming')],
  ],
  [
    41,
    'Relatie tot kind',
    'string',
    range(1, 9, { '1': 'vader', '2': 'moeder', '3': 'voogd' }),
    [f('element', 'verzorger', 'relatietotkind')],
  ],
  [
    42,
    'Soort eindtoets',
    'string',
    codes('0011 0012 0013 0014 0016', {
      '0011': 'Centrale Eindtoets',
      '0012': 'Route 8',
      '0013': 'IEP Eindtoets',
    }),
    [f('element', ...EINDTOETS, 'toetssoort')],
  ],
  [43, 'Niveau eindtoets', 'string', codes('G'), [f('element', ...EINDTOETS, 'toetsniveau')]],
  [
    44,
    'Wettelijke ontheffing eindtoets',
    'string',
    codes('J N', { J: 'ja, ontheffing', N: 'nee, geen ontheffing' }),
    [f('element', ...EINDTOETS, 'wettelijke_ontheffing')],
  ],
  [
    45,
    'Eindtoets referentieniveaus',
    'string',
    codes('01 02 03 04', { '01': 'lager dan 1F', '02': '1F', '03': '1S', '04': '2F' }),
    [f('element', ...ONDERDEEL, 'ond_referentieniveau'), f('element', ...DOMEIN, 'dom_referentieniveau')],
  ],
  [
    46,
    'Eindtoets onderdeelcode',
    'string',
    codes('8000 8001', { '8000': 'taal', '8001': 'rekenen' }),
    [f('element', ...ONDERDEEL, 'onderdeelcode')],
  ],
  [
    47,
    'Eindtoets domeincode',
    'string',
    codes('8050 8051', { '8050': 'lezen', '8051': 'taalverzorging' }),
    [f('element', ...DOMEIN, 'domeincode')],
  ],
  [
    48,
    'Categorie uitlevering',
    'string',
    codes('VERPLICHT OPTIONEEL VERBODEN OPT-UIT', { 'OPT-UIT': 'optioneel, niet uitgeleverd' }),
    CATEGORY_FIELD_NAMES.map((n) => f('any', 'metadata', 'categorie_uitlevering', n)),
  ],
];

export const CODELISTS: readonly Codelist[] = DEFS.map(
  ([number, name, valueType, list, fields, documentLevel]) => ({
    number,
    rule: `CL.${String(number).padStart(2, '0')}`,
    name,
    valueType,
    codes: list,
    fields,
    ...(documentLevel ? { documentLevel } : {}),
  }),
);

/** Codelists by number. */
export const CODELIST_BY_NUMBER: ReadonlyMap<number, Codelist> = new Map(CODELISTS.map((c) => [c.number, c]));

/** The codelist that applies to an element with this local name, with the parent path to match. */
export interface FieldCodelist {
  list: Codelist;
  /** Ancestor names from the parent upwards (nearest first). */
  parents: readonly string[];
  anchor: 'element' | 'any';
}

/** Field element name → the codelists that can apply to it (checked against the ancestors). */
export const CODELISTS_BY_FIELD: ReadonlyMap<string, readonly FieldCodelist[]> = (() => {
  const map = new Map<string, FieldCodelist[]>();
  for (const list of CODELISTS) {
    for (const field of list.fields) {
      const name = field.path[field.path.length - 1];
      const parents = field.path.slice(0, -1).reverse();
      const entry: FieldCodelist = { list, parents, anchor: field.anchor };
      const existing = map.get(name);
      if (existing === undefined) map.set(name, [entry]);
      else existing.push(entry);
    }
  }
  return map;
})();

/** Whether `code` is in the list (exact, case-sensitive). */
export function inCodelist(list: Codelist, code: string): boolean {
  for (const c of list.codes) if (c.code === code) return true;
  return false;
}

/** The Dutch label of a code, if the list gives one. */
export function codeLabel(list: Codelist, code: string): string | undefined {
  return list.codes.find((c) => c.code === code)?.label;
}
