import { apiErrorKindsNb, apiErrorsNb } from './nb';
import { apiErrorKindsSv, apiErrorsSv } from './sv';

const words: Record<string, { reasons: Record<string, string>; kinds: Record<string, string> }> = {
  sv: { reasons: apiErrorsSv, kinds: apiErrorKindsSv },
  nb: { reasons: apiErrorsNb, kinds: apiErrorKindsNb },
};

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
  const kind = (extensions.code && language.kinds[extensions.code]) || language.kinds.INTERNAL_SERVER_ERROR;
  const reason = extensions.reason ? language.reasons[extensions.reason] : undefined;
  if (!reason) return kind;
  let unfilled = false;
  const filled = reason.replace(/%\{(\w+)\}/g, (whole, name: string) => {
    const value = extensions[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    unfilled = true;
    return whole;
  });
  // A sentence naming a detail the API did not send would show its placeholder: the kind's words say less, but nothing raw.
  return unfilled ? kind : filled;
}
