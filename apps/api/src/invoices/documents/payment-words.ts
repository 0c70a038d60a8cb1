import { DocumentLanguage, Texts } from '../../documents/document-text';

/** "Bankgiro 5050-1055", "Kontonummer 1503.12.34562": the factor's account as a payer reads it. */
export function accountText(account: { kind: string; account: string }, language: DocumentLanguage): string {
  const names: Record<string, Texts> = {
    BANKGIRO: { sv: 'Bankgiro', nb: 'Bankgiro', en: 'Bankgiro' },
    BANK_ACCOUNT: { sv: 'Bankkonto', nb: 'Kontonummer', en: 'Account' },
    IBAN: { sv: 'IBAN', nb: 'IBAN', en: 'IBAN' },
  };
  return `${names[account.kind]?.[language] ?? account.kind} ${account.account}`;
}

/** The payment reference's name in the country: OCR in Sweden, KID in Norway. */
export function referenceName(country: string, language: DocumentLanguage): string {
  if (country === 'NO') return language === 'en' ? 'KID' : 'KID';
  return language === 'en' ? 'OCR reference' : 'OCR-nummer';
}

export const DEDUCTION_NAMES: Record<'ROT' | 'RUT' | 'GREEN_TECH', Texts> = {
  ROT: { sv: 'Skattereduktion för rotarbete (rotavdrag)', nb: 'Skattefradrag for ROT-arbeid', en: 'ROT tax deduction (repairs and renovation)' },
  RUT: { sv: 'Skattereduktion för rutarbete (rutavdrag)', nb: 'Skattefradrag for RUT-tjenester', en: 'RUT tax deduction (household services)' },
  GREEN_TECH: { sv: 'Skattereduktion för installation av grön teknik', nb: 'Skattefradrag for grønn teknologi', en: 'Green technology tax deduction' },
};
