import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { nb } from './nb';
import { sv } from './sv';
import { disputeMessages } from '../disputes/messages';
import { deliveryMessages } from '../deliveries/messages';
import { overdueMessages } from '../overdue/messages';
import { moneyInMessages } from '../payments/messages';
import { collectionCaseMessages } from '../collection-cases/messages';
import { recourseMessages } from '../recourse/messages';

type Tree = { [key: string]: Tree | string };

/** English under everything, so a key a translation lacks reads in English, never as a raw key. */
function withEnglishFallback(base: Tree, override: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = merged[key];
    merged[key] =
      typeof value === 'object' && typeof under === 'object' ? withEnglishFallback(under, value) : value;
  }
  return merged;
}

// Screens that keep their words beside them (disputes and recourse invoices) add them to each language.
const enAll = withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(en as Tree, disputeMessages.en as Tree), deliveryMessages.en as Tree), overdueMessages.en as Tree), moneyInMessages.en as Tree);
const enWithCases = withEnglishFallback(withEnglishFallback(enAll, collectionCaseMessages.en as Tree), recourseMessages.en as Tree);
const messages: Record<string, TranslationMessages> = {
  en: enWithCases as TranslationMessages,
  sv: withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(enAll, sv as Tree), disputeMessages.sv as Tree), deliveryMessages.sv as Tree), overdueMessages.sv as Tree), moneyInMessages.sv as Tree), collectionCaseMessages.sv as Tree), recourseMessages.sv as Tree) as TranslationMessages,
  nb: withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(withEnglishFallback(enAll, nb as Tree), disputeMessages.nb as Tree), deliveryMessages.nb as Tree), overdueMessages.nb as Tree), moneyInMessages.nb as Tree), collectionCaseMessages.nb as Tree), recourseMessages.nb as Tree) as TranslationMessages,
};

export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'sv', name: 'Svenska' },
  { locale: 'nb', name: 'Norsk bokmål' },
];

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en, 'en', locales, {
  allowMissing: true,
});
