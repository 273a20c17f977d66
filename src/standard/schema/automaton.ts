import type { ComplexTypeDef, ElementParticle, Particle } from './types.js';

/**
 * A deterministic automaton for one content model (Glushkov construction). Each state is a
 * position — an element particle — or the start. The 2019.1 schema obeys the Unique Particle
 * Attribution rule, so from any state at most one position matches a given element name.
 */
export interface ContentAutomaton {
  positions: ElementParticle[];
  /** follow[state] maps an element name to the next state; state 0 is the start. */
  follow: Array<Map<string, number>>;
  /** accepting[state]: the content may end here. */
  accepting: boolean[];
}

interface Frag {
  nullable: boolean;
  first: number[];
  last: number[];
}

export function compileContent(type: ComplexTypeDef): ContentAutomaton {
  const positions: ElementParticle[] = [];
  const followSets: Array<Set<number>> = [new Set()];

  const link = (from: number[], to: number[]) => {
    for (const f of from) for (const t of to) followSets[f].add(t);
  };

  const build = (p: Particle): Frag => {
    let frag: Frag;
    if (p.k === 'e') {
      positions.push(p);
      const idx = positions.length; // states are 1-based; 0 is the start
      followSets[idx] = new Set();
      frag = { nullable: false, first: [idx], last: [idx] };
    } else if (p.k === 'seq') {
      frag = { nullable: true, first: [], last: [] };
      for (const item of p.items) {
        const f = build(item);
        link(frag.last, f.first);
        const first = frag.nullable ? [...frag.first, ...f.first] : frag.first;
        const last = f.nullable ? [...frag.last, ...f.last] : f.last;
        frag = { nullable: frag.nullable && f.nullable, first, last };
      }
    } else {
      frag = { nullable: false, first: [], last: [] };
      for (const item of p.items) {
        const f = build(item);
        frag = {
          nullable: frag.nullable || f.nullable,
          first: [...frag.first, ...f.first],
          last: [...frag.last, ...f.last],
        };
      }
    }
    if (p.max === -1) link(frag.last, frag.first);
    if (p.min === 0) frag = { ...frag, nullable: true };
    return frag;
  };

  const top = type.content ? build(type.content) : { nullable: true, first: [], last: [] };
  for (const f of top.first) followSets[0].add(f);
  const accepting = followSets.map(() => false);
  accepting[0] = top.nullable;
  for (const l of top.last) accepting[l] = true;

  const follow = followSets.map((set) => {
    const m = new Map<string, number>();
    for (const s of set) {
      const name = positions[s - 1].name;
      if (m.has(name) && m.get(name) !== s) {
        throw new Error(`content model of ${type.name} is ambiguous for ${name}`);
      }
      m.set(name, s);
    }
    return m;
  });
  return { positions, follow, accepting };
}

/** The element names allowed next in a state, for error messages. */
export function expectedNames(a: ContentAutomaton, state: number): string[] {
  return [...a.follow[state].keys()];
}
