import { useLocaleState } from 'react-admin';
import type { AmountLocale } from '@factoring/domain/src/money/amount-text';

/** The console's language as the amount parser and formatter know it (en, sv, nb); English for anything else. */
export const useAmountLocale = (): AmountLocale => {
  const [language] = useLocaleState();
  return language === 'sv' || language === 'nb' ? language : 'en';
};
