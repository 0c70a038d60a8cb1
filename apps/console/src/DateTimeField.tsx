import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { DATE_FORMAT, DATE_TIME_FORMAT } from './common/format';

/** Dates and times written the way the chosen language writes them (sv-SE: 2026-11-22 21:06). */
const dateLocales: Record<string, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

export const useDateLocale = () => {
  const [locale] = useLocaleState();
  return dateLocales[locale] ?? 'en-GB';
};

export const DateTimeField = (props: DateFieldProps) => {
  const locales = useDateLocale();
  // The same day format as useFormat's (one per language); with the time when asked for.
  const options = props.showTime && props.showDate !== false ? DATE_TIME_FORMAT : props.showTime ? { hour: '2-digit', minute: '2-digit' } as const : DATE_FORMAT;
  return <DateField locales={locales} options={options} {...props} />;
};
