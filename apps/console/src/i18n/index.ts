import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { nb } from './nb';
import { sv } from './sv';

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

const messages: Record<string, TranslationMessages> = {
  en,
  sv: withEnglishFallback(en as Tree, sv as Tree) as TranslationMessages,
  nb: withEnglishFallback(en as Tree, nb as Tree) as TranslationMessages,
};

export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'sv', name: 'Svenska' },
  { locale: 'nb', name: 'Norsk bokmål' },
];

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en, 'en', locales, {
  allowMissing: true,
});
