import type { BankFileFormat } from './bank-entry';

/** The camt namespaces we read, each with its format and version (FORMATS.md §3: detect the version from the namespace). */
export const CAMT_NAMESPACES: Record<string, { format: BankFileFormat; version: string }> = {
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02': { format: 'CAMT_053', version: 'camt.053.001.02' },
  'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08': { format: 'CAMT_053', version: 'camt.053.001.08' },
  'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02': { format: 'CAMT_054', version: 'camt.054.001.02' },
  'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08': { format: 'CAMT_054', version: 'camt.054.001.08' },
};
