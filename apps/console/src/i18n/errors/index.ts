import { apiErrorKindsNb, apiErrorsNb } from './nb';
import { apiErrorKindsSv, apiErrorsSv } from './sv';

const words: Record<string, { reasons: Record<string, string>; kinds: Record<string, string> }> = {
  sv: { reasons: apiErrorsSv, kinds: apiErrorKindsSv },
  nb: { reasons: apiErrorsNb, kinds: apiErrorKindsNb },
};

/** Every reason code the console has words for (tests compare it with the API's codes). */
export const wordedApiErrors = { sv: apiErrorsSv, nb: apiErrorsNb };

/**
 * What a person reads for a refusal of the API. In English the API's own sentence, which names
 * the values; in Swedish and Norwegian the words for its reason, else for its kind (a refusal
 * never reaches a Swedish page in English), with the details the API sent filled in.
 */
export function apiErrorText(
  locale: string,
  englishMessage: string,
  extensions: { code?: string; reason?: string } & Record<string, unknown> = {},
): string {
  const language = words[locale];
  if (!language) return englishMessage;
  const text =
    (extensions.reason && language.reasons[extensions.reason]) ||
    (extensions.code && language.kinds[extensions.code]) ||
    language.kinds.INTERNAL_SERVER_ERROR;
  return text.replace(/%\{(\w+)\}/g, (whole, name: string) => {
    const value = extensions[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
