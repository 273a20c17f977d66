import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { osoPath } from './shared.js';

let xsd: string | undefined;
const schema = () => {
  xsd ??= readFileSync(osoPath('official', 'OSO_gegevensset-2019.1.xsd'), 'utf8');
  return [{ fileName: 'oso.xsd', contents: xsd }];
};

/** Validates XML against the official 2019.1 XSD with libxml2's xmllint (WebAssembly build). */
export async function xmllintValidate(
  xml: string | Uint8Array,
): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: [{ fileName: 'dossier.xml', contents: xml }], schema: schema() });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/**
 * Validates many documents in one xmllint run (one WebAssembly instance instead of one per file)
 * and returns, per document, whether it is valid.
 */
export async function xmllintValidateMany(docs: Array<string | Uint8Array>): Promise<boolean[]> {
  const names = docs.map((_, i) => `doc${String(i).padStart(4, '0')}.xml`);
  const result = await validateXML({
    xml: docs.map((contents, i) => ({ fileName: names[i], contents })),
    schema: schema(),
  });
  const invalid = new Set<string>();
  for (const e of result.errors) {
    const name = /(doc\d{4}\.xml)/.exec(e.rawMessage)?.[1];
    if (name === undefined) throw new Error(`xmllint error without a file: ${e.rawMessage}`);
    invalid.add(name);
  }
  return names.map((n) => !invalid.has(n));
}
