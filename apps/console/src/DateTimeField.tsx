import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** Dates and times written the way the chosen language writes them (sv-SE: 2026-11-22 21:06). */
const dateLocales: Record<string, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

export const useDateLocale = () => {
  const [locale] = useLocaleState();
  return dateLocales[locale] ?? 'en-GB';
};

export const DateTimeField = (props: DateFieldProps) => {
  const locales = useDateLocale();
  return <DateField locales={locales} {...props} />;
};
