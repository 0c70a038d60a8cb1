import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(__dirname, '..', 'src', 'payouts', 'schemas');

/** The official XSD's complaints about a bank file (libxml2 as WebAssembly): none means it validates. */
export async function xsdErrors(xml: string, schema: 'pain.001.001.03' | 'pain.002.001.03'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'file.xml', contents: xml }],
    schema: [{ fileName: `${schema}.xsd`, contents: readFileSync(join(SCHEMAS, `${schema}.xsd`), 'utf8') }],
  });
  return result.errors.map((e) => e.message);
}
