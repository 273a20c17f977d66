import { readdirSync, readFileSync } from 'node:fs';
import { osoPath } from './shared.js';

export interface ConformanceCase {
  id: string;
  description: string;
  profile: 'OV' | 'PaO';
  wellFormed: boolean;
  xsdValid: boolean;
  findings: Array<{ rule: string; path: string }>;
  officialDefect?: string;
  oracleNote?: string;
  bytes: Buffer;
}

/** Every case of the shared conformance folder; throws when the folder is missing or empty. */
export function conformanceCases(): ConformanceCase[] {
  const dir = osoPath('conformance');
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
      return {
        ...expected,
        bytes: readFileSync(`${dir}/${f.replace('.expected.json', '.xml')}`),
      } as ConformanceCase;
    });
  if (cases.length === 0) throw new Error(`no conformance cases in ${dir}`);
  return cases;
}

export function officialExamples(): Array<{ name: string; bytes: Buffer }> {
  const dir = osoPath('official', 'examples');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  if (files.length !== 12) throw new Error(`expected 12 official examples in ${dir}, found ${files.length}`);
  return files.map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
}
