import type { Message } from '../errors.js';
import type { Finding, ValidationMode } from '../findings.js';
import { hasSignificantText, pathOf, textOf, type XElement } from '../xml/tree.js';
import type { ContentAutomaton } from './automaton.js';
import {
  automatonOf,
  checkSimpleValue,
  expectedNames,
  OSO_NAMESPACE,
  SCHEMA,
  typeDef,
  type ValueProblem,
} from './index.js';
import type { ComplexTypeDef, SimpleTypeDef } from './types.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const MAX_FINDINGS = 200;

/**
 * Validates an element tree against the 2019.1 schema. Reports every problem it can find
 * (not only the first), each with its path, line and column. In `official` mode any global
 * element of the schema is accepted as the root, as the official schema check does; in `strict`
 * mode only `dossier` and `dossiers` are.
 */
export function validateSchema(root: XElement, mode: ValidationMode): Finding[] {
  const findings: Finding[] = [];
  const add = (el: XElement, rule: string, message: Message) => {
    if (findings.length < MAX_FINDINGS) {
      findings.push({ rule, severity: 'fout', path: pathOf(el), line: el.line, column: el.column, message });
    }
  };

  if (root.ns !== OSO_NAMESPACE) {
    add(root, 'XSD.NAMESPACE', {
      nl: `Het hoofdelement <${root.name}> staat niet in de namespace van OSO 2019 (${OSO_NAMESPACE})${root.ns ? ` maar in ${root.ns}` : ''}. Gebruik xmlns="${OSO_NAMESPACE}".`,
      en: `The root element <${root.name}> is not in the OSO 2019 namespace (${OSO_NAMESPACE})${root.ns ? ` but in ${root.ns}` : ''}. Use xmlns="${OSO_NAMESPACE}".`,
    });
    return findings;
  }
  const rootType = SCHEMA.elements[root.name];
  if (rootType === undefined) {
    add(root, 'XSD.ROOT', {
      nl: `<${root.name}> is geen element van de OSO gegevensset 2019.1. Een overstapdossier begint met <dossier> (of <dossiers> voor een reeks).`,
      en: `<${root.name}> is not an element of the OSO gegevensset 2019.1. An overstapdossier starts with <dossier> (or <dossiers> for a batch).`,
    });
    return findings;
  }
  if (mode === 'strict' && root.name !== 'dossier' && root.name !== 'dossiers') {
    add(root, 'XSD.ROOT', {
      nl: `Het document begint met <${root.name}>. Een overstapdossier moet beginnen met <dossier> (of <dossiers> voor een reeks).`,
      en: `The document starts with <${root.name}>. An overstapdossier must start with <dossier> (or <dossiers> for a batch).`,
    });
  }
  checkElement(root, rootType, add);
  return findings;
}

type Add = (el: XElement, rule: string, message: Message) => void;

function checkElement(el: XElement, typeName: string, add: Add): void {
  const t = typeDef(typeName);
  checkAttributes(el, t.kind === 'complex' ? t : null, add);
  if (t.kind === 'simple') {
    if (el.children.length > 0) {
      add(el.children[0], 'XSD.ORDER', {
        nl: `<${el.name}> bevat alleen een waarde, geen elementen; <${el.children[0].name}> hoort hier niet.`,
        en: `<${el.name}> holds a value only, no elements; <${el.children[0].name}> does not belong here.`,
      });
      return;
    }
    checkValue(el, t, add);
    return;
  }
  if (t.simpleContent) {
    const vt = typeDef(t.simpleContent);
    if (el.children.length > 0) {
      add(el.children[0], 'XSD.ORDER', {
        nl: `<${el.name}> bevat alleen een waarde, geen elementen; <${el.children[0].name}> hoort hier niet.`,
        en: `<${el.name}> holds a value only, no elements; <${el.children[0].name}> does not belong here.`,
      });
      return;
    }
    if (vt.kind === 'simple') checkValue(el, vt, add);
    return;
  }
  if (hasSignificantText(el)) {
    add(el, 'XSD.TEXT', {
      nl: `<${el.name}> mag alleen elementen bevatten, geen losse tekst. Verwijder de tekst of zet die in het juiste veld.`,
      en: `<${el.name}> may contain elements only, no loose text. Remove the text or put it in the right field.`,
    });
  }
  checkContent(el, t, add);
}

function checkContent(el: XElement, t: ComplexTypeDef, add: Add): void {
  const a = automatonOf(t);
  let state = 0;
  let broken = false;
  for (const child of el.children) {
    if (child.ns !== OSO_NAMESPACE) {
      add(child, 'XSD.NAMESPACE', {
        nl: `<${child.name}> staat in een andere namespace (${child.ns || 'geen'}) dan de OSO gegevensset; elk element hoort in ${OSO_NAMESPACE}.`,
        en: `<${child.name}> is in another namespace (${child.ns || 'none'}) than the OSO gegevensset; every element belongs in ${OSO_NAMESPACE}.`,
      });
      broken = true;
      continue;
    }
    if (broken) {
      // After an order error the position in the model is unknown; still check the children
      // whose type is clear from their name.
      const pos = a.positions.find((p) => p.name === child.name);
      if (pos) checkElement(child, pos.type, add);
      continue;
    }
    const next = a.follow[state].get(child.name);
    if (next === undefined) {
      add(child, 'XSD.ORDER', orderMessage(el, child, a, state));
      broken = true;
      const pos = a.positions.find((p) => p.name === child.name);
      if (pos) checkElement(child, pos.type, add);
      continue;
    }
    state = next;
    checkElement(child, a.positions[next - 1].type, add);
  }
  if (!broken && !a.accepting[state]) {
    const missing = expectedNames(a, state);
    const list = missing.map((n) => `<${n}>`).join(' of ');
    add(el, 'XSD.MISSING', {
      nl: `In <${el.name}> ontbreekt een verplicht element${missing.length ? `: ${list}` : ''}. Vul het aan.`,
      en: `<${el.name}> lacks a required element${missing.length ? `: ${list.replace(/ of /g, ' or ')}` : ''}. Add it.`,
    });
  }
}

function orderMessage(el: XElement, child: XElement, a: ContentAutomaton, state: number): Message {
  const expected = expectedNames(a, state);
  const shown = expected.slice(0, 8).map((n) => `<${n}>`);
  const list = shown.join(', ') + (expected.length > 8 ? ', …' : '');
  const idx = a.positions.findIndex((p) => p.name === child.name);
  if (idx < 0) {
    return {
      nl: `<${child.name}> is geen onderdeel van <${el.name}> in de OSO gegevensset 2019.1.${expected.length ? ` Op deze plaats past: ${list}.` : ''}`,
      en: `<${child.name}> is not part of <${el.name}> in the OSO gegevensset 2019.1.${expected.length ? ` Allowed here: ${list}.` : ''}`,
    };
  }
  if (state > 0 && idx < state - 1) {
    const after = a.positions[state - 1].name;
    return {
      nl: `<${child.name}> staat te laat in <${el.name}>: het hoort vóór <${after}>. Zet de elementen in de volgorde van de standaard.`,
      en: `<${child.name}> comes too late in <${el.name}>: it belongs before <${after}>. Put the elements in the standard's order.`,
    };
  }
  if (state > 0 && idx === state - 1) {
    return {
      nl: `<${child.name}> mag maar één keer voorkomen in <${el.name}>.`,
      en: `<${child.name}> may occur only once in <${el.name}>.`,
    };
  }
  return {
    nl: `Vóór <${child.name}> ontbreekt in <${el.name}> een verplicht element: ${list}.`,
    en: `Before <${child.name}>, <${el.name}> lacks a required element: ${list}.`,
  };
}

function checkAttributes(el: XElement, t: ComplexTypeDef | null, add: Add): void {
  const defs = t?.attributes ?? [];
  if (el.attrs) {
    for (const key of Object.keys(el.attrs)) {
      if (key === `{${XSI}}schemaLocation` || key === `{${XSI}}noNamespaceSchemaLocation`) continue;
      const def = defs.find((d) => d.name === key);
      if (!def) {
        add(el, 'XSD.ATTRIBUTE', {
          nl: `<${el.name}> mag het attribuut "${key}" niet hebben.`,
          en: `<${el.name}> may not have the attribute "${key}".`,
        });
        continue;
      }
      const at = typeDef(def.type);
      if (at.kind === 'simple') {
        const problem = checkSimpleValue(at, el.attrs[key]);
        if (problem) {
          add(el, 'XSD.VALUE', {
            nl: `Het attribuut "${key}" van <${el.name}> heeft een ongeldige waarde: ${describe(problem).nl}`,
            en: `The attribute "${key}" of <${el.name}> has an invalid value: ${describe(problem).en}`,
          });
        }
      }
    }
  }
  for (const d of defs) {
    if (d.required && !(el.attrs && d.name in el.attrs)) {
      add(el, 'XSD.ATTRIBUTE', {
        nl: `<${el.name}> mist het verplichte attribuut "${d.name}".`,
        en: `<${el.name}> lacks the required attribute "${d.name}".`,
      });
    }
  }
}

function checkValue(el: XElement, t: SimpleTypeDef, add: Add): void {
  const problem = checkSimpleValue(t, textOf(el));
  if (problem === null) return;
  const d = describe(problem);
  add(el, 'XSD.VALUE', {
    nl: `De waarde van <${el.name}> is ongeldig: ${d.nl}`,
    en: `The value of <${el.name}> is invalid: ${d.en}`,
  });
}

const BASE_NAMES: Record<string, Message> = {
  boolean: { nl: 'true of false', en: 'true or false' },
  date: {
    nl: 'een datum als JJJJ-MM-DD, bijvoorbeeld 2012-03-31',
    en: 'a date as YYYY-MM-DD, for example 2012-03-31',
  },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  decimal: { nl: 'een getal (met een punt als decimaalteken)', en: 'a number (with a decimal point)' },
  string: { nl: 'tekst', en: 'text' },
};

const PATTERN_NAMES: Record<string, Message> = {
  '[0-9][0-9][A-Z][A-Z]': {
    nl: 'een BRIN-code: twee cijfers en twee hoofdletters, zoals 00YY',
    en: 'a BRIN code: two digits and two capital letters, such as 00YY',
  },
  '[0-9][0-9]': { nl: 'twee cijfers, zoals 01', en: 'two digits, such as 01' },
  '[0-9][0-9][0-9][0-9]': { nl: 'vier cijfers', en: 'four digits' },
  '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]': {
    nl: 'een schooljaar als 2015-2016',
    en: 'a school year as 2015-2016',
  },
  '[0-9][0-9][0-9][0-9]-07-31': {
    nl: 'een einddatum op 31 juli (JJJJ-07-31)',
    en: 'an end date on 31 July (YYYY-07-31)',
  },
  '\\d{2}-\\d{2}-\\d{4}': { nl: 'een datum als DD-MM-JJJJ', en: 'a date as DD-MM-YYYY' },
  '\\p{Nd}{4}-\\p{Nd}{2}': { nl: 'een maand als JJJJ-MM', en: 'a month as YYYY-MM' },
};

function describe(p: ValueProblem): Message {
  switch (p.kind) {
    case 'lexical':
      return { nl: `verwacht wordt ${BASE_NAMES[p.base].nl}.`, en: `expected ${BASE_NAMES[p.base].en}.` };
    case 'minLength':
      return p.limit === 1
        ? {
            nl: 'het veld is leeg; laat het weg of vul het in.',
            en: 'the field is empty; leave it out or fill it in.',
          }
        : {
            nl: `minstens ${p.limit} tekens nodig, er zijn er ${p.actual}.`,
            en: `at least ${p.limit} characters needed, found ${p.actual}.`,
          };
    case 'maxLength':
      return {
        nl: `hoogstens ${p.limit} tekens toegestaan, er zijn er ${p.actual}.`,
        en: `at most ${p.limit} characters allowed, found ${p.actual}.`,
      };
    case 'pattern': {
      const n = PATTERN_NAMES[p.pattern];
      return n
        ? { nl: `verwacht wordt ${n.nl}.`, en: `expected ${n.en}.` }
        : { nl: `past niet bij het patroon ${p.pattern}.`, en: `does not match the pattern ${p.pattern}.` };
    }
    case 'minInclusive':
      return { nl: `de waarde moet minstens ${p.limit} zijn.`, en: `the value must be at least ${p.limit}.` };
    case 'maxInclusive':
      return { nl: `de waarde mag hoogstens ${p.limit} zijn.`, en: `the value may be at most ${p.limit}.` };
  }
}
