import { useCallback } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A reason code in a few words of the reader's language: the eligibility rules' codes, then the
 * credit rules', client standing and analysts' denials (console.timeline_words.reasons). A code
 * with no words yet reads as itself, so it is noticed and given some.
 */
export const useReasonWord = () => {
  const translate = useTranslate();
  return useCallback(
    (code: string) => translate(`console.reason_codes.${code}`, { _: translate(`console.timeline_words.reasons.${code}`, { _: code }) }),
    [translate],
  );
};
