import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as SaxonJS from 'saxon-js';
import { validateXML } from 'xmllint-wasm';

/**
 * Checks an e-invoice the way a Peppol access point does: the UBL 2.1 XSD (libxml2 as WebAssembly,
 * xmllint-wasm), then the CEN EN 16931 UBL rules and the Peppol BIS Billing 3.0 rules, both the
 * schematrons of the Peppol 3.0.19 release (schemas/sch/), compiled once to SaxonJS's SEF
 * (schemas/compiled/, see schemas/SOURCE.md) and run with saxon-js: XSLT 2.0 rules need an XSLT 2.0
 * processor, and SaxonJS is one in pure JavaScript, so no Java is needed here or in CI.
 * Fatal findings reject the invoice; warnings are reported and do not.
 */

export const PEPPOL_SCHEMAS = join(__dirname, 'schemas');

export type PeppolRuleSource = 'UBL-XSD' | 'CEN-EN16931' | 'PEPPOL-BIS3';

export interface PeppolFinding {
  source: PeppolRuleSource;
  /** The rule id (e.g. BR-CO-16, PEPPOL-EN16931-R001); "XSD" for a schema error. */
  id: string;
  flag: 'fatal' | 'warning';
  /** XPath of the node (schematron) or line (XSD). */
  location: string;
  text: string;
}

export interface PeppolValidation {
  valid: boolean;
  /** Fatal findings. */
  errors: PeppolFinding[];
  warnings: PeppolFinding[];
}

const SCHEMATRONS: Array<{ source: PeppolRuleSource; file: string }> = [
  { source: 'CEN-EN16931', file: 'CEN-EN16931-UBL.sef.json' },
  { source: 'PEPPOL-BIS3', file: 'PEPPOL-EN16931-UBL.sef.json' },
];

let loaded: { xsd: { main: { fileName: string; contents: string }; preload: Array<{ fileName: string; contents: string }> }; sefs: Array<{ source: PeppolRuleSource; sef: unknown }> } | null = null;

/** Read once per process: the SEF files are a few MB of JSON. */
function schemas() {
  if (loaded) return loaded;
  const ubl = join(PEPPOL_SCHEMAS, 'ubl-2.1');
  const file = (path: string) => ({ fileName: path, contents: readFileSync(join(ubl, path), 'utf8') });
  loaded = {
    xsd: {
      main: file('maindoc/UBL-Invoice-2.1.xsd'),
      preload: readdirSync(join(ubl, 'common')).map((name) => file(`common/${name}`)),
    },
    sefs: SCHEMATRONS.map(({ source, file }) => ({ source, sef: JSON.parse(readFileSync(join(PEPPOL_SCHEMAS, 'compiled', file), 'utf8')) })),
  };
  return loaded;
}

export async function xsdFindings(xml: string): Promise<PeppolFinding[]> {
  const { xsd } = schemas();
  const result = await validateXML({ xml: [{ fileName: 'invoice.xml', contents: xml }], schema: [xsd.main], preload: xsd.preload });
  return result.errors.map((e) => ({ source: 'UBL-XSD', id: 'XSD', flag: 'fatal', location: e.loc ? `line ${e.loc.lineNumber}` : '', text: e.message }));
}

export function schematronFindings(xml: string): PeppolFinding[] {
  const findings: PeppolFinding[] = [];
  for (const { source, sef } of schemas().sefs) {
    const svrl = SaxonJS.transform({ stylesheetInternal: sef, sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
    for (const match of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>\s*<svrl:text>([\s\S]*?)<\/svrl:text>/g)) {
      const attribute = (name: string) => unescape(new RegExp(`\\b${name}="([^"]*)"`).exec(match[1])?.[1] ?? '');
      findings.push({ source, id: attribute('id'), flag: attribute('flag') === 'warning' ? 'warning' : 'fatal', location: readablePath(attribute('location')), text: unescape(match[2]) });
    }
  }
  return findings;
}

/**
 * XSD first: the schematrons assume a document of the right shape, so an invoice the XSD refuses
 * is not run through them (their findings would only repeat the shape error).
 */
export async function validatePeppolInvoice(xml: string): Promise<PeppolValidation> {
  let findings = await xsdFindings(xml);
  if (findings.length === 0) {
    try {
      findings = schematronFindings(xml);
    } catch (error) {
      findings = [{ source: 'UBL-XSD', id: 'XML', flag: 'fatal', location: '', text: (error as Error).message }];
    }
  }
  const errors = findings.filter((f) => f.flag === 'fatal');
  return { valid: errors.length === 0, errors, warnings: findings.filter((f) => f.flag === 'warning') };
}

const PREFIXES: Record<string, string> = {
  'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2': '',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac:',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc:',
};

/** path() writes Q{namespace}name steps: shown with the usual UBL prefixes, e.g. /Invoice[1]/cac:LegalMonetaryTotal[1]. */
function readablePath(path: string): string {
  return path.replace(/Q\{([^}]*)\}/g, (step, namespace: string) => PREFIXES[namespace] ?? step);
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] as string);
}
