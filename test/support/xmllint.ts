import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { osoPath } from './shared.js';

let xsd: string | undefined;

/** Validates XML against the official 2019.1 XSD with libxml2's xmllint (WebAssembly build). */
export async function xmllintValidate(
  xml: string | Uint8Array,
): Promise<{ valid: boolean; errors: string[] }> {
  xsd ??= readFileSync(osoPath('official', 'OSO_gegevensset-2019.1.xsd'), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'dossier.xml', contents: xml }],
    schema: [{ fileName: 'oso.xsd', contents: xsd }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
